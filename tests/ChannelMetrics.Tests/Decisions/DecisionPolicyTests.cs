using ChannelMetrics.Decisions;

namespace ChannelMetrics.Tests.Decisions;

public sealed class DecisionPolicyTests
{
    [Test]
    public void Default_IsValid()
    {
        Assert.That(DecisionPolicy.Default.Validate(), Is.Empty);
        Assert.That(() => new DecisionEngineBuilder().Build(), Throws.Nothing);
    }

    [Test]
    public void Build_SeveralBadSettings_OneExceptionNamingEach()
    {
        var builder = new DecisionEngineBuilder
        {
            Policy = DecisionPolicy.Default with { SignificanceLevel = 0, MinimumPeriods = 0, TrafficDriverShare = 1.5, PartlyMetShare = 0.9, HourlyRate = -1m, MaterialRateRatio = double.NaN },
        };

        var e = Assert.Throws<InvalidOperationException>(() => builder.Build())!;
        Assert.That(e.Message, Does.Contain("Policy.SignificanceLevel: 0 is not allowed"));
        Assert.That(e.Message, Does.Contain("Policy.MinimumPeriods: 0 is not allowed"));
        Assert.That(e.Message, Does.Contain("Policy.TrafficDriverShare: 1.5 is not allowed"));
        Assert.That(e.Message, Does.Contain("Policy.PartlyMetShare: 0.9 is above GoalsMetShare (0.6)"));
        Assert.That(e.Message, Does.Contain("Policy.HourlyRate: -1 is not allowed"));
        Assert.That(e.Message, Does.Contain("Policy.MaterialRateRatio: NaN is not allowed"));
    }

    [TestCase(nameof(DecisionPolicy.TrendPeriods))]
    [TestCase(nameof(DecisionPolicy.EvaluationPeriods))]
    [TestCase(nameof(DecisionPolicy.MinimumPeriodsBeforeCut))]
    [TestCase(nameof(DecisionPolicy.GoalsMetShare))]
    [TestCase(nameof(DecisionPolicy.RoiThreshold))]
    [TestCase(nameof(DecisionPolicy.GoalWeighting))]
    public void Validate_BadSetting_NamesIt(string name)
    {
        var policy = name switch
        {
            nameof(DecisionPolicy.TrendPeriods) => DecisionPolicy.Default with { TrendPeriods = 2 },
            nameof(DecisionPolicy.EvaluationPeriods) => DecisionPolicy.Default with { EvaluationPeriods = 0 },
            nameof(DecisionPolicy.MinimumPeriodsBeforeCut) => DecisionPolicy.Default with { MinimumPeriodsBeforeCut = 2 },
            nameof(DecisionPolicy.GoalsMetShare) => DecisionPolicy.Default with { GoalsMetShare = 1.5 },
            nameof(DecisionPolicy.RoiThreshold) => DecisionPolicy.Default with { RoiThreshold = double.PositiveInfinity },
            _ => DecisionPolicy.Default with { GoalWeighting = (GoalWeighting)7 },
        };

        Assert.That(policy.Validate(), Has.Count.EqualTo(1).And.One.StartsWith(name + ": "));
    }

    [Test]
    public void Build_NullPolicyAndClock_NamesBoth()
    {
        var builder = new DecisionEngineBuilder { Policy = null!, TimeProvider = null! };

        Assert.That(() => builder.Build(), Throws.InvalidOperationException.With.Message.Contain("TimeProvider:").And.Message.Contain("Policy: null"));
    }

    [TestCase(0)]
    [TestCase(-2)]
    public void Build_BadParallelism_NamesIt(int degree)
    {
        var builder = new DecisionEngineBuilder { MaxDegreeOfParallelism = degree };

        Assert.That(() => builder.Build(), Throws.InvalidOperationException.With.Message.Contain("MaxDegreeOfParallelism: " + degree));
    }

    [Test]
    public void Build_EngineKeepsThePolicy()
    {
        var policy = DecisionPolicy.Default with { MinimumExperimentsBeforeCut = 3 };

        Assert.That(new DecisionEngineBuilder { Policy = policy }.Build().Policy, Is.SameAs(policy));
    }

    [Test]
    public void Evaluate_EqualWeighting_EveryGoalWeighsOne()
    {
        var report = DecisionReportTests.Everything().Evaluate(DecisionPolicy.Default with { GoalWeighting = GoalWeighting.Equal });

        Assert.That(report.Networks.SelectMany(n => n.GoalStatuses).Select(g => g.Weight), Is.All.EqualTo(1));
    }
}
