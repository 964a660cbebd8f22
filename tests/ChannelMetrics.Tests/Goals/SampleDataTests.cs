using ChannelMetrics.Experiments;
using ChannelMetrics.Goals;

namespace ChannelMetrics.Tests.Goals;

// The demo reads samples/data/goals.json and experiments.json; these tests keep them loadable and realistic.
public sealed class SampleDataTests
{
    private static readonly string[] s_networks = ["Facebook", "Instagram", "LinkedIn", "X (Twitter)", "TikTok", "YouTube"];

    internal static string SamplePath(string file)
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChannelMetrics.sln")))
        {
            directory = directory.Parent;
        }

        Assert.That(directory, Is.Not.Null, "repository root (ChannelMetrics.sln) not found above the test directory");
        return Path.Combine(directory!.FullName, "samples", "data", file);
    }

    [Test]
    public void GoalsJson_LoadsARealisticAgencySetup()
    {
        using var stream = File.OpenRead(SamplePath("goals.json"));
        var goals = GoalSet.FromJson(stream);

        Assert.Multiple(() =>
        {
            foreach (var network in s_networks)
            {
                Assert.That(goals.ForNetwork(network), Has.Count.GreaterThanOrEqualTo(3), network);
            }

            Assert.That(goals.Goals.Select(g => g.Kind).Distinct(), Is.EquivalentTo(Enum.GetValues<GoalKind>()));
            Assert.That(goals.Goals.Any(g => g.Metric == GoalMetric.SectionVisits && g.Section == "blog"), Is.True);
            Assert.That(goals.Goals.Any(g => g.Metric == GoalMetric.NegativeShare && g.Direction == GoalDirection.AtMost), Is.True);
            Assert.That(goals.Goals.Any(g => g.Metric == GoalMetric.VisitToLeadRate), Is.True);
            Assert.That(goals.Goals.Any(g => g.Target.Form == GoalTargetForm.GrowthPerPeriod), Is.True);
            Assert.That(goals.Goals.Any(g => g.Campaign is not null), Is.True);
            Assert.That(goals.Goals.Count(g => g.Deadline is not null), Is.GreaterThanOrEqualTo(3));
            Assert.That(goals.ForNetwork("Reddit"), Is.Empty, "the story: Reddit never got a goal");
            Assert.That(GoalSet.FromJson(goals.ToJson()), Is.EqualTo(goals));
        });
    }

    [Test]
    public void ExperimentsJson_LoadsTriesOver2025And2026()
    {
        using var stream = File.OpenRead(SamplePath("experiments.json"));
        var log = ExperimentLog.FromJson(stream);

        Assert.Multiple(() =>
        {
            Assert.That(log.Experiments, Has.Count.GreaterThanOrEqualTo(8));
            Assert.That(log.Experiments.All(e => e.Start.Year is 2025 or 2026), Is.True);
            Assert.That(log.ForNetwork("TikTok"), Has.Count.EqualTo(4));
            Assert.That(log.ForNetwork("YouTube"), Is.Empty, "the story: nothing was ever tried on YouTube");
            Assert.That(log.ForNetwork("LinkedIn", "finance-leaders-group"), Has.Count.EqualTo(2));
            Assert.That(ExperimentLog.FromJson(log.ToJson()), Is.EqualTo(log));
        });
    }
}
