using ChannelMetrics.Goals;
using ChannelMetrics.Metrics;

namespace ChannelMetrics.Tests.Goals;

public sealed class GoalTests
{
    private static readonly Period s_jan = Period.Month(2026, 1);

    [Test]
    public void Gap_BeyondDoubleRange_SaturatesWithTheRightSign()
    {
        var goal = Goal.Create("g", GoalMetric.Revenue, GoalTarget.Absolute(1e308));
        var evaluation = goal.Evaluate(MetricSeries.Create(Period.Month(2026, 1), [-1e308]));

        Assert.Multiple(() =>
        {
            Assert.That(goal.Gap(-1e308), Is.EqualTo(-double.MaxValue));
            Assert.That(evaluation.Periods[0].Outcome, Is.EqualTo(GoalOutcome.Missed));
            Assert.That(evaluation.Summarize().MeanGap.Value, Is.EqualTo(-double.MaxValue));
        });
    }

    [Test]
    public void GoalTarget_ToString_HugeGrowth_IsANumber()
    {
        Assert.Multiple(() =>
        {
            Assert.That(GoalTarget.GrowthPerPeriod(0.05).ToString(), Is.EqualTo("+5 %/period"));
            Assert.That(GoalTarget.GrowthPerPeriod(1e307).ToString(), Does.StartWith("+1000000000").And.EndWith("0 %/period"));
        });
    }

    [Test]
    public void Create_Defaults()
    {
        var goal = Goal.Create("visits", GoalMetric.Visits, GoalTarget.Absolute(1000));

        Assert.Multiple(() =>
        {
            Assert.That(goal.Kind, Is.EqualTo(GoalKind.Traffic));
            Assert.That(goal.Direction, Is.EqualTo(GoalDirection.AtLeast));
            Assert.That(goal.AppliesToAllNetworks, Is.True);
            Assert.That(goal.Networks, Is.Empty);
            Assert.That(goal.Weight, Is.EqualTo(1));
            Assert.That(goal.Campaign, Is.Null);
            Assert.That(goal.Deadline, Is.Null);
            Assert.That(goal.ToString(), Is.EqualTo("visits: visits at least 1000 (all networks)"));
        });
    }

    [TestCase(GoalMetric.Visits, -1, "target", "negative target")]
    [TestCase(GoalMetric.Revenue, -5, "target", "negative target")]
    [TestCase(GoalMetric.VisitToLeadRate, 1.5, "target", "rate above 1")]
    [TestCase(GoalMetric.NegativeShare, -0.1, "target", "negative target")]
    [TestCase(GoalMetric.FollowerGrowth, -1.5, "target", "below -1")]
    [TestCase(GoalMetric.NetSentiment, 1.2, "target", "outside [-1, 1]")]
    public void Create_TargetOutOfRangeForMetric_Throws(GoalMetric metric, double target, string param, string message)
    {
        Assert.That(
            () => Goal.Create("g", metric, GoalTarget.Absolute(target)),
            Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo(param).And.Message.Contains(message));
    }

    [TestCase(GoalMetric.FollowerGrowth, 0.5)]
    [TestCase(GoalMetric.FollowerGrowth, -0.2)]
    [TestCase(GoalMetric.NetSentiment, -0.5)]
    [TestCase(GoalMetric.VisitToLeadRate, 1)]
    [TestCase(GoalMetric.Visits, 0)]
    public void Create_TargetInRange_Succeeds(GoalMetric metric, double target)
    {
        Assert.That(Goal.Create("g", metric, GoalTarget.Absolute(target)).Target.Value, Is.EqualTo(target));
    }

    [Test]
    public void Create_BadArguments_ThrowNamingTheParameter()
    {
        var target = GoalTarget.Absolute(1);
        Assert.Multiple(() =>
        {
            Assert.That(() => Goal.Create(" ", GoalMetric.Visits, target), Throws.ArgumentException.With.Property("ParamName").EqualTo("id"));
            Assert.That(() => Goal.Create("g", (GoalMetric)50, target), Throws.ArgumentException.With.Property("ParamName").EqualTo("metric"));
            Assert.That(() => Goal.Create("g", GoalMetric.Visits, target, (GoalDirection)7), Throws.ArgumentException.With.Property("ParamName").EqualTo("direction"));
            Assert.That(() => Goal.Create("g", GoalMetric.Visits, target, networks: []), Throws.ArgumentException.With.Property("ParamName").EqualTo("networks").And.Message.Contains("empty network list"));
            Assert.That(() => Goal.Create("g", GoalMetric.Visits, target, networks: ["Facebook", "facebook"]), Throws.ArgumentException.With.Message.Contains("duplicate network"));
            Assert.That(() => Goal.Create("g", GoalMetric.Visits, target, networks: [""]), Throws.ArgumentException.With.Property("ParamName").EqualTo("networks"));
            Assert.That(() => Goal.Create("g", GoalMetric.Visits, target, campaign: " "), Throws.ArgumentException.With.Property("ParamName").EqualTo("campaign"));
            Assert.That(() => Goal.Create("g", GoalMetric.Visits, target, weight: 0), Throws.ArgumentException.With.Property("ParamName").EqualTo("weight"));
            Assert.That(() => Goal.Create("g", GoalMetric.Visits, target, weight: double.NaN), Throws.ArgumentException.With.Property("ParamName").EqualTo("weight"));
            Assert.That(() => Goal.Create("g", GoalMetric.SectionVisits, target), Throws.ArgumentException.With.Property("ParamName").EqualTo("section"));
            Assert.That(() => Goal.Create("g", GoalMetric.Visits, target, section: "blog"), Throws.ArgumentException.With.Property("ParamName").EqualTo("section"));
            Assert.That(() => Goal.Create("g", GoalMetric.EngagementRate, GoalTarget.GrowthPerPeriod(0.1)), Throws.ArgumentException.With.Property("ParamName").EqualTo("target").And.Message.Contains("growthPerPeriod"));
        });
    }

    [Test]
    public void GoalTarget_Factories_Validate()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => GoalTarget.Absolute(double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => GoalTarget.GrowthPerPeriod(-1.01), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(GoalTarget.GrowthPerPeriod(0.05).ToString(), Is.EqualTo("+5 %/period"));
            Assert.That(GoalTarget.Absolute(0.04).ToString(), Is.EqualTo("0.04"));
        });
    }

    [Test]
    public void AppliesTo_MatchesNetworkIgnoringCaseAndCampaignFilter()
    {
        var network = Goal.Create("li", GoalMetric.Leads, GoalTarget.Absolute(20), networks: ["LinkedIn", "X (Twitter)"]);
        var campaign = Goal.Create("li-ads", GoalMetric.Leads, GoalTarget.Absolute(15), networks: ["LinkedIn"], campaign: "li-ads-cfo-guide");

        Assert.Multiple(() =>
        {
            Assert.That(network.AppliesTo("linkedin"), Is.True);
            Assert.That(network.AppliesTo("x (twitter)"), Is.True);
            Assert.That(network.AppliesTo("Facebook"), Is.False);
            Assert.That(network.AppliesTo("LinkedIn", null), Is.True);
            Assert.That(network.AppliesTo("LinkedIn", "company-page"), Is.False);
            Assert.That(campaign.AppliesTo("LinkedIn"), Is.True);
            Assert.That(campaign.AppliesTo("LinkedIn", null), Is.False);
            Assert.That(campaign.AppliesTo("LinkedIn", "LI-ADS-CFO-GUIDE"), Is.True);
        });
    }

    [Test]
    public void AppliesTo_TurkishCulture_StillMatchesIgnoringCase()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
        try
        {
            var goal = Goal.Create("li", GoalMetric.Leads, GoalTarget.Absolute(20), networks: ["LinkedIn"]);
            Assert.That(goal.AppliesTo("LINKEDIN"), Is.True);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [TestCase(GoalDirection.AtLeast, 120, 20)]
    [TestCase(GoalDirection.AtLeast, 80, -20)]
    [TestCase(GoalDirection.AtMost, 80, 20)]
    [TestCase(GoalDirection.AtMost, 120, -20)]
    [TestCase(GoalDirection.AtMost, 100, 0)]
    public void Gap_IsDirectionAware(GoalDirection direction, double value, double gap)
    {
        var goal = Goal.Create("g", GoalMetric.NegativeCount, GoalTarget.Absolute(100), direction);

        Assert.Multiple(() =>
        {
            Assert.That(goal.Gap(value), Is.EqualTo(gap));
            Assert.That(goal.IsMet(value), Is.EqualTo(gap >= 0));
        });
    }

    [Test]
    public void Gap_NotFinite_Throws()
    {
        Assert.That(() => Goal.Create("g", GoalMetric.Visits, GoalTarget.Absolute(1)).Gap(double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    // One goal of each kind, evaluated on a short series with a gap: unknown periods are neither met nor missed.
    [TestCase(GoalMetric.SectionVisits, GoalDirection.AtLeast, 1000, new[] { 1100.0, 900, double.NaN, 1000 }, new[] { 1, 2, 0, 1 })]
    [TestCase(GoalMetric.VisitToLeadRate, GoalDirection.AtLeast, 0.04, new[] { 0.05, 0.03, double.NaN, 0.04 }, new[] { 1, 2, 0, 1 })]
    [TestCase(GoalMetric.Revenue, GoalDirection.AtLeast, 9600, new[] { 12000.0, 2400, double.NaN, 9600 }, new[] { 1, 2, 0, 1 })]
    [TestCase(GoalMetric.FollowerGrowth, GoalDirection.AtLeast, 0.02, new[] { 0.025, 0.01, double.NaN, 0.02 }, new[] { 1, 2, 0, 1 })]
    [TestCase(GoalMetric.EngagementRate, GoalDirection.AtLeast, 0.01, new[] { 0.012, 0.008, double.NaN, 0.01 }, new[] { 1, 2, 0, 1 })]
    [TestCase(GoalMetric.NegativeShare, GoalDirection.AtMost, 0.15, new[] { 0.07, 0.35, double.NaN, 0.15 }, new[] { 1, 2, 0, 1 })]
    public void Evaluate_EachKind_MetMissedUnknown(GoalMetric metric, GoalDirection direction, double target, double[] values, int[] outcomes)
    {
        var goal = Goal.Create("g", metric, GoalTarget.Absolute(target), direction, section: metric == GoalMetric.SectionVisits ? "blog" : null);
        var series = MetricSeries.Create(s_jan, values.Select(v => double.IsNaN(v) ? (double?)null : v));

        var evaluation = goal.Evaluate(series);

        Assert.That(evaluation.Periods.Select(p => (int)p.Outcome), Is.EqualTo(outcomes));
        Assert.That(evaluation.Periods[2].Gap, Is.Null);
    }

    [Test]
    public void Evaluate_PerPeriodGapsAndPeriods()
    {
        var goal = Goal.Create("leads", GoalMetric.Leads, GoalTarget.Absolute(20));
        var evaluation = goal.Evaluate(MetricSeries.Create(s_jan, [25.0, null, 15.0]));

        Assert.That(evaluation.Periods, Is.EqualTo(new[]
        {
            new GoalPeriodResult(s_jan, 25, 5, GoalOutcome.Met),
            new GoalPeriodResult(Period.Month(2026, 2), null, null, GoalOutcome.Unknown),
            new GoalPeriodResult(Period.Month(2026, 3), 15, -5, GoalOutcome.Missed),
        }));
    }

    [Test]
    public void Summarize_WholeSeries_CountsKnownOnly()
    {
        var goal = Goal.Create("leads", GoalMetric.Leads, GoalTarget.Absolute(20));
        var summary = goal.Evaluate(MetricSeries.Create(s_jan, [25.0, null, 15.0, 30.0])).Summarize();

        Assert.Multiple(() =>
        {
            Assert.That(summary.FirstPeriod, Is.EqualTo(s_jan));
            Assert.That(summary.LastPeriod, Is.EqualTo(Period.Month(2026, 4)));
            Assert.That(summary.PeriodCount, Is.EqualTo(4));
            Assert.That(summary.KnownCount, Is.EqualTo(3));
            Assert.That(summary.MetCount, Is.EqualTo(2));
            Assert.That(summary.MissedCount, Is.EqualTo(1));
            Assert.That(summary.MetShare.Value, Is.EqualTo(2.0 / 3).Within(1e-12));
            Assert.That(summary.MeanGap.Value, Is.EqualTo((5 - 5 + 10) / 3.0).Within(1e-12));
            Assert.That(summary.Average.Value, Is.EqualTo(70 / 3.0).Within(1e-12));
            Assert.That(summary.AverageMeetsTarget, Is.True);
            Assert.That(summary.LatestKnown?.Value, Is.EqualTo(30));
        });
    }

    [Test]
    public void Summarize_LastPeriods_UsesTrailingWindow()
    {
        var goal = Goal.Create("neg", GoalMetric.NegativeShare, GoalTarget.Absolute(0.15), GoalDirection.AtMost);
        var summary = goal.Evaluate(MetricSeries.Create(s_jan, [0.05, 0.1, 0.2, 0.3, null])).Summarize(3);

        Assert.Multiple(() =>
        {
            Assert.That(summary.FirstPeriod, Is.EqualTo(Period.Month(2026, 3)));
            Assert.That(summary.PeriodCount, Is.EqualTo(3));
            Assert.That(summary.KnownCount, Is.EqualTo(2));
            Assert.That(summary.MetCount, Is.Zero);
            Assert.That(summary.MeanGap.Value, Is.EqualTo(-0.1).Within(1e-12));
            Assert.That(summary.AverageMeetsTarget, Is.False);
            Assert.That(summary.LatestKnown?.Period, Is.EqualTo(Period.Month(2026, 4)));
            Assert.That(() => goal.Evaluate(MetricSeries.Empty(s_jan)).Summarize(0), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void Summarize_NoKnownValue_NotComputableNotZero()
    {
        var goal = Goal.Create("leads", GoalMetric.Leads, GoalTarget.Absolute(20));
        var summary = goal.Evaluate(MetricSeries.Create(s_jan, [null, null])).Summarize();

        Assert.Multiple(() =>
        {
            Assert.That(summary.PeriodCount, Is.EqualTo(2));
            Assert.That(summary.MissedCount, Is.Zero, "unknown is never a miss");
            Assert.That(summary.MetShare.IsKnown, Is.False);
            Assert.That(summary.MetShare.Reason, Is.EqualTo(NotComputableReason.MissingInput));
            Assert.That(summary.MeanGap.IsKnown, Is.False);
            Assert.That(summary.AverageMeetsTarget, Is.Null);
            Assert.That(summary.LatestKnown, Is.Null);
        });

        var empty = goal.Evaluate(MetricSeries.Empty(s_jan)).Summarize();
        Assert.That((empty.PeriodCount, empty.FirstPeriod), Is.EqualTo((0, (Period?)null)));
    }

    [Test]
    public void Evaluate_GrowthTarget_ComparesPeriodOverPeriodChange()
    {
        var goal = Goal.Create("ig-growth", GoalMetric.Followers, GoalTarget.GrowthPerPeriod(0.01));
        var evaluation = goal.Evaluate(MetricSeries.Create(s_jan, [10_000.0, 10_200.0, 10_250.0, null, 10_500.0]));

        Assert.Multiple(() =>
        {
            Assert.That(evaluation.Periods.Select(p => p.Outcome), Is.EqualTo(new[] { GoalOutcome.Unknown, GoalOutcome.Met, GoalOutcome.Missed, GoalOutcome.Unknown, GoalOutcome.Unknown }));
            Assert.That(evaluation.Periods[1].Value, Is.EqualTo(0.02).Within(1e-12));
            Assert.That(evaluation.Periods[1].Gap, Is.EqualTo(0.01).Within(1e-12));
            Assert.That(evaluation.Compared.Count, Is.EqualTo(5));
        });
    }

    [Test]
    public void Equality_ComparesEveryField()
    {
        Goal Make(string? description) => Goal.Create("g", GoalMetric.Leads, GoalTarget.Absolute(3), GoalDirection.AtLeast, ["A"], "c", 2, new DateOnly(2026, 6, 30), null, description);

        var first = Make("x");
        var second = Make("x");
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.Not.SameAs(second));
            Assert.That(first, Is.EqualTo(second));
            Assert.That(first.GetHashCode(), Is.EqualTo(second.GetHashCode()));
            Assert.That(Make("x"), Is.Not.EqualTo(Make("y")));
            Assert.That(Make(" ").Description, Is.Null);
        });
    }

    [Test]
    public void Summarize_ValuesWhoseSumOverflows_StillHaveAMean()
    {
        var goal = Goal.Create("revenue", GoalMetric.Revenue, GoalTarget.Absolute(1));

        var summary = goal.Evaluate(MetricSeries.Create(s_jan, [1e308, 1e308])).Summarize();

        Assert.That(summary.Average.Value, Is.EqualTo(1e308).Within(1e-12).Percent);
    }

    [Test]
    public void Networks_StoredTrimmed_MatchedIgnoringSurroundingWhiteSpace()
    {
        var goal = Goal.Create("leads", GoalMetric.Leads, GoalTarget.Absolute(5), networks: ["LinkedIn ", " TikTok"]);

        Assert.Multiple(() =>
        {
            Assert.That(goal.Networks, Is.EqualTo(new[] { "LinkedIn", "TikTok" }));
            Assert.That(goal.AppliesTo("linkedin"), Is.True);
            Assert.That(goal.AppliesTo(" TikTok "), Is.True);
            Assert.That(goal.AppliesTo("Facebook"), Is.False);
        });
    }

    [Test]
    public void Networks_DuplicateOnceTrimmed_IsRejectedWithItsField()
    {
        var create = () => Goal.Create("leads", GoalMetric.Leads, GoalTarget.Absolute(5), networks: ["LinkedIn", "linkedin "]);

        Assert.That(create, Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("networks").And.Message.Contains("duplicate network"));
        Assert.That(
            () => GoalSet.FromJson("""{ "schemaVersion": 1, "goals": [ { "id": "g", "metric": "leads", "target": 5, "networks": ["X", " x"] } ] }"""),
            Throws.TypeOf<GoalSetFormatException>().With.Message.Contains("networks[1]"));
    }
}
