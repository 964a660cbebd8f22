using AgencyReport.Input;
using ChannelMetrics.Experiments;
using ChannelMetrics.Goals;

namespace ChannelMetrics.Tests.Samples;

/// <summary>The data set the README's first command runs on must load as documented in samples/data/README.md.</summary>
public sealed class BundledDataTests
{
    private static string DataFile(string name)
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChannelMetrics.sln")))
            {
                return Path.Combine(dir.FullName, "samples", "data", name);
            }
        }

        throw new InvalidOperationException("The repository root (ChannelMetrics.sln) was not found above the test folder.");
    }

    [Test]
    public void Snapshots_LoadWithoutProblems_ForEveryNetworkAndMonth()
    {
        var problems = new List<InputProblem>();

        var snapshots = SnapshotFileReader.Read(DataFile("snapshots.csv"), problems);

        Assert.That(problems, Is.Empty);
        Assert.That(snapshots.Select(s => s.Network).Distinct(), Is.EquivalentTo(new[] { "Facebook", "Instagram", "X (Twitter)", "LinkedIn", "TikTok", "YouTube", "Threads", "Reddit" }));
        Assert.That(snapshots.Count(s => s.Network == "LinkedIn"), Is.EqualTo(24));
        Assert.That(snapshots.Count(s => s.Network == "Threads"), Is.EqualTo(2));
    }

    [Test]
    public void Events_HaveExactlyTheThreeDocumentedBrokenLines()
    {
        var problems = new List<InputProblem>();

        long count = EventFileReader.Read(DataFile("events.csv.gz"), problems).LongCount();

        Assert.That(count, Is.GreaterThan(200_000));
        Assert.That(problems.Select(p => p.Line), Is.EqualTo(new[] { 31_415L, 92_653L, 158_979L }));
    }

    [Test]
    public void GoalsAndExperiments_Load()
    {
        GoalSet goals = GoalSet.FromJson(File.ReadAllText(DataFile("goals.json")));
        ExperimentLog experiments = ExperimentLog.FromJson(File.ReadAllText(DataFile("experiments.json")));

        Assert.That(goals.Goals, Is.Not.Empty);
        Assert.That(experiments.Experiments, Is.Not.Empty);
    }
}
