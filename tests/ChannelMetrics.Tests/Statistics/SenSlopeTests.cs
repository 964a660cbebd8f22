using ChannelMetrics.Statistics;
using static ChannelMetrics.Tests.Statistics.Reference;

namespace ChannelMetrics.Tests.Statistics;

public sealed class SenSlopeTests
{
    // /usr/bin/python3 -c "from ref import *; print(sens_slope(x, level))" -> slope, intercept, lower, upper
    // Rising:          1.5, 9.25, 1.1428571428571428, 1.6
    // TiesAndGaps:     0.6666666666666666, 3.666666666666667, 0.5, 0.7777777777777778
    // FallingWithTies: -1.1428571428571428, 31.285714285714285, -1.2857142857142858, -1.0
    // ThreeYears:      2.992272727272728, 98.88022727272727, 2.7903703703703706, 3.2257142857142873
    // ThreeYears, 0.90: 2.992272727272728, 98.88022727272727, 2.820666666666666, 3.1872
    // [3, 5]:          2.0, 3.0, 2.0, 2.0            (ranks clamped)
    // [1, 3, 2, 5]:    1.1666666666666665, 0.7500000000000002, -1.0, 3.0   (ranks clamped)
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(MannKendallTests.Rising, 0.95, 1.5, 9.25, 1.1428571428571428, 1.6, false).SetName("Estimate_Rising_MatchesReference");
        yield return new TestCaseData(MannKendallTests.TiesAndGaps, 0.95, 0.6666666666666666, 3.666666666666667, 0.5, 0.7777777777777778, false).SetName("Estimate_TiesAndNaNGaps_KeepsOriginalPositions");
        yield return new TestCaseData(MannKendallTests.FallingWithTies, 0.95, -1.1428571428571428, 31.285714285714285, -1.2857142857142858, -1.0, false).SetName("Estimate_FallingWithTies_MatchesReference");
        yield return new TestCaseData(MannKendallTests.ThreeYears, 0.95, 2.992272727272728, 98.88022727272727, 2.7903703703703706, 3.2257142857142873, false).SetName("Estimate_ThreeYears_MatchesReference");
        yield return new TestCaseData(MannKendallTests.ThreeYears, 0.90, 2.992272727272728, 98.88022727272727, 2.820666666666666, 3.1872, false).SetName("Estimate_NinetyPercent_NarrowerInterval");
        yield return new TestCaseData(new double[] { 3, 5 }, 0.95, 2.0, 3.0, 2.0, 2.0, true).SetName("Estimate_TwoPoints_IntervalClamped");
        yield return new TestCaseData(new double[] { 1, 3, 2, 5 }, 0.95, 1.1666666666666665, 0.7500000000000002, -1.0, 3.0, true).SetName("Estimate_FourPoints_IntervalClamped");
    }

    [TestCaseSource(nameof(Cases))]
    public void Estimate_MatchesReference(double[] series, double confidence, double slope, double intercept, double lower, double upper, bool clamped)
    {
        var result = SenSlope.Estimate(series, confidence);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsComputable, Is.True);
            Assert.That(result.Slope, Rel(slope));
            Assert.That(result.Intercept, Rel(intercept));
            Assert.That(result.SlopeInterval.Lower, Rel(lower));
            Assert.That(result.SlopeInterval.Upper, Rel(upper));
            Assert.That(result.IntervalClampedToExtremes, Is.EqualTo(clamped));
            Assert.That(result.Confidence, Is.EqualTo(confidence));
        });
    }

    [Test]
    public void Estimate_MorePairsThanFitInAGigabyte_IsNotComputable()
    {
        var values = new double[16_385];

        var result = SenSlope.Estimate(values);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsComputable, Is.False);
            Assert.That(result.Reason, Is.EqualTo(StatisticNotComputableReason.TooManyValues));
        });
    }

    [Test]
    public void Estimate_GapAtStart_MeasuresFromOriginalIndex()
    {
        // Two values three periods apart: the slope is per period, not per observed value;
        // intercept = median(10, 16) - median(1, 4) * 2 = 8.
        var result = SenSlope.Estimate([NaN, 10, NaN, NaN, 16]);

        Assert.That((result.Slope, result.Intercept, result.ValueAt(4)), Is.EqualTo((2.0, 8.0, 16.0)));
    }

    [Test]
    public void Estimate_ConstantSeries_ZeroSlope()
    {
        var result = SenSlope.Estimate([7, 7, 7, 7, 7]);

        Assert.That((result.IsComputable, result.Slope, result.Intercept, result.SlopeInterval), Is.EqualTo((true, 0.0, 7.0, new Interval(0, 0))));
    }

    [TestCase(new double[0], 0)]
    [TestCase(new[] { 5.0 }, 1)]
    [TestCase(new[] { double.NaN, 5.0, double.NaN }, 1)]
    public void Estimate_TooFewValues_NotComputable(double[] series, int n)
    {
        var result = SenSlope.Estimate(series);

        Assert.That((result.IsComputable, result.Reason, result.N, result.Slope, result.Intercept), Is.EqualTo((false, StatisticNotComputableReason.TooFewValues, n, 0.0, 0.0)));
    }

    [Test]
    public void Estimate_HugeValues_ReportsOutOfRange()
    {
        var result = SenSlope.Estimate([-1.5e308, 1.5e308, 0]);

        Assert.That((result.IsComputable, result.Reason), Is.EqualTo((false, StatisticNotComputableReason.ValuesOutOfRange)));
    }

    [TestCase(0.0)]
    [TestCase(1.0)]
    [TestCase(double.PositiveInfinity)]
    public void Estimate_BadConfidence_Throws(double confidence)
    {
        Assert.That(() => SenSlope.Estimate([1, 2, 3], confidence), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("confidence"));
    }

    [Test]
    public void Estimate_LongSeries_UsesPooledBuffersAndMatchesOwnShortPath()
    {
        // 100 values -> 4950 pairs, beyond the stack buffer: same arithmetic, so a linear series gives its exact slope.
        double[] series = Enumerable.Range(0, 100).Select(i => 5 + (0.25 * i)).ToArray();

        var result = SenSlope.Estimate(series);

        Assert.That((result.Slope, result.Intercept, result.SlopeInterval), Is.EqualTo((0.25, 5.0, new Interval(0.25, 0.25))));
    }

    [Test]
    public void Estimate_AfterWarmUp_AllocatesNothing()
    {
        SenSlope.Estimate(MannKendallTests.ThreeYears);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            SenSlope.Estimate(MannKendallTests.ThreeYears);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
