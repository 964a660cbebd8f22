using AgencyReport.Input;
using ChannelMetrics.Decisions;
using ChannelMetrics.Experiments;
using ChannelMetrics.Funnel;
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

    /// <summary>
    /// The story samples/data/README.md tells, as the demo shows it: if the engine or the data change so
    /// that a network no longer gets its verdict, the README, the data set or the engine needs a look.
    /// </summary>
    [Test]
    public void DecisionEngine_OnTheBundledData_TellsTheDocumentedStory()
    {
        var problems = new List<InputProblem>();
        var aggregator = new FunnelAggregator(FunnelOptions.Default with
        {
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"),
            Attribution = AttributionModel.FirstTouch,
        });
        foreach (EventRecord e in EventFileReader.Read(DataFile("events.csv.gz"), problems))
        {
            aggregator.Add(e.Timestamp, e.Stage, e.VisitorId, e.LandingUrl);
        }

        var engine = new DecisionEngineBuilder { Policy = DecisionPolicy.Default with { HourlyRate = 60m } }.Build();
        DecisionReport report = engine.Evaluate(
            aggregator.ToTable(),
            SnapshotFileReader.Read(DataFile("snapshots.csv"), problems),
            GoalSet.FromJson(File.ReadAllText(DataFile("goals.json"))),
            ExperimentLog.FromJson(File.ReadAllText(DataFile("experiments.json"))),
            new DateOnly(2026, 11, 1));

        var verdicts = report.Networks.ToDictionary(n => n.Network, n => n.Verdict, StringComparer.OrdinalIgnoreCase);
        Assert.Multiple(() =>
        {
            Assert.That(verdicts["LinkedIn"], Is.EqualTo(Verdict.Invest));
            Assert.That(verdicts["Facebook"], Is.EqualTo(Verdict.Keep));
            Assert.That(verdicts["X (Twitter)"], Is.EqualTo(Verdict.Keep));
            Assert.That(verdicts["Instagram"], Is.EqualTo(Verdict.Optimize));
            Assert.That(verdicts["TikTok"], Is.EqualTo(Verdict.Cut));
            Assert.That(verdicts["YouTube"], Is.EqualTo(Verdict.Experiment));
            Assert.That(verdicts["Threads"], Is.EqualTo(Verdict.InsufficientData));
            Assert.That(verdicts["Reddit"], Is.EqualTo(Verdict.InsufficientData));
        });

        ChannelAssessment linkedIn = report.Networks.Single(n => n.Network == "LinkedIn");
        var campaigns = linkedIn.Campaigns.ToDictionary(c => c.Campaign!, c => c.Verdict);
        Assert.That(campaigns["li-ads-cfo-guide"], Is.EqualTo(Verdict.Invest));
        Assert.That(campaigns["company-page"], Is.EqualTo(Verdict.Optimize));
        Assert.That(campaigns["finance-leaders-group"], Is.EqualTo(Verdict.Cut));
        Assert.That(report.Networks.Single(n => n.Network == "X (Twitter)").Role, Is.EqualTo(NetworkRole.TrafficDriver));
    }
}
