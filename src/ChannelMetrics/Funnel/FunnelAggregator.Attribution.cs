using System.Runtime.CompilerServices;

namespace ChannelMetrics.Funnel;

public sealed partial class FunnelAggregator
{
    // Visits and conversions are stored in 32 buckets by the visitor's low bits (see RecordVisit): a bucket's
    // per-visitor arrays are small enough to stay in cache while its visits stream past.
    private const int VisitorBucketBits = 5;
    private const int VisitorBuckets = 1 << VisitorBucketBits;

    /// <summary>Counts each stored conversion at the touch the attribution model credits.</summary>
    private void CountConversions(CellMap counts)
    {
        if (_options.Attribution != AttributionModel.FirstTouch)
        {
            CountLastTouch(counts);
            return;
        }

        for (int b = 0; b < VisitorBuckets; b++)
        {
            foreach (var chunk in _conversions[b])
            {
                foreach (ref readonly var c in chunk)
                {
                    ref readonly var visitor = ref _visitors[c.Visitor];
                    int touch = visitor.FirstTouch != NoTouch && visitor.FirstTicks <= c.Ticks ? visitor.FirstTouch : c.OwnTouch;
                    counts.Counter(CellMap.KeyOf(c.Period, touch), c.Stage)++;
                }
            }
        }
    }

    /// <summary>
    /// Credits each conversion with the latest visit of its visitor at or before it (the latest non-direct
    /// one for <see cref="AttributionModel.LastNonDirectTouch"/>), one visitor bucket at a time.
    /// </summary>
    /// <remarks>
    /// Within a bucket each visitor's conversions are sorted by instant. A visit is a candidate for every
    /// conversion at or after it, so it is offered only to the first of them, and a running maximum along the
    /// visitor's conversions hands it on to the later ones. No visit is sorted or moved: the cost is one pass
    /// over the stored visits plus a sort of the conversions, which are few, and a visitor with many
    /// conversions costs a binary search per visit, never visits × conversions. Visits at one instant are
    /// ordered by the touch's rank (its values), so the answer never depends on input order.
    /// </remarks>
    // Runs once per table over millions of records: compiled fully optimized at once rather than climbing
    // the tiers through on-stack replacement.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CountLastTouch(CellMap counts)
    {
        int most = 0;
        for (int b = 0; b < VisitorBuckets; b++)
        {
            most = Math.Max(most, _conversions[b].Count);
        }

        if (most == 0)
        {
            return;
        }

        var rank = TouchRanks(out var direct);
        bool nonDirectOnly = _options.Attribution == AttributionModel.LastNonDirectTouch;

        // Scratch shared by the buckets: local visitor l (visitor >> VisitorBucketBits) owns positions
        // [start[l], start[l + 1]) of the bucket's conversions, sorted by instant.
        int locals = (_visitorTable.Count >> VisitorBucketBits) + 1;
        var start = new int[locals + 1];
        var fill = new int[locals];
        var conversions = new ConversionRecord[most];
        var order = new int[most];
        var ticks = new long[most];
        var best = new Candidate[most];
        var bestNonDirect = new Candidate[most];
        for (int b = 0; b < VisitorBuckets; b++)
        {
            int count = 0;
            foreach (var chunk in _conversions[b])
            {
                chunk.CopyTo(conversions.AsSpan(count));
                count += chunk.Length;
            }

            if (count == 0)
            {
                continue;
            }

            Array.Clear(start);
            foreach (ref readonly var c in conversions.AsSpan(0, count))
            {
                start[(c.Visitor >> VisitorBucketBits) + 1]++;
            }

            for (int l = 0; l < locals; l++)
            {
                start[l + 1] += start[l];
            }

            Array.Copy(start, fill, locals);
            for (int i = 0; i < count; i++)
            {
                int position = fill[conversions[i].Visitor >> VisitorBucketBits]++;
                order[position] = i;
                ticks[position] = conversions[i].Ticks;
            }

            for (int l = 0; l < locals; l++)
            {
                int from = start[l], length = start[l + 1] - from;
                if (length > 1)
                {
                    ticks.AsSpan(from, length).Sort(order.AsSpan(from, length));
                }
            }

            // Offer each visit to the first conversion of its visitor at or after it.
            best.AsSpan(0, count).Fill(Candidate.None);
            bestNonDirect.AsSpan(0, count).Fill(Candidate.None);
            foreach (var chunk in _visits[b])
            {
                foreach (ref readonly var visit in chunk)
                {
                    int local = visit.Visitor >> VisitorBucketBits;
                    int from = start[local], to = start[local + 1];
                    int first = FirstAtOrAfter(ticks, from, to, visit.Ticks);
                    if (first == to)
                    {
                        // The visitor never converts, or not at or after this visit.
                        continue;
                    }

                    var candidate = new Candidate(visit.Ticks, rank[visit.Touch], visit.Touch);
                    best[first] = Candidate.Later(best[first], candidate);
                    if (!direct[visit.Touch])
                    {
                        bestNonDirect[first] = Candidate.Later(bestNonDirect[first], candidate);
                    }
                }
            }

            // Hand the candidates on along each visitor's conversions, and count.
            for (int l = 0; l < locals; l++)
            {
                var last = Candidate.None;
                var lastNonDirect = Candidate.None;
                for (int p = start[l]; p < start[l + 1]; p++)
                {
                    last = Candidate.Later(last, best[p]);
                    lastNonDirect = Candidate.Later(lastNonDirect, bestNonDirect[p]);
                    ref readonly var c = ref conversions[order[p]];
                    int touch = nonDirectOnly && lastNonDirect.Touch != NoTouch ? lastNonDirect.Touch
                        : last.Touch != NoTouch ? last.Touch
                        : c.OwnTouch;
                    counts.Counter(CellMap.KeyOf(c.Period, touch), c.Stage)++;
                }
            }
        }
    }

    /// <summary>The first position in [from, to) whose instant is at or after <paramref name="instant"/>.</summary>
    private static int FirstAtOrAfter(long[] ticks, int from, int to, long instant)
    {
        // Nearly every visitor converts once or twice: a scan beats a search there.
        if (to - from <= 8)
        {
            while (from < to && ticks[from] < instant)
            {
                from++;
            }

            return from;
        }

        int lo = from, hi = to;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (ticks[mid] < instant)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// Ranks the touches by their values (equal values, equal rank), so ties between visits at one instant
    /// are broken by an integer compare instead of comparing strings.
    /// </summary>
    private int[] TouchRanks(out bool[] direct)
    {
        int touchCount = _touches.Count;
        var touches = _touches;
        direct = new bool[touchCount];
        var order = new int[touchCount];
        for (int i = 0; i < touchCount; i++)
        {
            direct[i] = touches[i].IsDirect;
            order[i] = i;
        }

        Array.Sort(order, (a, b) => TouchKey.Compare(touches[a], touches[b]));
        var rank = new int[touchCount];
        for (int i = 1; i < touchCount; i++)
        {
            rank[order[i]] = TouchKey.Compare(touches[order[i]], touches[order[i - 1]]) == 0 ? rank[order[i - 1]] : i;
        }

        return rank;
    }

    /// <summary>A visit that may be credited: later instants win, then higher touch ranks.</summary>
    private readonly record struct Candidate(long Ticks, int Rank, int Touch)
    {
        public static Candidate None => new(long.MinValue, int.MinValue, NoTouch);

        public static Candidate Later(in Candidate a, in Candidate b) =>
            b.Ticks > a.Ticks || (b.Ticks == a.Ticks && b.Rank > a.Rank) ? b : a;
    }
}
