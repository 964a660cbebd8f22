using ChannelMetrics.Decisions;
using ChannelMetrics.Goals;
using ChannelMetrics.Metrics;
using CsCheck;

namespace ChannelMetrics.Tests.Decisions;

public sealed class GoalWindowTests
{
    [Test]
    public void Summarize_RandomSeries_AgreesWithGoalEvaluation()
    {
        var value = Gen.Int[-8, 60].Select(v => v < 0 ? (double?)null : v < 2 ? 0 : v);
        Gen.Select(value.Array[0, 40], Gen.Int[1, 12], Gen.Bool, Gen.Bool, Gen.Int[0, 50])
            .Sample(
                t =>
                {
                    var (values, window, growth, atMost, target) = t;
                    var goal = Goal.Create(
                        "g",
                        GoalMetric.Leads,
                        growth ? GoalTarget.GrowthPerPeriod(target / 100.0) : GoalTarget.Absolute(target),
                        atMost ? GoalDirection.AtMost : GoalDirection.AtLeast);
                    var summary = goal.Evaluate(MetricSeries.Create(Period.Month(2025, 1), values)).Summarize(window);

                    var span = values.Select(v => v ?? double.NaN).ToArray();
                    if (growth)
                    {
                        GoalWindow.ToGrowthRates(span);
                    }

                    var (known, met, average) = GoalWindow.Summarize(goal, span, window);
                    Assert.That(known, Is.EqualTo(summary.KnownCount));
                    Assert.That(met, Is.EqualTo(summary.MetCount));
                    Assert.That(known == 0 ? (double?)null : average, Is.EqualTo(summary.Average.Value));
                },
                seed: "0N0XIzNsQ0O2",
                iter: 2000,
                threads: 1);
    }
}
