using ChannelMetrics.Funnel;
using ChannelMetrics.Tracking;

namespace ChannelMetrics.Tests.Funnel;

/// <summary>One generated input event, with already-parsed tag values.</summary>
internal sealed record TestEvent(
    DateTimeOffset Timestamp,
    FunnelStage Stage,
    string? Visitor,
    string? Source,
    string? Medium,
    string? Campaign,
    string? Content,
    string? Referrer);

/// <summary>
/// The straightforward reference: resolves touches, attributes conversions with LINQ over each
/// visitor's visits, buckets periods with <see cref="Period.Containing(DateTimeOffset, PeriodGranularity, TimeZoneInfo)"/>
/// and groups with <c>GroupBy</c>. Deliberately shares no code with the aggregator.
/// </summary>
internal static class FunnelOracle
{
    public static FunnelTouchId Feed(FunnelAggregator aggregator, TestEvent e) =>
        aggregator.InternTouch(e.Source, e.Medium, e.Campaign, e.Content, e.Referrer);

    public static void AddAll(FunnelAggregator aggregator, IEnumerable<TestEvent> events)
    {
        foreach (var e in events)
        {
            aggregator.Add(e.Timestamp, e.Stage, aggregator.InternVisitor(e.Visitor), Feed(aggregator, e));
        }
    }

    public static (string Network, string Channel, string Medium, string Campaign, string Content) Touch(TestEvent e)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
        string? origin = Clean(e.Source) ?? Clean(e.Referrer);
        string channel = ChannelGrouping.Default.Classify(Clean(e.Source), Clean(e.Medium), Clean(e.Campaign), ClickIdKinds.None, Clean(e.Referrer)).ToDisplayName();
        if (origin is null)
        {
            return ("(direct)", channel, Clean(e.Medium) ?? "(none)", Clean(e.Campaign) ?? "(direct)", Clean(e.Content) ?? "(not set)");
        }

        return (SourceResolver.Default.Resolve(origin).Name, channel, Clean(e.Medium) ?? "(not set)", Clean(e.Campaign) ?? "(not set)", Clean(e.Content) ?? "(not set)");
    }

    /// <summary>Returns, for every event, the touch it counts for under the model (visits: their own).</summary>
    /// <remarks>Visits at the same instant are ordered by the values of the grouped dimensions.</remarks>
    public static (string Network, string Channel, string Medium, string Campaign, string Content)[] Credited(IReadOnlyList<TestEvent> events, AttributionModel model, FunnelDimensions dimensions)
    {
        // Touch is a pure function of the five raw values: computed once per distinct combination, so the
        // million-event oracle spends its time on attribution, not on re-resolving the same sources.
        var resolved = new Dictionary<(string?, string?, string?, string?, string?), (string, string, string, string, string)>();
        var touches = new (string Network, string Channel, string Medium, string Campaign, string Content)[events.Count];
        for (int i = 0; i < touches.Length; i++)
        {
            var e = events[i];
            var raw = (e.Source, e.Medium, e.Campaign, e.Content, e.Referrer);
            if (!resolved.TryGetValue(raw, out var touch))
            {
                touch = Touch(e);
                resolved.Add(raw, touch);
            }

            touches[i] = touch;
        }

        string Keep(FunnelDimensions dimension, string value) => (dimensions & dimension) != 0 ? value : string.Empty;
        var visits = Enumerable.Range(0, events.Count)
            .Where(i => events[i].Stage == FunnelStage.Visit && !string.IsNullOrEmpty(events[i].Visitor))
            .ToLookup(i => events[i].Visitor!, i => (Ticks: events[i].Timestamp.UtcTicks, Touch: touches[i]));
        string Grouped((string, string, string, string, string) t) =>
            $"{t.Item1}\u0000{Keep(FunnelDimensions.ChannelGroup, t.Item2)}\u0000{Keep(FunnelDimensions.Medium, t.Item3)}\u0000{Keep(FunnelDimensions.Campaign, t.Item4)}\u0000{Keep(FunnelDimensions.Content, t.Item5)}";
        var order = Comparer<(string, string, string, string, string)>.Create((a, b) => string.CompareOrdinal(Grouped(a), Grouped(b)));

        var credited = new (string, string, string, string, string)[events.Count];
        for (int i = 0; i < events.Count; i++)
        {
            var e = events[i];
            credited[i] = touches[i];
            if (e.Stage == FunnelStage.Visit || string.IsNullOrEmpty(e.Visitor))
            {
                continue;
            }

            var candidates = visits[e.Visitor].Where(v => v.Ticks <= e.Timestamp.UtcTicks).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            var latest = candidates.OrderByDescending(v => v.Ticks).ThenByDescending(v => v.Touch, order).First();
            credited[i] = model switch
            {
                AttributionModel.FirstTouch => candidates.OrderBy(v => v.Ticks).ThenBy(v => v.Touch, order).First().Touch,
                AttributionModel.LastTouch => latest.Touch,
                _ => candidates.Where(v => v.Touch.Item1 != "(direct)")
                    .OrderByDescending(v => v.Ticks).ThenByDescending(v => v.Touch, order)
                    .Select(v => v.Touch).DefaultIfEmpty(latest.Touch).First(),
            };
        }

        return credited;
    }

    /// <summary>Groups credited events by local date (in the zone) and touch → counts, with LINQ.</summary>
    public static Dictionary<(DateOnly Day, (string, string, string, string, string) Touch), (long Visits, long Leads, long Customers)> ByDay(
        IReadOnlyList<TestEvent> events,
        (string Network, string Channel, string Medium, string Campaign, string Content)[] credited,
        TimeZoneInfo zone)
    {
        return Enumerable.Range(0, events.Count)
            .GroupBy(i => (DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(events[i].Timestamp, zone).DateTime), credited[i]))
            .ToDictionary(
                g => g.Key,
                g => (
                    (long)g.Count(i => events[i].Stage == FunnelStage.Visit),
                    (long)g.Count(i => events[i].Stage == FunnelStage.Lead),
                    (long)g.Count(i => events[i].Stage == FunnelStage.Customer)));
    }

    /// <summary>Rolls day counts up into "period|network|channel|medium|campaign|content" → counts.</summary>
    public static Dictionary<(Period, string, string?, string?, string?, string?), (long Visits, long Leads, long Customers)> Expected(
        Dictionary<(DateOnly Day, (string, string, string, string, string) Touch), (long Visits, long Leads, long Customers)> byDay,
        PeriodGranularity granularity,
        FunnelDimensions dimensions)
    {
        string? Keep(FunnelDimensions dimension, string value) => (dimensions & dimension) != 0 ? value : null;
        return byDay
            .GroupBy(kv => (
                Period.Containing(kv.Key.Day, granularity),
                kv.Key.Touch.Item1,
                Keep(FunnelDimensions.ChannelGroup, kv.Key.Touch.Item2),
                Keep(FunnelDimensions.Medium, kv.Key.Touch.Item3),
                Keep(FunnelDimensions.Campaign, kv.Key.Touch.Item4),
                Keep(FunnelDimensions.Content, kv.Key.Touch.Item5)))
            .ToDictionary(g => g.Key, g => (g.Sum(kv => kv.Value.Visits), g.Sum(kv => kv.Value.Leads), g.Sum(kv => kv.Value.Customers)));
    }

    public static Dictionary<(Period, string, string?, string?, string?, string?), (long Visits, long Leads, long Customers)> Actual(FunnelTable table) =>
        table.Rows.ToDictionary(
            r => (r.Period, r.Network, r.ChannelGroup, r.Medium, r.Campaign, r.Content),
            r => (r.Visits, r.Leads, r.Customers));

    /// <summary>Lists the keys whose counts differ (at most 10), for a readable failure.</summary>
    public static List<string> Differences<TKey>(
        Dictionary<TKey, (long Visits, long Leads, long Customers)> actual,
        Dictionary<TKey, (long Visits, long Leads, long Customers)> expected)
        where TKey : notnull
    {
        var differences = new List<string>();
        foreach (var key in actual.Keys.Union(expected.Keys))
        {
            actual.TryGetValue(key, out var a);
            expected.TryGetValue(key, out var e);
            if (a != e && differences.Count < 10)
            {
                differences.Add($"{key}: actual {a}, expected {e}");
            }
        }

        return differences;
    }

    public static readonly string?[] Sources =
    [
        "Facebook", "Instagram", "LinkedIn", "X (Twitter)", "YouTube", "TikTok", "Pinterest", "Reddit",
        "newsletter", "partner.example.com", "blog.example.org", "podcast", "Threads", "Bluesky",
        null, null, null, " ",
    ];

    public static readonly string?[] Mediums = ["social", "paid_social", "email", null];

    /// <summary>Random events in random order: ties, month-end edges, missing and unseen visitors, direct visits.</summary>
    public static List<TestEvent> Generate(int count, int seed, int visitors = 0, int spanDays = 400)
    {
        var random = new Random(seed);
        visitors = visitors == 0 ? Math.Max(10, count / 7) : visitors;
        var start = new DateTimeOffset(2025, 12, 20, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        long span = TimeSpan.FromDays(spanDays).Ticks;
        var events = new List<TestEvent>(count);
        for (int i = 0; i < count; i++)
        {
            DateTimeOffset timestamp;
            int roll = random.Next(100);
            if (roll < 3)
            {
                // Around midnight at the end of a month: 23:30 UTC is already the next month in UTC+2.
                var monthEnd = new DateTimeOffset(2026, 1 + random.Next(12), 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(-random.Next(240));
                timestamp = monthEnd;
            }
            else
            {
                // Whole minutes, so a visitor's visits and conversions often share an instant.
                long ticks = start + (random.NextInt64(span) / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute);
                timestamp = new DateTimeOffset(ticks, TimeSpan.Zero);
            }

            // Offsets other than UTC must not change the instant's meaning.
            if (random.Next(4) == 0)
            {
                timestamp = timestamp.ToOffset(TimeSpan.FromHours(random.Next(-11, 13)));
            }

            int stageRoll = random.Next(100);
            var stage = stageRoll < 80 ? FunnelStage.Visit : stageRoll < 95 ? FunnelStage.Lead : FunnelStage.Customer;
            int visitorRoll = random.Next(100);
            string? visitor = visitorRoll < 10 ? null
                : visitorRoll < 12 ? "unseen-" + random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : "v" + random.Next(visitors).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (visitor is not null && visitor.StartsWith("unseen", StringComparison.Ordinal) && stage == FunnelStage.Visit)
            {
                stage = FunnelStage.Lead;
            }

            string? source = Sources[random.Next(Sources.Length)];
            string? referrer = source is null && random.Next(3) == 0 ? "news.example.net" : null;
            string? medium = Mediums[random.Next(Mediums.Length)];
            string? campaign = random.Next(10) == 0 ? null : "c" + Zipf(random, 12).ToString(System.Globalization.CultureInfo.InvariantCulture);
            string? content = random.Next(3) == 0 ? null : "ad" + random.Next(2).ToString(System.Globalization.CultureInfo.InvariantCulture);
            events.Add(new TestEvent(timestamp, stage, visitor, source, medium, campaign, content, referrer));
        }

        return events;
    }

    private static int Zipf(Random random, int n)
    {
        // Roughly Zipf: rank k with weight 1/k, by inverse transform on the harmonic series' log approximation.
        double u = random.NextDouble();
        return (int)Math.Min(n - 1, Math.Floor(Math.Exp(u * Math.Log(n + 1)) - 1));
    }
}
