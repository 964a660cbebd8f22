using ChannelMetrics.Statistics;
using static ChannelMetrics.Tests.Statistics.Reference;

namespace ChannelMetrics.Tests.Statistics;

public sealed class ProportionComparisonTests
{
    // /usr/bin/python3 -c "from statsmodels.stats.proportion import proportions_ztest as t; print(t([sB, sA], [nB, nA]))"
    // (statsmodels 0.13.5, pooled variance, two-sided; B first so that z > 0 means B is higher)
    [TestCase(45, 500, 70, 520, 2.2521545576442907, 0.02431250657475961)]
    [TestCase(120, 1000, 100, 1000, -1.4293008498232314, 0.1529177818639462)]
    [TestCase(81, 263, 95, 270, 1.0766423458392316, 0.2816400785064037)]
    [TestCase(30, 100, 31, 100, 0.15358283506716305, 0.8779386719808685)]
    [TestCase(2000, 100000, 2400, 100000, 6.097674333191042, 1.076227212265179e-09)]
    public void TwoProportionZTest_MatchesStatsmodels(long sA, long nA, long sB, long nB, double z, double p)
    {
        var result = Proportions.TwoProportionZTest(sA, nA, sB, nB);

        Assert.Multiple(() =>
        {
            Assert.That(result.Test, Is.EqualTo(ProportionTest.TwoProportionZTest));
            Assert.That(result.Z, Rel(z));
            Assert.That(result.PValue, Rel(p));
            Assert.That(result.Difference, Rel(((double)sB / nB) - ((double)sA / nA)));
            Assert.That(result.SmallExpectedCounts, Is.False);
        });
    }

    [TestCase(0, 50, 0, 60)]
    [TestCase(50, 50, 60, 60)]
    public void TwoProportionZTest_NoSuccessesOrNoFailures_NoVariation(long sA, long nA, long sB, long nB)
    {
        var result = Proportions.TwoProportionZTest(sA, nA, sB, nB);

        Assert.That((result.IsComputable, result.Reason, result.Z, result.PValue), Is.EqualTo((false, StatisticNotComputableReason.NoVariation, 0.0, 1.0)));
    }

    // /usr/bin/python3 -c "from scipy.stats import fisher_exact; print(fisher_exact([[sA, nA-sA], [sB, nB-sB]])[1])" (scipy 1.10.1)
    [TestCase(1, 10, 7, 12, 0.030959752321981428)]
    [TestCase(0, 5, 5, 5, 0.007936507936507938)]
    [TestCase(3, 30, 3, 30, 1.0)]
    [TestCase(2, 20, 9, 21, 0.03246539222148979)]
    [TestCase(10, 1000, 30, 1000, 0.0020083335618300093)]
    [TestCase(0, 10, 0, 12, 1.0)]
    [TestCase(10, 10, 12, 12, 1.0)]
    [TestCase(1, 2, 0, 3, 0.4000000000000001)]
    [TestCase(0, 40, 12, 40, 0.00018546605057626913)]
    public void FisherExact_MatchesScipy(long sA, long nA, long sB, long nB, double p)
    {
        var result = Proportions.FisherExact(sA, nA, sB, nB);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsComputable, Is.True);
            Assert.That(result.Test, Is.EqualTo(ProportionTest.FisherExact));
            Assert.That(result.PValue, Rel(p));
            Assert.That(result.Z, Is.Zero);
        });
    }

    [Test]
    public void FisherExact_SwappedGroups_SamePValue()
    {
        Assert.That(Proportions.FisherExact(7, 12, 1, 10).PValue, Rel(Proportions.FisherExact(1, 10, 7, 12).PValue, 1e-12));
    }

    [TestCase(1, 10, 7, 12, ProportionTest.FisherExact)]
    [TestCase(2, 20, 9, 21, ProportionTest.TwoProportionZTest)]
    [TestCase(0, 500, 3, 500, ProportionTest.FisherExact)]
    [TestCase(45, 500, 70, 520, ProportionTest.TwoProportionZTest)]
    public void Compare_PicksTestByExpectedCounts(long sA, long nA, long sB, long nB, ProportionTest expected)
    {
        var result = Proportions.Compare(sA, nA, sB, nB);

        Assert.Multiple(() =>
        {
            Assert.That(result.Test, Is.EqualTo(expected));
            Assert.That(result.SmallExpectedCounts, Is.EqualTo(expected == ProportionTest.FisherExact));
            Assert.That(result.PValue, Is.EqualTo(expected == ProportionTest.FisherExact
                ? Proportions.FisherExact(sA, nA, sB, nB).PValue
                : Proportions.TwoProportionZTest(sA, nA, sB, nB).PValue));
        });
    }

    [Test]
    public void Compare_GroupWithoutTrials_NotComputable()
    {
        var result = Proportions.Compare(0, 0, 5, 20);

        Assert.That((result.IsComputable, result.Reason, result.PValue, result.RateB, result.IsSignificantAt(0.05)), Is.EqualTo((false, StatisticNotComputableReason.NoTrials, 1.0, 0.25, false)));
    }

    // Exact probability against numerical integration (scipy 1.10.1):
    // def bb(a,na,b,nb,pa=1,pb=1):
    //     aA,bA,aB,bB=a+pa,na-a+pb,b+pa,nb-b+pb
    //     f=lambda x: beta.pdf(x,aB,bB)*beta.cdf(x,aA,bA)          # P(pB > pA) = ∫ f_B(x) F_A(x) dx
    //     lo=min(beta.ppf(1e-15,aA,bA),beta.ppf(1e-15,aB,bB)); hi=max(beta.isf(1e-15,aA,bA),beta.isf(1e-15,aB,bB))
    //     return quad(f,lo,hi,epsabs=0,epsrel=1e-13,limit=500, points=[beta.mean(aA,bA),beta.mean(aB,bB)])
    // (reported error estimates all below 4e-14; the (20,20,0,20) and (12,15,2,15) cases integrate over [0, 1].)
    [TestCase(10, 100, 15, 100, 1, 1, 0.8532837899339651)]
    [TestCase(0, 10, 0, 10, 1, 1, 0.49999999999999895)]
    [TestCase(0, 20, 20, 20, 1, 1, 0.9999999999981417)]
    [TestCase(81, 263, 95, 270, 1, 1, 0.8585331798522237)]
    [TestCase(5, 40, 1, 40, 1, 1, 0.054404807569364555)]
    [TestCase(3, 30, 4, 25, 2, 3, 0.7328936400462109)]
    [TestCase(0, 0, 0, 0, 1, 1, 0.4999999999999989)]
    [TestCase(1, 3, 2, 3, 1, 1, 0.7571428571428562)]
    [TestCase(20, 20, 0, 20, 1, 1, 1.857845555980752e-12)]
    [TestCase(12, 15, 2, 15, 1, 1, 0.0001222082789957596)]
    [TestCase(50, 1_000_000_000, 70, 1_000_000_000, 1, 1, 0.9657031851183799)]
    [TestCase(500, 1_000_000_000_000, 560, 1_000_000_000_000, 1, 1, 0.9672889761934893)]
    public void ProbabilityBBeatsA_MatchesNumericalIntegration(long sA, long nA, long sB, long nB, int priorAlpha, int priorBeta, double expected)
    {
        Assert.That(Proportions.ProbabilityBBeatsA(sA, nA, sB, nB, priorAlpha, priorBeta), Rel(expected));
    }

    [TestCase(1_000_000_000L)]
    [TestCase(1_000_000_000_000L)]
    [TestCase(1_000_000_000_000_000L)]
    public void ProbabilityBBeatsA_HugeTrials_KeepsItsDigits(long trials)
    {
        // Reference-free: equal groups give 1/2 by symmetry, and the two directions sum to 1 (no ties in a continuous
        // posterior). With log-Beta functions of these sizes they came out 0.4962 and 0.990 at 1e12 trials, and 1 and 2 at 1e15.
        double equal = Proportions.ProbabilityBBeatsA(10, trials, 10, trials);
        double b = Proportions.ProbabilityBBeatsA(10, trials, 11, trials);
        double a = Proportions.ProbabilityBBeatsA(11, trials, 10, trials);

        Assert.Multiple(() =>
        {
            Assert.That(equal, Is.EqualTo(0.5).Within(1e-9));
            Assert.That(a + b, Is.EqualTo(1).Within(1e-9));
            Assert.That(b, Is.GreaterThan(0.5));
        });
    }

    [Test]
    public void ProbabilityBBeatsA_Complement_SumsToOne()
    {
        double b = Proportions.ProbabilityBBeatsA(81, 263, 95, 270);
        double a = Proportions.ProbabilityBBeatsA(95, 270, 81, 263);

        Assert.That(a + b, Is.EqualTo(1.0).Within(1e-12));
    }

    [TestCase(0)]
    [TestCase(-2)]
    public void ProbabilityBBeatsA_PriorBelowOne_Throws(int prior)
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Proportions.ProbabilityBBeatsA(1, 2, 1, 2, priorAlpha: prior), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("priorAlpha"));
            Assert.That(() => Proportions.ProbabilityBBeatsA(1, 2, 1, 2, priorBeta: prior), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("priorBeta"));
        });
    }

    [TestCase(-1, 10, 1, 10, "successesA")]
    [TestCase(1, -1, 1, 10, "trialsA")]
    [TestCase(1, 10, 11, 10, "successesB")]
    [TestCase(1, 10, 1, -5, "trialsB")]
    public void Comparisons_BadCounts_ThrowNamingTheParameter(long sA, long nA, long sB, long nB, string parameter)
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Proportions.TwoProportionZTest(sA, nA, sB, nB), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo(parameter));
            Assert.That(() => Proportions.FisherExact(sA, nA, sB, nB), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo(parameter));
            Assert.That(() => Proportions.Compare(sA, nA, sB, nB), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo(parameter));
            Assert.That(() => Proportions.ProbabilityBBeatsA(sA, nA, sB, nB), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo(parameter));
        });
    }

    [Test]
    public void CountsWhoseSumsPassALong_AreComparedOrSayWhy_NeverNaN()
    {
        var fisher = Proportions.FisherExact(1, 1, long.MaxValue, long.MaxValue);
        var compare = Proportions.Compare(1, 1, long.MaxValue, long.MaxValue);
        var z = Proportions.TwoProportionZTest(2, long.MaxValue, 3, long.MaxValue);

        Assert.Multiple(() =>
        {
            Assert.That((fisher.IsComputable, fisher.Reason, fisher.PValue), Is.EqualTo((false, StatisticNotComputableReason.ValuesOutOfRange, 1.0)));
            Assert.That(compare.PValue, Is.Not.NaN);
            // Rates of 2 and 3 in 9.2e18 differ: the pooled rate must not wrap to a negative number of trials.
            // p̄ = 5/2N and SE = √5/N, so Z = (1/N)/(√5/N) = 1/√5.
            Assert.That(z.IsComputable, Is.True);
            Assert.That(z.Z, Is.EqualTo(1 / Math.Sqrt(5)).Within(1e-9));
        });
    }

    [Test]
    public void Compare_SmallExpectedCountInATableFisherRefuses_UsesTheZTest()
    {
        // An expected cell under 5 routes to Fisher, whose table here has ~2^25 possible outcomes: the z test answers.
        var compare = Proportions.Compare(1_000_000, 1L << 25, 49_000_000, 1_000_000_000_000_000);

        Assert.Multiple(() =>
        {
            Assert.That(compare.Test, Is.EqualTo(ProportionTest.TwoProportionZTest));
            Assert.That(compare.IsComputable, Is.True);
            Assert.That(compare.PValue, Is.LessThan(0.001));
        });
    }

    [Test]
    public void FisherExact_TableWithMoreThan2To24PossibleCells_SaysTooManyValues()
    {
        var fisher = Proportions.FisherExact(10_000_000, 40_000_000, 10_000_000, 40_000_000);

        Assert.Multiple(() =>
        {
            Assert.That((fisher.IsComputable, fisher.Reason, fisher.PValue), Is.EqualTo((false, StatisticNotComputableReason.TooManyValues, 1.0)));
            Assert.That(Proportions.FisherExact(1_000, 40_000_000, 1_000, 40_000_000).IsComputable, Is.True);
        });
    }
}
