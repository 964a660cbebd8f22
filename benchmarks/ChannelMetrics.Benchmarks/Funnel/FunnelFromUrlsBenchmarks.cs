using System.Web;
using BenchmarkDotNet.Attributes;
using ChannelMetrics.Funnel;
using ChannelMetrics.Tracking;

namespace ChannelMetrics.Benchmarks.Funnel;

/// <summary>
/// End to end from landing URL strings: what a developer writes by hand (<c>new Uri</c> +
/// <c>HttpUtility.ParseQueryString</c> + LINQ <c>GroupBy</c>, baseline) against the aggregator's span path
/// and its <see cref="FunnelEvent"/> path. Set <c>CHANNELMETRICS_FUNNEL_EVENTS=5000000</c> for the size.
/// </summary>
[MemoryDiagnoser]
public class FunnelFromUrlsBenchmarks
{
    private RawEvent[] _raw = [];
    private FunnelEvent[] _events = [];

    /// <summary>Gets or sets the number of events (from <c>CHANNELMETRICS_FUNNEL_EVENTS</c>).</summary>
    [ParamsSource(nameof(Sizes))]
    public int Events { get; set; }

    public static IEnumerable<int> Sizes() => FunnelBenchData.Sizes();

    [GlobalSetup]
    public void Setup()
    {
        _raw = FunnelBenchData.Generate(Events);
        _events = _raw.Select(e => new FunnelEvent(e.Timestamp, e.Stage, e.VisitorId, e.Url)).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int UriHttpUtilityLinq()
    {
        var resolver = SourceResolver.Default;
        var networks = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = _raw
            .Select(e =>
            {
                var query = HttpUtility.ParseQueryString(new Uri(e.Url).Query);
                string source = query["utm_source"] ?? "(direct)";
                if (!networks.TryGetValue(source, out string? network))
                {
                    network = resolver.Resolve(source).Name;
                    networks.Add(source, network);
                }

                return (e.Timestamp.UtcDateTime.Year, e.Timestamp.UtcDateTime.Month, Network: network, Campaign: query["utm_campaign"] ?? "(not set)", e.Stage);
            })
            .GroupBy(e => (e.Year, e.Month, e.Network, e.Campaign))
            .Select(g => (g.Key, Visits: g.LongCount(e => e.Stage == FunnelStage.Visit), Leads: g.LongCount(e => e.Stage == FunnelStage.Lead), Customers: g.LongCount(e => e.Stage == FunnelStage.Customer)))
            .ToList();
        return rows.Count;
    }

    [Benchmark]
    public int AggregatorSpanPath()
    {
        var aggregator = new FunnelAggregator();
        foreach (var e in _raw)
        {
            aggregator.Add(e.Timestamp, e.Stage, e.VisitorId.AsSpan(), e.Url.AsSpan());
        }

        return aggregator.ToTable().Rows.Count;
    }

    [Benchmark]
    public int AggregatorFunnelEvents()
    {
        var aggregator = new FunnelAggregator();
        foreach (ref readonly var e in _events.AsSpan())
        {
            aggregator.Add(e);
        }

        return aggregator.ToTable().Rows.Count;
    }
}
