using ChannelMetrics.Statistics;
using static ChannelMetrics.Tests.Statistics.Reference;

namespace ChannelMetrics.Tests.Statistics;

public sealed class PettittTests
{
    // /usr/bin/python3 -c "from ref import *; print(pettitt(x))" -> index of the first value after the change, U, p
    // Rising:      5, 35, 0.03943368531462139
    // TiesAndGaps: 8, 40, 0.034585049004615176
    // Step [3,4,3,5,4,9,10,9,11,10]:            5, 25, 0.06614250297660204
    // StepGaps [3,nan,4,3,5,4,9,10,nan,9,11,10]: 6, 25, 0.06614250297660204
    // [0]*5+[1]*6 (11 values): 5, 30, 0.04851602690856454; [0]*5+[1]*5 (10 values): 5, 25, 0.06614250297660204
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(MannKendallTests.Rising, 5, 35L, 0.03943368531462139, true).SetName("Test_Rising_MatchesReference");
        yield return new TestCaseData(MannKendallTests.TiesAndGaps, 8, 40L, 0.034585049004615176, true).SetName("Test_TiesAndGaps_MatchesReference");
        yield return new TestCaseData(new double[] { 3, 4, 3, 5, 4, 9, 10, 9, 11, 10 }, 5, 25L, 0.06614250297660204, false).SetName("Test_StepOfTen_NotSignificant");
        yield return new TestCaseData(new double[] { 3, NaN, 4, 3, 5, 4, 9, 10, NaN, 9, 11, 10 }, 6, 25L, 0.06614250297660204, false).SetName("Test_StepWithGaps_IndexInOriginalSeries");
        yield return new TestCaseData(new double[] { 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1 }, 5, 30L, 0.04851602690856454, true).SetName("Test_CleanStepOfEleven_Significant");
        yield return new TestCaseData(new double[] { 9, 9, 8, 9, 2, 1, 2, 2 }, 4, -16L, 0.13896690244560309, false).SetName("Test_Drop_NegativeU");
    }

    [TestCaseSource(nameof(Cases))]
    public void Test_MatchesReference(double[] series, int changeIndex, long u, double p, bool significant)
    {
        var result = Pettitt.Test(series);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsComputable, Is.True);
            Assert.That(result.ChangeIndex, Is.EqualTo(changeIndex));
            Assert.That(result.U, Is.EqualTo(u));
            Assert.That(result.K, Is.EqualTo(Math.Abs(u)));
            Assert.That(result.PValue, Rel(p));
            Assert.That(result.HasChangePoint, Is.EqualTo(significant));
            Assert.That(result.Shift, Is.EqualTo(!significant ? TrendDirection.NoTrend : u > 0 ? TrendDirection.Increasing : TrendDirection.Decreasing));
        });
    }

    [Test]
    public void Test_ConstantSeries_NoVariation()
    {
        var result = Pettitt.Test([2, 2, 2, 2]);

        Assert.That((result.IsComputable, result.Reason, result.PValue, result.HasChangePoint), Is.EqualTo((false, StatisticNotComputableReason.NoVariation, 1.0, false)));
    }

    [Test]
    public void Test_TwoValues_TooFew()
    {
        var result = Pettitt.Test([1, NaN, 5]);

        Assert.That((result.IsComputable, result.Reason, result.N, result.PValue), Is.EqualTo((false, StatisticNotComputableReason.TooFewValues, 2, 1.0)));
    }
}
