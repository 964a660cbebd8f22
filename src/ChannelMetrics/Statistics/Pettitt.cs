namespace ChannelMetrics.Statistics;

/// <summary>Pettitt's (1979) non-parametric test for a single shift in level, for example after a strategy change.</summary>
public static class Pettitt
{
    /// <summary>The smallest number of non-missing values the test computes on.</summary>
    public const int MinimumCount = 3;

    /// <summary>Finds the most likely single change point in <paramref name="series"/> and its approximate significance.</summary>
    /// <param name="series">The values, oldest first. NaN marks a missing value and is skipped; indices keep their original positions.</param>
    /// <param name="significance">The significance level for <see cref="PettittResult.HasChangePoint"/>, strictly between 0 and 1.</param>
    /// <returns>
    /// The test result. With fewer than <see cref="MinimumCount"/> (3) non-missing values it is not computable
    /// (<see cref="StatisticNotComputableReason.TooFewValues"/>); when all values are equal, <see cref="StatisticNotComputableReason.NoVariation"/>.
    /// </returns>
    /// <remarks>
    /// <para>
    /// U<sub>t</sub> = Σ<sub>i≤t</sub> Σ<sub>j&gt;t</sub> sgn(x<sub>j</sub> − x<sub>i</sub>) for each split t (over non-missing values),
    /// K = max |U<sub>t</sub>| (the first split wins ties), p ≈ 2·exp(−6K²/(n³ + n²)) clamped to 1.
    /// </para>
    /// <para>
    /// Small samples: the approximation cannot reach p &lt; 0.05 below 11 values: even a clean step of n = 10
    /// (5 low, 5 high) gives K = 25 and p ≈ 0.066, while n = 11 (5 low, 6 high) gives p ≈ 0.049 and 12 months
    /// (6 and 6) p ≈ 0.031. With 6 monthly points a clean step still has p ≈ 0.29. O(n²), allocation-free.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="significance"/> is not strictly between 0 and 1.</exception>
    public static PettittResult Test(ReadOnlySpan<double> series, double significance = 0.05)
    {
        SeriesMath.ValidateProbability(significance, nameof(significance));
        int n = SeriesMath.CountFinite(series);
        if (n < MinimumCount)
        {
            return new PettittResult(n, 0, 0, 1, significance, StatisticNotComputableReason.TooFewValues);
        }

        // U_t = U_{t-1} + Σ_{j≠t} sgn(x_j − x_t): one pass per split point instead of a double sum.
        long u = 0;
        long best = 0;
        int bestSplit = -1;
        int seen = 0;
        bool varies = false;
        for (int t = 0; t < series.Length && seen < n - 1; t++)
        {
            double xt = series[t];
            if (!double.IsFinite(xt))
            {
                continue;
            }

            seen++;
            long v = 0;
            foreach (double xj in series)
            {
                if (double.IsFinite(xj))
                {
                    v += (xj > xt ? 1 : 0) - (xj < xt ? 1 : 0);
                }
            }

            varies |= v != 0;
            u += v;
            if (Math.Abs(u) > Math.Abs(best) || bestSplit < 0)
            {
                best = u;
                bestSplit = t;
            }
        }

        if (!varies)
        {
            return new PettittResult(n, 0, 0, 1, significance, StatisticNotComputableReason.NoVariation);
        }

        int changeIndex = bestSplit + 1;
        while (!double.IsFinite(series[changeIndex]))
        {
            changeIndex++;
        }

        double k = best;
        double nn = n;
        double p = Math.Min(1.0, 2 * Math.Exp(-6 * k * k / ((nn * nn * nn) + (nn * nn))));
        return new PettittResult(n, changeIndex, best, p, significance, StatisticNotComputableReason.None);
    }
}
