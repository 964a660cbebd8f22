using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using ChannelMetrics.Funnel;

namespace ChannelMetrics.Benchmarks.Funnel;

/// <summary>
/// Visits, leads and customers per month × network × campaign from already-parsed records, each lead and
/// customer credited to its visitor's last non-direct visit (the aggregator's default model): LINQ
/// (baseline), a hand-written <c>Dictionary</c> loop, DuckDB (appender load + <c>ASOF JOIN</c> +
/// <c>GROUP BY</c>), the aggregator from records and from interned ids (its columnar <c>AddRange</c>), and the
/// practical limit: a flat array count over pre-interned integer ids. Both read the same columns (instants or
/// months, stages, ids), not the records.
/// </summary>
/// <remarks>
/// <para>Every method returns the same table, except the flat array: it is the practical-limit
/// reference and counts each event for its own tags, without attribution (the table of
/// <see cref="FunnelCountOnlyBenchmarks"/>, where the un-attributed comparison lives).</para>
/// <para>The peers attribute as the aggregator does: a lead or customer counts in its own UTC month, for the
/// last non-direct visit of its visitor at or before it (the last such visit if all are direct; at one
/// instant the greater touch by network, then campaign, is the later); with no visitor id or no visit at or
/// before it, for its own touch. The setup checks every table against the aggregator's for inputs up to
/// <see cref="PeerCheck.MaxEvents"/> events, and that attribution moved at least one conversion.</para>
/// <para>Set <c>CHANNELMETRICS_FUNNEL_EVENTS=5000000</c> for the size.</para>
/// </remarks>
[MemoryDiagnoser]
public class FunnelFromRecordsBenchmarks
{
    private RawEvent[] _raw = [];
    private FunnelEvent[] _events = [];
    private Dictionary<string, string> _networks = [];
    private readonly FunnelAggregator _interned = new();
    private FunnelVisitorId[] _visitorIds = [];
    private FunnelTouchId[] _touchIds = [];
    private DateTimeOffset[] _timestamps = [];
    private FunnelStage[] _stages = [];
    private int[] _flatMonth = [];
    private int[] _flatTouch = [];
    private int _flatTouches;
    private (string Network, string Campaign)[] _flatKeys = [];

    // The last table (and flat counts) the aggregator methods produced: read by the setup's check only.
    private FunnelTable? _lastTable;
    private long[] _lastFlatCounts = [];

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
            var edges = new FunnelFromRecordsBenchmarks();
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
        _visitorIds = new FunnelVisitorId[_raw.Length];
        _touchIds = new FunnelTouchId[_raw.Length];
        _timestamps = [.. _raw.Select(e => e.Timestamp)];
        _stages = [.. _raw.Select(e => e.Stage)];
        _flatMonth = new int[_raw.Length];
        _flatTouch = new int[_raw.Length];
        var flatIds = new Dictionary<(string, string), int>();
        for (int i = 0; i < _raw.Length; i++)
        {
            var e = _raw[i];
            var parsed = tags[i];
            _events[i] = new FunnelEvent(e.Timestamp, e.Stage, e.VisitorId, parsed);
            _visitorIds[i] = _interned.InternVisitor(e.VisitorId);
            _touchIds[i] = _interned.InternTouch(parsed, null);
            var touch = PeerTouch.Of(e, _networks);
            var key = (touch.Network, touch.Campaign);
            if (!flatIds.TryGetValue(key, out int id))
            {
                id = flatIds.Count;
                flatIds.Add(key, id);
            }

            _flatTouch[i] = id;
            _flatMonth[i] = e.Timestamp.UtcDateTime.Month - 1;
        }

        _flatTouches = flatIds.Count;
        _flatKeys = new (string, string)[flatIds.Count];
        foreach (var (key, id) in flatIds)
        {
            _flatKeys[id] = key;
        }
    }

    [Benchmark(Baseline = true)]
    public int LinqGroupBy() => LinqAttribution.Group(LinqAttribution.Attribute(Touched())).Count;

    [Benchmark]
    public int DictionaryLoop() => DictionaryRows().Count;

    [Benchmark]
    public int DuckDbAppenderGroupBy() => FunnelDuckDbPeer.Rows(_raw, _networks, FunnelDuckDbPeer.Attributed).Count;

    [Benchmark]
    public int AggregatorFromRecords()
    {
        var aggregator = new FunnelAggregator();
        aggregator.AddRange(_events);

        return (_lastTable = aggregator.ToTable()).Rows.Count;
    }

    [Benchmark]
    public int AggregatorFromInternedIds()
    {
        // Clear keeps the interned visitors and touches: the next batch is counted by id, column by column.
        _interned.Clear();
        _interned.AddRange(_timestamps, _stages, _visitorIds, _touchIds);

        return (_lastTable = _interned.ToTable()).Rows.Count;
    }

    [Benchmark]
    public int FlatArrayOverInternedIds()
    {
        var counts = new long[12 * _flatTouches * 3];
        for (int i = 0; i < _flatMonth.Length; i++)
        {
            counts[(((_flatMonth[i] * _flatTouches) + _flatTouch[i]) * 3) + (int)_stages[i]]++;
        }

        _lastFlatCounts = counts;
        int rows = 0;
        for (int i = 0; i < counts.Length; i += 3)
        {
            rows += (counts[i] | counts[i + 1] | counts[i + 2]) != 0 ? 1 : 0;
        }

        return rows;
    }

    private IEnumerable<TouchedEvent> Touched() => _raw.Select(e => new TouchedEvent(e.Timestamp, e.Stage, e.VisitorId, PeerTouch.Of(e, _networks)));

    /// <summary>
    /// Attribution by hand: each visitor's visits in a list sorted by (instant, touch), then per conversion a
    /// binary search for the last visit at or before it and a walk back to the last non-direct one.
    /// </summary>
    private List<PeerRow> DictionaryRows()
    {
        var visits = new Dictionary<string, List<(long Ticks, PeerTouch Touch)>>(StringComparer.Ordinal);
        foreach (var e in _raw)
        {
            if (e.Stage == FunnelStage.Visit && !string.IsNullOrEmpty(e.VisitorId))
            {
                ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(visits, e.VisitorId, out _);
                (list ??= []).Add((e.Timestamp.UtcTicks, PeerTouch.Of(e, _networks)));
            }
        }

        foreach (var list in visits.Values)
        {
            list.Sort(static (a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : PeerTouch.Compare(a.Touch, b.Touch));
        }

        var counts = new Dictionary<(int Year, int Month, PeerTouch Touch), (long Visits, long Leads, long Customers)>();
        foreach (var e in _raw)
        {
            var touch = PeerTouch.Of(e, _networks);
            if (e.Stage != FunnelStage.Visit && !string.IsNullOrEmpty(e.VisitorId) && visits.TryGetValue(e.VisitorId, out var list))
            {
                touch = Credited(CollectionsMarshal.AsSpan(list), e.Timestamp.UtcTicks, touch);
            }

            var utc = e.Timestamp.UtcDateTime;
            ref var c = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, (utc.Year, utc.Month, touch), out _);
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

    private static PeerTouch Credited(ReadOnlySpan<(long Ticks, PeerTouch Touch)> visits, long ticks, PeerTouch own)
    {
        // After the loop, lo is the number of visits at or before the conversion.
        int lo = 0, hi = visits.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (visits[mid].Ticks <= ticks)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (int i = lo - 1; i >= 0; i--)
        {
            if (!visits[i].Touch.IsDirect)
            {
                return visits[i].Touch;
            }
        }

        return lo > 0 ? visits[lo - 1].Touch : own;
    }

    /// <summary>Runs every method once and compares its full table with the aggregator's (see the remarks).</summary>
    private void Check()
    {
        const string Name = nameof(FunnelFromRecordsBenchmarks);
        var credited = LinqAttribution.Attribute(Touched()).ToList();
        PeerCheck.Attributed(Name, credited);

        AggregatorFromRecords();
        var expected = PeerCheck.Rows(_lastTable!);
        AggregatorFromInternedIds();
        var interned = PeerCheck.Rows(_lastTable!);
        PeerCheck.SameRows(
            Name,
            nameof(AggregatorFromRecords),
            expected,
            (nameof(LinqGroupBy), LinqAttribution.Group(credited)),
            (nameof(DictionaryLoop), DictionaryRows()),
            (nameof(DuckDbAppenderGroupBy), FunnelDuckDbPeer.Rows(_raw, _networks, FunnelDuckDbPeer.Attributed)),
            (nameof(AggregatorFromInternedIds), interned));

        // The flat array counts without attribution: its reference is the count-only LINQ table.
        FlatArrayOverInternedIds();
        var flat = new List<PeerRow>();
        for (int month = 0; month < 12; month++)
        {
            for (int touch = 0; touch < _flatTouches; touch++)
            {
                int at = ((month * _flatTouches) + touch) * 3;
                if ((_lastFlatCounts[at] | _lastFlatCounts[at + 1] | _lastFlatCounts[at + 2]) != 0)
                {
                    var (network, campaign) = _flatKeys[touch];
                    flat.Add(new PeerRow(FunnelBenchData.Start.Year, month + 1, network, campaign, _lastFlatCounts[at], _lastFlatCounts[at + 1], _lastFlatCounts[at + 2]));
                }
            }
        }

        flat.Sort(PeerRow.Compare);
        PeerCheck.SameRows(Name, "FunnelCountOnlyBenchmarks.LinqGroupBy", FunnelCountOnlyBenchmarks.LinqRows(_raw, _networks), (nameof(FlatArrayOverInternedIds), flat));
    }
}
