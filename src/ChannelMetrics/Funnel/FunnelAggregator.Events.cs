using ChannelMetrics.Tracking;

namespace ChannelMetrics.Funnel;

public sealed partial class FunnelAggregator
{
    /// <summary>Adds one event.</summary>
    /// <param name="funnelEvent">The event.</param>
    /// <remarks>Allocates nothing for visitors, URLs and values already seen.</remarks>
    public void Add(in FunnelEvent funnelEvent)
    {
        int visitor = string.IsNullOrEmpty(funnelEvent.VisitorId) ? -1 : VisitorIndex(funnelEvent.VisitorId);
        int touch = funnelEvent.Tags is { } tags
            ? TouchOfTags(tags, funnelEvent.Referrer)
            : funnelEvent.LandingUrl is { } url
                ? TouchOfUrl(url, funnelEvent.Referrer)
                : TouchOf(null, null, null, null, funnelEvent.Referrer, ClickIdKinds.None);
        AddCore(funnelEvent.Timestamp.UtcTicks, funnelEvent.Stage, visitor, touch);
    }

    /// <summary>
    /// Adds one event from raw fields, the path for readers of large exports: nothing is allocated for
    /// visitors, URL values and referrers already seen.
    /// </summary>
    /// <param name="timestamp">When the event happened.</param>
    /// <param name="stage">The funnel stage.</param>
    /// <param name="visitorId">The visitor (contact) id; empty when unknown.</param>
    /// <param name="landingUrl">The landing URL, path with query, or bare query; empty when there is none.</param>
    /// <param name="referrer">The referrer URL or host; empty when there is none.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stage"/> is not defined.</exception>
    public void Add(DateTimeOffset timestamp, FunnelStage stage, ReadOnlySpan<char> visitorId, ReadOnlySpan<char> landingUrl, ReadOnlySpan<char> referrer = default)
    {
        int visitor = visitorId.IsEmpty ? -1 : VisitorIndex(visitorId);
        int touch = TouchOfUrl(landingUrl, referrer.IsEmpty ? null : _pool.Intern(referrer));
        AddCore(timestamp.UtcTicks, stage, visitor, touch);
    }

    /// <summary>Interns the touch of parsed tags, so events with it can be added by id.</summary>
    /// <param name="tags">The tags.</param>
    /// <param name="referrer">The referrer, used when the tags have no source, or <see langword="null"/>.</param>
    /// <returns>The touch id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tags"/> is <see langword="null"/>.</exception>
    public FunnelTouchId InternTouch(UtmTags tags, string? referrer)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return new(TouchOfTags(tags, referrer));
    }

    /// <summary>Interns the touch of a landing URL (or query), so events with it can be added by id.</summary>
    /// <param name="landingUrl">The landing URL, path with query, or bare query.</param>
    /// <param name="referrer">The referrer, used when the URL has no source; empty when there is none.</param>
    /// <returns>The touch id.</returns>
    public FunnelTouchId InternTouch(ReadOnlySpan<char> landingUrl, ReadOnlySpan<char> referrer) =>
        new(TouchOfUrl(landingUrl, referrer.IsEmpty ? null : _pool.Intern(referrer)));

    private int TouchOfUrl(ReadOnlySpan<char> landingUrl, string? referrer)
    {
        var values = UtmParser.ParseInterned(landingUrl, _pool);
        return TouchOfValues(values, referrer);
    }
}
