using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using ChannelMetrics.Funnel;

namespace ChannelMetrics.Benchmarks.Funnel;

/// <summary>
/// Visits, leads and customers per month × network × campaign WITHOUT attribution: every event counts for its
/// own tags. LINQ <c>GroupBy</c> (baseline), a hand-written <c>Dictionary</c> loop, DuckDB (appender load +
/// <c>GROUP BY</c>), and the aggregator doing exactly that job, from records and from interned ids: its
/// events carry no visitor id, so every lead and customer is credited to its own tags. Every method returns
/// the same table, the table of the flat array count in <see cref="FunnelFromRecordsBenchmarks"/>.
/// </summary>
/// <remarks>
/// Kept for transparency: the first funnel benchmarks compared these un-attributed peers with the attributing
/// aggregator. <see cref="FunnelFromRecordsBenchmarks"/> is the like-for-like comparison with attribution.
/// The setup checks every method's table against the aggregator's for inputs up to
/// <see cref="PeerCheck.MaxEvents"/> events. Set <c>CHANNELMETRICS_FUNNEL_EVENTS=5000000</c> for the size.
/// </remarks>
[MemoryDiagnoser]
public class FunnelCountOnlyBenchmarks
{
    private RawEvent[] _raw = [];
    private FunnelEvent[] _events = [];
    private Dictionary<string, string> _networks = [];
    private readonly FunnelAggregator _interned = new();
    private FunnelTouchId[] _touchIds = [];
    private DateTimeOffset[] _timestamps = [];
    private FunnelStage[] _stages = [];
    private FunnelVisitorId[] _noVisitors = [];

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
            var edges = new FunnelCountOnlyBenchmarks();
            edges.Prepare(FunnelBenchData.EdgeCases());
            edges.Check();
        }
    }

    private void Prepare(RawEvent[] raw)
    {
        _raw = raw;
        _networks = FunnelBenchData.Networks(_raw);
        var tags = FunnelBenchData.SharedTags(_raw);
        _events = new FunnelEvent[_raw.Length];
        _touchIds = new FunnelTouchId[_raw.Length];
        _timestamps = [.. _raw.Select(e => e.Timestamp)];
        _stages = [.. _raw.Select(e => e.Stage)];
        _noVisitors = new FunnelVisitorId[_raw.Length];
        for (int i = 0; i < _raw.Length; i++)
        {
            var e = _raw[i];
            var parsed = tags[i];
            // No visitor id: nothing to attribute across events, the peers' job exactly.
            _events[i] = new FunnelEvent(e.Timestamp, e.Stage, visitorId: null, parsed);
            _touchIds[i] = _interned.InternTouch(parsed, null);
        }
    }

    private void Check() =>
            PeerCheck.SameRows(
                nameof(FunnelCountOnlyBenchmarks),
                nameof(AggregatorWithoutVisitorIds),
                PeerCheck.Rows(AggregatorTable()),
                (nameof(LinqGroupBy), LinqRows(_raw, _networks)),
                (nameof(DictionaryLoop), DictionaryRows(_raw, _networks)),
                (nameof(DuckDbAppenderGroupBy), FunnelDuckDbPeer.Rows(_raw, _networks, FunnelDuckDbPeer.CountOnly)),
                (nameof(AggregatorFromInternedIds), PeerCheck.Rows(InternedTable())));

    [Benchmark(Baseline = true)]
    public int LinqGroupBy() => LinqRows(_raw, _networks).Count;

    [Benchmark]
    public int DictionaryLoop() => DictionaryRows(_raw, _networks).Count;

    [Benchmark]
    public int DuckDbAppenderGroupBy() => FunnelDuckDbPeer.Rows(_raw, _networks, FunnelDuckDbPeer.CountOnly).Count;

    [Benchmark]
    public int AggregatorWithoutVisitorIds() => AggregatorTable().Rows.Count;

    [Benchmark]
    public int AggregatorFromInternedIds() => InternedTable().Rows.Count;

    /// <summary>Each event for its own touch, with LINQ <c>GroupBy</c>; also the reference for the flat array count.</summary>
    internal static List<PeerRow> LinqRows(RawEvent[] raw, Dictionary<string, string> networks)
    {
        var rows = raw
            .GroupBy(e => (e.Timestamp.UtcDateTime.Year, e.Timestamp.UtcDateTime.Month, Touch: PeerTouch.Of(e, networks)))
            .Select(g => new PeerRow(
                g.Key.Year,
                g.Key.Month,
                g.Key.Touch.Network,
                g.Key.Touch.Campaign,
                g.LongCount(e => e.Stage == FunnelStage.Visit),
                g.LongCount(e => e.Stage == FunnelStage.Lead),
                g.LongCount(e => e.Stage == FunnelStage.Customer)))
            .ToList();
        rows.Sort(PeerRow.Compare);
        return rows;
    }

    private static List<PeerRow> DictionaryRows(RawEvent[] raw, Dictionary<string, string> networks)
    {
        var counts = new Dictionary<(int Year, int Month, PeerTouch Touch), (long Visits, long Leads, long Customers)>();
        foreach (var e in raw)
        {
            var utc = e.Timestamp.UtcDateTime;
            ref var c = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, (utc.Year, utc.Month, PeerTouch.Of(e, networks)), out _);
            switch (e.Stage)
            {
                case FunnelStage.Visit: c.Visits++; break;
                case FunnelStage.Lead: c.Leads++; break;
                default: c.Customers++; break;
            }
        }

        var rows = new List<PeerRow>(counts.Count);
        foreach (var (key, c) in counts)
        {
            rows.Add(new PeerRow(key.Year, key.Month, key.Touch.Network, key.Touch.Campaign, c.Visits, c.Leads, c.Customers));
        }

        rows.Sort(PeerRow.Compare);
        return rows;
    }

    private FunnelTable InternedTable()
    {
        // Clear keeps the interned touches: the next batch is counted by id, column by column.
        _interned.Clear();
        _interned.AddRange(_timestamps, _stages, _noVisitors, _touchIds);

        return _interned.ToTable();
    }

    private FunnelTable AggregatorTable()
    {
        var aggregator = new FunnelAggregator();
        aggregator.AddRange(_events);

        return aggregator.ToTable();
    }
}
