using ChannelMetrics.Tracking;

namespace ChannelMetrics.Funnel;

public sealed partial class FunnelAggregator
{
    private static readonly TouchKey s_direct = new(FunnelLabels.Direct, "Direct", FunnelLabels.None, FunnelLabels.Direct, FunnelLabels.NotSet);

    private readonly Dictionary<RawTouch, int> _rawTouches = [];
    private readonly Dictionary<string, string> _networks = new(StringComparer.Ordinal);
    private readonly UtmValuePool _pool = new();

    /// <summary>
    /// Interns the touch of already-parsed tag values, so events with it can be added by id
    /// (see <see cref="Add(DateTimeOffset, FunnelStage, FunnelVisitorId, FunnelTouchId)"/>).
    /// </summary>
    /// <param name="source">The <c>utm_source</c> value (or any source name), or <see langword="null"/>.</param>
    /// <param name="medium">The <c>utm_medium</c> value, or <see langword="null"/>.</param>
    /// <param name="campaign">The <c>utm_campaign</c> value, or <see langword="null"/>.</param>
    /// <param name="content">The <c>utm_content</c> value, or <see langword="null"/>.</param>
    /// <param name="referrer">The referrer, used when there is no source, or <see langword="null"/>.</param>
    /// <returns>The touch id.</returns>
    /// <remarks>
    /// The network is the source resolved to its canonical network name, or the referrer's when there is no
    /// source; with neither the touch is direct: network <c>(direct)</c>, medium <c>(none)</c>, campaign
    /// <c>(direct)</c>. Missing values of a non-direct touch are <c>(not set)</c>.
    /// </remarks>
    public FunnelTouchId InternTouch(string? source, string? medium = null, string? campaign = null, string? content = null, string? referrer = null) =>
        new(TouchOf(source, medium, campaign, content, referrer));

    internal int TouchOf(string? source, string? medium, string? campaign, string? content, string? referrer)
    {
        var raw = new RawTouch(source, medium, campaign, content, string.IsNullOrEmpty(source) ? referrer : null);
        if (_rawTouches.TryGetValue(raw, out int id))
        {
            return id;
        }

        id = _touches.Intern(ResolveTouch(raw));
        _rawTouches.Add(raw, id);
        return id;
    }

    private void InitTouchResolution()
    {
        // Touch 0 is the direct touch: default(FunnelTouchId) and every conversion with nothing to go on.
        _touches.Intern(s_direct);
    }

    private TouchKey ResolveTouch(in RawTouch raw)
    {
        string? origin = !string.IsNullOrWhiteSpace(raw.Source) ? raw.Source : !string.IsNullOrWhiteSpace(raw.Referrer) ? raw.Referrer : null;
        if (origin is null)
        {
            return s_direct with
            {
                Medium = Value(raw.Medium) ?? FunnelLabels.None,
                Campaign = Value(raw.Campaign) ?? FunnelLabels.Direct,
                Content = Value(raw.Content) ?? FunnelLabels.NotSet,
            };
        }

        if (!_networks.TryGetValue(origin, out string? network))
        {
            network = (_options.SourceResolver ?? SourceResolver.Default).Resolve(origin).Name;
            _networks.Add(origin, network);
        }

        return new TouchKey(
            network,
            FunnelLabels.NotSet,
            Value(raw.Medium) ?? FunnelLabels.NotSet,
            Value(raw.Campaign) ?? FunnelLabels.NotSet,
            Value(raw.Content) ?? FunnelLabels.NotSet);
    }

    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private readonly record struct RawTouch(string? Source, string? Medium, string? Campaign, string? Content, string? Referrer);
}
