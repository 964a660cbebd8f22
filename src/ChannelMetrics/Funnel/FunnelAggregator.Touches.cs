using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    // parsed tags usually share their strings, so a hit costs reference compares instead of hashing
    // strings. From 1,024 entries (48 KB) up to 65,536 (3 MB); a miss falls back to the dictionary.
    private GrowingCache<IdentityEntry> _identity = new(1 << 10, 1 << 16);

    // Landing URL string → touch, for events that carry their URL as a string: the touch is a function of the
    // URL and the referrer alone, and an export repeats the same few thousand campaign links, so most events
    // skip parsing. Keyed by the characters (a fast hash; a collision only costs a parse), from 1,024 entries
    // (24 KB) up to 1M (24 MB).
    private GrowingCache<UrlEntry> _urlCache = new(1 << 10, 1 << 20);

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
        new(TouchOf(Reduce(source, medium, campaign, content, referrer, ClickIdKinds.None)));

    internal int TouchOf(string? source, string? medium, string? campaign, string? content, string? referrer, ClickIdKinds clickIds) =>
        TouchOf(Reduce(source, medium, campaign, content, referrer, clickIds));

    private int TouchOfTags(UtmTags tags, string? referrer) =>
        TouchOfShared(Reduce(tags.Source, tags.Medium, tags.Campaign, tags.Content, referrer, _groupsChannels ? tags.ClickIds.Kinds : ClickIdKinds.None));

    private int TouchOfValues(in UtmValues values, string? referrer) =>
        TouchOfShared(Reduce(values.Source, values.Medium, values.Campaign, values.Content, referrer, values.ClickIds));

    /// <summary>
    /// Keeps only the values the touch depends on under the chosen dimensions, so that inputs differing only
    /// in a value the table does not group by (a content, a medium, a referrer behind a source) share one
    /// entry in the caches and the dictionary: with the default dimensions a few thousand instead of one per
    /// distinct landing page.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private RawTouch Reduce(string? source, string? medium, string? campaign, string? content, string? referrer, ClickIdKinds clickIds)
    {
        var dimensions = _options.Dimensions;
        bool channel = _groupsChannels;
        return new RawTouch(
            source,
            channel || (dimensions & FunnelDimensions.Medium) != 0 ? medium : null,
            channel || (dimensions & FunnelDimensions.Campaign) != 0 ? campaign : null,
            (dimensions & FunnelDimensions.Content) != 0 ? content : null,
            channel || string.IsNullOrWhiteSpace(source) ? referrer : null,
            channel ? clickIds : ClickIdKinds.None);
    }

    private int TouchOf(in RawTouch raw)
    {
        if (_rawTouches.TryGetValue(raw, out int id))
        {
            return id;
        }

        id = _touches.Intern(ResolveTouch(raw));
        _rawTouches.Add(raw, id);
        return id;
    }

    private int TouchOfUrlString(string url, string? referrer) => TouchOfUrlString(url, referrer, UrlHash(url, referrer));

    /// <summary>Reads the cache entry of a URL hash, so that the lookup that follows finds it in cache.</summary>
    private int WarmUrl(int hash) => _urlCache.Peek(hash).Touch;

    private int TouchOfUrlString(string url, string? referrer, int hash)
    {
        ref var entry = ref _urlCache.Slot(hash);
        if (entry.Url is not null && entry.Hash == hash
            && (ReferenceEquals(entry.Url, url) || string.Equals(entry.Url, url, StringComparison.Ordinal))
            && string.Equals(entry.Referrer, referrer, StringComparison.Ordinal))
        {
            return entry.Touch;
        }

        int touch = TouchOfUrl(url, referrer);
        entry = new UrlEntry(url, referrer, hash, touch);
        _urlCache.Missed();
        return touch;
    }

    /// <summary>
    /// Hashes a URL and the referrer, four characters at a time. Not the runtime's string hash,
    /// which costs more than the parse it would save on a long URL: the cache verifies every hit, so a
    /// collision, even a crafted one, only costs a parse.
    /// </summary>
    private static int UrlHash(string url, string? referrer)
    {
        ulong hash = Mix((ulong)url.Length * 0x9E3779B97F4A7C15UL, url);
        if (referrer is not null)
        {
            hash = Mix(hash ^ 0xC4CEB9FE1A85EC53UL, referrer);
        }

        return (int)(hash ^ (hash >> 32));

        static ulong Mix(ulong hash, string text)
        {
            var chunks = MemoryMarshal.Cast<char, ulong>(text.AsSpan());
            foreach (ulong chunk in chunks)
            {
                hash = BitOperations.RotateLeft((hash ^ chunk) * 0xFF51AFD7ED558CCDUL, 29);
            }

            for (int i = chunks.Length * 4; i < text.Length; i++)
            {
                hash = (hash ^ text[i]) * 0xFF51AFD7ED558CCDUL;
            }

            return hash;
        }
    }

    private int TouchOfShared(in RawTouch raw)
    {
        int hash = IdentityHash(raw);
        ref var entry = ref _identity.Slot(hash);
        if (entry.Id != 0 && entry.Raw.SameInstances(raw))
        {
            return entry.Id - 1;
        }

        int id = TouchOf(raw);
        entry = new IdentityEntry(raw, hash, id + 1);
        _identity.Missed();
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

    private static int IdentityHash(in RawTouch raw)
    {
        static int H(object? o) => o is null ? 0 : RuntimeHelpers.GetHashCode(o);
        uint hash = (uint)H(raw.Source) * 0x9E3779B1u;
        hash = (hash ^ (uint)H(raw.Medium)) * 0x85EBCA77u;
        hash = (hash ^ (uint)H(raw.Campaign)) * 0xC2B2AE3Du;
        hash = (hash ^ (uint)H(raw.Content)) * 0x27D4EB2Fu;
        hash = (hash ^ (uint)H(raw.Referrer) ^ (uint)raw.ClickIds) * 0x165667B1u;
        return (int)(hash ^ (hash >> 15));
    }

    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>A touch id by the identity of its values; the id is stored plus one, so zero is empty.</summary>
    private readonly record struct IdentityEntry(RawTouch Raw, int Hash, int Id) : IGrowingCacheEntry
    {
        public bool IsEmpty => Id == 0;
    }

    private readonly record struct UrlEntry(string? Url, string? Referrer, int Hash, int Touch) : IGrowingCacheEntry
    {
        public bool IsEmpty => Url is null;
    }

    private readonly record struct RawTouch(string? Source, string? Medium, string? Campaign, string? Content, string? Referrer, ClickIdKinds ClickIds)
    {
        public bool SameInstances(in RawTouch other) =>
            ReferenceEquals(Source, other.Source) && ReferenceEquals(Medium, other.Medium) && ReferenceEquals(Campaign, other.Campaign)
            && ReferenceEquals(Content, other.Content) && ReferenceEquals(Referrer, other.Referrer) && ClickIds == other.ClickIds;
    }
}
