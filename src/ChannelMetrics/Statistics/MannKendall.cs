namespace ChannelMetrics.Statistics;

/// <summary>
/// The Mann-Kendall test for a monotonic trend, suited to short and noisy series such as 6 to 36 monthly points
/// because it uses only the signs of pairwise differences (no normality, robust to outliers).
/// </summary>
/// <remarks>
/// <para>
/// Formulas (Mann 1945, Kendall 1975, as in Gilbert 1987 and pymannkendall's <c>original_test</c>):
/// S = Σ<sub>i&lt;j</sub> sgn(x<sub>j</sub> − x<sub>i</sub>);
/// Var(S) = [n(n − 1)(2n + 5) − Σ t(t − 1)(2t + 5)] / 18 over groups of t tied values;
/// Z = (S ∓ 1)/√Var(S); p = 2·(1 − Φ(|Z|)); tau = S / (n(n − 1)/2).
/// </para>
/// <para>
/// Small samples: the normal approximation is the usual choice from n ≥ 3, but the smallest reachable p-value
/// grows quickly as n shrinks. Without ties, a perfectly monotonic series of n = 3 gives p ≈ 0.296 and of
/// n = 4 gives p ≈ 0.089, so <b>fewer than 5 values can never be significant at 0.05</b>; n = 5 can reach
/// p ≈ 0.027. At 0.01 the minimum is n = 6 (smallest p ≈ 0.0085). Ties only raise these minima.
/// </para>
/// <para>Missing values are NaN (infinities are treated as missing too); they are skipped.</para>
/// </remarks>
public static class MannKendall
{
    /// <summary>The smallest number of non-missing values the test computes on.</summary>
    public const int MinimumCount = 3;

    /// <summary>Tests <paramref name="series"/> (equally spaced, oldest first) for a monotonic trend.</summary>
    /// <param name="series">The values, oldest first. NaN marks a missing value and is skipped.</param>
    /// <param name="significance">The two-sided significance level for <see cref="MannKendallResult.Trend"/>, strictly between 0 and 1.</param>
    /// <returns>
    /// The test result. With fewer than <see cref="MinimumCount"/> (3) non-missing values it is not computable
    /// (<see cref="StatisticNotComputableReason.TooFewValues"/>); when all values are equal Var(S) is 0 and it is not computable
    /// (<see cref="StatisticNotComputableReason.NoVariation"/>). With fewer than 5 values it is computable but can never be
    /// significant at 0.05 (see remarks on <see cref="MannKendall"/>).
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="significance"/> is not strictly between 0 and 1.</exception>
    /// <remarks>O(n²) comparisons, allocation-free up to 1024 values.</remarks>
    public static MannKendallResult Test(ReadOnlySpan<double> series, double significance = 0.05)
    {
        SeriesMath.ValidateProbability(significance, nameof(significance));
        int n = SeriesMath.CountFinite(series);
        if (n < MinimumCount)
        {
            return MannKendallResult.NotComputable(n, significance, StatisticNotComputableReason.TooFewValues);
        }

        double variance = SeriesMath.KendallVariance(series, n);
        if (variance <= 0)
        {
            return MannKendallResult.NotComputable(n, significance, StatisticNotComputableReason.NoVariation);
        }

        long s = SeriesMath.KendallScore(series);
        // In double: n(n − 1) overflows an int from 46,342 values, which flipped tau's sign.
        return MannKendallResult.From(n, s, variance, (double)n * (n - 1) / 2, significance);
    }

    /// <summary>
    /// Hirsch's seasonal Mann-Kendall test: S and Var(S) are computed within each season (for example each
    /// calendar month across years) and summed, so a regular seasonal pattern is not mistaken for a trend.
    /// </summary>
    /// <param name="series">The values, oldest first, with <c>series[0]</c> in season 0. NaN marks a missing value and is skipped.</param>
    /// <param name="period">The number of seasons per cycle, 2 or more (12 for monthly data).</param>
    /// <param name="significance">The two-sided significance level for <see cref="MannKendallResult.Trend"/>, strictly between 0 and 1.</param>
    /// <returns>
    /// The test result, with <see cref="MannKendallResult.Tau"/> = S / Σ n<sub>s</sub>(n<sub>s</sub> − 1)/2 over seasons
    /// and <see cref="MannKendallResult.N"/> the number of non-missing values. A series shorter than two full cycles
    /// (2 × <paramref name="period"/>), or with no season holding two non-missing values, is not computable
    /// (<see cref="StatisticNotComputableReason.TooFewSeasonCycles"/>); a series
    /// with no variation within any season is not computable (<see cref="StatisticNotComputableReason.NoVariation"/>). Seasons with
    /// fewer than two non-missing values contribute nothing (as in pymannkendall's <c>seasonal_test</c>). With exactly
    /// two cycles every season holds one pair, so 12 monthly seasons need at least 24 values and can then reach
    /// p ≈ 0.0015 at best.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 2, or <paramref name="significance"/> is not strictly between 0 and 1.</exception>
    public static MannKendallResult SeasonalTest(ReadOnlySpan<double> series, int period = 12, double significance = 0.05)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        SeriesMath.ValidateProbability(significance, nameof(significance));
        int n = SeriesMath.CountFinite(series);
        // Halving the length instead of doubling the period: 2 × period overflows for periods above a billion.
        if (series.Length / 2 < period)
        {
            return MannKendallResult.NotComputable(n, significance, StatisticNotComputableReason.TooFewSeasonCycles);
        }

        int cycles = (series.Length - 1) / period + 1;
        Span<double> season = cycles <= SeriesMath.StackLimit ? stackalloc double[cycles] : new double[cycles];
        long s = 0;
        double variance = 0;
        double pairs = 0;
        for (int k = 0; k < period; k++)
        {
            int m = 0;
            for (int i = k; i < series.Length; i += period)
            {
                season[m++] = series[i];
            }

            ReadOnlySpan<double> values = season[..m];
            int finite = SeriesMath.CountFinite(values);
            if (finite < 2)
            {
                continue;
            }

            s += SeriesMath.KendallScore(values);
            variance += SeriesMath.KendallVariance(values, finite);
            pairs += (double)finite * (finite - 1) / 2;
        }

        // No season with two values is too few cycles of data, whatever the length; values that are all there and
        // equal within each season are no variation.
        if (variance <= 0)
        {
            return MannKendallResult.NotComputable(n, significance, pairs == 0 ? StatisticNotComputableReason.TooFewSeasonCycles : StatisticNotComputableReason.NoVariation);
        }

        return MannKendallResult.From(n, s, variance, pairs, significance);
    }
}
