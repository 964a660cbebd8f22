using System.Numerics;
using System.Runtime.InteropServices;
using ChannelMetrics.Tracking;

namespace ChannelMetrics.Funnel;

public sealed partial class FunnelAggregator
{
    // Events per block of AddRange: enough independent reads in flight to hide memory latency, few enough
    // that a block's visitor ids, tags and slots stay in the first-level cache.
    private const int AddBlock = 32;

    // Sum of the reads AddRange makes only to bring memory into cache: stored so the JIT keeps them.
    private int _warmed;

    /// <summary>Adds one event.</summary>
    /// <param name="funnelEvent">The event.</param>
    /// <remarks>
    /// Allocates nothing for visitors, URLs and values already seen. For many events at once,
    /// <see cref="AddRange(ReadOnlySpan{FunnelEvent})"/> is several times faster.
    /// </remarks>
    /// <exception cref="OverflowException">The aggregator would hold more than <see cref="long.MaxValue"/> events.</exception>
    public void Add(in FunnelEvent funnelEvent)
    {
        int visitor = string.IsNullOrEmpty(funnelEvent.VisitorId) ? -1 : VisitorIndex(funnelEvent.VisitorId);
        AddCore(funnelEvent.Timestamp.UtcTicks, funnelEvent.Stage, visitor, TouchOf(funnelEvent));
    }

    /// <summary>Adds events, as <see cref="Add(in FunnelEvent)"/> would one by one, but several times faster on large inputs.</summary>
    /// <param name="events">The events, in any order.</param>
    /// <remarks>
    /// <para>On a large input the visitor ids, tags, URLs and table entries an event needs are scattered over
    /// memory, and adding one event at a time waits for each of those cache misses in turn. Here events are
    /// taken in blocks of 32, and each kind of random read is first made for the whole block in a loop of its
    /// own, where the reads are independent and the processor overlaps their misses; the loop that counts
    /// then finds everything in cache.</para>
    /// <para>Allocates nothing for visitors, URLs and values already seen.</para>
    /// </remarks>
    /// <exception cref="OverflowException">The aggregator would hold more than <see cref="long.MaxValue"/> events.</exception>
    public void AddRange(ReadOnlySpan<FunnelEvent> events)
    {
        Span<int> visitorHashes = stackalloc int[AddBlock];
        for (int offset = 0; offset < events.Length; offset += AddBlock)
        {
            var block = events.Slice(offset, Math.Min(AddBlock, events.Length - offset));
            _warmed += HashVisitors(block, visitorHashes);
            AddHashed(block, visitorHashes);
        }
    }

    /// <summary>
    /// The first passes of <see cref="AddRange(ReadOnlySpan{FunnelEvent})"/>: touches each visitor id of a
    /// block, so that their cache misses overlap, then hashes them: 0 for no visitor, which no id hashes to.
    /// </summary>
    /// <returns>A sum of what the touching reads returned, for the caller to keep so the reads stay.</returns>
    private static int HashVisitors(ReadOnlySpan<FunnelEvent> block, Span<int> visitorHashes)
    {
        int warm = 0;
        foreach (ref readonly var e in block)
        {
            warm += e.VisitorId?.Length ?? 0;
        }

        for (int k = 0; k < block.Length; k++)
        {
            string? visitorId = block[k].VisitorId;
            visitorHashes[k] = string.IsNullOrEmpty(visitorId) ? 0 : VisitorTable.Hash(visitorId);
        }

        return warm;
    }

    /// <summary>Adds a block of events whose visitor ids are already hashed (see <see cref="HashVisitors"/>).</summary>
    /// <remarks>
    /// Every random read is first made in a loop of its own, where the reads are independent and their cache
    /// misses overlap, so that the loop that needs the data finds it in cache: the tags or URL (every cache line
    /// of it), then the URL-cache entries and visitor slots, then (once they are in a hash table) the counters.
    /// </remarks>
    private void AddHashed(ReadOnlySpan<FunnelEvent> block, ReadOnlySpan<int> visitorHashes)
    {
        Span<int> urlHashes = stackalloc int[AddBlock];
        Span<int> visitors = stackalloc int[AddBlock];
        Span<int> touches = stackalloc int[AddBlock];
        Span<int> periods = stackalloc int[AddBlock];
        long warm = 0;
        foreach (ref readonly var e in block)
        {
            if (e.Tags is { } tags)
            {
                warm += tags.Source?.Length ?? 0;
            }
            else if (e.LandingUrl is { } url)
            {
                for (int i = 0; i < url.Length; i += 32)
                {
                    warm += url[i];
                }
            }
        }

        for (int k = 0; k < block.Length; k++)
        {
            ref readonly var e = ref block[k];
            urlHashes[k] = e.Tags is null && e.LandingUrl is { } url ? UrlHash(url, e.Referrer) : 0;
        }

        for (int k = 0; k < block.Length; k++)
        {
            warm += WarmUrl(urlHashes[k]) + _visitorTable.Warm(visitorHashes[k]);
        }

        for (int k = 0; k < block.Length; k++)
        {
            ref readonly var e = ref block[k];
            // A zero hash is no visitor: the id's characters are not read again (see HashVisitors).
            visitors[k] = visitorHashes[k] == 0 ? -1 : VisitorIndex(default, visitorHashes[k], e.VisitorId);
            touches[k] = e.Tags is null && e.LandingUrl is { } url ? TouchOfUrlString(url, e.Referrer, urlHashes[k]) : TouchOf(e);
            periods[k] = _periods.SlotOf(e.Timestamp.UtcTicks);
        }

        warm += WarmSparseCounters(periods[..block.Length], touches[..block.Length]);

        for (int k = 0; k < block.Length; k++)
        {
            ref readonly var e = ref block[k];
            AddCore(e.Timestamp.UtcTicks, e.Stage, visitors[k], touches[k], periods[k]);
        }

        // The touching reads must not be optimised away.
        _warmed += (int)warm;
    }

    /// <summary>
    /// Adds events by interned ids, one column per field: as
    /// <see cref="Add(DateTimeOffset, FunnelStage, FunnelVisitorId, FunnelTouchId)"/> would one by one, but
    /// faster on large inputs.
    /// </summary>
    /// <param name="timestamps">When each event happened.</param>
    /// <param name="stages">Each event's funnel stage.</param>
    /// <param name="visitors">Each event's visitor, or <see cref="FunnelVisitorId.None"/>.</param>
    /// <param name="touches">Each event's own touch, from this aggregator's <c>InternTouch</c>.</param>
    /// <remarks>
    /// <para>Every column is checked before any event is added, so a bad call adds nothing.</para>
    /// <para>Events are taken in blocks of 32 whose period lookups (and, once the counts are in a hash table,
    /// counters) are read in loops of their own, where the cache misses of independent events overlap (as in
    /// <see cref="AddRange(ReadOnlySpan{FunnelEvent})"/>). Allocates nothing beyond the growth of the
    /// aggregator's arrays.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">A column's length differs from <paramref name="timestamps"/>'.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A stage is not defined, or an id is beyond those this aggregator issued (see <see cref="FunnelTouchId"/>).</exception>
    /// <exception cref="OverflowException">The aggregator would hold more than <see cref="long.MaxValue"/> events.</exception>
    public void AddRange(ReadOnlySpan<DateTimeOffset> timestamps, ReadOnlySpan<FunnelStage> stages, ReadOnlySpan<FunnelVisitorId> visitors, ReadOnlySpan<FunnelTouchId> touches)
    {
        CheckLength(stages.Length, timestamps.Length, nameof(stages));
        CheckLength(visitors.Length, timestamps.Length, nameof(visitors));
        CheckLength(touches.Length, timestamps.Length, nameof(touches));

        // Ids are valid when below the counts (a visitor id is stored plus one: None is 0, and a negative
        // value is a huge unsigned one); checked at vector speed, before anything is added.
        var stageValues = MemoryMarshal.Cast<FunnelStage, uint>(stages);
        var visitorValues = MemoryMarshal.Cast<FunnelVisitorId, uint>(visitors);
        var touchValues = MemoryMarshal.Cast<FunnelTouchId, uint>(touches);
        if (MaxOf(stageValues) > (uint)FunnelStage.Customer)
        {
            throw new ArgumentOutOfRangeException(nameof(stages), "A stage is not defined.");
        }

        if (MaxOf(visitorValues) > (uint)_visitorTable.Count)
        {
            ThrowHelper.ForeignId(nameof(visitors));
        }

        // The direct touch is always interned, so an empty column (maximum 0) passes.
        if (MaxOf(touchValues) >= (uint)_touches.Count)
        {
            ThrowHelper.ForeignId(nameof(touches));
        }

        // Every counter is at most the event count: checking it, before anything is added, keeps them all in range.
        long eventCount = checked(_eventCount + timestamps.Length);

        Span<int> periods = stackalloc int[AddBlock];
        long warm = 0;
        for (int offset = 0; offset < timestamps.Length; offset += AddBlock)
        {
            int length = Math.Min(AddBlock, timestamps.Length - offset);
            var blockTimestamps = timestamps.Slice(offset, length);
            var blockTouches = touchValues.Slice(offset, length);
            for (int k = 0; k < blockTimestamps.Length; k++)
            {
                periods[k] = _periods.SlotOf(blockTimestamps[k].UtcTicks);
            }

            warm += WarmSparseCounters(periods[..length], MemoryMarshal.Cast<uint, int>(blockTouches));

            // Stages and ids were checked above, on whole columns.
            var blockStages = stages.Slice(offset, length);
            var blockVisitors = visitorValues.Slice(offset, length);
            for (int k = 0; k < blockStages.Length; k++)
            {
                CountChecked(blockTimestamps[k].UtcTicks, blockStages[k], (int)blockVisitors[k] - 1, (int)blockTouches[k], periods[k]);
            }
        }

        _eventCount = eventCount;

        // The touching reads must not be optimised away.
        _warmed += (int)warm;
    }

    /// <summary>
    /// Reads ahead the counters of a block once they are in a hash table, whose probes gain from it; dense
    /// counters are one array increment each, which the processor overlaps on its own.
    /// </summary>
    /// <returns>A sum of what the reads returned, for the caller to keep so the reads stay.</returns>
    private long WarmSparseCounters(ReadOnlySpan<int> periods, ReadOnlySpan<int> touches)
    {
        long warm = 0;
        if (!_cells.IsDense)
        {
            for (int k = 0; k < touches.Length; k++)
            {
                warm += _cells.Warm(CellMap.KeyOf(periods[k], touches[k]));
            }
        }

        return warm;
    }

    private static void CheckLength(int length, int expected, string name)
    {
        if (length != expected)
        {
            throw new ArgumentException($"The column has {length} values; the timestamps have {expected}.", name);
        }
    }

    /// <summary>The largest value, 0 for none.</summary>
    private static uint MaxOf(ReadOnlySpan<uint> values)
    {
        var max = Vector<uint>.Zero;
        var vectors = MemoryMarshal.Cast<uint, Vector<uint>>(values);
        foreach (var vector in vectors)
        {
            max = Vector.Max(max, vector);
        }

        uint result = 0;
        for (int i = 0; i < Vector<uint>.Count; i++)
        {
            result = Math.Max(result, max[i]);
        }

        for (int i = vectors.Length * Vector<uint>.Count; i < values.Length; i++)
        {
            result = Math.Max(result, values[i]);
        }

        return result;
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
    /// <exception cref="OverflowException">The aggregator would hold more than <see cref="long.MaxValue"/> events.</exception>
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

    private int TouchOf(in FunnelEvent funnelEvent) =>
        funnelEvent.Tags is { } tags
            ? TouchOfTags(tags, funnelEvent.Referrer)
            : funnelEvent.LandingUrl is { } url
                ? TouchOfUrlString(url, funnelEvent.Referrer)
                : TouchOf(null, null, null, null, funnelEvent.Referrer, ClickIdKinds.None);

    private int TouchOfUrl(ReadOnlySpan<char> landingUrl, string? referrer)
    {
        var values = UtmParser.ParseInterned(landingUrl, _pool);
        return TouchOfValues(values, referrer);
    }
}
