using ChannelMetrics.Goals;

namespace ChannelMetrics.Decisions;

/// <summary>
/// The engine's allocation-free counterpart of <see cref="Goal.Evaluate"/> + <see cref="GoalEvaluation.Summarize"/>: the
/// same met / missed decisions (through <see cref="Goal.Gap"/>) on a span with NaN for unknown values. A test checks
/// that both agree on random series.
/// </summary>
internal static class GoalWindow
{
    /// <summary>The known and met periods of the last <paramref name="window"/> values, and the mean of the known ones.</summary>
    public static (int Known, int Met, double Average) Summarize(Goal goal, ReadOnlySpan<double> compared, int window)
    {
        var span = window < compared.Length ? compared[^window..] : compared;
        int known = 0, met = 0;
        double sum = 0;
        foreach (double value in span)
        {
            if (!double.IsNaN(value))
            {
                known++;
                sum += value;
                if (goal.Gap(value) >= 0)
                {
                    met++;
                }
            }
        }

        return (known, met, known == 0 ? 0 : sum / known);
    }

    /// <summary>Replaces values by their change on the previous period, as <c>MetricSeries.GrowthRates</c>: unknown after a gap or a zero.</summary>
    public static void ToGrowthRates(Span<double> values)
    {
        double previous = double.NaN;
        for (int i = 0; i < values.Length; i++)
        {
            double current = values[i];
            double growth = !double.IsNaN(previous) && !double.IsNaN(current) && previous != 0 ? (current - previous) / previous : double.NaN;
            values[i] = double.IsFinite(growth) ? growth : double.NaN;
            previous = current;
        }
    }
}
