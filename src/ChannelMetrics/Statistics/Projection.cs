namespace ChannelMetrics.Statistics;

/// <summary>Projects a series' trend line forward to tell when it reaches a target, with an honest "not at this trend".</summary>
public static class Projection
{
    /// <summary>Returns how many periods after the last one the series' trend line needs to reach <paramref name="target"/>.</summary>
    /// <param name="series">The values, oldest first, one per period; NaN marks a missing value. The last element is "now" even when it is missing.</param>
    /// <param name="target">The target value; must be finite.</param>
    /// <param name="direction">Whether the goal is to reach at least or at most the target.</param>
    /// <param name="method">The trend line: <see cref="TrendLineMethod.SenSlope"/> (default, robust) or <see cref="TrendLineMethod.LeastSquares"/>.</param>
    /// <returns>
    /// <see cref="ProjectionOutcome.NotEnoughData"/> below the method's minimum (2 non-missing values for Sen, 3 for least
    /// squares, or no variation in x) with the reason; otherwise, comparing the trend line's value at the last index
    /// (<see cref="ProjectionResult.CurrentLevel"/>) with the target: <see cref="ProjectionOutcome.AlreadyReached"/>,
    /// <see cref="ProjectionOutcome.InPeriods"/> with (target − level)/slope periods, or
    /// <see cref="ProjectionOutcome.NotAtThisTrend"/> when the slope is zero or points away (or the answer would overflow).
    /// </returns>
    /// <remarks>
    /// The projection says nothing about whether the trend is real: check <see cref="MannKendall.Test"/> first. A trend
    /// line rather than the last raw value decides "already reached", so one lucky month does not count as a goal met.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is not finite, or an enum argument is undefined.</exception>
    public static ProjectionResult PeriodsToReach(ReadOnlySpan<double> series, double target, TargetDirection direction = TargetDirection.AtLeast, TrendLineMethod method = TrendLineMethod.SenSlope)
    {
        if (!double.IsFinite(target))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "The target must be a finite number.");
        }

        if (direction is not (TargetDirection.AtLeast or TargetDirection.AtMost))
        {
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "Unknown target direction.");
        }

        double slope;
        double level;
        double last = series.Length - 1;
        switch (method)
        {
            case TrendLineMethod.SenSlope:
                var sen = SenSlope.Estimate(series);
                if (!sen.IsComputable)
                {
                    return new ProjectionResult(ProjectionOutcome.NotEnoughData, 0, 0, 0, method, sen.Reason);
                }

                slope = sen.Slope;
                level = sen.ValueAt(last);
                break;
            case TrendLineMethod.LeastSquares:
                var ols = LeastSquares.Fit(series);
                if (!ols.IsComputable)
                {
                    return new ProjectionResult(ProjectionOutcome.NotEnoughData, 0, 0, 0, method, ols.Reason);
                }

                slope = ols.Slope;
                level = ols.ValueAt(last);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown trend line method.");
        }

        if (!double.IsFinite(level))
        {
            return new ProjectionResult(ProjectionOutcome.NotEnoughData, 0, 0, 0, method, StatisticNotComputableReason.ValuesOutOfRange);
        }

        bool reached = direction == TargetDirection.AtLeast ? level >= target : level <= target;
        if (reached)
        {
            return new ProjectionResult(ProjectionOutcome.AlreadyReached, 0, slope, level, method, StatisticNotComputableReason.None);
        }

        bool towards = direction == TargetDirection.AtLeast ? slope > 0 : slope < 0;
        double periods = (target - level) / slope;
        if (!towards || !double.IsFinite(periods) || periods <= 0)
        {
            return new ProjectionResult(ProjectionOutcome.NotAtThisTrend, 0, slope, level, method, StatisticNotComputableReason.None);
        }

        return new ProjectionResult(ProjectionOutcome.InPeriods, periods, slope, level, method, StatisticNotComputableReason.None);
    }
}
