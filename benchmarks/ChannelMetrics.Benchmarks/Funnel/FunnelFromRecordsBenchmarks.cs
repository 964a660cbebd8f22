using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using ChannelMetrics.Funnel;
using ChannelMetrics.Tracking;
using DuckDB.NET.Data;

namespace ChannelMetrics.Benchmarks.Funnel;

/// <summary>
/// Visits, leads and customers per month × network × campaign from already-parsed records: LINQ
/// <c>GroupBy</c> (baseline), a hand-written <c>Dictionary</c> loop, DuckDB (appender load + <c>GROUP BY</c>),
/// the aggregator from records and from interned ids, and the practical limit: a flat array count over
/// pre-interned integer ids.
/// </summary>
/// <remarks>
/// The peers count each event for its own tags; the aggregator does more (last non-direct touch attribution
/// across each visitor's visits, resolved at <c>ToTable</c>) and every method returns its table.
/// Set <c>CHANNELMETRICS_FUNNEL_EVENTS=5000000</c> for the size.
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
    private int[] _flatMonth = [];
    private int[] _flatTouch = [];
    private int _flatTouches;

    /// <summary>Gets or sets the number of events (from <c>CHANNELMETRICS_FUNNEL_EVENTS</c>).</summary>
    [ParamsSource(nameof(Sizes))]
    public int Events { get; set; }

    public static IEnumerable<int> Sizes() => FunnelBenchData.Sizes();

    [GlobalSetup]
    public void Setup()
    {
        _raw = FunnelBenchData.Generate(Events);
        _networks = FunnelBenchData.Networks(_raw);
        var tags = new Dictionary<string, UtmTags>(StringComparer.Ordinal);
        _events = new FunnelEvent[_raw.Length];
        _visitorIds = new FunnelVisitorId[_raw.Length];
        _touchIds = new FunnelTouchId[_raw.Length];
        _flatMonth = new int[_raw.Length];
        _flatTouch = new int[_raw.Length];
        var flatIds = new Dictionary<(string, string), int>();
        for (int i = 0; i < _raw.Length; i++)
        {
            var e = _raw[i];
            if (!tags.TryGetValue(e.Url, out var parsed))
            {
                parsed = new UtmTags { Source = e.Source, Medium = e.Medium, Campaign = e.Campaign, Content = e.Content };
                tags.Add(e.Url, parsed);
            }

            _events[i] = new FunnelEvent(e.Timestamp, e.Stage, e.VisitorId, parsed);
            _visitorIds[i] = _interned.InternVisitor(e.VisitorId);
            _touchIds[i] = _interned.InternTouch(parsed, null);
            var key = (_networks[e.Source], e.Campaign);
            if (!flatIds.TryGetValue(key, out int id))
            {
                id = flatIds.Count;
                flatIds.Add(key, id);
            }

            _flatTouch[i] = id;
            _flatMonth[i] = e.Timestamp.UtcDateTime.Month - 1;
        }

        _flatTouches = flatIds.Count;
    }

    [Benchmark(Baseline = true)]
    public int LinqGroupBy()
    {
        var rows = _raw
            .GroupBy(e => (e.Timestamp.UtcDateTime.Year, e.Timestamp.UtcDateTime.Month, Network: _networks[e.Source], e.Campaign))
            .Select(g => (g.Key, Visits: g.LongCount(e => e.Stage == FunnelStage.Visit), Leads: g.LongCount(e => e.Stage == FunnelStage.Lead), Customers: g.LongCount(e => e.Stage == FunnelStage.Customer)))
            .ToList();
        return rows.Count;
    }

    [Benchmark]
    public int DictionaryLoop()
    {
        var counts = new Dictionary<(int Year, int Month, string Network, string Campaign), (long Visits, long Leads, long Customers)>();
        foreach (var e in _raw)
        {
            var utc = e.Timestamp.UtcDateTime;
            ref var c = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, (utc.Year, utc.Month, _networks[e.Source], e.Campaign), out _);
            switch (e.Stage)
            {
                case FunnelStage.Visit: c.Visits++; break;
                case FunnelStage.Lead: c.Leads++; break;
                default: c.Customers++; break;
            }
        }

        return counts.Count;
    }

    [Benchmark]
    public int DuckDbAppenderGroupBy()
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE events (ts TIMESTAMPTZ, stage TINYINT, visitor VARCHAR, network VARCHAR, campaign VARCHAR)";
            create.ExecuteNonQuery();
        }

        using (var appender = connection.CreateAppender("events"))
        {
            foreach (var e in _raw)
            {
                appender.CreateRow()
                    .AppendValue(e.Timestamp.UtcDateTime)
                    .AppendValue((sbyte)e.Stage)
                    .AppendValue(e.VisitorId)
                    .AppendValue(_networks[e.Source])
                    .AppendValue(e.Campaign)
                    .EndRow();
            }
        }

        using var query = connection.CreateCommand();
        query.CommandText = """
            SELECT date_trunc('month', ts) AS month, network, campaign,
                   count(*) FILTER (WHERE stage = 0) AS visits,
                   count(*) FILTER (WHERE stage = 1) AS leads,
                   count(*) FILTER (WHERE stage = 2) AS customers
            FROM events GROUP BY ALL
            """;
        using var reader = query.ExecuteReader();
        int rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        return rows;
    }

    [Benchmark]
    public int AggregatorFromRecords()
    {
        var aggregator = new FunnelAggregator();
        foreach (ref readonly var e in _events.AsSpan())
        {
            aggregator.Add(e);
        }

        return aggregator.ToTable().Rows.Count;
    }

    [Benchmark]
    public int AggregatorFromInternedIds()
    {
        // Clear keeps the interned visitors and touches: the next batch is counted by id.
        _interned.Clear();
        for (int i = 0; i < _raw.Length; i++)
        {
            _interned.Add(_raw[i].Timestamp, _raw[i].Stage, _visitorIds[i], _touchIds[i]);
        }

        return _interned.ToTable().Rows.Count;
    }

    [Benchmark]
    public int FlatArrayOverInternedIds()
    {
        var counts = new long[12 * _flatTouches * 3];
        for (int i = 0; i < _flatMonth.Length; i++)
        {
            counts[(((_flatMonth[i] * _flatTouches) + _flatTouch[i]) * 3) + (int)_raw[i].Stage]++;
        }

        int rows = 0;
        for (int i = 0; i < counts.Length; i += 3)
        {
            rows += (counts[i] | counts[i + 1] | counts[i + 2]) != 0 ? 1 : 0;
        }

        return rows;
    }
}
