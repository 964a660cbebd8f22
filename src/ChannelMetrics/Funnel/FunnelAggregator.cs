using System.Runtime.CompilerServices;

using ChannelMetrics.Tracking;

namespace ChannelMetrics.Funnel;

/// <summary>
/// Aggregates funnel events (visits, leads, customers) into a <see cref="FunnelTable"/>: bucketed by
/// period in the reporting time zone, attributed to the visit that earned them, grouped by the chosen
/// dimensions.
/// </summary>
/// <remarks>
/// <para><b>Visits</b> count for their own touch, in the period of their own timestamp.</para>
/// <para><b>Leads and customers</b> count in the period of their own timestamp, for the touch the
/// <see cref="FunnelOptions.Attribution"/> model picks among the same visitor's visits at or before the
/// conversion (a visit at the very same instant is a candidate). A conversion with no visitor id, or
/// whose visitor has no visit at or before it, is attributed by its own touch (its own tags), which is
/// <c>(direct)</c> when it carries none: nothing is dropped. Ties between visits at the same instant
/// are broken by the values of the grouped dimensions (ordinal: network, channel group, medium, campaign,
/// content; the later value wins for the last-touch models, the earlier for first touch), so the answer
/// never depends on input order.</para>
/// <para><b>Grouping.</b> Each touch is reduced to the dimensions in <see cref="FunnelOptions.Dimensions"/>
/// when it is interned, so memory and speed depend on the number of distinct grouped values, not on every
/// medium or content the input carries.</para>
/// <para><b>Order independence.</b> Conversions of identified visitors are kept until <see cref="ToTable"/>
/// resolves them, so events may arrive in any order and <see cref="Merge(FunnelAggregator)"/> is exact:
/// merging aggregates of any split of the input gives the table of the whole input.</para>
/// <para><b>Memory.</b> An aggregator keeps one entry per distinct visitor and touch, one record per
/// conversion of an identified visitor, and (for the last-touch models) one 16-byte record per visit of an
/// identified visitor, plus bounded caches (landing URLs seen as strings: at most 24 MB). Steady-state
/// <c>Add</c> and <c>AddRange</c> allocate nothing beyond the growth of those arrays.</para>
/// <para><b>Speed.</b> For many events, <see cref="AddRange(ReadOnlySpan{FunnelEvent})"/> is the fast path
/// (see its remarks); <see cref="AggregateParallel"/> spreads it over all cores.</para>
/// <para>Not thread-safe: use one aggregator per thread and <see cref="Merge(FunnelAggregator)"/>, or
/// the parallel ingest.</para>
/// </remarks>
public sealed partial class FunnelAggregator
{
    private const int NoTouch = -1;

    private readonly FunnelOptions _options;
    private readonly PeriodIndexer _periods;
    private readonly TouchTable _touches;
    private readonly VisitorTable _visitorTable = new();
    private readonly bool _keepVisits;
    private readonly bool _groupsChannels;

    // Only the first-touch model keeps per-visitor state; the last-touch models resolve from the visits.
    private VisitorState[] _visitors = [];
    // Visits (last-touch models) and conversions of identified visitors, appended as they come into buckets
    // by the visitor's low bits: attribution then works one bucket at a time without partitioning them first.
    private readonly RecordChunks<VisitRecord>[] _visits = new RecordChunks<VisitRecord>[VisitorBuckets];
    private readonly RecordChunks<ConversionRecord>[] _conversions = new RecordChunks<ConversionRecord>[VisitorBuckets];

    // Immediate counts per (period slot, touch): visits, and conversions attributed by their own touch.
    private readonly CellMap _cells = new();
    private long _eventCount;

    /// <summary>Creates an aggregator.</summary>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="FunnelOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">An option is invalid; the exception names the property.</exception>
    public FunnelAggregator(FunnelOptions? options = null)
    {
        _options = options ?? FunnelOptions.Default;
        _options.Validate();
        _periods = new PeriodIndexer(_options.Granularity, _options.TimeZone);
        _touches = new TouchTable(_options.MaxCampaignsPerNetwork);
        _keepVisits = _options.Attribution != AttributionModel.FirstTouch;
        _resolver = _options.SourceResolver ?? SourceResolver.Default;
        _grouping = _options.ChannelGrouping ?? ChannelGrouping.Default;
        _groupsChannels = (_options.Dimensions & FunnelDimensions.ChannelGroup) != 0;

        // Touch 0 is the direct touch: default(FunnelTouchId), and every conversion with nothing to go on.
        TouchOf(null, null, null, null, null, ClickIdKinds.None);
    }

    /// <summary>Gets the options this aggregator was created with.</summary>
    public FunnelOptions Options => _options;

    /// <summary>Gets how many events were added (including those merged in).</summary>
    public long EventCount => _eventCount;

    /// <summary>Interns a visitor id, so later events of the visitor can be added without looking it up.</summary>
    /// <param name="visitorId">The visitor (contact) id; empty means no visitor.</param>
    /// <returns>The interned id, or <see cref="FunnelVisitorId.None"/> for an empty id.</returns>
    public FunnelVisitorId InternVisitor(ReadOnlySpan<char> visitorId) =>
        visitorId.IsEmpty ? FunnelVisitorId.None : new FunnelVisitorId(VisitorIndex(visitorId));

    /// <summary>
    /// Adds one event by interned ids, for callers that intern once and count many times; for many events at once,
    /// <see cref="AddRange(ReadOnlySpan{DateTimeOffset}, ReadOnlySpan{FunnelStage}, ReadOnlySpan{FunnelVisitorId}, ReadOnlySpan{FunnelTouchId})"/> is faster.
    /// </summary>
    /// <param name="timestamp">When the event happened.</param>
    /// <param name="stage">The funnel stage.</param>
    /// <param name="visitor">The visitor, or <see cref="FunnelVisitorId.None"/>.</param>
    /// <param name="touch">The event's own touch, from this aggregator's <c>InternTouch</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The stage is not defined, or an id is beyond those this aggregator issued (see <see cref="FunnelTouchId"/>).</exception>
    /// <exception cref="OverflowException">The aggregator would hold more than <see cref="long.MaxValue"/> events.</exception>
    public void Add(DateTimeOffset timestamp, FunnelStage stage, FunnelVisitorId visitor, FunnelTouchId touch)
    {
        if ((uint)visitor.Index >= (uint)_visitorTable.Count && visitor.HasValue)
        {
            ThrowHelper.ForeignId(nameof(visitor));
        }

        if ((uint)touch.Index >= (uint)_touches.Count)
        {
            ThrowHelper.ForeignId(nameof(touch));
        }

        AddCore(timestamp.UtcTicks, stage, visitor.Index, touch.Index);
    }

    /// <summary>
    /// Adds the events of <paramref name="other"/> to this aggregator, exactly as if they had been added here.
    /// </summary>
    /// <param name="other">Another aggregator with equal options; it is left unchanged.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> is this aggregator, or its options differ.</exception>
    /// <exception cref="OverflowException">Together they hold more than <see cref="long.MaxValue"/> events; nothing is merged.</exception>
    public void Merge(FunnelAggregator other)
    {
        // Null stands for the default resolver and grouping: options that differ only in saying so are equal.
        static FunnelOptions Resolved(FunnelOptions options) => options with
        {
            SourceResolver = options.SourceResolver ?? SourceResolver.Default,
            ChannelGrouping = options.ChannelGrouping ?? ChannelGrouping.Default,
        };

        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this))
        {
            throw new ArgumentException("An aggregator cannot merge itself.", nameof(other));
        }

        if (!Resolved(other._options).Equals(Resolved(_options)))
        {
            throw new ArgumentException("Only aggregators with equal options can merge.", nameof(other));
        }

        // Checked first, so an overflow leaves this aggregator as it was rather than half merged.
        long eventCount = checked(_eventCount + other._eventCount);

        var touchMap = new int[other._touches.Count];
        for (int t = 0; t < touchMap.Length; t++)
        {
            touchMap[t] = _touches.Intern(other._touches[t]);
        }

        var periodMap = new int[other._periods.Count];
        for (int p = 0; p < periodMap.Length; p++)
        {
            periodMap[p] = _periods.SlotOf(other._periods[p]);
        }

        var visitorNames = other._visitorTable.NamesByIndex();
        var visitorMap = new int[visitorNames.Length];
        for (int v = 0; v < visitorMap.Length; v++)
        {
            visitorMap[v] = VisitorIndex(visitorNames[v]);
        }

        foreach (var (key, visits, leads, customers) in other._cells.Cells())
        {
            _cells.Add(CellMap.KeyOf(periodMap[CellMap.PeriodOf(key)], touchMap[CellMap.IdOf(key)]), visits, leads, customers);
        }

        for (int v = 0; v < (_keepVisits ? 0 : visitorMap.Length); v++)
        {
            ref readonly var theirs = ref other._visitors[v];
            if (theirs.FirstTouch != NoTouch)
            {
                UpdateFirst(visitorMap[v], theirs.FirstTicks, touchMap[theirs.FirstTouch]);
            }
        }

        for (int b = 0; b < VisitorBuckets; b++)
        {
            foreach (var chunk in other._visits[b])
            {
                foreach (ref readonly var visit in chunk)
                {
                    RecordVisit(visitorMap[visit.Visitor], visit.Ticks, touchMap[visit.Touch]);
                }
            }

            foreach (var chunk in other._conversions[b])
            {
                foreach (ref readonly var c in chunk)
                {
                    AppendConversion(c.Ticks, visitorMap[c.Visitor], touchMap[c.OwnTouch], periodMap[c.Period], c.Stage);
                }
            }
        }

        _touches.GuardFolded.UnionWith(other._touches.GuardFolded);
        _eventCount = eventCount;
    }

    /// <summary>
    /// Forgets every event added so far but keeps the interned visitors and touches (and the ids issued for
    /// them), so the next batch of the same visitors and touches is counted without interning again.
    /// </summary>
    /// <remarks>Campaigns already redirected to <c>(other)</c> by the memory guard stay redirected.</remarks>
    public void Clear()
    {
        _cells.Clear();
        for (int b = 0; b < VisitorBuckets; b++)
        {
            _visits[b].Clear();
            _conversions[b].Clear();
        }

        _eventCount = 0;
        if (!_keepVisits)
        {
            _visitors.AsSpan(0, _visitorTable.Count).Fill(new VisitorState { FirstTouch = NoTouch });
        }
    }

    /// <summary>Builds the table of everything added so far. The aggregator stays usable.</summary>
    /// <returns>The table.</returns>
    public FunnelTable ToTable()
    {
        var builder = new TableBuilder(_options);
        ResolveSource().AddTo(builder);
        return builder.Build();
    }

    /// <summary>Resolves the counts: immediate counts plus every stored conversion at its credited touch.</summary>
    /// <remarks>
    /// With no stored conversion to credit the source reads this aggregator's own counts, not a copy: use it
    /// before adding more events.
    /// </remarks>
    internal ResolvedSource ResolveSource()
    {
        var resolved = _cells;
        if (HasStoredConversions())
        {
            resolved = _cells.Clone();
            CountConversions(resolved);
        }

        var periods = new Period[_periods.Count];
        for (int p = 0; p < periods.Length; p++)
        {
            periods[p] = _periods[p];
        }

        var touches = new TouchKey[_touches.Count];
        for (int t = 0; t < touches.Length; t++)
        {
            touches[t] = _touches[t];
        }

        return new ResolvedSource(periods, touches, resolved, [.. _touches.GuardFolded]);
    }

    internal int InternTouchKey(in TouchKey key) => _touches.Intern(key);

    private bool HasStoredConversions()
    {
        foreach (var bucket in _conversions)
        {
            if (bucket.Count != 0)
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddCore(long utcTicks, FunnelStage stage, int visitor, int touch) =>
        AddCore(utcTicks, stage, visitor, touch, _periods.SlotOf(utcTicks));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddCore(long utcTicks, FunnelStage stage, int visitor, int touch, int period)
    {
        if ((uint)stage > (uint)FunnelStage.Customer)
        {
            ThrowHelper.UnknownStage(stage);
        }

        // Every counter is at most the event count, so checking it alone keeps them all from wrapping around.
        _eventCount = checked(_eventCount + 1);
        CountChecked(utcTicks, stage, visitor, touch, period);
    }

    /// <summary>
    /// Counts one event whose stage is known to be defined, without counting it in <see cref="EventCount"/>: a
    /// visit, or any event without a visitor, where it happened; a visitor's visit is kept for attribution and
    /// its conversion waits for it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CountChecked(long utcTicks, FunnelStage stage, int visitor, int touch, int period)
    {
        if (visitor < 0 || stage == FunnelStage.Visit)
        {
            _cells.Counter(CellMap.KeyOf(period, touch), (int)stage)++;
        }

        if (visitor >= 0)
        {
            if (stage == FunnelStage.Visit)
            {
                RecordVisit(visitor, utcTicks, touch);
            }
            else
            {
                AppendConversion(utcTicks, visitor, touch, period, (byte)stage);
            }
        }
    }

    internal int VisitorIndex(ReadOnlySpan<char> visitorId) =>
        VisitorIndex(visitorId, VisitorTable.Hash(visitorId), null);

    private int VisitorIndex(string visitorId) =>
        VisitorIndex(default, VisitorTable.Hash(visitorId), visitorId);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int VisitorIndex(ReadOnlySpan<char> visitorId, int hash, string? stored)
    {
        int count = _visitorTable.Count;
        int index = _visitorTable.IndexOf(visitorId, hash, stored);
        if (index == count && !_keepVisits)
        {
            AddFirstTouchState(index);
        }

        return index;
    }

    /// <summary>Makes room for <paramref name="visitors"/> visitors, so that interning them never rehashes.</summary>
    internal void ReserveVisitors(int visitors)
    {
        _visitorTable.Reserve(visitors);
        if (!_keepVisits && visitors > _visitors.Length)
        {
            Array.Resize(ref _visitors, visitors);
        }
    }

    private void AddFirstTouchState(int index)
    {
        if (index == _visitors.Length)
        {
            Array.Resize(ref _visitors, Math.Max(16, index * 2));
        }

        _visitors[index] = new VisitorState { FirstTouch = NoTouch };
    }

    private void UpdateFirst(int visitor, long ticks, int touch)
    {
        ref var state = ref _visitors[visitor];
        if (state.FirstTouch == NoTouch || ticks < state.FirstTicks
            || (ticks == state.FirstTicks && TouchKey.Compare(_touches[touch], _touches[state.FirstTouch]) < 0))
        {
            state.FirstTicks = ticks;
            state.FirstTouch = touch;
        }
    }

    /// <summary>Records a visit as the model needs it: the first touch's state, or the visit itself for the last-touch models.</summary>
    private void RecordVisit(int visitor, long ticks, int touch)
    {
        if (!_keepVisits)
        {
            UpdateFirst(visitor, ticks, touch);
            return;
        }

        ref var visit = ref _visits[visitor & (VisitorBuckets - 1)].AppendSlot();
        visit.Ticks = ticks;
        visit.Touch = touch;
        visit.Visitor = visitor;
    }

    private void AppendConversion(long ticks, int visitor, int ownTouch, int period, byte stage)
    {
        ref var conversion = ref _conversions[visitor & (VisitorBuckets - 1)].AppendSlot();
        conversion.Ticks = ticks;
        conversion.Visitor = visitor;
        conversion.OwnTouch = ownTouch;
        conversion.Period = period;
        conversion.Stage = stage;
    }

    private struct VisitorState
    {
        public long FirstTicks;
        public int FirstTouch;
    }

    /// <summary>A visit of an identified visitor, kept for the last-touch models; written in place (see <see cref="RecordChunks{T}.AppendSlot"/>).</summary>
    private struct VisitRecord
    {
        public long Ticks;
        public int Touch;
        public int Visitor;
    }

    /// <summary>One aggregator's resolved counts, ready for a <see cref="TableBuilder"/>.</summary>
    internal sealed record ResolvedSource(Period[] Periods, TouchKey[] Touches, CellMap Counts, (string Network, string Campaign)[] GuardFolded)
    {
        public void AddTo(TableBuilder builder)
        {
            builder.AddSource(Periods, Touches, Counts);
            foreach (var folded in GuardFolded)
            {
                builder.AddGuardFolded(folded);
            }
        }
    }

    /// <summary>A lead or customer of an identified visitor, kept until <see cref="ToTable"/> credits it; written in place.</summary>
    internal struct ConversionRecord
    {
        public long Ticks;
        public int Visitor;
        public int OwnTouch;
        public int Period;
        public byte Stage;
    }
}
