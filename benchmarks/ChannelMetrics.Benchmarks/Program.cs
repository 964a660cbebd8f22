using BenchmarkDotNet.Running;

// Any subset runs from the command line, for example:
//   dotnet run -c Release --project benchmarks/ChannelMetrics.Benchmarks -- --filter '*Wilson*'
// .ci/run uses `--job Dry` so every benchmark executes once and cannot rot.
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToList();

// BenchmarkDotNet reports a benchmark that throws (for example a setup check finding that a peer's table
// differs from the aggregator's) and still exits with 0: fail the process, so CI's Dry run fails too.
var failed = summaries
    .SelectMany(s => s.Reports.Where(r => !r.Success).Select(r => r.BenchmarkCase.DisplayInfo)
        .Concat(s.HasCriticalValidationErrors ? [s.Title + " (validation errors)"] : []))
    .ToList();
foreach (string name in failed)
{
    Console.Error.WriteLine("Benchmark failed: " + name);
}

return failed.Count == 0 ? 0 : 1;
