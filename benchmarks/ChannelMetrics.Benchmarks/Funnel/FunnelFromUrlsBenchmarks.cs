using System.Web;
using BenchmarkDotNet.Attributes;
using ChannelMetrics.Funnel;
using ChannelMetrics.Tracking;

namespace ChannelMetrics.Benchmarks.Funnel;

/// <summary>
/// End to end from landing URL strings, each lead and customer credited to its visitor's last non-direct visit:
/// what a developer writes by hand (<c>new Uri</c> + <c>HttpUtility.ParseQueryString</c> per URL, then the
/// attribution and <c>GroupBy</c> in LINQ; baseline) against the aggregator's span path and its
/// <see cref="FunnelEvent"/> path. Every method returns the same table.
/// </summary>
/// <remarks>
/// Attribution as in <see cref="FunnelFromRecordsBenchmarks"/>; the setup checks every table against the
/// aggregator's for inputs up to <see cref="PeerCheck.MaxEvents"/> events.
/// Set <c>CHANNELMETRICS_FUNNEL_EVENTS=5000000</c> for the size.
/// </remarks>
[MemoryDiagnoser]
public class FunnelFromUrlsBenchmarks
{
    private RawEvent[] _raw = [];
    private FunnelEvent[] _events = [];

    // The last table the aggregator methods produced: read by the setup's check only.
    private FunnelTable? _lastTable;

    /// <summary>Gets or sets the number of events (from <c>CHANNELMETRICS_FUNNEL_EVENTS</c>).</summary>
    [ParamsSource(nameof(Sizes))]
    public int Events { get; set; }

    public static IEnumerable<int> Sizes() => FunnelBenchData.Sizes();

    [GlobalSetup]
    public void Setup()
    {
        Prepare(FunnelBenchData.Generate(Events));
        if (Events <= PeerCheck.MaxEvents)
        {
            Check();

            // The generated data has no direct visits and no ties at one instant: crafted events cover them.
            var edges = new FunnelFromUrlsBenchmarks();
            edges.Prepare(FunnelBenchData.EdgeCases());
            edges.Check();
        }
    }

    private void Prepare(RawEvent[] raw)
    {
        _raw = raw;
        _events = _raw.Select(e => new FunnelEvent(e.Timestamp, e.Stage, e.VisitorId, e.Url)).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int UriHttpUtilityLinq() => LinqAttribution.Group(LinqAttribution.Attribute(Parsed())).Count;

    [Benchmark]
    public int AggregatorSpanPath()
    {
        var aggregator = new FunnelAggregator();
        foreach (var e in _raw)
        {
            aggregator.Add(e.Timestamp, e.Stage, e.VisitorId.AsSpan(), e.Url.AsSpan());
        }

        return (_lastTable = aggregator.ToTable()).Rows.Count;
    }

    [Benchmark]
    public int AggregatorFunnelEvents()
    {
        var aggregator = new FunnelAggregator();
        aggregator.AddRange(_events);

        return (_lastTable = aggregator.ToTable()).Rows.Count;
    }

    /// <summary>Parses every URL once (the attribution enumerates the events twice), resolving each source once.</summary>
    private List<TouchedEvent> Parsed()
    {
        var resolver = SourceResolver.Default;
        var networks = new Dictionary<string, string>(StringComparer.Ordinal);
        return _raw
            .Select(e =>
            {
                var query = HttpUtility.ParseQueryString(new Uri(e.Url).Query);
                string? source = query["utm_source"], campaign = query["utm_campaign"];
                if (string.IsNullOrWhiteSpace(source))
                {
                    return new TouchedEvent(e.Timestamp, e.Stage, e.VisitorId, new PeerTouch(PeerTouch.Direct, string.IsNullOrWhiteSpace(campaign) ? PeerTouch.Direct : campaign));
                }

                if (!networks.TryGetValue(source, out string? network))
                {
                    network = resolver.Resolve(source).Name;
                    networks.Add(source, network);
                }

                return new TouchedEvent(e.Timestamp, e.Stage, e.VisitorId, new PeerTouch(network, string.IsNullOrWhiteSpace(campaign) ? PeerTouch.NotSet : campaign));
            })
            .ToList();
    }

    private void Check()
    {
        const string Name = nameof(FunnelFromUrlsBenchmarks);
        var credited = LinqAttribution.Attribute(Parsed()).ToList();
        PeerCheck.Attributed(Name, credited);

        AggregatorSpanPath();
        var expected = PeerCheck.Rows(_lastTable!);
        AggregatorFunnelEvents();
        PeerCheck.SameRows(
            Name,
            nameof(AggregatorSpanPath),
            expected,
            (nameof(UriHttpUtilityLinq), LinqAttribution.Group(credited)),
            (nameof(AggregatorFunnelEvents), PeerCheck.Rows(_lastTable!)));
    }
}
