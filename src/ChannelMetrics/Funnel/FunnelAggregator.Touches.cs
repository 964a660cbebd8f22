using ChannelMetrics.Tracking;

namespace ChannelMetrics.Funnel;

public sealed partial class FunnelAggregator
{
    private readonly Dictionary<RawTouch, int> _rawTouches = [];
    private readonly Dictionary<string, string> _networks = new(StringComparer.Ordinal);
    private readonly UtmValuePool _pool = new();
    private readonly SourceResolver _resolver;
    private readonly ChannelGrouping _grouping;

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
    /// The network is the source resolved by <see cref="FunnelOptions.SourceResolver"/> to its canonical
    /// network name (an unknown source keeps its normalised value), or the referrer's when there is no
    /// source; with neither the touch is direct: network <c>(direct)</c>, medium <c>(none)</c>, campaign
    /// <c>(direct)</c>. Missing values of a non-direct touch are <c>(not set)</c>. The channel group is
    /// GA4's default channel group of the raw values (<see cref="FunnelOptions.ChannelGrouping"/>).
    /// </remarks>
    public FunnelTouchId InternTouch(string? source, string? medium, string? campaign, string? content, string? referrer) =>
        new(TouchOf(source, medium, campaign, content, referrer, ClickIdKinds.None));

    internal int TouchOf(string? source, string? medium, string? campaign, string? content, string? referrer, ClickIdKinds clickIds)
    {
        var raw = new RawTouch(source, medium, campaign, content, referrer, clickIds);
        if (_rawTouches.TryGetValue(raw, out int id))
        {
            return id;
        }

        id = _touches.Intern(ResolveTouch(raw));
        _rawTouches.Add(raw, id);
        return id;
    }

    private TouchKey ResolveTouch(in RawTouch raw)
    {
        string? source = Value(raw.Source), medium = Value(raw.Medium), campaign = Value(raw.Campaign), content = Value(raw.Content), referrer = Value(raw.Referrer);
        string channel = _grouping.Classify(source, medium, campaign, raw.ClickIds, referrer).ToDisplayName();
        string? origin = source ?? referrer;
        if (origin is null)
        {
            return new TouchKey(FunnelLabels.Direct, channel, medium ?? FunnelLabels.None, campaign ?? FunnelLabels.Direct, content ?? FunnelLabels.NotSet);
        }

        if (!_networks.TryGetValue(origin, out string? network))
        {
            network = _resolver.Resolve(origin).Name;
            _networks.Add(origin, network);
        }

        return new TouchKey(network, channel, medium ?? FunnelLabels.NotSet, campaign ?? FunnelLabels.NotSet, content ?? FunnelLabels.NotSet);
    }

    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private readonly record struct RawTouch(string? Source, string? Medium, string? Campaign, string? Content, string? Referrer, ClickIdKinds ClickIds);
}
