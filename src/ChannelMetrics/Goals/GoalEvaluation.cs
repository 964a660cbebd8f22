using ChannelMetrics.Metrics;

namespace ChannelMetrics.Goals;

/// <summary>A goal evaluated period by period over one series; summarize any trailing window with <see cref="Summarize"/>.</summary>
public sealed class GoalEvaluation
{
    private readonly GoalPeriodResult[] _periods;

    internal GoalEvaluation(Goal goal, MetricSeries compared, GoalPeriodResult[] periods)
    {
        Goal = goal;
        Compared = compared;
        _periods = periods;
        Periods = Array.AsReadOnly(periods);
    }

    /// <summary>Gets the evaluated goal.</summary>
    public Goal Goal { get; }

    /// <summary>
    /// Gets the series compared with the target: the metric itself, or its period-over-period growth for a
    /// <see cref="GoalTargetForm.GrowthPerPeriod"/> target.
    /// </summary>
    public MetricSeries Compared { get; }

    /// <summary>Gets the outcome of every period, in order.</summary>
    public IReadOnlyList<GoalPeriodResult> Periods { get; }

    /// <summary>Summarizes the last <paramref name="lastPeriods"/> periods, or all of them.</summary>
    /// <param name="lastPeriods">The window length in periods, or <see langword="null"/> for the whole series.</param>
    /// <returns>Counts, met share, mean gap, latest value and whether the window's average meets the target.
    /// Unknown periods count towards <see cref="GoalWindowSummary.PeriodCount"/> only: they are gaps, never misses or zeros.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lastPeriods"/> is less than 1.</exception>
    public GoalWindowSummary Summarize(int? lastPeriods = null)
    {
        if (lastPeriods is int n)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(n, 1, nameof(lastPeriods));
        }

        int start = lastPeriods is int count && count < _periods.Length ? _periods.Length - count : 0;
        var window = _periods.AsSpan(start);
        int known = 0, met = 0;
        double gapSum = 0, valueSum = 0;
        GoalPeriodResult? latest = null;
        foreach (var result in window)
        {
            if (result.Value is double value)
            {
                known++;
                valueSum += value;
                gapSum += result.Gap!.Value;
                if (result.Outcome == GoalOutcome.Met)
                {
                    met++;
                }

                latest = result;
            }
        }

        Period? first = window.IsEmpty ? null : window[0].Period;
        Period? last = window.IsEmpty ? null : window[^1].Period;
        if (known == 0)
        {
            var none = MetricValue.NotComputable(NotComputableReason.MissingInput, $"no known value of {Goal.Metric.ToJsonName()} in the window for goal {Goal.Id}");
            return new GoalWindowSummary(first, last, window.Length, 0, 0, 0, none, none, none, null, null);
        }

        // Values near double.MaxValue overflow their sum but still have a mean: then add each one's share instead.
        double average = double.IsFinite(valueSum) ? valueSum / known : ShareSum(window, known, static r => r.Value!.Value);
        double meanGap = double.IsFinite(gapSum) ? gapSum / known : ShareSum(window, known, static r => r.Gap!.Value);
        return new GoalWindowSummary(
            first,
            last,
            window.Length,
            known,
            met,
            known - met,
            MetricValue.Known((double)met / known),
            MetricValue.Known(meanGap),
            MetricValue.Known(average),
            Goal.IsMet(average),
            latest);
    }

    private static double ShareSum(ReadOnlySpan<GoalPeriodResult> window, int known, Func<GoalPeriodResult, double> value)
    {
        double sum = 0;
        foreach (var result in window)
        {
            if (result.Value is not null)
            {
                sum += value(result) / known;
            }
        }

        return sum;
    }
}
