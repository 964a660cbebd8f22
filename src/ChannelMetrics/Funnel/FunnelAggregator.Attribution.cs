namespace ChannelMetrics.Funnel;

public sealed partial class FunnelAggregator
{
    /// <summary>Returns the touch credited to each stored conversion (by index), per the attribution model.</summary>
    private int[] CreditConversions()
    {
        var credited = new int[_conversionCount];
        if (_options.Attribution == AttributionModel.FirstTouch)
        {
            for (int i = 0; i < credited.Length; i++)
            {
                ref readonly var c = ref _conversions[i];
                ref readonly var visitor = ref _visitors[c.Visitor];
                credited[i] = visitor.FirstTouch != NoTouch && visitor.FirstTicks <= c.Ticks ? visitor.FirstTouch : c.OwnTouch;
            }

            return credited;
        }

        if (credited.Length > 0)
        {
            CreditLastTouch(credited);
        }

        return credited;
    }

    /// <summary>
    /// Credits each conversion with the latest visit of its visitor at or before it (the latest non-direct
    /// one for <see cref="AttributionModel.LastNonDirectTouch"/>), in one pass over the stored visits.
    /// </summary>
    /// <remarks>
    /// Each visitor's conversions are sorted by instant. A visit is a candidate for every conversion at or
    /// after it, so it is offered only to the first of them, and a running maximum along the visitor's
    /// conversions hands it on to the later ones. No visit is sorted or copied: the cost is one pass over the
    /// visits plus a sort of the conversions, which are few, and a visitor with many conversions costs a
    /// binary search per visit, never visits × conversions. Visits at one instant are ordered by the touch's
    /// rank (its values), so the answer never depends on input order.
    /// </remarks>
    private void CreditLastTouch(int[] credited)
    {
        int conversions = _conversionCount;
        var rank = TouchRanks(out var direct);

        // Group the conversions by visitor (counting sort): visitor v owns positions [start[v], start[v + 1]).
        int visitorCount = _visitorTable.Count;
        var start = new int[visitorCount + 1];
        for (int i = 0; i < conversions; i++)
        {
            start[_conversions[i].Visitor + 1]++;
        }

        for (int v = 0; v < visitorCount; v++)
        {
            start[v + 1] += start[v];
        }

        var fill = start.AsSpan(0, visitorCount).ToArray();
        var order = new int[conversions];
        var ticks = new long[conversions];
        for (int i = 0; i < conversions; i++)
        {
            int position = fill[_conversions[i].Visitor]++;
            order[position] = i;
            ticks[position] = _conversions[i].Ticks;
        }

        for (int v = 0; v < visitorCount; v++)
        {
            int from = start[v], length = start[v + 1] - from;
            if (length > 1)
            {
                ticks.AsSpan(from, length).Sort(order.AsSpan(from, length));
            }
        }

        // Offer each visit to the first conversion of its visitor at or after it.
        var best = new Candidate[conversions];
        var bestNonDirect = new Candidate[conversions];
        best.AsSpan().Fill(Candidate.None);
        bestNonDirect.AsSpan().Fill(Candidate.None);
        for (int i = 0; i < _visitCount; i++)
        {
            ref readonly var visit = ref _visits[i];
            int from = start[visit.Visitor], to = start[visit.Visitor + 1];
            if (from == to)
            {
                continue;
            }

            int first = FirstAtOrAfter(ticks, from, to, visit.Ticks);
            if (first == to)
            {
                continue;
            }

            var candidate = new Candidate(visit.Ticks, rank[visit.Touch], visit.Touch);
            best[first] = Candidate.Later(best[first], candidate);
            if (!direct[visit.Touch])
            {
                bestNonDirect[first] = Candidate.Later(bestNonDirect[first], candidate);
            }
        }

        // Hand the candidates on along each visitor's conversions, and credit.
        bool nonDirectOnly = _options.Attribution == AttributionModel.LastNonDirectTouch;
        for (int v = 0; v < visitorCount; v++)
        {
            var last = Candidate.None;
            var lastNonDirect = Candidate.None;
            for (int p = start[v]; p < start[v + 1]; p++)
            {
                last = Candidate.Later(last, best[p]);
                lastNonDirect = Candidate.Later(lastNonDirect, bestNonDirect[p]);
                int conversion = order[p];
                credited[conversion] = nonDirectOnly && lastNonDirect.Touch != NoTouch ? lastNonDirect.Touch
                    : last.Touch != NoTouch ? last.Touch
                    : _conversions[conversion].OwnTouch;
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
