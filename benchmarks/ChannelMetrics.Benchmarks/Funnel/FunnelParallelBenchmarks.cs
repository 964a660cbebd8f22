using BenchmarkDotNet.Attributes;
using ChannelMetrics.Funnel;

namespace ChannelMetrics.Benchmarks.Funnel;

/// <summary>
/// Parallel ingest of landing-URL events on every core against the same call on one core (baseline).
/// Set <c>CHANNELMETRICS_FUNNEL_EVENTS=5000000</c> for the size.
/// </summary>
[MemoryDiagnoser]
public class FunnelParallelBenchmarks
{
    private FunnelEvent[] _events = [];

    /// <summary>Gets or sets the number of events (from <c>CHANNELMETRICS_FUNNEL_EVENTS</c>).</summary>
    [ParamsSource(nameof(Sizes))]
    public int Events { get; set; }

    public static IEnumerable<int> Sizes() => FunnelBenchData.Sizes();

    [GlobalSetup]
    public void Setup() =>
        _events = FunnelBenchData.Generate(Events).Select(e => new FunnelEvent(e.Timestamp, e.Stage, e.VisitorId, e.Url)).ToArray();

    [Benchmark(Baseline = true)]
    public int OneCore() => FunnelAggregator.AggregateParallel(_events, maxDegreeOfParallelism: 1).Rows.Count;

    [Benchmark]
    public int AllCores() => FunnelAggregator.AggregateParallel(_events).Rows.Count;
}
