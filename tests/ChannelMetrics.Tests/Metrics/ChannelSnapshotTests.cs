using ChannelMetrics.Metrics;

namespace ChannelMetrics.Tests.Metrics;

public sealed class ChannelSnapshotTests
{
    private static readonly Period s_feb = Period.Month(2026, 2);

    private static ChannelSnapshot Snapshot(Period? period = null) => new() { Period = period ?? s_feb, Network = "LinkedIn" };

    [Test]
    public void NewSnapshot_EverythingUnknown()
    {
        var s = Snapshot();

        Assert.Multiple(() =>
        {
            Assert.That(s.Followers, Is.Null);
            Assert.That(s.Spend, Is.Null);
            Assert.That(s.Engagements, Is.Null);
            Assert.That(s.SentimentTotal, Is.Null);
            Assert.That(s.EngagementRate().Reason, Is.EqualTo(NotComputableReason.MissingInput));
            Assert.That(s.NegativeShare().Reason, Is.EqualTo(NotComputableReason.MissingInput));
            Assert.That(s.NetSentiment().Reason, Is.EqualTo(NotComputableReason.MissingInput));
            Assert.That(s.Cost().Reason, Is.EqualTo(NotComputableReason.MissingInput));
            Assert.That(s.Roi().Reason, Is.EqualTo(NotComputableReason.MissingInput));
        });
    }

    [Test]
    public void Init_OutOfRangeValuesOrBadNetwork_Throw()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Snapshot() with { Followers = -1 }, Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("Followers"));
            Assert.That(() => Snapshot() with { Spend = -0.01m }, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => Snapshot() with { HoursSpent = double.NaN }, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => Snapshot() with { HoursSpent = -1 }, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => Snapshot() with { HoursSpent = 1e300 }, Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("1,000,000,000"));
            Assert.That(() => Snapshot() with { Likes = (1L << 60) + 1 }, Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("Likes"));
            Assert.That((Snapshot() with { HoursSpent = 1e9, Spend = 0m }).Cost(decimal.MaxValue).Value, Is.EqualTo(1e9 * (double)decimal.MaxValue).Within(1e-9).Percent);
            Assert.That(() => Snapshot() with { Network = " " }, Throws.ArgumentException);
        });
    }

    [Test]
    public void Engagements_SumsKnownTypes()
    {
        Assert.Multiple(() =>
        {
            Assert.That((Snapshot() with { Comments = 5, Shares = 3, Likes = 40, Reposts = 2 }).Engagements, Is.EqualTo(50));
            Assert.That((Snapshot() with { Comments = 5, Likes = 40 }).Engagements, Is.EqualTo(45), "Facebook reports no reposts");
        });
    }

    [Test]
    public void FollowerGrowth_IsRelativeChangeOnPreviousPeriod()
    {
        var january = Snapshot(Period.Month(2026, 1)) with { Followers = 4000 };
        var february = Snapshot() with { Followers = 4100 };

        Assert.That(february.FollowerGrowth(january).Value, Is.EqualTo(0.025).Within(1e-12));
    }

    [Test]
    public void FollowerGrowth_UnknownOrZeroInputs_NotComputable()
    {
        var january = Snapshot(Period.Month(2026, 1));
        var february = Snapshot() with { Followers = 4100 };

        Assert.Multiple(() =>
        {
            Assert.That(february.FollowerGrowth(null).Reason, Is.EqualTo(NotComputableReason.NoPreviousPeriod));
            Assert.That(february.FollowerGrowth(january).Reason, Is.EqualTo(NotComputableReason.MissingInput));
            Assert.That(february.FollowerGrowth(january).Detail, Does.Contain("2026-01"));
            Assert.That((february with { Followers = null }).FollowerGrowth(january with { Followers = 1 }).Reason, Is.EqualTo(NotComputableReason.MissingInput));
            Assert.That(february.FollowerGrowth(january with { Followers = 0 }).Reason, Is.EqualTo(NotComputableReason.ZeroDenominator));
        });
    }

    [Test]
    public void FollowerGrowth_WrongPreviousSnapshot_Throws()
    {
        var february = Snapshot() with { Followers = 10 };

        Assert.Multiple(() =>
        {
            Assert.That(() => february.FollowerGrowth(Snapshot(Period.Month(2025, 12))), Throws.ArgumentException);
            Assert.That(() => february.FollowerGrowth(Snapshot(Period.Month(2026, 1)) with { Network = "Facebook" }), Throws.ArgumentException);
        });
        Assert.That(february.FollowerGrowth(Snapshot(Period.Month(2026, 1)) with { Network = "linkedin", Followers = 5 }).Value, Is.EqualTo(1));
    }

    [Test]
    public void EngagementRate_PerImpression()
    {
        var s = Snapshot() with { Comments = 10, Likes = 90, Impressions = 5000, Reach = 1000 };

        Assert.That(s.EngagementRate().Value, Is.EqualTo(0.02).Within(1e-12));
    }

    [Test]
    public void EngagementRate_FallsBackToReachWhenImpressionsUnknown()
    {
        var s = Snapshot() with { Comments = 10, Likes = 90, Reach = 1000 };

        Assert.That(s.EngagementRate().Value, Is.EqualTo(0.1).Within(1e-12));
    }

    [Test]
    public void EngagementRate_UnknownOrZeroDenominators_NotComputable()
    {
        var s = Snapshot() with { Likes = 90 };

        Assert.Multiple(() =>
        {
            Assert.That(s.EngagementRate().Reason, Is.EqualTo(NotComputableReason.MissingInput));
            Assert.That((s with { Impressions = 0, Reach = 100 }).EngagementRate().Reason, Is.EqualTo(NotComputableReason.ZeroDenominator), "impressions are known, so they are used");
            Assert.That((Snapshot() with { Impressions = 100 }).EngagementRate().Reason, Is.EqualTo(NotComputableReason.MissingInput));
        });
    }

    [Test]
    public void NegativeShareAndNetSentiment_UseAllThreeCounts()
    {
        var s = Snapshot() with { PositiveCount = 60, NeutralCount = 30, NegativeCount = 10 };

        Assert.Multiple(() =>
        {
            Assert.That(s.SentimentTotal, Is.EqualTo(100));
            Assert.That(s.NegativeShare().Value, Is.EqualTo(0.1).Within(1e-12));
            Assert.That(s.NetSentiment().Value, Is.EqualTo(0.5).Within(1e-12));
            Assert.That((s with { PositiveCount = 0, NeutralCount = 0 }).NetSentiment().Value, Is.EqualTo(-1));
        });
    }

    [Test]
    public void Sentiment_UnknownCountOrNoComments_NotComputable()
    {
        var s = Snapshot() with { PositiveCount = 60, NegativeCount = 10 };
        var silent = Snapshot() with { PositiveCount = 0, NeutralCount = 0, NegativeCount = 0 };

        Assert.Multiple(() =>
        {
            Assert.That(s.NegativeShare().Reason, Is.EqualTo(NotComputableReason.MissingInput), "neutral unknown is not zero");
            Assert.That(s.NetSentiment().Reason, Is.EqualTo(NotComputableReason.MissingInput));
            Assert.That(silent.NegativeShare().Reason, Is.EqualTo(NotComputableReason.ZeroDenominator));
            Assert.That(silent.NetSentiment().Reason, Is.EqualTo(NotComputableReason.ZeroDenominator));
        });
    }

    [Test]
    public void Cost_SpendPlusCostedHours()
    {
        var s = Snapshot() with { Spend = 2750m, HoursSpent = 27 };

        Assert.Multiple(() =>
        {
            Assert.That(s.Cost().Value, Is.EqualTo(2750));
            Assert.That(s.Cost(60m).Value, Is.EqualTo(2750 + (27 * 60)));
            Assert.That((s with { HoursSpent = null }).Cost(60m).Reason, Is.EqualTo(NotComputableReason.MissingInput));
            Assert.That((s with { HoursSpent = null }).Cost().Value, Is.EqualTo(2750), "hours are not needed without a rate");
            Assert.That((s with { Spend = null }).Cost(60m).Reason, Is.EqualTo(NotComputableReason.MissingInput));
            Assert.That(() => s.Cost(-1m), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void CostPerFunnelStage_DividesCostByCount()
    {
        var s = Snapshot() with { Spend = 1000m, HoursSpent = 10 };

        Assert.Multiple(() =>
        {
            Assert.That(s.CostPerVisit(500).Value, Is.EqualTo(2));
            Assert.That(s.CostPerLead(20, 50m).Value, Is.EqualTo(75));
            Assert.That(s.CostPerCustomer(3).Value, Is.EqualTo(1000.0 / 3).Within(1e-9));
        });
    }

    [Test]
    public void CostPerFunnelStage_UnknownOrZero_NotComputable()
    {
        var s = Snapshot() with { Spend = 1000m };

        Assert.Multiple(() =>
        {
            Assert.That(s.CostPerVisit(null).Reason, Is.EqualTo(NotComputableReason.MissingInput));
            Assert.That(s.CostPerLead(0).Reason, Is.EqualTo(NotComputableReason.ZeroDenominator));
            Assert.That(s.CostPerCustomer(0).Detail, Does.Contain("no customers"));
            Assert.That(Snapshot().CostPerVisit(100).Reason, Is.EqualTo(NotComputableReason.MissingInput));
            Assert.That(() => s.CostPerVisit(-1), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void Roi_RevenueMinusCostOverCost()
    {
        var s = Snapshot() with { Spend = 1800m, HoursSpent = 35, Revenue = 2400m };

        Assert.Multiple(() =>
        {
            Assert.That(s.Roi().Value, Is.EqualTo((2400.0 - 1800) / 1800).Within(1e-12));
            Assert.That(s.Roi(40m).Value, Is.EqualTo((2400.0 - 3200) / 3200).Within(1e-12));
        });
    }

    [Test]
    public void Roi_ZeroCostOrganicNetwork_IsNotComputableNotInfinite()
    {
        var organic = Snapshot() with { Spend = 0m, HoursSpent = 20, Revenue = 2400m };

        var roi = organic.Roi();

        Assert.Multiple(() =>
        {
            Assert.That(roi.IsKnown, Is.False);
            Assert.That(roi.Reason, Is.EqualTo(NotComputableReason.ZeroDenominator));
            Assert.That(roi.Detail, Does.Contain("undefined, not infinite"));
            Assert.That(organic.Roi(50m).Value, Is.EqualTo((2400.0 - 1000) / 1000).Within(1e-12), "costed hours make it computable");
        });
    }

    [Test]
    public void Roi_UnknownRevenueOrCost_NotComputable()
    {
        Assert.Multiple(() =>
        {
            Assert.That((Snapshot() with { Spend = 100m }).Roi().Detail, Does.Contain("revenue"));
            Assert.That((Snapshot() with { Revenue = 100m }).Roi().Detail, Does.Contain("spend"));
            Assert.That((Snapshot() with { Revenue = 100m, Spend = 10m }).Roi(30m).Detail, Does.Contain("hours"));
        });
    }

    [Test]
    public void Equality_IsByValue()
    {
        var first = Snapshot() with { Followers = 3 };
        var second = Snapshot() with { Followers = 3 };
        Assert.That(first, Is.EqualTo(second));
        Assert.That(first, Is.Not.EqualTo(second with { Followers = null }));
    }

    [Test]
    public void Roi_CostNextToNothing_IsNotComputableRatherThanInfinite()
    {
        var roi = (Snapshot() with { Spend = 0m, HoursSpent = 1e-300, Revenue = 1000m }).Roi(1e-20m);

        Assert.That(roi.Reason, Is.EqualTo(NotComputableReason.ZeroDenominator));
    }
}
