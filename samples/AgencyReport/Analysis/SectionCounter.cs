using ChannelMetrics;
using ChannelMetrics.Funnel;
using ChannelMetrics.Metrics;
using ChannelMetrics.Tracking;

namespace AgencyReport.Analysis;

/// <summary>
/// Counts visits per month, network and site section (the first segment of the landing path:
/// <c>/blog/…</c> is "blog"), the counts a "visits to the blog" goal and the traffic-driver rule need.
/// </summary>
/// <remarks>
/// The network of a visit is its own tracking code's source, resolved as the aggregator resolves
/// it; a visit without one is <c>(direct)</c>. Landing URLs repeat (one per link posted), so each
/// distinct URL is parsed once.
/// </remarks>
internal sealed class SectionCounter(TimeZoneInfo zone, SourceResolver? resolver = null)
{
    private readonly SourceResolver _resolver = resolver ?? SourceResolver.Default;
    private readonly Dictionary<string, (string Network, string? Section)> _urls = new(StringComparer.Ordinal);
    private readonly Dictionary<(Period Period, string Network, string Section), long> _counts = [];

    public void AddVisit(DateTimeOffset timestamp, string? landingUrl)
    {
        if (landingUrl is null)
        {
            return;
        }

        if (!_urls.TryGetValue(landingUrl, out (string Network, string? Section) key))
        {
            key = (Network(landingUrl), Section(landingUrl));
            _urls.Add(landingUrl, key);
        }

        if (key.Section is { } section)
        {
            var cell = (Period.Containing(timestamp, PeriodGranularity.Month, zone), key.Network, section);
            _counts[cell] = _counts.GetValueOrDefault(cell) + 1;
        }
    }

    public IReadOnlyList<SectionVisits> ToList() =>
        _counts.Select(c => new SectionVisits(c.Key.Period, c.Key.Network, c.Key.Section, c.Value))
            .OrderBy(s => s.Period).ThenBy(s => s.Network, StringComparer.Ordinal).ThenBy(s => s.Section, StringComparer.Ordinal)
            .ToList();

    private string Network(string url) =>
        UtmParser.Parse(url).Tags.Source is { } source ? _resolver.Resolve(source).Name : FunnelLabels.Direct;

    /// <summary>The first path segment of an absolute URL or a path ("/blog/x?y" → "blog"); null for the home page or no path.</summary>
    public static string? Section(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        int start = 0;
        int scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            start = url.IndexOf('/', scheme + 3);
            if (start < 0)
            {
                return null;
            }
        }

        if (start >= url.Length || url[start] != '/')
        {
            return null;
        }

        int end = url.IndexOfAny(['/', '?', '#'], start + 1);
        string segment = (end < 0 ? url[(start + 1)..] : url[(start + 1)..end]).ToLowerInvariant();
        return segment.Length == 0 ? null : segment;
    }
}
