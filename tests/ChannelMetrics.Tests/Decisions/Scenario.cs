using ChannelMetrics.Decisions;
using ChannelMetrics.Experiments;
using ChannelMetrics.Funnel;
using ChannelMetrics.Goals;
using ChannelMetrics.Metrics;

namespace ChannelMetrics.Tests.Decisions;

/// <summary>
/// Builds realistic monthly data through the public API (FunnelTable.FromRows, ChannelSnapshot, GoalSet, ExperimentLog):
/// month 0 is the first month of the history and the last month is October 2026, the evaluation period of an evaluation
/// on 1 November 2026. Counts carry a deterministic ±7 % wobble, like real monthly numbers.
/// </summary>
internal sealed class Scenario
{
    public static readonly DateOnly EvaluationDate = new(2026, 11, 1);
    public static readonly Period EvaluationPeriod = Period.Month(2026, 10);

    private readonly List<FunnelRecord> _rows = [];
    private readonly List<ChannelSnapshot> _snapshots = [];
    private readonly List<Goal> _goals = [];
    private readonly List<Experiment> _experiments = [];

    public static Period MonthOf(int index, int months) => EvaluationPeriod.Offset(index - months + 1);

    /// <summary>A deterministic factor in [0.93, 1.07].</summary>
    public static double Wobble(int index, string key)
    {
        uint h = 2166136261;
        foreach (char ch in key)
        {
            h = (h ^ ch) * 16777619;
        }

        h = (h ^ (uint)index) * 16777619;
        h ^= h >> 13;
        return 1 + (((int)(h % 15)) - 7) / 100.0;
    }

    /// <summary>Adds <paramref name="months"/> months of funnel rows ending in October 2026.</summary>
    public Scenario Funnel(string network, int months, Func<int, double> visits, Func<int, double> visitToLead, double leadToCustomer, string? campaign = null)
    {
        string key = network + "/" + campaign;
        for (int i = 0; i < months; i++)
        {
            long v = (long)Math.Round(visits(i) * Wobble(i, key));
            long l = (long)Math.Round(v * visitToLead(i) * Wobble(i, key + "l"));
            long c = (long)Math.Round(l * leadToCustomer * Wobble(i, key + "c"));
            _rows.Add(new FunnelRecord(MonthOf(i, months), network, v, l, c, Campaign: campaign));
        }

        return this;
    }

    public Scenario Funnel(string network, int months, double visits, double visitToLead, double leadToCustomer, string? campaign = null) =>
        Funnel(network, months, _ => visits, _ => visitToLead, leadToCustomer, campaign);

    public Scenario Snapshots(string network, int months, Func<int, Period, ChannelSnapshot> make)
    {
        for (int i = 0; i < months; i++)
        {
            _snapshots.Add(make(i, MonthOf(i, months)));
        }

        return this;
    }

    public Scenario Goal(Goal goal)
    {
        _goals.Add(goal);
        return this;
    }

    public Scenario Experiment(string network, ExperimentKind kind, DateOnly start, DateOnly end, string? campaign = null)
    {
        _experiments.Add(ChannelMetrics.Experiments.Experiment.Create(network, kind, kind + " test on " + network, start, end, campaign));
        return this;
    }

    /// <summary>Google search and the newsletter: sources without goals that make the portfolio realistic (about 2.6 % visit→lead).</summary>
    public Scenario WithPortfolio(int months = 24) => this
        .Funnel("google", months, 2000, 0.025, 0.12)
        .Funnel("newsletter", months, 700, 0.03, 0.15);

    public IReadOnlyList<FunnelRecord> Rows => _rows;

    public IReadOnlyList<ChannelSnapshot> SnapshotList => _snapshots;

    public GoalSet GoalSet => ChannelMetrics.Goals.GoalSet.Create(_goals, "test");

    public ExperimentLog Log => ExperimentLog.Create(_experiments);

    public FunnelTable Table => FunnelTable.FromRows(_rows);

    public DecisionReport Evaluate(DecisionPolicy? policy = null, DateOnly? date = null)
    {
        var engine = new DecisionEngineBuilder { Policy = policy ?? DecisionPolicy.Default }.Build();
        var report = engine.Evaluate(Table, _snapshots, GoalSet, Log, date ?? EvaluationDate);
        foreach (var network in report.Networks)
        {
            ReportExtensions.AssertDecidingEvidenceLast(network);
            foreach (var campaign in network.Campaigns)
            {
                ReportExtensions.AssertDecidingEvidenceLast(campaign);
            }
        }

        return report;
    }
}

internal static class ReportExtensions
{
    public static ChannelAssessment Network(this DecisionReport report, string name) =>
        report.Networks.Single(n => string.Equals(n.Network, name, StringComparison.OrdinalIgnoreCase));

    public static ChannelAssessment Campaign(this ChannelAssessment network, string name) =>
        network.Campaigns.Single(c => c.Campaign == name);

    public static IEnumerable<string> Codes(this ChannelAssessment assessment) => assessment.Evidence.Select(e => e.Code);

    public static Evidence Evidence(this ChannelAssessment assessment, string code) => assessment.Evidence.First(e => e.Code == code);

    /// <summary>
    /// Checks, for every report a scenario builds, the promise of <see cref="ChannelAssessment.Evidence"/>: the last
    /// item is one that can decide the verdict, never a supporting note (an ROI that cannot be computed, a rate in line).
    /// </summary>
    public static void AssertDecidingEvidenceLast(ChannelAssessment a)
    {
        string[] deciding = a.Verdict switch
        {
            Verdict.Invest => [EvidenceCodes.ConversionAbovePeers],
            Verdict.Keep => [EvidenceCodes.GoalsMet, EvidenceCodes.JudgeOnTrafficGoal],
            Verdict.Optimize => [EvidenceCodes.ConversionBelowPeers, EvidenceCodes.SentimentWorsening, EvidenceCodes.RoiNegative, EvidenceCodes.RoiPositive, EvidenceCodes.TrendUp],
            Verdict.Experiment => [EvidenceCodes.TooFewVisits, EvidenceCodes.NothingTried, EvidenceCodes.ExperimentsTooFew],
            Verdict.Reduce => [EvidenceCodes.NoUpwardTrend, EvidenceCodes.TrendDown],
            Verdict.Cut => [EvidenceCodes.GoalsNotMet],
            _ => [EvidenceCodes.GoalsMissing, EvidenceCodes.CampaignGoalsOnly, EvidenceCodes.NoData, EvidenceCodes.TooFewPeriods, EvidenceCodes.GoalUnknown],
        };
        Assert.That(a.Evidence[^1].Code, Is.AnyOf(deciding), () => Explain(a));
    }

    public static string Explain(this ChannelAssessment a) =>
        $"{a.Name}: {a.Verdict} ({a.Confidence}, {a.Role})\n" + string.Join("\n", a.Evidence.Select(e => $"  [{e.Code}] {e.Message}"))
        + "\n" + string.Join("\n", a.GoalStatuses.Select(g => $"  goal {g.GoalId}: {g.Progress} observed={g.Observed} target={g.Target} metShare={g.MetShare}"));
}
