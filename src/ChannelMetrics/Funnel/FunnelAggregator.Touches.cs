using System.Runtime.CompilerServices;
using ChannelMetrics.Tracking;

namespace ChannelMetrics.Funnel;

public sealed partial class FunnelAggregator
{
    private readonly Dictionary<RawTouch, int> _rawTouches = [];
    private readonly Dictionary<string, string> _networks = new(StringComparer.Ordinal);
    private readonly UtmValuePool _pool = new();
    private readonly SourceResolver _resolver;
    private readonly ChannelGrouping _grouping;

    // Identity cache in front of the value-keyed dictionary: the URL path hands out pooled strings and
    // parsed events often share one UtmTags instance, so a hit costs reference compares instead of hashing
    // four strings. Direct-mapped and fixed-size, so it cannot grow; a miss falls back to the dictionary.
    private IdentityEntry[]? _identity;
    private TagEntry[]? _tagCache;
    private int _tagMisses;

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

    /// <summary>
    /// Resolves raw values to the touch as the table will group it: dimensions the options do not group by
    /// are dropped here, so the aggregator counts one cell per (period, grouped touch), however many
    /// mediums or contents the input has.
    /// </summary>
    private TouchKey ResolveTouch(in RawTouch raw)
    {
        string? source = Value(raw.Source), medium = Value(raw.Medium), campaign = Value(raw.Campaign), content = Value(raw.Content), referrer = Value(raw.Referrer);
        var dimensions = _options.Dimensions;
        string channel = (dimensions & FunnelDimensions.ChannelGroup) == 0 ? string.Empty
            : _grouping.Classify(source, medium, campaign, raw.ClickIds, referrer).ToDisplayName();
        string? origin = source ?? referrer;
        string network;
        if (origin is null)
        {
            network = FunnelLabels.Direct;
            medium ??= FunnelLabels.None;
            campaign ??= FunnelLabels.Direct;
        }
        else if (!_networks.TryGetValue(origin, out network!))
        {
            network = _resolver.Resolve(origin).Name;
            _networks.Add(origin, network);
        }

        return new TouchKey(
            network,
            channel,
            (dimensions & FunnelDimensions.Medium) == 0 ? string.Empty : medium ?? FunnelLabels.NotSet,
            (dimensions & FunnelDimensions.Campaign) == 0 ? string.Empty : campaign ?? FunnelLabels.NotSet,
            (dimensions & FunnelDimensions.Content) == 0 ? string.Empty : content ?? FunnelLabels.NotSet);
    }

    // 65,536 entries (3 MB, allocated on first use): enough for the distinct tag combinations of a large export.
    private const int IdentityCacheSize = 1 << 16;

    internal int TouchOfTags(UtmTags tags, string? referrer)
    {
        var cache = _tagCache ??= new TagEntry[MinTagCacheSize];
        int hash = IdentityHash(tags, referrer, null, null, null, ClickIdKinds.None);
        ref var entry = ref cache[hash & (cache.Length - 1)];
        if (entry.Id != 0 && ReferenceEquals(entry.Tags, tags) && ReferenceEquals(entry.Referrer, referrer))
        {
            return entry.Id - 1;
        }

        int id = TouchOf(tags.Source, tags.Medium, tags.Campaign, tags.Content, referrer, tags.ClickIds.Kinds);
        entry = new TagEntry(tags, referrer, id + 1);
        if (++_tagMisses > cache.Length * 2 && cache.Length < MaxTagCacheSize)
        {
            GrowTagCache();
        }

        return id;
    }

    // Parsed events usually share one UtmTags instance per distinct landing page; the cache in front of the
    // value-keyed dictionary grows (up to 512K entries, 12 MB) while it keeps missing, so an input with many
    // distinct tag objects stays on reference compares, and a small input keeps a small cache.
    private void GrowTagCache()
    {
        var old = _tagCache!;
        var cache = new TagEntry[old.Length * 2];
        foreach (var entry in old)
        {
            if (entry.Id != 0)
            {
                cache[IdentityHash(entry.Tags, entry.Referrer, null, null, null, ClickIdKinds.None) & (cache.Length - 1)] = entry;
            }
        }

        _tagCache = cache;
        _tagMisses = 0;
    }

    internal int TouchOfValues(in UtmValues values, string? referrer)
    {
        int hash = IdentityHash(values.Source, values.Medium, values.Campaign, values.Content, referrer, values.ClickIds);
        ref var entry = ref (_identity ??= new IdentityEntry[IdentityCacheSize])[hash & (IdentityCacheSize - 1)];
        if (entry.Id != 0 && ReferenceEquals(entry.A, values.Source) && ReferenceEquals(entry.B, values.Medium) && ReferenceEquals(entry.C, values.Campaign)
            && ReferenceEquals(entry.D, values.Content) && ReferenceEquals(entry.E, referrer) && entry.ClickIds == values.ClickIds)
        {
            return entry.Id - 1;
        }

        int id = TouchOf(values.Source, values.Medium, values.Campaign, values.Content, referrer, values.ClickIds);
        entry = new IdentityEntry(values.Source, values.Medium, values.Campaign, values.Content, referrer, values.ClickIds, id + 1);
        return id;
    }

    private static int IdentityHash(object? a, object? b, object? c, object? d, object? e, ClickIdKinds clickIds)
    {
        static int H(object? o) => o is null ? 0 : RuntimeHelpers.GetHashCode(o);
        uint hash = (uint)H(a) * 0x9E3779B1u;
        hash = (hash ^ (uint)H(b)) * 0x85EBCA77u;
        hash = (hash ^ (uint)H(c)) * 0xC2B2AE3Du;
        hash = (hash ^ (uint)H(d)) * 0x27D4EB2Fu;
        hash = (hash ^ (uint)H(e) ^ (uint)clickIds) * 0x165667B1u;
        return (int)(hash ^ (hash >> 15));
    }

    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private const int MinTagCacheSize = 1 << 10;
    private const int MaxTagCacheSize = 1 << 19;

    private readonly record struct TagEntry(UtmTags? Tags, string? Referrer, int Id);

    private readonly record struct IdentityEntry(object? A, object? B, object? C, object? D, object? E, ClickIdKinds ClickIds, int Id);

    private readonly record struct RawTouch(string? Source, string? Medium, string? Campaign, string? Content, string? Referrer, ClickIdKinds ClickIds);
}
