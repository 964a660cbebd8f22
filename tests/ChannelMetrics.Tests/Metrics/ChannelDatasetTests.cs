using ChannelMetrics.Funnel;
using ChannelMetrics.Goals;
using ChannelMetrics.Metrics;

namespace ChannelMetrics.Tests.Metrics;

public sealed class ChannelDatasetTests
{
    private static readonly Period s_jan = Period.Month(2026, 1);
    private static readonly Period s_feb = Period.Month(2026, 2);
    private static readonly Period s_mar = Period.Month(2026, 3);
    private static readonly Period s_apr = Period.Month(2026, 4);

    // Funnel: February and March. Snapshots: January to March for LinkedIn (February missing), April for Facebook.
    private static ChannelDataset Dataset(decimal? hourlyRate = null) => ChannelDataset.Create(
        FunnelTable.FromRows(
        [
            new FunnelRecord(s_feb, "LinkedIn", 200, 12, 2, Campaign: "li-ads-cfo-guide"),
            new FunnelRecord(s_feb, "LinkedIn", 80, 1, 0, Campaign: "company-page"),
            new FunnelRecord(s_feb, "Facebook", 1720, 38, 3, Campaign: "fb-page"),
            new FunnelRecord(s_mar, "LinkedIn", 220, 15, 3, Campaign: "li-ads-cfo-guide"),
            new FunnelRecord(s_mar, "Facebook", 1780, 40, 0, Campaign: "fb-page"),
        ]),
        [
            new ChannelSnapshot { Period = s_jan, Network = "LinkedIn", Followers = 4000, Impressions = 26000, Comments = 50, Likes = 300, Spend = 2750m, HoursSpent = 25, Revenue = 14400m, PositiveCount = 30, NeutralCount = 26, NegativeCount = 4 },
            new ChannelSnapshot { Period = s_mar, Network = "linkedin", Followers = 4200, Impressions = 30000, Comments = 60, Likes = 340, Spend = 2750m, HoursSpent = 27, Revenue = 2400m },
            new ChannelSnapshot { Period = s_apr, Network = "Facebook", Followers = 21000, Spend = 0m, HoursSpent = 30, Revenue = 4800m },
        ],
        [new SectionVisits(s_feb, "X (Twitter)", "blog", 1200), new SectionVisits(s_mar, "X (Twitter)", "Blog", 1300)],
        hourlyRate);

    [Test]
    public void Periods_SpanBothSides()
    {
        var dataset = Dataset();

        Assert.Multiple(() =>
        {
            Assert.That(dataset.Periods, Is.EqualTo(new[] { s_jan, s_feb, s_mar, s_apr }));
            Assert.That(dataset.Granularity, Is.EqualTo(PeriodGranularity.Month));
            Assert.That(dataset.Networks, Is.EqualTo(new[] { "Facebook", "LinkedIn", "X (Twitter)" }));
            Assert.That(dataset.Diagnostics, Is.Empty);
        });
    }

    [Test]
    public void FunnelMetrics_GapsOutsideTheFunnelRange()
    {
        var dataset = Dataset();

        Assert.Multiple(() =>
        {
            Assert.That(dataset.Series(GoalMetric.Visits, "linkedin").Values, Is.EqualTo(new double?[] { null, 280, 220, null }));
            Assert.That(dataset.Series(GoalMetric.Leads, "LinkedIn").Values, Is.EqualTo(new double?[] { null, 13, 15, null }));
            Assert.That(dataset.Series(GoalMetric.Customers, "LinkedIn").Values, Is.EqualTo(new double?[] { null, 2, 3, null }));
            Assert.That(dataset.Series(GoalMetric.VisitToLeadRate, "LinkedIn").Values[2], Is.EqualTo(15.0 / 220).Within(1e-12));
            Assert.That(dataset.Series(GoalMetric.LeadToCustomerRate, "LinkedIn").Values[1], Is.EqualTo(2.0 / 13).Within(1e-12));
            Assert.That(dataset.Series(GoalMetric.LeadToCustomerRate, "Facebook").Values[2], Is.EqualTo(0));
        });
    }

    [Test]
    public void FunnelMetrics_PerCampaign_MatchedIgnoringCase()
    {
        var dataset = Dataset();

        Assert.Multiple(() =>
        {
            Assert.That(dataset.Campaigns("LinkedIn"), Is.EqualTo(new[] { "company-page", "li-ads-cfo-guide" }));
            Assert.That(dataset.Series(GoalMetric.Visits, "LinkedIn", "LI-ADS-CFO-GUIDE").Values, Is.EqualTo(new double?[] { null, 200, 220, null }));
            Assert.That(dataset.Series(GoalMetric.Leads, "LinkedIn", "company-page").Values, Is.EqualTo(new double?[] { null, 1, 0, null }), "inside the funnel range a missing row is zero");
            Assert.That(dataset.Series(GoalMetric.Visits, "LinkedIn", "no-such-campaign").KnownCount, Is.Zero);
            Assert.That(dataset.Series(GoalMetric.Followers, "LinkedIn", "company-page").KnownCount, Is.Zero, "snapshots are per network");
        });
    }

    [Test]
    public void FunnelMetrics_GapsBeforeTheNetworksFirstRow_ZerosAfterIt()
    {
        var dataset = ChannelDataset.Create(
            FunnelTable.FromRows(
            [
                new FunnelRecord(s_jan, "Facebook", 100, 2, 0),
                new FunnelRecord(s_mar, "Threads", 40, 1, 0),
                new FunnelRecord(s_apr, "Facebook", 90, 1, 0),
            ]),
            [new ChannelSnapshot { Period = s_feb, Network = "Threads", Followers = 200 }, new ChannelSnapshot { Period = s_jan, Network = "Pinterest", Followers = 10 }]);

        Assert.Multiple(() =>
        {
            Assert.That(dataset.Series(GoalMetric.Visits, "Threads").Values, Is.EqualTo(new double?[] { null, null, 40, 0 }), "not tracked before March; no visits in April");
            Assert.That(dataset.Series(GoalMetric.Visits, "Facebook").Values, Is.EqualTo(new double?[] { 100, 0, 0, 90 }));
            Assert.That(dataset.Series(GoalMetric.VisitToLeadRate, "Threads").Values, Is.EqualTo(new double?[] { null, null, 1.0 / 40, null }));
            Assert.That(dataset.Series(GoalMetric.Visits, "Pinterest").KnownCount, Is.Zero, "a network the funnel never saw is unknown, not zero");
            Assert.That(dataset.FirstPeriod("threads"), Is.EqualTo(s_feb), "its first snapshot");
            Assert.That(dataset.FirstPeriod("Pinterest"), Is.EqualTo(s_jan));
            Assert.That(dataset.FirstPeriod("Reddit"), Is.Null);
        });
    }

    [Test]
    public void FirstPeriod_OfCampaign_IsItsFirstFunnelRow()
    {
        var dataset = Dataset();

        Assert.Multiple(() =>
        {
            Assert.That(dataset.FirstPeriod("LinkedIn"), Is.EqualTo(s_jan));
            Assert.That(dataset.FirstPeriod("LinkedIn", "Company-Page"), Is.EqualTo(s_feb));
            Assert.That(dataset.FirstPeriod("LinkedIn", "nope"), Is.Null);
        });
    }

    [Test]
    public void ShareOfVisits_IsNetworkOverAllVisits()
    {
        var share = Dataset().Series(GoalMetric.ShareOfVisits, "LinkedIn").Values;

        Assert.Multiple(() =>
        {
            Assert.That(share[0], Is.Null);
            Assert.That(share[1], Is.EqualTo(280.0 / 2000).Within(1e-12));
            Assert.That(share[2], Is.EqualTo(220.0 / 2000).Within(1e-12));
            Assert.That(share[3], Is.Null);
        });
    }

    [Test]
    public void SnapshotMetrics_GapsWhereNoSnapshot()
    {
        var dataset = Dataset();

        Assert.Multiple(() =>
        {
            Assert.That(dataset.Series(GoalMetric.Followers, "LinkedIn").Values, Is.EqualTo(new double?[] { 4000, null, 4200, null }));
            Assert.That(dataset.Series(GoalMetric.FollowerGrowth, "LinkedIn").KnownCount, Is.Zero, "February is unknown, so no growth can be computed");
            Assert.That(dataset.Series(GoalMetric.Impressions, "LinkedIn").Values[2], Is.EqualTo(30000));
            Assert.That(dataset.Series(GoalMetric.EngagementRate, "LinkedIn").Values[0], Is.EqualTo(350.0 / 26000).Within(1e-12));
            Assert.That(dataset.Series(GoalMetric.NegativeShare, "LinkedIn").Values, Is.EqualTo(new double?[] { 4.0 / 60, null, null, null }));
            Assert.That(dataset.Series(GoalMetric.NetSentiment, "LinkedIn").Values[0], Is.EqualTo(26.0 / 60).Within(1e-12));
            Assert.That(dataset.Series(GoalMetric.Revenue, "LinkedIn").Values, Is.EqualTo(new double?[] { 14400, null, 2400, null }));
            Assert.That(dataset.Series(GoalMetric.Reposts, "LinkedIn").KnownCount, Is.Zero);
            Assert.That(dataset.Snapshot("LINKEDIN", s_mar)?.Followers, Is.EqualTo(4200));
            Assert.That(dataset.Snapshot("LinkedIn", s_feb), Is.Null);
        });
    }

    [Test]
    public void SectionVisits_FromSectionCountsIgnoringCase()
    {
        var dataset = Dataset();

        Assert.Multiple(() =>
        {
            Assert.That(dataset.Series(GoalMetric.SectionVisits, "x (twitter)", section: "BLOG").Values, Is.EqualTo(new double?[] { null, 1200, 1300, null }));
            Assert.That(dataset.Series(GoalMetric.SectionVisits, "LinkedIn", section: "blog").KnownCount, Is.Zero);
            Assert.That(() => dataset.Series(GoalMetric.SectionVisits, "LinkedIn"), Throws.InstanceOf<ArgumentException>());
            Assert.That(() => dataset.Series(GoalMetric.SectionVisits, "LinkedIn", section: " "), Throws.ArgumentException);
        });
    }

    [Test]
    public void CostSeries_UseFunnelCountsAndHourlyRate()
    {
        var dataset = Dataset(hourlyRate: 50m);

        Assert.Multiple(() =>
        {
            Assert.That(dataset.Series(CostMetric.Cost, "LinkedIn").Values, Is.EqualTo(new double?[] { 2750 + 1250, null, 2750 + 1350, null }));
            Assert.That(dataset.Series(CostMetric.CostPerVisit, "LinkedIn").Values, Is.EqualTo(new double?[] { null, null, 4100.0 / 220, null }), "January has cost but no funnel data");
            Assert.That(dataset.Series(CostMetric.CostPerLead, "LinkedIn").Values[2], Is.EqualTo(4100.0 / 15).Within(1e-9));
            Assert.That(dataset.Series(CostMetric.CostPerCustomer, "LinkedIn").Values[2], Is.EqualTo(4100.0 / 3).Within(1e-9));
            Assert.That(dataset.Series(CostMetric.Roi, "LinkedIn").Values[0], Is.EqualTo((14400.0 - 4000) / 4000).Within(1e-12));
            Assert.That(dataset.Series(CostMetric.Roi, "Facebook").Values[3], Is.EqualTo((4800.0 - 1500) / 1500).Within(1e-12));
        });
    }

    [Test]
    public void Roi_OverWindow_SumsKnownPeriods()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Dataset().Roi("LinkedIn").Value, Is.EqualTo((16800.0 - 5500) / 5500).Within(1e-12));
            Assert.That(Dataset(50m).Roi("LinkedIn", from: s_feb).Value, Is.EqualTo((2400.0 - 4100) / 4100).Within(1e-12));
            Assert.That(Dataset().Roi("Facebook").Reason, Is.EqualTo(NotComputableReason.ZeroDenominator), "organic, hours not costed: undefined, not infinite");
            Assert.That(Dataset().Roi("X (Twitter)").Reason, Is.EqualTo(NotComputableReason.MissingInput));
        });
    }

    [Test]
    public void Roi_CostNextToNothing_NotComputableRatherThanInfinite()
    {
        var table = FunnelTable.FromRows([new FunnelRecord(s_jan, "Facebook", 100, 5, 1)]);
        var dataset = ChannelDataset.Create(table, [new ChannelSnapshot { Period = s_jan, Network = "Facebook", Spend = 0m, HoursSpent = 1e-300, Revenue = 10_000m }], hourlyRate: 0.0000001m);

        var roi = dataset.Roi("Facebook");

        Assert.That(roi.Reason, Is.EqualTo(NotComputableReason.ZeroDenominator));
        Assert.That(roi.Detail, Does.Contain("next to nothing"));
    }

    [Test]
    public void Roi_BoundOfAnotherGranularity_Throws()
    {
        Assert.That(
            () => Dataset().Roi("LinkedIn", from: Period.Day(new DateOnly(2026, 2, 1))),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("from").And.Message.Contains("by Month"));
    }

    [Test]
    public void SeriesFor_Goal_FeedsEvaluation()
    {
        var dataset = Dataset();
        var goal = Goal.Create("li-ads", GoalMetric.Leads, GoalTarget.Absolute(14), networks: ["LinkedIn"], campaign: "li-ads-cfo-guide");

        var summary = goal.Evaluate(dataset.SeriesFor(goal, "LinkedIn")).Summarize();

        Assert.Multiple(() =>
        {
            Assert.That(summary.PeriodCount, Is.EqualTo(4));
            Assert.That(summary.KnownCount, Is.EqualTo(2));
            Assert.That(summary.MetCount, Is.EqualTo(1));
            Assert.That(summary.MissedCount, Is.EqualTo(1));
        });
    }

    [Test]
    public void Create_BadSnapshots_SkippedWithDiagnostics()
    {
        var dataset = ChannelDataset.Create(
            FunnelTable.FromRows([new FunnelRecord(s_feb, "LinkedIn", 10, 1, 0)]),
            [
                new ChannelSnapshot { Period = s_feb, Network = "LinkedIn", Followers = 1 },
                new ChannelSnapshot { Period = s_feb, Network = "LINKEDIN", Followers = 2 },
                new ChannelSnapshot { Period = Period.Quarter(2026, 1), Network = "LinkedIn", Followers = 3 },
            ],
            [new SectionVisits(s_feb, "LinkedIn", "blog", -1), new SectionVisits(s_feb, "LinkedIn", "blog", 4), new SectionVisits(s_feb, "LinkedIn", "Blog", 5)]);

        Assert.Multiple(() =>
        {
            Assert.That(dataset.Diagnostics.Select(d => d.Code), Is.EqualTo(new[]
            {
                ChannelDatasetDiagnosticCode.DuplicateSnapshot,
                ChannelDatasetDiagnosticCode.MixedGranularity,
                ChannelDatasetDiagnosticCode.InvalidSectionVisits,
                ChannelDatasetDiagnosticCode.DuplicateSectionVisits,
            }));
            Assert.That(dataset.Diagnostics[0].Index, Is.EqualTo(1));
            Assert.That(dataset.Series(GoalMetric.Followers, "LinkedIn").Values, Is.EqualTo(new double?[] { 1 }));
            Assert.That(dataset.Series(GoalMetric.SectionVisits, "LinkedIn", section: "blog").Values, Is.EqualTo(new double?[] { 9 }));
        });
    }

    [Test]
    public void Create_DuplicateSectionCountsBeyondInt64_SkipTheLaterAndReport()
    {
        var dataset = ChannelDataset.Create(
            FunnelTable.FromRows([]),
            [],
            [new SectionVisits(s_jan, "LinkedIn", "blog", long.MaxValue), new SectionVisits(s_jan, "LinkedIn", "blog", 1)]);

        Assert.Multiple(() =>
        {
            Assert.That(dataset.Diagnostics.Select(d => (d.Code, d.Index)), Is.EqualTo(new[] { (ChannelDatasetDiagnosticCode.InvalidSectionVisits, 1) }));
            Assert.That(dataset.Diagnostics[0].Message, Does.Contain("overflow"));
            Assert.That(dataset.Series(GoalMetric.SectionVisits, "LinkedIn", section: "blog").Values, Is.EqualTo(new double?[] { long.MaxValue }));
        });
    }

    [Test]
    public void Create_InvalidFirstSectionCount_DoesNotDecideTheGranularity()
    {
        var dataset = ChannelDataset.Create(
            FunnelTable.FromRows([]),
            [],
            [new SectionVisits(Period.IsoWeek(2026, 1), " ", "blog", 5), new SectionVisits(s_jan, "LinkedIn", "blog", 7)]);

        Assert.Multiple(() =>
        {
            Assert.That(dataset.Granularity, Is.EqualTo(PeriodGranularity.Month));
            Assert.That(dataset.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { ChannelDatasetDiagnosticCode.InvalidSectionVisits }));
            Assert.That(dataset.Series(GoalMetric.SectionVisits, "LinkedIn", section: "blog").Values, Is.EqualTo(new double?[] { 7 }));
        });
    }

    [Test]
    public void Collections_CannotBeChangedThroughTheirInterfaces()
    {
        var snapshot = new ChannelSnapshot { Period = s_jan, Network = "LinkedIn", Followers = 1 };
        var dataset = ChannelDataset.Create(FunnelTable.FromRows([]), [snapshot, snapshot]);

        Assert.Multiple(() =>
        {
            Assert.That(() => ((IList<string>)dataset.Networks)[0] = "Z", Throws.InstanceOf<NotSupportedException>());
            Assert.That(() => ((IList<ChannelDatasetDiagnostic>)dataset.Diagnostics)[0] = default, Throws.InstanceOf<NotSupportedException>());
        });
    }

    [Test]
    public void Create_EmptyInputs_GiveEmptySeries()
    {
        var dataset = ChannelDataset.Create(FunnelTable.FromRows([]), []);

        Assert.Multiple(() =>
        {
            Assert.That(dataset.Periods, Is.Empty);
            Assert.That(dataset.Series(GoalMetric.Visits, "LinkedIn").Count, Is.Zero);
            Assert.That(dataset.Series(CostMetric.Roi, "LinkedIn").Count, Is.Zero);
            Assert.That(dataset.Campaigns("LinkedIn"), Is.Empty);
        });
    }

    [Test]
    public void Create_BadCalls_Throw()
    {
        var table = FunnelTable.FromRows([]);
        Assert.Multiple(() =>
        {
            Assert.That(() => ChannelDataset.Create(null!, []), Throws.ArgumentNullException);
            Assert.That(() => ChannelDataset.Create(table, [null!]), Throws.ArgumentException);
            Assert.That(() => ChannelDataset.Create(table, [], hourlyRate: -1m), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => ChannelDataset.Create(table, []).Series((GoalMetric)99, "X"), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => ChannelDataset.Create(table, []).Series((CostMetric)99, "X"), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void Series_CampaignsDifferingOnlyInCase_TheExactNameWins()
    {
        var dataset = ChannelDataset.Create(
            FunnelTable.FromRows([new FunnelRecord(s_jan, "LinkedIn", 100, 0, 0, Campaign: "Spring"), new FunnelRecord(s_jan, "LinkedIn", 5, 0, 0, Campaign: "spring")]),
            []);

        Assert.Multiple(() =>
        {
            Assert.That(dataset.Series(GoalMetric.Visits, "LinkedIn", "spring").Values, Is.EqualTo(new double?[] { 5 }));
            Assert.That(dataset.Series(GoalMetric.Visits, "LinkedIn", "Spring").Values, Is.EqualTo(new double?[] { 100 }));
            Assert.That(dataset.Series(GoalMetric.Visits, "LinkedIn", "SPRING").Values, Is.EqualTo(new double?[] { 100 }));
        });
    }

    [Test]
    public void NetworkNames_MatchIgnoringSurroundingWhiteSpace_AndAreStoredTrimmed()
    {
        // A spreadsheet's trailing space must not split one network into two, on any side of the join.
        var dataset = ChannelDataset.Create(
            FunnelTable.FromRows([new FunnelRecord(s_jan, "LinkedIn", 100, 5, 1, Campaign: "ads")]),
            [new ChannelSnapshot { Period = s_jan, Network = "LinkedIn ", Followers = 4000, Spend = 100m, Revenue = 300m }],
            [new SectionVisits(s_jan, " LinkedIn", "blog", 40)]);

        Assert.Multiple(() =>
        {
            Assert.That(dataset.Networks, Is.EqualTo(new[] { "LinkedIn" }));
            Assert.That(dataset.Snapshot("LinkedIn", s_jan)?.Network, Is.EqualTo("LinkedIn"));
            Assert.That(dataset.Snapshot(" linkedin\t", s_jan), Is.Not.Null);
            Assert.That(dataset.Series(GoalMetric.Followers, "LinkedIn").Values, Is.EqualTo(new double?[] { 4000 }));
            Assert.That(dataset.Series(GoalMetric.SectionVisits, "LinkedIn", section: "blog").Values, Is.EqualTo(new double?[] { 40 }));
            Assert.That(dataset.Series(GoalMetric.Visits, "LinkedIn ").Values, Is.EqualTo(new double?[] { 100 }));
            Assert.That(dataset.Series(CostMetric.Cost, " LinkedIn").Values, Is.EqualTo(new double?[] { 100 }));
            Assert.That(dataset.Campaigns("LinkedIn "), Is.EqualTo(new[] { "ads" }));
            Assert.That(dataset.FirstPeriod(" LinkedIn"), Is.EqualTo(s_jan));
            Assert.That(dataset.Roi("LinkedIn ").Value, Is.EqualTo(2));
        });
    }
}
