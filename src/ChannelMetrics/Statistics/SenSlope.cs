using System.Buffers;

namespace ChannelMetrics.Statistics;

/// <summary>Sen's (Theil-Sen) slope: the median of all pairwise slopes, a trend rate that shrugs off outliers.</summary>
public static class SenSlope
{
    /// <summary>The smallest number of non-missing values the slope is computed on.</summary>
    public const int MinimumCount = 2;

    private const long MaxPairs = 1L << 27;

    /// <summary>Estimates the trend slope per period of <paramref name="series"/> (equally spaced, oldest first).</summary>
    /// <param name="series">The values, oldest first. NaN marks a missing value: it is skipped, and the other values keep their original indices, so a gap still counts as elapsed time.</param>
    /// <param name="confidence">The confidence level of the slope interval, strictly between 0 and 1.</param>
    /// <returns>
    /// The slope, intercept and interval. With fewer than <see cref="MinimumCount"/> (2) non-missing values the result is not
    /// computable (<see cref="StatisticNotComputableReason.TooFewValues"/>); if pairwise differences overflow
    /// <see cref="double"/>, <see cref="StatisticNotComputableReason.ValuesOutOfRange"/>; with more than 16,384, more pairs than
    /// fit in 1 GB, <see cref="StatisticNotComputableReason.TooManyValues"/>.
    /// </returns>
    /// <remarks>
    /// <para>
    /// Interval (Gilbert 1987, §16.5; R <c>trend::sens.slope</c>): with N' pairwise slopes sorted ascending and
    /// C = z<sub>1−α/2</sub>·√Var(S) (Var(S) tie-corrected as in <see cref="MannKendall"/>), the bounds are the slopes of
    /// 1-based rank round((N' − C)/2) and round((N' + C)/2 + 1), rounding half to even. For small samples these ranks fall
    /// outside 1..N' (for example always at 95 % below 5 values); they are then clamped and
    /// <see cref="SenSlopeResult.IntervalClampedToExtremes"/> is set.
    /// </para>
    /// <para>O(n²) on average (selection, not sorting); allocation-free up to 46 values (1024 pairs), pooled buffers of
    /// 8 bytes per pair beyond (80 MB for 4,500 values).</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is not strictly between 0 and 1.</exception>
    public static SenSlopeResult Estimate(ReadOnlySpan<double> series, double confidence = 0.95)
    {
        SeriesMath.ValidateProbability(confidence, nameof(confidence));
        int n = SeriesMath.CountFinite(series);
        if (n < MinimumCount)
        {
            return SenSlopeResult.NotComputable(n, confidence, StatisticNotComputableReason.TooFewValues);
        }

        // Every pair's slope is kept: 2²⁷ pairs (16,384 values) take 1 GB, a bound a caller's process can be expected to afford.
        long pairCount = (long)n * (n - 1) / 2;
        if (pairCount > MaxPairs)
        {
            return SenSlopeResult.NotComputable(n, confidence, StatisticNotComputableReason.TooManyValues);
        }

        int pairs = (int)pairCount;
        double[]? rentedSlopes = null;
        double[]? rentedValues = null;
        Span<double> slopes = pairs <= SeriesMath.StackLimit
            ? stackalloc double[pairs]
            : (rentedSlopes = ArrayPool<double>.Shared.Rent(pairs)).AsSpan(0, pairs);
        Span<double> values = n <= SeriesMath.StackLimit
            ? stackalloc double[n]
            : (rentedValues = ArrayPool<double>.Shared.Rent(n)).AsSpan(0, n);
        try
        {
            int k = 0;
            bool overflow = false;
            double indexSum = 0;
            for (int i = 0; i < series.Length - 1; i++)
            {
                double xi = series[i];
                if (!double.IsFinite(xi))
                {
                    continue;
                }

                for (int j = i + 1; j < series.Length; j++)
                {
                    double xj = series[j];
                    if (double.IsFinite(xj))
                    {
                        double d = (xj - xi) / (j - i);
                        overflow |= !double.IsFinite(d);
                        slopes[k++] = d;
                    }
                }
            }

            // Overflowed differences (±∞) make the slope meaningless; finite inputs cannot produce NaN here.
            if (overflow)
            {
                return SenSlopeResult.NotComputable(n, confidence, StatisticNotComputableReason.ValuesOutOfRange);
            }

            // Median by selection: slopes[middle] is the middle order statistic, smaller slopes end up before it.
            int middle = pairs / 2;
            double upperMiddle = SeriesMath.Select(slopes, middle);
            double slope = (pairs & 1) == 1 ? upperMiddle : (SeriesMath.Max(slopes[..middle]) / 2) + (upperMiddle / 2);

            // Median of the indices of the non-missing values: they are already in ascending order.
            int seen = 0;
            int lowMiddle = (n - 1) / 2;
            int highMiddle = n / 2;
            for (int i = 0; i < series.Length; i++)
            {
                if (!double.IsFinite(series[i]))
                {
                    continue;
                }

                if (seen == lowMiddle)
                {
                    indexSum += i;
                }

                if (seen == highMiddle)
                {
                    indexSum += i;
                    break;
                }

                seen++;
            }

            double medianIndex = indexSum / 2;
            SeriesMath.CopyFiniteSorted(series, values);
            double intercept = SeriesMath.MedianOfSorted(values) - (slope * medianIndex);

            double c = Proportions.ZForConfidence(confidence) * Math.Sqrt(SeriesMath.KendallVariance(values));
            double lowRank = Math.Round((pairs - c) / 2, MidpointRounding.ToEven);
            double highRank = Math.Round(((pairs + c) / 2) + 1, MidpointRounding.ToEven);
            bool clamped = lowRank < 1 || highRank > pairs;
            int low = (int)Math.Clamp(lowRank, 1, pairs) - 1;
            int high = (int)Math.Clamp(highRank, 1, pairs) - 1;

            // The selection above partitioned the slopes around `middle`, so each bound is selected within its side.
            double lower = low == middle ? upperMiddle : low < middle ? SeriesMath.Select(slopes[..middle], low) : SeriesMath.Select(slopes[(middle + 1)..], low - middle - 1);
            double upper = high == middle ? upperMiddle : high > middle ? SeriesMath.Select(slopes[(middle + 1)..], high - middle - 1) : SeriesMath.Select(slopes[..middle], high);
            var interval = new Interval(lower, upper);

            if (!double.IsFinite(intercept))
            {
                return SenSlopeResult.NotComputable(n, confidence, StatisticNotComputableReason.ValuesOutOfRange);
            }

            return SenSlopeResult.From(n, slope, intercept, interval, confidence, clamped);
        }
        finally
        {
            if (rentedSlopes is not null)
            {
                ArrayPool<double>.Shared.Return(rentedSlopes);
            }

            if (rentedValues is not null)
            {
                ArrayPool<double>.Shared.Return(rentedValues);
            }
        }
    }
}
