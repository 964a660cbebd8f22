using ChannelMetrics.Statistics;
using static ChannelMetrics.Tests.Statistics.Reference;

namespace ChannelMetrics.Tests.Statistics;

public sealed class ProjectionTests
{
    [Test]
    public void PeriodsToReach_RisingTowardsTarget_FractionalPeriods()
    {
        // Sen: slope 10/period, intercept 100 -> level 150 at index 5; 175 is 2.5 periods away.
        var result = Projection.PeriodsToReach([100, 110, 120, 130, 140, 150], 175);

        Assert.That((result.Outcome, result.Periods, result.WholePeriods, result.Slope, result.CurrentLevel), Is.EqualTo((ProjectionOutcome.InPeriods, 2.5, 3, 10.0, 150.0)));
    }

    [Test]
    public void PeriodsToReach_LeastSquares_UsesOlsLine()
    {
        // OLS on [1, 2, 4, 4, 6]: slope 1.2, intercept 1.0 -> level 5.8 at index 4; target 10 is 4.2/1.2 = 3.5 periods away.
        var result = Projection.PeriodsToReach([1, 2, 4, 4, 6], 10, method: TrendLineMethod.LeastSquares);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(ProjectionOutcome.InPeriods));
            Assert.That(result.Method, Is.EqualTo(TrendLineMethod.LeastSquares));
            Assert.That(result.Slope, Rel(1.2));
            Assert.That(result.CurrentLevel, Rel(5.8));
            Assert.That(result.Periods, Rel(3.5));
            Assert.That(result.WholePeriods, Is.EqualTo(4));
        });
    }

    [TestCase(new[] { 0.1, 0.1, double.NaN, 0.1 }, 0.05, TargetDirection.AtMost)]
    [TestCase(new[] { 0.7, 0.7, double.NaN, 0.7 }, 0.9, TargetDirection.AtLeast)]
    public void PeriodsToReach_LeastSquaresOnAFlatSeriesWithAGap_NotAtThisTrend(double[] series, double target, TargetDirection direction)
    {
        var result = Projection.PeriodsToReach(series, target, direction, TrendLineMethod.LeastSquares);

        Assert.That((result.Outcome, result.Slope), Is.EqualTo((ProjectionOutcome.NotAtThisTrend, 0.0)));
    }

    [Test]
    public void PeriodsToReach_TrendLineAlreadyPastTarget_AlreadyReached()
    {
        var result = Projection.PeriodsToReach([10, 20, 30], 25);

        Assert.That((result.Outcome, result.Periods, result.WholePeriods), Is.EqualTo((ProjectionOutcome.AlreadyReached, 0.0, 0)));
    }

    [Test]
    public void PeriodsToReach_OneLuckyMonth_JudgedByTrendLine()
    {
        // The last raw value is above the target, but the trend line (flat at 10) is not: no goal met by luck.
        var result = Projection.PeriodsToReach([10, 10, 10, 10, 30], 20);

        Assert.That(result.Outcome, Is.EqualTo(ProjectionOutcome.NotAtThisTrend));
    }

    [TestCase(new[] { 50.0, 40, 30, 20 }, 60.0, TargetDirection.AtLeast)]
    [TestCase(new[] { 5.0, 5, 5, 5 }, 6.0, TargetDirection.AtLeast)]
    [TestCase(new[] { 1.0, 2, 3, 4 }, 0.0, TargetDirection.AtMost)]
    public void PeriodsToReach_FlatOrAway_NotAtThisTrend(double[] series, double target, TargetDirection direction)
    {
        var result = Projection.PeriodsToReach(series, target, direction);

        Assert.That((result.Outcome, result.Periods, result.Reason), Is.EqualTo((ProjectionOutcome.NotAtThisTrend, 0.0, StatisticNotComputableReason.None)));
    }

    [Test]
    public void PeriodsToReach_AtMostFalling_InPeriods()
    {
        // Cost per lead falling by 2 per month from 30 (index 3 level 24) to a target of 20: 2 more periods.
        var result = Projection.PeriodsToReach([30, 28, 26, 24], 20, TargetDirection.AtMost);

        Assert.That((result.Outcome, result.Periods, result.WholePeriods), Is.EqualTo((ProjectionOutcome.InPeriods, 2.0, 2)));
    }

    [Test]
    public void PeriodsToReach_MissingCurrentMonth_CountsFromSeriesEnd()
    {
        // Values at 0..3 rise by 10; index 4 ("now") is missing, so the line is already at 140 now.
        var result = Projection.PeriodsToReach([100, 110, 120, 130, NaN], 160);

        Assert.That((result.Outcome, result.CurrentLevel, result.Periods), Is.EqualTo((ProjectionOutcome.InPeriods, 140.0, 2.0)));
    }

    [TestCase(new[] { 5.0 }, TrendLineMethod.SenSlope)]
    [TestCase(new[] { 5.0, 6.0 }, TrendLineMethod.LeastSquares)]
    [TestCase(new double[0], TrendLineMethod.SenSlope)]
    public void PeriodsToReach_TooShort_NotEnoughData(double[] series, TrendLineMethod method)
    {
        var result = Projection.PeriodsToReach(series, 10, method: method);

        Assert.That((result.Outcome, result.Reason, result.Periods, result.Slope), Is.EqualTo((ProjectionOutcome.NotEnoughData, StatisticNotComputableReason.TooFewValues, 0.0, 0.0)));
    }

    [Test]
    public void PeriodsToReach_TinySlopeHugeTarget_NoInfinity()
    {
        var result = Projection.PeriodsToReach([0, 1e-300, 2e-300], 1e300);

        Assert.That((result.Outcome, double.IsFinite(result.Periods)), Is.EqualTo((ProjectionOutcome.NotAtThisTrend, true)));
    }

    [Test]
    public void PeriodsToReach_BadArguments_Throw()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Projection.PeriodsToReach([1, 2], double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("target"));
            Assert.That(() => Projection.PeriodsToReach([1, 2], 3, (TargetDirection)7), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("direction"));
            Assert.That(() => Projection.PeriodsToReach([1, 2], 3, method: (TrendLineMethod)7), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("method"));
        });
    }
}
