using MathNet.Numerics.Distributions;

namespace ChannelMetrics.Statistics;

/// <summary>Confidence intervals and comparisons for proportions such as conversion rates.</summary>
public static class Proportions
{
    /// <summary>
    /// Returns the Wilson score interval for <paramref name="successes"/> out of <paramref name="trials"/>.
    /// </summary>
    /// <param name="successes">The number of successes, 0 to <paramref name="trials"/>.</param>
    /// <param name="trials">The number of trials, 0 or more.</param>
    /// <param name="confidence">The two-sided confidence level, strictly between 0 and 1.</param>
    /// <returns>
    /// The interval, always inside [0, 1]. With no trials nothing is known, so the interval is [0, 1].
    /// </returns>
    /// <remarks>
    /// Wilson (1927): centre (p̂ + z²/2n) / (1 + z²/n), half-width z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²).
    /// Unlike the Wald interval it stays inside [0, 1] and keeps its coverage for the small counts of a
    /// monthly campaign, including 0 and n successes.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, successes exceed trials, or the confidence is not in (0, 1).</exception>
    public static Interval Wilson(long successes, long trials, double confidence = 0.95)
    {
        ValidateCounts(successes, trials);
        double z = ZForConfidence(confidence);
        if (trials == 0)
        {
            return new Interval(0, 1);
        }

        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + (z2 / n);
        double centre = (p + (z2 / (2 * n))) / denominator;
        double half = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));

        // At 0 and n successes the bounds are exactly 0 and 1; say so rather than trust rounding.
        double lower = successes == 0 ? 0 : Math.Max(0, centre - half);
        double upper = successes == trials ? 1 : Math.Min(1, centre + half);
        return new Interval(lower, upper);
    }

    internal static void ValidateCounts(long successes, long trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
    }

    internal static double ZForConfidence(double confidence)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence level must be strictly between 0 and 1.");
        }

        return Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));
    }
}
