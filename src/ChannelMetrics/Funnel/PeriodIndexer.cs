namespace ChannelMetrics.Funnel;

/// <summary>
/// Maps UTC instants to dense period slots, fast: a direct-mapped cache keyed by the UTC quarter-hour.
/// </summary>
/// <remarks>
/// Converting an instant to a local date through <see cref="TimeZoneInfo"/> costs far more than counting
/// it, so the period of each UTC quarter-hour is remembered. Real time zones change offset only on
/// quarter-hour boundaries, so a whole quarter-hour normally lies in one period; the cache checks that
/// (first and last tick of the quarter-hour give the same period) and computes every instant of a
/// quarter-hour that straddles a period boundary exactly instead, so the result is always
/// <see cref="Period.Containing(DateTimeOffset, PeriodGranularity, TimeZoneInfo)"/>.
/// </remarks>
internal sealed class PeriodIndexer
{
    private const long QuarterHourTicks = TimeSpan.TicksPerMinute * 15;

    // The cache starts at 8 KB and doubles while it keeps missing, up to 512 KB (two years of quarter-hours):
    // a small input keeps a small footprint.
    private const int MinCacheSize = 1 << 10;
    private const int MaxCacheSize = 1 << 16;

    private readonly PeriodGranularity _granularity;
    private readonly TimeZoneInfo _zone;
    private readonly Dictionary<Period, int> _slots = [];
    private readonly List<Period> _periods = [];
    private Entry[]? _cache;
    private int _misses;

    public PeriodIndexer(PeriodGranularity granularity, TimeZoneInfo zone)
    {
        _granularity = granularity;
        _zone = zone;
    }

    public int Count => _periods.Count;

    public Period this[int slot] => _periods[slot];

    public int SlotOf(long utcTicks)
    {
        // Every quarter-hour of DateTimeOffset's range (at most 350,589,600) fits an int, so an entry is
        // 8 bytes and the whole cache (at most 512 KB) stays in the CPU caches.
        int quarter = (int)(utcTicks / QuarterHourTicks);
        var cache = _cache ??= new Entry[MinCacheSize];
        ref var entry = ref cache[quarter & (cache.Length - 1)];
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

    private int Miss(long utcTicks, int quarter, ref Entry entry)
    {
        if (++_misses > _cache!.Length / 2 && _cache.Length < MaxCacheSize)
        {
            Grow();
            entry = ref _cache[quarter & (_cache.Length - 1)];
        }

        long first = (long)quarter * QuarterHourTicks;
        long last = Math.Min(first + QuarterHourTicks - 1, DateTimeOffset.MaxValue.UtcTicks);
        var atFirst = PeriodOf(first);
        if (atFirst == PeriodOf(last))
        {
            int slot = SlotOf(atFirst);
            entry = new Entry(quarter + 1, slot);
            return slot;
        }

        return SlotOf(PeriodOf(utcTicks));
    }

    private void Grow()
    {
        var old = _cache!;
        _cache = new Entry[old.Length * 2];
        foreach (var entry in old)
        {
            if (entry.Tag != 0)
            {
                _cache[(entry.Tag - 1) & (_cache.Length - 1)] = entry;
            }
        }

        _misses = 0;
    }

    private Period PeriodOf(long utcTicks) =>
        Period.Containing(new DateTimeOffset(utcTicks, TimeSpan.Zero), _granularity, _zone);

    private readonly record struct Entry(int Tag, int Slot);
}
