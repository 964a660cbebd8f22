using ChannelMetrics.Decisions;
using ChannelMetrics.Experiments;
using ChannelMetrics.Funnel;
using ChannelMetrics.Goals;
using ChannelMetrics.Metrics;

namespace ChannelMetrics.Tests.Reporting;

/// <summary>A year of monthly data for three networks, evaluated by the real engine, for the decision report writers.</summary>
internal static class DecisionSamples
{
    public static readonly DateOnly EvaluationDate = new(2026, 11, 1);

    public static FunnelTable Funnel()
    {
        var rows = new List<FunnelRecord>();
        for (int i = 0; i < 12; i++)
        {
            var month = Period.Month(2025, 11).Offset(i);
            // LinkedIn: few visits, converts well; ads better than the company page.
            rows.Add(new(month, "LinkedIn", 300 + (i * 10), 18 + i, 4, Campaign: "li-ads"));
            rows.Add(new(month, "LinkedIn", 200, 6, 1, Campaign: "company|page"));
            // Facebook: much traffic, poor conversion.
            rows.Add(new(month, "Facebook", 4000 - (i * 50), 20, 2, Campaign: "spring, \"big\" sale"));
            // X (Twitter): little, flat, nothing converts.
            rows.Add(new(month, "X (Twitter)", 150 + (i % 3), 1, 0, Campaign: "=cmd"));
        }

        return FunnelTable.FromRows(rows);
    }

    public static GoalSet Goals() => GoalSet.Create(
    [
        Goal.Create("li-leads", GoalMetric.Leads, GoalTarget.Absolute(40), networks: ["LinkedIn"]),
        Goal.Create("fb-visits", GoalMetric.Visits, GoalTarget.Absolute(3000), networks: ["Facebook"]),
        Goal.Create("fb-rate", GoalMetric.VisitToLeadRate, GoalTarget.Absolute(0.02), networks: ["Facebook"]),
        Goal.Create("x-leads", GoalMetric.Leads, GoalTarget.Absolute(10), networks: ["X (Twitter)"]),
    ]);

    public static ExperimentLog Experiments() => ExperimentLog.Create(
    [
        Experiment.Create("X (Twitter)", ExperimentKind.PostingTime, "Evening posts", new DateOnly(2026, 2, 1), new DateOnly(2026, 4, 30)),
        Experiment.Create("X (Twitter)", ExperimentKind.Tone, "Friendlier tone", new DateOnly(2026, 5, 1), new DateOnly(2026, 7, 31)),
    ]);

    public static DecisionReport Report() =>
        new DecisionEngineBuilder().Build().Evaluate(Funnel(), Array.Empty<ChannelSnapshot>(), Goals(), Experiments(), EvaluationDate);
}
