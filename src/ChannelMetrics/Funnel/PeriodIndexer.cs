using System.Runtime.CompilerServices;

namespace ChannelMetrics.Funnel;

/// <summary>
/// Maps UTC instants to dense period slots, fast: direct-mapped caches keyed by the UTC day, then by the UTC
/// quarter-hour.
/// </summary>
/// <remarks>
/// Converting an instant to a local date through <see cref="TimeZoneInfo"/> costs far more than counting
/// it, so periods are remembered. Most UTC days lie wholly in one period (all of them for weeks, months and
/// quarters but the few with a boundary; for days, in a zone a whole number of days from UTC), and 1,024
/// days (almost three years) fit 8 KB, in the processor's fastest cache. A day that a boundary splits is
/// marked, and its instants are looked up by quarter-hour: real time zones change offset only on
/// quarter-hour boundaries, so a whole quarter-hour normally lies in one period. Each cache checks that its span lies in one period
/// (first and last tick give the same period, and the zone's offset does not change in between), and an instant of a
/// quarter-hour that does not is computed exactly instead, so the result is always
/// <see cref="Period.Containing(DateTimeOffset, PeriodGranularity, TimeZoneInfo)"/>.
/// </remarks>
internal sealed class PeriodIndexer
{
    private const long QuarterHourTicks = TimeSpan.TicksPerMinute * 15;

    // The cache starts at 8 KB and doubles while it keeps missing, up to 512 KB (two years of quarter-hours):
    // a small input keeps a small footprint.
    private const int MinCacheSize = 1 << 10;
    private const int MaxCacheSize = 1 << 16;

    // Days 1,024 apart share a slot; the tag tells them apart.
    private const int DayCacheSize = 1 << 10;

    private readonly PeriodGranularity _granularity;
    private readonly TimeZoneInfo _zone;
    private readonly Dictionary<Period, int> _slots = [];
    private readonly List<Period> _periods = [];
    private GrowingCache<Entry> _cache = new(MinCacheSize, MaxCacheSize);
    private readonly Entry[] _days = new Entry[DayCacheSize];

    public PeriodIndexer(PeriodGranularity granularity, TimeZoneInfo zone)
    {
        _granularity = granularity;
        _zone = zone;
    }

    public int Count => _periods.Count;

    public Period this[int slot] => _periods[slot];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int SlotOf(long utcTicks)
    {
        // A day split by a period boundary is stored with slot -1, so its instants go to the quarter-hours.
        int day = (int)(utcTicks / TimeSpan.TicksPerDay);
        var dayEntry = _days[day & (_days.Length - 1)];
        return dayEntry.Tag == day + 1 && dayEntry.Slot >= 0 ? dayEntry.Slot : SlotOfQuarter(utcTicks, day);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int SlotOfQuarter(long utcTicks, int day)
    {
        ref var dayEntry = ref _days[day & (_days.Length - 1)];
        if (dayEntry.Tag != day + 1)
        {
            long first = day * TimeSpan.TicksPerDay;
            long last = Math.Min(first + TimeSpan.TicksPerDay - 1, DateTimeOffset.MaxValue.UtcTicks);
            dayEntry = new Entry(day + 1, InOnePeriod(first, last) is { } period ? SlotOf(period) : -1);
            if (dayEntry.Slot >= 0)
            {
                return dayEntry.Slot;
            }
        }

        // Every quarter-hour of DateTimeOffset's range (at most 350,589,600) fits an int, so an entry is
        // 8 bytes and the whole cache (at most 512 KB) stays in the CPU caches.
        int quarter = (int)(utcTicks / QuarterHourTicks);
        ref var entry = ref _cache.Slot(quarter);
        return entry.Tag == quarter + 1 ? entry.Slot : Miss(utcTicks, quarter, ref entry);
    }

    public int SlotOf(Period period)
    {
        if (!_slots.TryGetValue(period, out int slot))
        {
            slot = _periods.Count;
            _slots.Add(period, slot);
            _periods.Add(period);
        }

        return slot;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Miss(long utcTicks, int quarter, ref Entry entry)
    {
        long first = (long)quarter * QuarterHourTicks;
        long last = Math.Min(first + QuarterHourTicks - 1, DateTimeOffset.MaxValue.UtcTicks);
        int slot;
        if (InOnePeriod(first, last) is { } period)
        {
            slot = SlotOf(period);
            entry = new Entry(quarter + 1, slot);
        }
        else
        {
            slot = SlotOf(PeriodOf(utcTicks));
        }

        _cache.Missed();
        return slot;
    }

    /// <summary>
    /// The one period that every instant from <paramref name="first"/> to <paramref name="last"/> lies in, or
    /// <see langword="null"/>. The ends agreeing is not enough when the zone's offset changes in between: local time
    /// can then leave the period and come back (America/Sitka's date went back a day in 1867), so such a span is
    /// never one period to the caches, and its instants are computed one by one.
    /// </summary>
    private Period? InOnePeriod(long first, long last)
    {
        var period = PeriodOf(first);
        return period == PeriodOf(last)
            && _zone.GetUtcOffset(new DateTime(first, DateTimeKind.Utc)) == _zone.GetUtcOffset(new DateTime(last, DateTimeKind.Utc))
            ? period
            : null;
    }

    private Period PeriodOf(long utcTicks) =>
        Period.Containing(new DateTimeOffset(utcTicks, TimeSpan.Zero), _granularity, _zone);

    /// <summary>A quarter-hour's period slot; the tag is the quarter-hour plus one, so zero is empty.</summary>
    private readonly record struct Entry(int Tag, int Slot) : IGrowingCacheEntry
    {
        public bool IsEmpty => Tag == 0;

        public int Hash => Tag - 1;
    }
}
