using System.Globalization;
using ChannelMetrics.Funnel;

namespace ChannelMetrics.Tests.Funnel;

public sealed class FunnelTableTests
{
    private static readonly Period Jan = Period.Month(2026, 1);
    private static readonly Period Feb = Period.Month(2026, 2);
    private static readonly Period Mar = Period.Month(2026, 3);
    private static readonly Period Apr = Period.Month(2026, 4);

    private static FunnelTable Sample() => FunnelTable.FromRows(
    [
        new(Mar, "LinkedIn", 100, 10, 2, Campaign: "b2b"),
        new(Jan, "Facebook", 1000, 20, 5, Campaign: "spring"),
        new(Jan, "Facebook", 500, 5, 0, Campaign: "brand"),
        new(Jan, "LinkedIn", 200, 30, 6, Campaign: "b2b"),
        new(Apr, "facebook", 300, 3, 1, Campaign: "spring"),
    ]);

    [Test]
    public void FromRows_NetworkSpelledInSeveralCases_GetsOneSpellingWhateverTheRowOrder()
    {
        var rows = new List<FunnelRecord>
        {
            new(Period.Month(2026, 1), "linkedin", 200, 5, 1),
            new(Period.Month(2026, 1), "LinkedIn", 300, 10, 1),
            new(Period.Month(2026, 2), "linkedin", 50, 1, 0),
            new(Period.Month(2026, 3), " LinkedIn ", 100, 2, 0),
        };

        var forward = FunnelTable.FromRows(rows);
        rows.Reverse();
        var backward = FunnelTable.FromRows(rows);

        Assert.Multiple(() =>
        {
            // LinkedIn carries 400 visits, linkedin 250: every row is LinkedIn, in either order.
            Assert.That(forward.Rows.Select(r => r.Network), Is.All.EqualTo("LinkedIn"));
            Assert.That(forward.Rows.Select(r => (r.Period, r.Visits)), Is.EqualTo(new[] { (Period.Month(2026, 1), 500L), (Period.Month(2026, 2), 50L), (Period.Month(2026, 3), 100L) }));
            Assert.That(backward.Rows, Is.EqualTo(forward.Rows));
        });
    }

    [Test]
    public void FromRows_SortsRowsDeterministically()
    {
        var rows = Sample().Rows;

        Assert.That(
            rows.Select(r => $"{r.Period} {r.Network} {r.Campaign}"),
            Is.EqualTo(new[] { "2026-01 Facebook brand", "2026-01 Facebook spring", "2026-01 LinkedIn b2b", "2026-03 LinkedIn b2b", "2026-04 Facebook spring" }), "one spelling per network: the one with the most visits");
    }

    [Test]
    public void FromRows_InputOrderDoesNotMatter()
    {
        var rows = Sample().Rows.Select(r => new FunnelRecord(r.Period, r.Network, r.Visits, r.Leads, r.Customers, Campaign: r.Campaign)).Reverse();

        Assert.That(FunnelTable.FromRows(rows).Rows, Is.EqualTo(Sample().Rows));
    }

    [Test]
    public void Periods_AreContiguousFromFirstToLast()
    {
        Assert.That(Sample().Periods, Is.EqualTo(new[] { Jan, Feb, Mar, Apr }));
    }

    [Test]
    public void Networks_AreDistinctCaseInsensitive()
    {
        Assert.That(Sample().Networks, Is.EqualTo(new[] { "Facebook", "LinkedIn" }));
    }

    [Test]
    public void Dimensions_FollowTheColumnsTheRowsCarry()
    {
        Assert.That(Sample().Dimensions, Is.EqualTo(FunnelDimensions.Network | FunnelDimensions.Campaign));
    }

    [Test]
    public void TotalsByNetwork_SumsOverPeriodsCaseInsensitively()
    {
        var totals = Sample().TotalsByNetwork();

        Assert.Multiple(() =>
        {
            Assert.That(totals.Select(t => (t.Network, t.Visits, t.Leads, t.Customers)), Is.EqualTo(new[]
            {
                ("Facebook", 1800L, 28L, 6L),
                ("LinkedIn", 300L, 40L, 8L),
            }));
            Assert.That(totals[1].VisitToLead.Value, Is.EqualTo(40.0 / 300));
        });
    }

    [Test]
    public void TotalsByNetwork_WithRange_KeepsOnlyThosePeriods()
    {
        var totals = Sample().TotalsByNetwork(Feb, Mar);

        Assert.That(totals.Select(t => (t.Network, t.Visits)), Is.EqualTo(new[] { ("LinkedIn", 100L) }));
    }

    [Test]
    public void Campaigns_ListsCampaignsOfOneNetwork()
    {
        var campaigns = Sample().Campaigns("FACEBOOK");

        Assert.That(campaigns.Select(c => (c.Campaign, c.Visits)), Is.EqualTo(new[] { ("brand", 500L), ("spring", 1300L) }));
    }

    [Test]
    public void Campaigns_TableWithoutCampaigns_Throws()
    {
        var table = FunnelTable.FromRows([new(Jan, "Facebook", 1, 0, 0)]);

        Assert.That(() => table.Campaigns("Facebook"), Throws.InvalidOperationException);
    }

    [Test]
    public void Series_CountsAreZeroInsideRange_RatesAreGaps()
    {
        var table = Sample();
        var visits = table.Series(FunnelMetric.Visits, "LinkedIn");
        var rate = table.Series(FunnelMetric.VisitToLead, "LinkedIn");

        Assert.Multiple(() =>
        {
            Assert.That(visits.Points.Select(p => p.Value), Is.EqualTo(new double?[] { 200, 0, 100, 0 }));
            Assert.That(visits.IsComplete, Is.True);
            Assert.That(rate.Points.Select(p => p.Value), Is.EqualTo(new double?[] { 0.15, null, 0.1, null }));
            Assert.That(rate.IsComplete, Is.False);
            Assert.That(rate.Points.Select(p => p.Period), Is.EqualTo(table.Periods));
        });
    }

    [Test]
    public void Series_AllNetworksAndOneCampaign()
    {
        var table = Sample();

        Assert.Multiple(() =>
        {
            Assert.That(table.Series(FunnelMetric.Visits).Points.Select(p => p.Value), Is.EqualTo(new double?[] { 1700, 0, 100, 300 }));
            Assert.That(table.Series(FunnelMetric.Customers, "Facebook", "spring").Points.Select(p => p.Value), Is.EqualTo(new double?[] { 5, 0, 0, 1 }));
        });
    }

    [Test]
    public void Series_LabelsTheNetworkAsTheTableSpellsIt()
    {
        var table = Sample();

        Assert.That(table.Series(FunnelMetric.Visits, " linkedin ").Network, Is.EqualTo(table.PeriodTotals("linkedin")[0].Network).And.EqualTo("LinkedIn"));
    }

    [Test]
    public void Series_UnknownNetwork_IsAllZero()
    {
        Assert.That(Sample().Series(FunnelMetric.Leads, "TikTok").Points.Select(p => p.Value), Is.All.EqualTo(0));
    }

    [Test]
    public void PeriodTotals_LabelsAllNetworks()
    {
        var totals = Sample().PeriodTotals();

        Assert.That(totals.Select(r => r.Network).Distinct(), Is.EqualTo(new[] { FunnelLabels.All }));
    }

    [Test]
    public void ShareOfTotal_IsARateOfTheTotal()
    {
        var share = Sample().ShareOfTotal(FunnelMetric.Visits, "linkedin");

        Assert.Multiple(() =>
        {
            Assert.That(share.Successes, Is.EqualTo(300));
            Assert.That(share.Trials, Is.EqualTo(2100));
            Assert.That(share.Interval, Is.Not.Null);
        });
    }

    [Test]
    public void ShareOfTotal_RateMetric_Throws()
    {
        Assert.That(() => Sample().ShareOfTotal(FunnelMetric.VisitToLead, "Facebook"), Throws.ArgumentException);
    }

    [Test]
    public void Queries_BoundOfOtherGranularity_Throws()
    {
        Assert.That(() => Sample().TotalsByNetwork(Period.Quarter(2026, 1)), Throws.ArgumentException);
    }

    [Test]
    public void FromRows_BadRows_AreSkippedAndReported()
    {
        var table = FunnelTable.FromRows(
        [
            new(Jan, "Facebook", 10, 1, 0),
            new(Jan, " ", 10, 1, 0),
            new(Jan, "Facebook", -1, 1, 0),
            new(Period.Quarter(2026, 1), "Facebook", 10, 1, 0),
            new(Jan, "facebook", 5, 1, 0),
            new(Feb, "X", long.MaxValue, 0, 0),
            new(Feb, "X", 1, 0, 0),
        ]);

        Assert.Multiple(() =>
        {
            Assert.That(table.Diagnostics.Select(d => (d.Code, d.RowIndex)), Is.EqualTo(new[]
            {
                (FunnelDiagnosticCode.MissingNetwork, 1),
                (FunnelDiagnosticCode.NegativeCount, 2),
                (FunnelDiagnosticCode.MixedGranularity, 3),
                (FunnelDiagnosticCode.DuplicateRow, 4),
                (FunnelDiagnosticCode.CountOverflow, 5),
            }));
            Assert.That(table.Rows.Select(r => (r.Network, r.Visits, r.Leads)), Is.EqualTo(new[] { ("Facebook", 15L, 2L), ("X", 1L, 0L) }));
        });
    }

    [Test]
    public void FromRows_RowsWhoseTotalWouldPassALong_AreSkipped_SoNoQueryOrReportOverflows()
    {
        // Each count fits; two of them in one month, or one network's two months, do not.
        var table = FunnelTable.FromRows(
        [
            new(Feb, "Facebook", 5_000_000_000_000_000_000, 0, 0),
            new(Feb, "X", 5_000_000_000_000_000_000, 0, 0),
            new(Jan, "Facebook", 5_000_000_000_000_000_000, 0, 0),
            new(Jan, "X", 7, 0, 0),
        ]);

        Assert.Multiple(() =>
        {
            Assert.That(table.Diagnostics.Select(d => (d.Code, d.RowIndex)), Is.EqualTo(new[] { (FunnelDiagnosticCode.CountOverflow, 1), (FunnelDiagnosticCode.CountOverflow, 2) }));
            Assert.That(table.Rows.Sum(r => r.Visits), Is.EqualTo(5_000_000_000_000_000_007));
            Assert.That(table.PeriodTotals().Select(r => r.Visits), Is.EqualTo(new long[] { 7, 5_000_000_000_000_000_000 }));
            Assert.That(new ChannelMetrics.Reporting.MarkdownReportWriter().WriteToString(table), Does.Contain("Facebook"));
            Assert.That(
                () => new ChannelMetrics.Decisions.DecisionEngineBuilder().Build().Evaluate(table, [], ChannelMetrics.Goals.GoalSet.Empty, ChannelMetrics.Experiments.ExperimentLog.Empty, new DateOnly(2026, 3, 3)),
                Throws.Nothing);
        });
    }

    [Test]
    public void FromRows_RowsWhereMissingDatesLand_AreKeptAndReported()
    {
        var table = FunnelTable.FromRows(
        [
            new(Period.Month(1, 1), "Facebook", 7, 1, 0),
            new(Period.Month(1970, 1), "Facebook", 3, 0, 0),
            new(Period.Month(1970, 2), "Facebook", 4, 0, 0),
            new(Jan, "Facebook", 10, 1, 0),
            new(Period.Month(9999, 12), "Facebook", 2, 0, 0),
        ]);

        Assert.Multiple(() =>
        {
            Assert.That(table.Diagnostics.Select(d => (d.Code, d.RowIndex)), Is.EqualTo(new[]
            {
                (FunnelDiagnosticCode.ImplausibleDate, 0),
                (FunnelDiagnosticCode.ImplausibleDate, 1),
                (FunnelDiagnosticCode.ImplausibleDate, 4),
            }));
            Assert.That(table.Diagnostics[0].Message, Does.StartWith("Row 0 is dated 0001-01, before 1970-01-02"));
            Assert.That(table.Rows.Sum(r => r.Visits), Is.EqualTo(26));
        });
    }

    [Test]
    public void FromRows_BlankPeriodFirst_DoesNotDecideTheGranularity()
    {
        // default(Period) is the day 0001-01-01: what a blank period column is read as.
        var table = FunnelTable.FromRows(
        [
            new(default, "Facebook", 5, 0, 0),
            new(Mar, "Facebook", 10, 2, 1),
            new(Apr, "Facebook", 20, 4, 1),
            new(Period.Day(new DateOnly(2026, 4, 2)), "Facebook", 1, 0, 0),
        ]);

        Assert.Multiple(() =>
        {
            Assert.That(table.Granularity, Is.EqualTo(PeriodGranularity.Month));
            Assert.That(table.Rows.Select(r => (r.Period, r.Visits)), Is.EqualTo(new[] { (Period.Month(1, 1), 5L), (Mar, 10L), (Apr, 20L) }));
            Assert.That(table.Diagnostics.Select(d => (d.Code, d.RowIndex)), Is.EqualTo(new[]
            {
                (FunnelDiagnosticCode.ImplausibleDate, 0),
                (FunnelDiagnosticCode.MixedGranularity, 3),
            }));
            Assert.That(table.Diagnostics[0].Message, Does.EndWith("; kept in 0001-01."));
        });
    }

    [Test]
    public void FromRows_OnlyImplausibleRows_TheFirstDecides()
    {
        var table = FunnelTable.FromRows([new(default, "Facebook", 5, 0, 0), new(Period.Month(9999, 12), "Facebook", 1, 0, 0)]);

        Assert.Multiple(() =>
        {
            Assert.That(table.Granularity, Is.EqualTo(PeriodGranularity.Day));
            Assert.That(table.Rows.Select(r => r.Period), Is.EqualTo(new[] { Period.Day(new DateOnly(1, 1, 1)), Period.Day(new DateOnly(9999, 12, 1)) }));
        });
    }

    [Test]
    public void Collections_CannotBeChangedThroughTheirInterfaces()
    {
        var table = FunnelTable.FromRows([new(Jan, "Facebook", 1, 0, 0), new(Jan, " ", 1, 0, 0)]);

        Assert.Multiple(() =>
        {
            Assert.That(() => ((IList<FunnelRow>)table.Rows)[0] = null!, Throws.InstanceOf<NotSupportedException>());
            Assert.That(() => ((IList<string>)table.Networks)[0] = "Z", Throws.InstanceOf<NotSupportedException>());
            Assert.That(() => ((IList<FunnelDiagnostic>)table.Diagnostics)[0] = default, Throws.InstanceOf<NotSupportedException>());
        });
    }

    [Test]
    public void TotalsByNetwork_RowsSummingBeyondInt64_TheRowThatWouldPassIsSkipped()
    {
        var table = FunnelTable.FromRows([new(Jan, "Facebook", long.MaxValue, 0, 0), new(Feb, "Facebook", 1, 0, 0)]);

        Assert.That(table.Diagnostics.Select(d => (d.Code, d.RowIndex)), Is.EqualTo(new[] { (FunnelDiagnosticCode.CountOverflow, 1) }));
        Assert.That(table.TotalsByNetwork().Single().Visits, Is.EqualTo(long.MaxValue));
    }

    [TestCase("1969-12-31", true)]
    [TestCase("1970-01-01", true)]
    [TestCase("1970-01-02", false)]
    [TestCase("9998-12-31", false)]
    [TestCase("9999-01-01", true)]
    public void FromRows_ImplausibleDate_StartsBefore1970Jan2OrInYear9999(string day, bool reported)
    {
        var table = FunnelTable.FromRows([new(Period.Day(DateOnly.Parse(day, CultureInfo.InvariantCulture)), "Facebook", 1, 0, 0)]);

        Assert.That(table.Diagnostics.Any(d => d.Code == FunnelDiagnosticCode.ImplausibleDate), Is.EqualTo(reported));
    }

    [Test]
    public void FromRows_MoreLeadsThanVisits_IsKeptWithUndefinedRate()
    {
        var row = FunnelTable.FromRows([new(Jan, "Facebook", 3, 5, 1)]).Rows.Single();

        Assert.Multiple(() =>
        {
            Assert.That(row.Leads, Is.EqualTo(5));
            Assert.That(row.VisitToLead.Reason, Is.EqualTo(RateUndefinedReason.SuccessesExceedTrials));
            Assert.That(row.LeadToCustomer.Value, Is.EqualTo(0.2));
        });
    }

    [Test]
    public void FromRows_MissingDimensionValue_BecomesNotSet()
    {
        var table = FunnelTable.FromRows([new(Jan, "Facebook", 3, 0, 0, Campaign: "a"), new(Jan, "LinkedIn", 1, 0, 0)]);

        Assert.That(table.Rows.Select(r => r.Campaign), Is.EqualTo(new[] { "a", FunnelLabels.NotSet }));
    }

    [Test]
    public void FromRows_Empty_IsEmptyTable()
    {
        var table = FunnelTable.FromRows([]);

        Assert.Multiple(() =>
        {
            Assert.That(table.Rows, Is.Empty);
            Assert.That(table.Periods, Is.Empty);
            Assert.That(table.Series(FunnelMetric.Visits).Points, Is.Empty);
        });
    }

    [Test]
    public void FromRows_BadConfidence_Throws()
    {
        Assert.That(() => FunnelTable.FromRows([], 1.5), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Row_RatesUseTableConfidence()
    {
        var row = FunnelTable.FromRows([new(Jan, "Facebook", 100, 10, 1)], 0.9).Rows.Single();

        Assert.That(row.VisitToLead.Confidence, Is.EqualTo(0.9));
    }

    [Test]
    public void FromRows_ImplausibleRowOfAnotherGranularity_IsReportedWhereItLands()
    {
        // 9999-01 lands in the ISO week 9998-W53, a plausible week: the note is about the row's own date.
        var table = FunnelTable.FromRows([new(Period.IsoWeek(2026, 12), "Facebook", 1, 0, 0), new(Period.Month(9999, 1), "Facebook", 5, 0, 0)]);

        Assert.Multiple(() =>
        {
            Assert.That(table.Diagnostics.Select(d => (d.Code, d.RowIndex)), Is.EqualTo(new[] { (FunnelDiagnosticCode.ImplausibleDate, 1) }));
            Assert.That(table.Diagnostics[0].Message, Does.EndWith("kept in 9998-W53."));
        });
    }

    [Test]
    public void Queries_FindANetworkIgnoringSurroundingWhiteSpace()
    {
        var table = Sample();

        Assert.Multiple(() =>
        {
            Assert.That(table.Campaigns(" LinkedIn ").Select(c => c.Campaign), Is.EqualTo(new[] { "b2b" }));
            Assert.That(table.PeriodTotals("LinkedIn\t").Select(r => r.Visits), Is.EqualTo(new long[] { 200, 0, 100, 0 }));
            Assert.That(table.Series(FunnelMetric.Visits, " linkedin").Network, Is.EqualTo("LinkedIn"), "labelled as the table spells it, as PeriodTotals");
            Assert.That(table.ShareOfTotal(FunnelMetric.Visits, "LinkedIn ").Successes, Is.EqualTo(300));
        });
    }
}
