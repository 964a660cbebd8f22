using System.Globalization;
using ChannelMetrics.Funnel;
using ChannelMetrics.Tracking;

namespace ChannelMetrics.Benchmarks.Funnel;

/// <summary>One synthetic event as a warehouse or tracker would hand it over, already parsed.</summary>
internal sealed record RawEvent(DateTimeOffset Timestamp, FunnelStage Stage, string? VisitorId, string Source, string Medium, string Campaign, string Content, string Url);

/// <summary>
/// The synthetic input of the funnel benchmarks: 12 months, about 20 sources (spelled as people tag them:
/// <c>fb</c>, <c>l.facebook.com</c>, …), 6 mediums, 500 Zipf-skewed campaigns, 90 % visits, 8 % leads,
/// 2 % customers, one visitor per five events, 5 % of events without a visitor id.
/// </summary>
/// <remarks>
/// The size comes from the environment variable <c>CHANNELMETRICS_FUNNEL_EVENTS</c> (for example 5000000);
/// without it a small size keeps CI's Dry run to seconds.
/// </remarks>
internal static class FunnelBenchData
{
    public const string SizeVariable = "CHANNELMETRICS_FUNNEL_EVENTS";

    /// <summary>The first instant of the generated year (events fall in [Start, Start + 365 days)).</summary>
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Sources =
    [
        "facebook", "fb", "l.facebook.com", "instagram", "ig", "linkedin", "lnkd.in", "t.co", "x.com", "youtube",
        "tiktok", "pinterest", "reddit", "threads", "bluesky", "newsletter", "partner.example.com", "google", "bing", "podcast",
    ];

    private static readonly string[] Mediums = ["social", "paid_social", "cpc", "email", "referral", "display"];

    private static readonly string[] Contents = ["video", "carousel", "story", "text"];

    public static IEnumerable<int> Sizes()
    {
        string? text = Environment.GetEnvironmentVariable(SizeVariable);
        yield return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int size) && size > 0 ? size : 20_000;
    }

    public static RawEvent[] Generate(int count)
    {
        var random = new Random(20261126);
        int visitors = Math.Max(1, count / 5);
        var visitorIds = new string[visitors];
        for (int i = 0; i < visitors; i++)
        {
            visitorIds[i] = "contact-" + i.ToString(CultureInfo.InvariantCulture);
        }

        // Zipf(1) over 500 campaigns by inverse transform on the cumulative weights.
        var cumulative = new double[500];
        double sum = 0;
        for (int k = 0; k < cumulative.Length; k++)
        {
            sum += 1.0 / (k + 1);
            cumulative[k] = sum;
        }

        var campaigns = Enumerable.Range(0, 500).Select(k => "campaign-" + k.ToString(CultureInfo.InvariantCulture)).ToArray();
        var urls = new Dictionary<(int, int, int, int), string>();
        long start = Start.UtcTicks;
        long span = TimeSpan.FromDays(365).Ticks;
        var events = new RawEvent[count];
        for (int i = 0; i < count; i++)
        {
            int roll = random.Next(100);
            var stage = roll < 90 ? FunnelStage.Visit : roll < 98 ? FunnelStage.Lead : FunnelStage.Customer;
            int s = random.Next(Sources.Length), m = random.Next(Mediums.Length), c = Array.BinarySearch(cumulative, random.NextDouble() * sum), n = random.Next(Contents.Length);
            c = c < 0 ? Math.Min(~c, 499) : c;
            if (!urls.TryGetValue((s, m, c, n), out string? url))
            {
                url = $"https://shop.example.com/landing/spring?utm_source={Sources[s]}&utm_medium={Mediums[m]}&utm_campaign={campaigns[c]}&utm_content={Contents[n]}";
                urls.Add((s, m, c, n), url);
            }

            string? visitor = random.Next(100) < 5 ? null : visitorIds[random.Next(visitors)];
            var timestamp = new DateTimeOffset(start + random.NextInt64(span), TimeSpan.Zero);
            events[i] = new RawEvent(timestamp, stage, visitor, Sources[s], Mediums[m], campaigns[c], Contents[n], url);
        }

        return events;
    }

    /// <summary>
    /// A few crafted events for the attribution rules the generated data never exercises (it has no direct
    /// visits, and tick-precise instants never tie): the setup checks run on them too.
    /// </summary>
    public static RawEvent[] EdgeCases()
    {
        var march = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var april = new DateTimeOffset(2025, 4, 1, 12, 0, 0, TimeSpan.Zero);
        return
        [
            // a: the last non-direct visit wins over a later direct one.
            Edge(march.AddDays(2), FunnelStage.Lead, "a", "linkedin", "campaign-2"),
            Edge(march, FunnelStage.Visit, "a", "facebook", "campaign-1"),
            Edge(march.AddDays(1), FunnelStage.Visit, "a", string.Empty, string.Empty),

            // b: only direct visits: the last visit, direct, wins over the lead's own tags.
            Edge(march, FunnelStage.Visit, "b", string.Empty, string.Empty),
            Edge(march.AddDays(4), FunnelStage.Lead, "b", "linkedin", "campaign-2"),

            // c: visits tied at the conversion's own instant: the greatest touch (LinkedIn > Facebook > direct).
            Edge(april, FunnelStage.Lead, "c", "fb", "campaign-3"),
            Edge(april, FunnelStage.Visit, "c", "facebook", "campaign-2"),
            Edge(april, FunnelStage.Visit, "c", "linkedin", "campaign-1"),
            Edge(april, FunnelStage.Visit, "c", string.Empty, string.Empty),

            // d: one network tied at one instant: the greater campaign by ordinal ("campaign-9" > "campaign-10").
            Edge(april, FunnelStage.Visit, "d", "facebook", "campaign-9"),
            Edge(april, FunnelStage.Visit, "d", "fb", "campaign-10"),
            Edge(april.AddHours(1), FunnelStage.Customer, "d", "linkedin", "campaign-1"),

            // e: a conversion one tick before the visitor's first visit keeps its own touch.
            Edge(april.AddTicks(-1), FunnelStage.Lead, "e", "linkedin", "campaign-4"),
            Edge(april, FunnelStage.Visit, "e", "facebook", "campaign-1"),

            // f, g: UTC months. 23:30 on 31 May at UTC−2 is June in UTC; 01:00 on 1 July at UTC+2 is June.
            Edge(new DateTimeOffset(2025, 5, 20, 9, 0, 0, TimeSpan.Zero), FunnelStage.Visit, "f", "facebook", "campaign-5"),
            Edge(new DateTimeOffset(2025, 5, 31, 23, 30, 0, TimeSpan.FromHours(-2)), FunnelStage.Lead, "f", string.Empty, string.Empty),
            Edge(new DateTimeOffset(2025, 7, 1, 1, 0, 0, TimeSpan.FromHours(2)), FunnelStage.Visit, "g", "linkedin", "campaign-6"),
            Edge(new DateTimeOffset(2025, 7, 1, 1, 0, 0, TimeSpan.FromHours(2)), FunnelStage.Customer, "g", "linkedin", "campaign-7"),

            // No visitor id, or a visitor never seen visiting: their own touch (direct when untagged).
            Edge(march, FunnelStage.Customer, null, "linkedin", "campaign-7"),
            Edge(march, FunnelStage.Lead, null, string.Empty, string.Empty),
            Edge(march, FunnelStage.Customer, "never-visited", "linkedin", "campaign-8"),

            // h: a visit after the conversion is not a candidate.
            Edge(march.AddHours(1), FunnelStage.Lead, "h", string.Empty, string.Empty),
            Edge(march, FunnelStage.Visit, "h", "facebook", "campaign-8"),
            Edge(march.AddHours(2), FunnelStage.Visit, "h", "linkedin", "campaign-8"),
        ];
    }

    private static RawEvent Edge(DateTimeOffset timestamp, FunnelStage stage, string? visitor, string source, string campaign)
    {
        bool direct = source.Length == 0;
        string url = direct ? "https://shop.example.com/landing/spring"
            : $"https://shop.example.com/landing/spring?utm_source={source}&utm_medium=social&utm_campaign={campaign}&utm_content=video";
        return new RawEvent(timestamp, stage, visitor, source, direct ? string.Empty : "social", campaign, direct ? string.Empty : "video", url);
    }

    /// <summary>
    /// Each event's tags as a tracker hands them over once parsed: one <see cref="UtmTags"/> instance per
    /// distinct landing URL, shared by the events that carry it.
    /// </summary>
    public static UtmTags[] SharedTags(RawEvent[] events)
    {
        var byUrl = new Dictionary<string, UtmTags>(StringComparer.Ordinal);
        var tags = new UtmTags[events.Length];
        for (int i = 0; i < events.Length; i++)
        {
            var e = events[i];
            if (!byUrl.TryGetValue(e.Url, out var parsed))
            {
                parsed = new UtmTags { Source = e.Source, Medium = e.Medium, Campaign = e.Campaign, Content = e.Content };
                byUrl.Add(e.Url, parsed);
            }

            tags[i] = parsed;
        }

        return tags;
    }

    /// <summary>Resolves each distinct source once, as any of the peers would cache it (an empty source is direct, not looked up).</summary>
    public static Dictionary<string, string> Networks(RawEvent[] events)
    {
        var networks = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (!string.IsNullOrWhiteSpace(e.Source) && !networks.ContainsKey(e.Source))
            {
                networks.Add(e.Source, SourceResolver.Default.Resolve(e.Source).Name);
            }
        }

        return networks;
    }
}
