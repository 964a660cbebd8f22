using ChannelMetrics.Statistics;
using static ChannelMetrics.Tests.Statistics.Reference;

namespace ChannelMetrics.Tests.Statistics;

public sealed class MannKendallTests
{
    internal static readonly double[] Rising = [10, 12, 11, 15, 14, 18, 17, 21, 19, 24, 23, 26];
    internal static readonly double[] TiesAndGaps = [5, 7, NaN, 7, 6, 9, 9, NaN, 11, 9, 12, 12, 14, 13, 15];
    internal static readonly double[] FallingWithTies = [30, 28, 28, 27, 25, 25, 25, 22, 20, 21, 18, 17];

    // D = [round(100+3*i+10*math.sin(i*1.7),2) for i in range(36)]: strong trend, p far below 1e-12.
    internal static readonly double[] ThreeYears =
    [
        100.0, 112.92, 103.44, 99.74, 116.94, 122.98, 111.0, 114.82, 132.59, 130.97, 120.39, 131.51,
        146.0, 137.91, 132.28, 148.59, 156.79, 145.14, 146.72, 164.73, 165.29, 153.9, 163.05, 178.86,
        172.41, 165.04, 180.16, 190.4, 179.42, 178.78, 196.7, 199.5, 187.62, 194.66, 211.49, 206.89,
    ];

    // /usr/bin/python3 -c "from ref import *; print(original_test(x))" -> n, s, var_s, z, p, tau
    // Rising:          12, 56, 212.66666666666666, 3.771490147280579, 0.00016227556647604302, 0.8484848484848485
    // TiesAndGaps:     13, 65, 263.0, 3.946409062260527, 7.933203270211535e-05, 0.8333333333333334
    // FallingWithTies: 12, -60, 208.0, -4.090913947161065, 4.296765521940461e-05, -0.9090909090909091
    // ThreeYears:      36, 542, 5390.0, 7.36890372545522, 1.7203683879489852e-13, 0.8603174603174604
    // [1,2,3,4]:       4, 6, 8.666666666666666, 1.6984155512168937, 0.08942935902899353, 1.0
    // [1,2,3,4,5]:     5, 10, 16.666666666666668, 2.2045407685048604, 0.02748633611151033, 1.0
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(Rising, 12, 56L, 212.66666666666666, 3.771490147280579, 0.00016227556647604302, 0.8484848484848485, TrendDirection.Increasing).SetName("Test_Rising_MatchesPymannkendall");
        yield return new TestCaseData(TiesAndGaps, 13, 65L, 263.0, 3.946409062260527, 7.933203270211535e-05, 0.8333333333333334, TrendDirection.Increasing).SetName("Test_TiesAndNaNGaps_MatchesPymannkendall");
        yield return new TestCaseData(FallingWithTies, 12, -60L, 208.0, -4.090913947161065, 4.296765521940461e-05, -0.9090909090909091, TrendDirection.Decreasing).SetName("Test_FallingWithTies_MatchesPymannkendall");
        yield return new TestCaseData(ThreeYears, 36, 542L, 5390.0, 7.36890372545522, 1.7203683879489852e-13, 0.8603174603174604, TrendDirection.Increasing).SetName("Test_TinyPValue_KeepsDigits");
        yield return new TestCaseData(new double[] { 1, 2, 3, 4 }, 4, 6L, 8.666666666666666, 1.6984155512168937, 0.08942935902899353, 1.0, TrendDirection.NoTrend).SetName("Test_FourMonotonicPoints_CannotBeSignificant");
        yield return new TestCaseData(new double[] { 1, 2, 3, 4, 5 }, 5, 10L, 16.666666666666668, 2.2045407685048604, 0.02748633611151033, 1.0, TrendDirection.Increasing).SetName("Test_FiveMonotonicPoints_Significant");
    }

    [TestCaseSource(nameof(Cases))]
    public void Test_MatchesReference(double[] series, int n, long s, double variance, double z, double p, double tau, TrendDirection trend)
    {
        var result = MannKendall.Test(series);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsComputable, Is.True);
            Assert.That(result.Reason, Is.EqualTo(StatisticNotComputableReason.None));
            Assert.That(result.N, Is.EqualTo(n));
            Assert.That(result.S, Is.EqualTo(s));
            Assert.That(result.VarianceS, Rel(variance));
            Assert.That(result.Z, Rel(z));
            Assert.That(result.PValue, Rel(p));
            Assert.That(result.Tau, Rel(tau));
            Assert.That(result.Trend, Is.EqualTo(trend));
        });
    }

    // 46,342 values have 1,073,767,311 pairs: n(n − 1) in int arithmetic wrapped around and made tau about −1.
    [Test]
    public void Test_46342IncreasingValues_TauIsOne()
    {
        var values = Enumerable.Range(0, 46_342).Select(i => (double)i).ToArray();

        var result = MannKendall.Test(values);

        Assert.Multiple(() =>
        {
            Assert.That(result.Tau, Is.EqualTo(1.0).Within(1e-12));
            Assert.That(result.Trend, Is.EqualTo(TrendDirection.Increasing));
        });
    }

    [TestCase(int.MaxValue)]
    [TestCase((1 << 30) + 1)]
    public void SeasonalTest_PeriodBeyondHalfTheLength_IsTooFewCycles(int period)
    {
        var result = MannKendall.SeasonalTest([1, 2, 3, 4, 5], period);

        Assert.That(result.Reason, Is.EqualTo(StatisticNotComputableReason.TooFewSeasonCycles));
    }

    [Test]
    public void SeasonalTest_OnlyTheFirstCycleKnown_IsTooFewCyclesNotNoVariation()
    {
        var series = Enumerable.Range(0, 24).Select(i => i < 12 ? i * 1.5 : double.NaN).ToArray();

        Assert.That(MannKendall.SeasonalTest(series).Reason, Is.EqualTo(StatisticNotComputableReason.TooFewSeasonCycles));
    }

    [Test]
    public void Test_StricterSignificance_ChangesVerdictOnly()
    {
        var loose = MannKendall.Test([1, 2, 3, 4, 5], 0.05);
        var strict = MannKendall.Test([1, 2, 3, 4, 5], 0.01);

        Assert.That((loose.Trend, strict.Trend, strict.PValue), Is.EqualTo((TrendDirection.Increasing, TrendDirection.NoTrend, loose.PValue)));
    }

    [TestCase(new double[0], 0)]
    [TestCase(new[] { 1.0, 2.0 }, 2)]
    [TestCase(new[] { 1.0, double.NaN, double.NaN, 2.0 }, 2)]
    public void Test_TooFewValues_NotComputable(double[] series, int n)
    {
        var result = MannKendall.Test(series);

        AssertNeutral(result, StatisticNotComputableReason.TooFewValues, n);
    }

    [Test]
    public void Test_ConstantSeries_NoVariation()
    {
        AssertNeutral(MannKendall.Test([4, 4, 4, 4, 4, 4]), StatisticNotComputableReason.NoVariation, 6);
    }

    [Test]
    public void Default_Result_IsNotComputableWithNeutralPValue()
    {
        var result = default(MannKendallResult);

        Assert.That((result.IsComputable, result.Reason, result.PValue), Is.EqualTo((false, StatisticNotComputableReason.TooFewValues, 1.0)));
    }

    [TestCase(0.0)]
    [TestCase(1.0)]
    [TestCase(-0.1)]
    [TestCase(double.NaN)]
    public void Test_BadSignificance_Throws(double significance)
    {
        Assert.That(() => MannKendall.Test([1, 2, 3], significance), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("significance"));
    }

    // Seasonal reference: /usr/bin/python3 -c "from ref import *; print(seasonal_test(x, period))" -> s, var_s, z, p, tau
    // Seasonal (36 monthly, [round(100+20*math.sin(2*math.pi*m/12)+0.8*m+3*math.cos(m*2.3),1) for m in range(36)]):
    //     36.0, 43.99999999999999, 5.276448530110864, 1.317114838912229e-07, 1.0
    // SeasonalWithGaps (indices 3, 17, 30 NaN; index 15 set to the value at 27, a tie within season 3):
    //     29.0, 35.0, 4.732863826479693, 2.21374012308886e-06, 0.9666666666666667
    // range(24), period 12: 12.0, 12.0, 3.1754264805429417, 0.0014961642897455493, 1.0
    // [1,5,2,6, 2,6,3,7, 3,7,3,8, 4,8,4,9, 5,9], period 4: 31.0, 49.666666666666664, 4.256853928563619, 2.0732371472368935e-05, 0.96875
    internal static readonly double[] Seasonal =
    [
        103.0, 108.8, 118.6, 124.8, 117.6, 115.4, 105.8, 92.8, 91.8, 86.4, 89.1, 101.8,
        107.3, 120.6, 130.6, 129.0, 132.0, 124.1, 111.9, 108.1, 97.4, 95.6, 103.1, 105.8,
        119.9, 131.7, 135.1, 143.8, 139.7, 131.0, 127.0, 113.1, 107.6, 109.0, 107.1, 119.1,
    ];

    private static IEnumerable<TestCaseData> SeasonalCases()
    {
        double[] gaps = (double[])Seasonal.Clone();
        gaps[3] = NaN;
        gaps[17] = NaN;
        gaps[30] = NaN;
        gaps[15] = gaps[27];
        yield return new TestCaseData(Seasonal, 12, 36, 36L, 43.99999999999999, 5.276448530110864, 1.317114838912229e-07, 1.0).SetName("SeasonalTest_ThreeYears_MatchesPymannkendall");
        yield return new TestCaseData(gaps, 12, 33, 29L, 35.0, 4.732863826479693, 2.21374012308886e-06, 0.9666666666666667).SetName("SeasonalTest_GapsAndTies_MatchesPymannkendall");
        yield return new TestCaseData(Enumerable.Range(0, 24).Select(i => (double)i).ToArray(), 12, 24, 12L, 12.0, 3.1754264805429417, 0.0014961642897455493, 1.0).SetName("SeasonalTest_TwoCycles_MatchesPymannkendall");
        yield return new TestCaseData(new double[] { 1, 5, 2, 6, 2, 6, 3, 7, 3, 7, 3, 8, 4, 8, 4, 9, 5, 9 }, 4, 18, 31L, 49.666666666666664, 4.256853928563619, 2.0732371472368935e-05, 0.96875).SetName("SeasonalTest_PartialLastCycle_MatchesPymannkendall");
    }

    [TestCaseSource(nameof(SeasonalCases))]
    public void SeasonalTest_MatchesReference(double[] series, int period, int n, long s, double variance, double z, double p, double tau)
    {
        var result = MannKendall.SeasonalTest(series, period);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsComputable, Is.True);
            Assert.That(result.N, Is.EqualTo(n));
            Assert.That(result.S, Is.EqualTo(s));
            Assert.That(result.VarianceS, Rel(variance));
            Assert.That(result.Z, Rel(z));
            Assert.That(result.PValue, Rel(p));
            Assert.That(result.Tau, Rel(tau));
            Assert.That(result.Trend, Is.EqualTo(TrendDirection.Increasing));
        });
    }

    [Test]
    public void SeasonalTest_ShorterThanTwoCycles_NotComputable()
    {
        AssertNeutral(MannKendall.SeasonalTest(Seasonal.AsSpan(0, 23)), StatisticNotComputableReason.TooFewSeasonCycles, 23);
    }

    [Test]
    public void SeasonalTest_OnlySeasonalPattern_NoVariationWithinSeasons()
    {
        double[] pattern = [.. Seasonal.AsSpan(0, 12), .. Seasonal.AsSpan(0, 12), .. Seasonal.AsSpan(0, 12)];

        AssertNeutral(MannKendall.SeasonalTest(pattern), StatisticNotComputableReason.NoVariation, 36);
    }

    [Test]
    public void SeasonalTest_PeriodBelowTwo_Throws()
    {
        Assert.That(() => MannKendall.SeasonalTest(Seasonal, 1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("period"));
    }

    [Test]
    public void Test_AfterWarmUp_AllocatesNothing()
    {
        MannKendall.Test(ThreeYears);
        MannKendall.SeasonalTest(Seasonal);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            MannKendall.Test(ThreeYears);
            MannKendall.SeasonalTest(Seasonal);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    private static void AssertNeutral(MannKendallResult result, StatisticNotComputableReason reason, int n)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.IsComputable, Is.False);
            Assert.That(result.Reason, Is.EqualTo(reason));
            Assert.That(result.N, Is.EqualTo(n));
            Assert.That((result.S, result.VarianceS, result.Z, result.Tau), Is.EqualTo((0L, 0.0, 0.0, 0.0)));
            Assert.That(result.PValue, Is.EqualTo(1.0));
            Assert.That(result.Trend, Is.EqualTo(TrendDirection.NoTrend));
        });
    }
}
