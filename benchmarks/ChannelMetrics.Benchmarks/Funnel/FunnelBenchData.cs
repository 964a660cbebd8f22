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
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
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

    /// <summary>Resolves each distinct source once, as any of the peers would cache it.</summary>
    public static Dictionary<string, string> Networks(RawEvent[] events)
    {
        var networks = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (!networks.ContainsKey(e.Source))
            {
                networks.Add(e.Source, SourceResolver.Default.Resolve(e.Source).Name);
            }
        }

        return networks;
    }
}
