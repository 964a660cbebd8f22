using BenchmarkDotNet.Running;

// Any subset runs from the command line, for example:
//   dotnet run -c Release --project benchmarks/ChannelMetrics.Benchmarks -- --filter '*Wilson*'
// .ci/run uses `--job Dry` so every benchmark executes once and cannot rot.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
