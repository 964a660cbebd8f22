using ChannelMetrics.Statistics;
using static ChannelMetrics.Tests.Statistics.Reference;

namespace ChannelMetrics.Tests.Statistics;

public sealed class ProportionIntervalTests
{
    // /usr/bin/python3 -c "from statsmodels.stats.proportion import proportion_confint as c;
    //   print(c(s, n, 0.05, 'beta'), c(s, n, 0.05, 'jeffreys'))"   (statsmodels 0.13.5)
    [TestCase(81, 263, 0.2527367455852713, 0.3676219226013513)]
    [TestCase(0, 10, 0.0, 0.30849710781876083)]
    [TestCase(10, 10, 0.6915028921812392, 1.0)]
    [TestCase(1, 1, 0.025, 1.0)]
    [TestCase(0, 1, 0.0, 0.975)]
    [TestCase(3, 1000, 0.0006190999316495713, 0.008742023238478305)]
    [TestCase(999, 1000, 0.9944410757201734, 0.9999746825125088)]
    [TestCase(1, 100000, 2.531780477933314e-07, 5.571516034774276e-05)]
    [TestCase(7, 12, 0.2766696856821058, 0.8483477701915698)]
    public void ClopperPearson_MatchesStatsmodelsBeta(long successes, long trials, double lower, double upper)
    {
        var interval = Proportions.ClopperPearson(successes, trials);

        Assert.Multiple(() =>
        {
            Assert.That(interval.Lower, Rel(lower));
            Assert.That(interval.Upper, Rel(upper));
        });
    }

    [TestCase(81, 263, 0.2545219349910236, 0.3656474991740823)]
    [TestCase(0, 10, 4.789043315758196e-05, 0.21719626750921053)]
    [TestCase(10, 10, 0.7828037324907895, 0.9999521095668424)]
    [TestCase(1, 1, 0.1467463163095752, 0.9996144190192441)]
    [TestCase(0, 1, 0.0003855809807559016, 0.8532536836904248)]
    [TestCase(3, 1000, 0.0008456348018298348, 0.007984367358403442)]
    [TestCase(999, 1000, 0.9953355411912086, 0.999892081195319)]
    [TestCase(1, 100000, 1.0789785284753767e-06, 4.674104248195043e-05)]
    [TestCase(7, 12, 0.31194042504011965, 0.8195213052102984)]
    public void Jeffreys_MatchesStatsmodelsJeffreys(long successes, long trials, double lower, double upper)
    {
        var interval = Proportions.Jeffreys(successes, trials);

        Assert.Multiple(() =>
        {
            Assert.That(interval.Lower, Rel(lower));
            Assert.That(interval.Upper, Rel(upper));
        });
    }

    // Same commands with alpha 0.10 on 5 of 40.
    [Test]
    public void Intervals_NinetyPercent_MatchStatsmodels()
    {
        var beta = Proportions.ClopperPearson(5, 40, 0.90);
        var jeffreys = Proportions.Jeffreys(5, 40, 0.90);

        Assert.Multiple(() =>
        {
            Assert.That(beta.Lower, Rel(0.05057032834082581));
            Assert.That(beta.Upper, Rel(0.24503051264971196));
            Assert.That(jeffreys.Lower, Rel(0.05886036976098836));
            Assert.That(jeffreys.Upper, Rel(0.22984223944392382));
        });
    }

    [Test]
    public void Intervals_NoTrials_WholeUnitInterval()
    {
        Assert.That((Proportions.Jeffreys(0, 0), Proportions.ClopperPearson(0, 0)), Is.EqualTo((new Interval(0, 1), new Interval(0, 1))));
    }

    [TestCase(-1, 10, 0.95, "successes")]
    [TestCase(11, 10, 0.95, "successes")]
    [TestCase(0, -1, 0.95, "trials")]
    [TestCase(1, 10, 0.0, "confidence")]
    [TestCase(1, 10, 1.0, "confidence")]
    public void Intervals_BadArguments_ThrowNamingTheParameter(long successes, long trials, double confidence, string parameter)
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Proportions.Jeffreys(successes, trials, confidence), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo(parameter));
            Assert.That(() => Proportions.ClopperPearson(successes, trials, confidence), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo(parameter));
        });
    }

    [TestCase(333_333_333_333_333, 1_000_000_000_000_000, 0.95)]
    [TestCase(3_333_333_333_333_333, 10_000_000_000_000_000, 0.95)]
    [TestCase(1_828_380, 4_194_304, 1e-9)]
    public void BetaIntervals_BeyondTheIncompleteBetasPrecision_AreNeverInverted(long successes, long trials, double confidence)
    {
        var exact = Proportions.ClopperPearson(successes, trials, confidence);
        var jeffreys = Proportions.Jeffreys(successes, trials, confidence);

        Assert.Multiple(() =>
        {
            Assert.That(exact.Lower, Is.LessThanOrEqualTo(exact.Upper));
            Assert.That(jeffreys.Lower, Is.LessThanOrEqualTo(jeffreys.Upper));
            Assert.That(jeffreys.Width, Is.GreaterThanOrEqualTo(0));
        });
    }
}
