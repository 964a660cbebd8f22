using ChannelMetrics.Statistics;

namespace ChannelMetrics.Tests.Statistics;

public sealed class WilsonTests
{
    // Reference values: /usr/bin/python3 (Debian statsmodels 0.13.5):
    // `statsmodels.stats.proportion.proportion_confint(count, nobs, alpha=0.05, method="wilson")`.
    [TestCase(81, 263, 0.2552885198782742, 0.36620957698280004)]
    [TestCase(0, 10, 0.0, 0.27753279986288926)]
    [TestCase(10, 10, 0.7224672001371106, 1.0)]
    [TestCase(1, 1, 0.2065493143772374, 1.0)]
    public void Wilson_MatchesStatsmodels(long successes, long trials, double lower, double upper)
    {
        var interval = Proportions.Wilson(successes, trials);

        Assert.Multiple(() =>
        {
            Assert.That(interval.Lower, Is.EqualTo(lower).Within(1e-9).Percent.Or.EqualTo(lower).Within(1e-12));
            Assert.That(interval.Upper, Is.EqualTo(upper).Within(1e-9).Percent.Or.EqualTo(upper).Within(1e-12));
        });
    }

    // 1 − (1 − c)/2 rounds to exactly 1.0 for this c, whose normal quantile is infinite: the interval came out NaN.
    [TestCase(0, 10)]
    [TestCase(5, 10)]
    [TestCase(10, 10)]
    public void Wilson_ConfidenceOneUlpBelowOne_IsFiniteInsideUnitInterval(long successes, long trials)
    {
        var interval = Proportions.Wilson(successes, trials, 0.9999999999999999);

        Assert.Multiple(() =>
        {
            Assert.That(interval.Lower, Is.InRange(0.0, 1.0));
            Assert.That(interval.Upper, Is.InRange(0.0, 1.0));
            Assert.That(interval.Lower, Is.LessThanOrEqualTo(successes / (double)trials));
            Assert.That(interval.Upper, Is.GreaterThanOrEqualTo(successes / (double)trials));
        });
    }

    // Reference: python3 -c "from scipy.stats import norm; print(repr(norm.ppf(0.975)))" → 1.959963984540054.
    [Test]
    public void ZForConfidence_95Percent_IsTheNormalQuantile()
    {
        Assert.That(Proportions.ZForConfidence(0.95), Is.EqualTo(1.959963984540054).Within(1e-15));
    }

    [Test]
    public void Wilson_NoTrials_IsWholeUnitInterval()
    {
        Assert.That(Proportions.Wilson(0, 0), Is.EqualTo(new Interval(0, 1)));
    }

    [TestCase(-1, 10, 0.95)]
    [TestCase(11, 10, 0.95)]
    [TestCase(1, 10, 1.0)]
    [TestCase(1, 10, double.NaN)]
    public void Wilson_BadArguments_Throw(long successes, long trials, double confidence)
    {
        Assert.That(() => Proportions.Wilson(successes, trials, confidence), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
