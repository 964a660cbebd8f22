using System.Collections;
using ChannelMetrics.Decisions;
using ChannelMetrics.Experiments;
using ChannelMetrics.Goals;
using ChannelMetrics.Metrics;
using ChannelMetrics.Tests.Reporting;
using ChannelMetrics.Tracking;

namespace ChannelMetrics.Tests;

/// <summary>
/// Types documented as immutable hand out lists that cannot be changed: not by casting them back to the array or
/// <see cref="List{T}"/> behind them, nor by changing a list that was given to them.
/// </summary>
public sealed class ReadOnlyListTests
{
    private static IEnumerable<TestCaseData> Lists()
    {
        var goal = Goal.Create("g", GoalMetric.Leads, GoalTarget.Absolute(10), networks: ["Facebook"]);
        var series = MetricSeries.Create(Period.Month(2026, 1), [1, 2, 3]);
        var log = ExperimentLog.Create([Experiment.Create("Instagram", ExperimentKind.Tone, "Warmer", new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 1))]);
        var group = CustomChannelGroup.CreateBuilder("g").Add("A", ChannelCondition.Medium(TextMatch.OneOf("a"))).Build();
        var report = DecisionSamples.Report();
        var network = report.Networks.First(n => n.Evidence.Count > 0 && n.GoalStatuses.Count > 0);

        yield return new TestCaseData(series.Values).SetArgDisplayNames("MetricSeries.Values");
        yield return new TestCaseData(goal.Networks).SetArgDisplayNames("Goal.Networks");
        yield return new TestCaseData(GoalSet.Create([goal]).Goals).SetArgDisplayNames("GoalSet.Goals");
        yield return new TestCaseData(goal.Evaluate(series).Periods).SetArgDisplayNames("GoalEvaluation.Periods");
        yield return new TestCaseData(log.Experiments).SetArgDisplayNames("ExperimentLog.Experiments");
        yield return new TestCaseData(group.Rules).SetArgDisplayNames("CustomChannelGroup.Rules");
        yield return new TestCaseData(UtmParser.Parse("?utm_source=a&utm_source=b").Diagnostics).SetArgDisplayNames("UtmParseResult.Diagnostics");
        yield return new TestCaseData(report.Networks).SetArgDisplayNames("DecisionReport.Networks");
        yield return new TestCaseData(report.Portfolio.Verdicts).SetArgDisplayNames("PortfolioSummary.Verdicts");
        yield return new TestCaseData(network.Evidence).SetArgDisplayNames("ChannelAssessment.Evidence");
        yield return new TestCaseData(network.GoalStatuses).SetArgDisplayNames("ChannelAssessment.GoalStatuses");
    }

    [TestCaseSource(nameof(Lists))]
    public void List_CannotBeChangedThroughACast(IEnumerable list)
    {
        Assert.That(list, Is.Not.Empty, "the case must have items to protect");
        Assert.That(list, Is.Not.InstanceOf<Array>().And.Not.InstanceOf(typeof(List<>).MakeGenericType(list.GetType().GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)).GetGenericArguments()[0])));
        Assert.That(((IList)list).IsReadOnly, Is.True);
    }

    [Test]
    public void DecisionRecords_CopyTheListsTheyAreGiven()
    {
        var evidence = new List<Evidence> { new() { Code = EvidenceCodes.GoalsMissing, Message = "m" } };
        var kinds = new List<ExperimentKind> { ExperimentKind.Tone };
        var assessment = new ChannelAssessment
        {
            Network = "Facebook",
            Verdict = Verdict.InsufficientData,
            Confidence = ConfidenceLevel.Low,
            Role = NetworkRole.Minor,
            Evidence = evidence,
            SuggestedExperiments = kinds,
        };

        evidence.Clear();
        kinds.Add(ExperimentKind.Budget);

        Assert.Multiple(() =>
        {
            Assert.That(assessment.Evidence, Has.Count.EqualTo(1));
            Assert.That(assessment.SuggestedExperiments, Is.EqualTo(new[] { ExperimentKind.Tone }));
            Assert.That(() => assessment with { Evidence = null! }, Throws.ArgumentNullException.With.Property("ParamName").EqualTo("Evidence"));
        });
    }
}
