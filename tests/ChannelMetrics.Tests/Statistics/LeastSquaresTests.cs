using ChannelMetrics.Statistics;
using static ChannelMetrics.Tests.Statistics.Reference;

namespace ChannelMetrics.Tests.Statistics;

public sealed class LeastSquaresTests
{
    // NIST/ITL Statistical Reference Datasets (StRD), linear least squares, "Norris" (Norris, J., NIST,
    // Calibration of Ozone Monitors; lower level of difficulty): the 36 (y, x) observations and certified values
    // from https://www.itl.nist.gov/div898/strd/lls/data/Norris.shtml (data file Norris.dat). Facts, not code.
    private static readonly double[] NorrisY =
    [
        0.1, 338.8, 118.1, 888.0, 9.2, 228.1, 668.5, 998.5, 449.1, 778.9, 559.2, 0.3,
        0.1, 778.1, 668.8, 339.3, 448.9, 10.8, 557.7, 228.3, 998.0, 888.8, 119.6, 0.3,
        0.6, 557.6, 339.3, 888.0, 998.5, 778.9, 10.2, 117.6, 228.9, 668.4, 449.2, 0.2,
    ];

    private static readonly double[] NorrisX =
    [
        0.2, 337.4, 118.2, 884.6, 10.1, 226.5, 666.3, 996.3, 448.6, 777.0, 558.2, 0.4,
        0.6, 775.5, 666.9, 338.0, 447.5, 11.6, 556.0, 228.1, 995.8, 887.6, 120.2, 0.3,
        0.3, 556.8, 339.1, 887.2, 999.0, 779.0, 11.1, 118.3, 229.2, 669.1, 448.9, 0.5,
    ];

    [Test]
    public void Fit_Norris_MatchesNistCertifiedValues()
    {
        var fit = LeastSquares.Fit(NorrisX, NorrisY);

        // Certified to 15 significant digits; 1e-10 relative is well inside what the data support.
        Assert.Multiple(() =>
        {
            Assert.That(fit.N, Is.EqualTo(36));
            Assert.That(fit.Intercept, Rel(-0.262323073774029, 1e-10));
            Assert.That(fit.Slope, Rel(1.00211681802045, 1e-12));
            Assert.That(fit.InterceptStandardError, Rel(0.232818234301152, 1e-10));
            Assert.That(fit.SlopeStandardError, Rel(0.429796848199937E-03, 1e-10));
            Assert.That(fit.ResidualStandardDeviation, Rel(0.884796396144373, 1e-10));
            Assert.That(fit.RSquared, Rel(0.999993745883712, 1e-12));
        });
    }

    [Test]
    public void Fit_NorrisWithOffset_KeepsDigits()
    {
        // A common offset of 1e6 on x must not cost digits in the slope: centred sums, not raw cross-products.
        double[] shifted = NorrisX.Select(x => x + 1e6).ToArray();

        var fit = LeastSquares.Fit(shifted, NorrisY);

        Assert.That(fit.Slope, Rel(1.00211681802045, 1e-9));
    }

    // statsmodels 0.13.5, on the TiesAndGaps series with NaN rows dropped:
    // /usr/bin/python3 -c "import numpy as np, statsmodels.api as sm; y=np.array([5,7,np.nan,7,6,9,9,np.nan,11,9,12,12,14,13,15.]);
    //   x=np.arange(15.); m=~np.isnan(y); r=sm.OLS(y[m], sm.add_constant(x[m])).fit();
    //   print(', '.join(repr(float(v)) for v in [*r.params, *r.bse, np.sqrt(r.scale), r.rsquared]))"
    // -> intercept, slope, their standard errors, residual SD, R²:
    private static readonly double[] StatsmodelsGaps =
        [5.0680851063829815, 0.6574468085106384, 0.5537121064978568, 0.06436772492424206, 1.0239869740467447, 0.9046166964430729];

    [Test]
    public void Fit_IndexSeriesWithGaps_MatchesStatsmodels()
    {
        var fit = LeastSquares.Fit(MannKendallTests.TiesAndGaps);

        Assert.Multiple(() =>
        {
            Assert.That(fit.N, Is.EqualTo(13));
            Assert.That(fit.Intercept, Rel(StatsmodelsGaps[0]));
            Assert.That(fit.Slope, Rel(StatsmodelsGaps[1]));
            Assert.That(fit.InterceptStandardError, Rel(StatsmodelsGaps[2]));
            Assert.That(fit.SlopeStandardError, Rel(StatsmodelsGaps[3]));
            Assert.That(fit.ResidualStandardDeviation, Rel(StatsmodelsGaps[4]));
            Assert.That(fit.RSquared, Rel(StatsmodelsGaps[5]));
        });
    }

    // 0.1 and 0.7 three times do not average to themselves in binary (sum/3 = 0.10000000000000002): the fit must still be flat.
    [TestCase(new[] { 3.0, 3.0, 3.0, 3.0 })]
    [TestCase(new[] { 0.1, 0.1, 0.1 })]
    [TestCase(new[] { 0.7, 0.7, 0.7 })]
    [TestCase(new[] { 2.3, 2.3, 2.3, 2.3, 2.3, double.NaN, 2.3 })]
    public void Fit_ConstantY_PerfectFlatFit(double[] series)
    {
        var fit = LeastSquares.Fit(series);

        Assert.That(
            (fit.IsComputable, fit.Slope, fit.Intercept, fit.ResidualStandardDeviation, fit.SlopeStandardError, fit.RSquared),
            Is.EqualTo((true, 0.0, series[0], 0.0, 0.0, 1.0)));
    }

    [TestCase(new[] { 2.0, 2.0, 2.0 })]
    [TestCase(new[] { 0.1, 0.1, 0.1 })]
    public void Fit_ConstantX_NoVariation(double[] x)
    {
        var fit = LeastSquares.Fit(x, [1, 2, 4]);

        Assert.That((fit.IsComputable, fit.Reason, fit.Slope, fit.RSquared), Is.EqualTo((false, StatisticNotComputableReason.NoVariation, 0.0, 0.0)));
    }

    [TestCase(new[] { 1.0, 2.0 })]
    [TestCase(new[] { 1.0, double.NaN, 2.0, double.NaN })]
    public void Fit_TooFewPairs_NotComputable(double[] series)
    {
        var fit = LeastSquares.Fit(series);

        Assert.That((fit.IsComputable, fit.Reason, fit.N), Is.EqualTo((false, StatisticNotComputableReason.TooFewValues, 2)));
    }

    [Test]
    public void Fit_HugeValues_ReportsOutOfRange()
    {
        var fit = LeastSquares.Fit([-1e308, 1e308, -1e308, 1e308]);

        Assert.That((fit.IsComputable, fit.Reason), Is.EqualTo((false, StatisticNotComputableReason.ValuesOutOfRange)));
    }

    [Test]
    public void Fit_MismatchedLengths_Throws()
    {
        Assert.That(() => LeastSquares.Fit([1, 2, 3], [1, 2]), Throws.ArgumentException.With.Property("ParamName").EqualTo("y"));
    }

    [Test]
    public void Fit_AfterWarmUp_AllocatesNothing()
    {
        LeastSquares.Fit(NorrisX, NorrisY);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            LeastSquares.Fit(NorrisX, NorrisY);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
