using ChannelMetrics.Experiments;

namespace ChannelMetrics.Tests.Experiments;

public sealed class ExperimentLogTests
{
    private static ExperimentLog Log() => ExperimentLog.Create(
    [
        Experiment.Create("TikTok", ExperimentKind.ContentFormat, "Feature demos", new DateOnly(2025, 5, 1), new DateOnly(2025, 7, 31), outcome: "Views fell"),
        Experiment.Create("TikTok", ExperimentKind.PostingTime, "Evening posts", new DateOnly(2025, 8, 1), new DateOnly(2025, 10, 31)),
        Experiment.Create("TikTok", ExperimentKind.Budget, "Spark Ads +50 %", new DateOnly(2026, 2, 1), new DateOnly(2026, 4, 30), campaign: "tt-spark-ads"),
        Experiment.Create("LinkedIn", ExperimentKind.Audience, "Invite CFOs", new DateOnly(2026, 1, 15), new DateOnly(2026, 3, 31), campaign: "finance-leaders-group"),
        Experiment.Create("Instagram", ExperimentKind.Tone, "Reply within 24 hours", new DateOnly(2026, 9, 1)),
    ]);

    [Test]
    public void EveryLookup_IgnoresWhiteSpaceAroundTheNetwork()
    {
        var log = Log();

        Assert.Multiple(() =>
        {
            Assert.That(log.ForNetwork(" TikTok "), Has.Count.EqualTo(3));
            Assert.That(log.TriedKinds(" TikTok "), Has.Count.EqualTo(3));
            Assert.That(log.CountOverlappingDates(" TikTok ", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), Is.EqualTo(2));
            Assert.That(log.CountOverlapping(" TikTok ", Period.Month(2025, 1), Period.Month(2025, 12)), Is.EqualTo(2));
            Assert.That(log.PeriodsCovered(" TikTok ", PeriodGranularity.Month, new DateOnly(2025, 12, 31)), Has.Count.EqualTo(6));
        });
    }

    [Test]
    public void ForNetwork_IgnoresCase_CampaignIncludesNetworkWideExperiments()
    {
        var log = Log();

        Assert.Multiple(() =>
        {
            Assert.That(log.ForNetwork("tiktok"), Has.Count.EqualTo(3));
            Assert.That(log.ForNetwork("TikTok", "tt-spark-ads"), Has.Count.EqualTo(3));
            Assert.That(log.ForNetwork("TikTok", "tt-day-in-the-life"), Has.Count.EqualTo(2), "network-wide tries affected every campaign");
            Assert.That(log.ForNetwork("LinkedIn", "company-page"), Is.Empty);
            Assert.That(log.ForNetwork("YouTube"), Is.Empty);
        });
    }

    [Test]
    public void TriedKinds_DistinctInEnumOrder()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Log().TriedKinds("TikTok"), Is.EqualTo(new[] { ExperimentKind.ContentFormat, ExperimentKind.PostingTime, ExperimentKind.Budget }));
            Assert.That(Log().TriedKinds("YouTube"), Is.Empty);
        });
    }

    [Test]
    public void PeriodsAndOverlaps_InTheLastPeriodsOfTheCalendar_AreCounted()
    {
        var log = ExperimentLog.Create([Experiment.Create("X", ExperimentKind.Tone, "tone", new DateOnly(9999, 12, 20), null)]);

        Assert.Multiple(() =>
        {
            Assert.That(log.PeriodsCovered("X", PeriodGranularity.Week, new DateOnly(9999, 12, 31)), Is.EqualTo(new[] { Period.IsoWeek(9999, 51), Period.IsoWeek(9999, 52) }));
            Assert.That(log.PeriodsCovered("X", PeriodGranularity.Quarter, new DateOnly(9999, 12, 31)), Is.EqualTo(new[] { Period.Quarter(9999, 4) }));
            Assert.That(log.CountOverlapping("X", Period.Month(9999, 11), Period.Month(9999, 12)), Is.EqualTo(1));
        });
    }

    [Test]
    public void CountOverlapping_CountsExperimentsSharingADay()
    {
        var log = Log();

        Assert.Multiple(() =>
        {
            Assert.That(log.CountOverlapping("TikTok", Period.Month(2025, 7), Period.Month(2025, 8)), Is.EqualTo(2));
            Assert.That(log.CountOverlapping("TikTok", Period.Month(2025, 11), Period.Month(2026, 1)), Is.Zero);
            Assert.That(log.CountOverlappingDates("TikTok", new DateOnly(2025, 7, 31), new DateOnly(2025, 7, 31)), Is.EqualTo(1), "end is inclusive");
            Assert.That(log.CountOverlapping("Instagram", Period.Month(2026, 10), Period.Month(2026, 10)), Is.EqualTo(1), "a running experiment runs through the window");
            Assert.That(log.CountOverlapping("Instagram", Period.Month(2026, 7), Period.Month(2026, 8)), Is.Zero);
            Assert.That(() => log.CountOverlapping("TikTok", Period.Month(2025, 8), Period.Month(2025, 7)), Throws.ArgumentException);
        });
    }

    [Test]
    public void PeriodsCovered_MonthsWithAnyExperiment()
    {
        var log = Log();

        Assert.Multiple(() =>
        {
            Assert.That(log.PeriodsCovered("TikTok", PeriodGranularity.Month, new DateOnly(2026, 10, 31)).Select(p => p.ToString()),
                Is.EqualTo(new[] { "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2026-02", "2026-03", "2026-04" }));
            Assert.That(log.PeriodsCovered("TikTok", PeriodGranularity.Quarter, new DateOnly(2026, 10, 31)).Select(p => p.ToString()),
                Is.EqualTo(new[] { "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2" }));
            Assert.That(log.PeriodsCovered("Instagram", PeriodGranularity.Month, new DateOnly(2026, 10, 15)).Select(p => p.ToString()),
                Is.EqualTo(new[] { "2026-09", "2026-10" }), "running until asOf");
            Assert.That(log.PeriodsCovered("TikTok", PeriodGranularity.Month, new DateOnly(2025, 6, 10)).Select(p => p.ToString()),
                Is.EqualTo(new[] { "2025-05", "2025-06" }), "nothing after asOf");
        });
    }

    [Test]
    public void Create_BadArguments_ThrowNamingTheParameter()
    {
        var start = new DateOnly(2026, 1, 1);
        Assert.Multiple(() =>
        {
            Assert.That(() => Experiment.Create(" ", ExperimentKind.Tone, "x", start), Throws.ArgumentException.With.Property("ParamName").EqualTo("network"));
            Assert.That(() => Experiment.Create("X", (ExperimentKind)9, "x", start), Throws.ArgumentException.With.Property("ParamName").EqualTo("kind"));
            Assert.That(() => Experiment.Create("X", ExperimentKind.Tone, "", start), Throws.ArgumentException.With.Property("ParamName").EqualTo("description"));
            Assert.That(() => Experiment.Create("X", ExperimentKind.Tone, "x", start, start.AddDays(-1)), Throws.ArgumentException.With.Property("ParamName").EqualTo("end"));
            Assert.That(() => Experiment.Create("X", ExperimentKind.Tone, "x", start, campaign: ""), Throws.ArgumentException.With.Property("ParamName").EqualTo("campaign"));
            Assert.That(() => ExperimentLog.Create([null!]), Throws.ArgumentException);
        });
    }

    [Test]
    public void RoundTrip_LosesNothing()
    {
        var log = Log();
        var json = log.ToJson();

        Assert.Multiple(() =>
        {
            Assert.That(ExperimentLog.FromJson(json), Is.EqualTo(log));
            Assert.That(json, Does.Contain("\"kind\": \"postingTime\""));
            Assert.That(json, Does.Contain("\"start\": \"2025-05-01\""));
            Assert.That(json, Does.Contain("\"schemaVersion\": 1"));
        });

        using var stream = new MemoryStream();
        log.WriteJson(stream);
        stream.Position = 0;
        Assert.That(ExperimentLog.FromJson(stream), Is.EqualTo(log));
    }

    [TestCase("""{ "schemaVersion": 1, "experiments": [ { "network": "X", "kind": "vibes", "description": "d", "start": "2025-01-01" } ] }""", "$.experiments[0].kind", "unknown kind \"vibes\"")]
    [TestCase("""{ "schemaVersion": 1, "experiments": [ { "network": "X", "description": "d", "start": "2025-01-01" } ] }""", "$.experiments[0].kind", "missing kind")]
    [TestCase("""{ "schemaVersion": 1, "experiments": [ { "network": "X", "kind": "tone", "description": "d" } ] }""", "$.experiments[0].start", "missing start")]
    [TestCase("""{ "schemaVersion": 1, "experiments": [ { "network": "X", "kind": "tone", "description": "d", "start": "2025-01-01" }, { "network": "X", "kind": "tone", "description": "d", "start": "2025-03-01", "end": "2025-02-01" } ] }""", "$.experiments[1].end", "before start")]
    [TestCase("""{ "schemaVersion": 1, "experiments": [ { "network": "", "kind": "tone", "description": "d", "start": "2025-01-01" } ] }""", "$.experiments[0].network", "non-empty network")]
    [TestCase("""{ "schemaVersion": 1, "experiments": [ { "network": "X", "kind": "tone", "start": "2025-01-01" } ] }""", "$.experiments[0].description", "non-empty description")]
    [TestCase("""{ "schemaVersion": 1, "experiments": [ { "network": "X", "kind": "tone", "description": "d", "start": "January" } ] }""", "$.experiments[0].start", "expected a date")]
    [TestCase("""{ "schemaVersion": 3, "experiments": [] }""", "$.schemaVersion", "unsupported schema version 3")]
    [TestCase("""{ "schemaVersion": 1 }""", "$.experiments", "expected an array")]
    [TestCase("""{ "schemaVersion": 1, "experiments": [ null ] }""", "$.experiments[0]", "found null")]
    [TestCase("""{ "schemaVersion": 1, "experiments": [ """, "$", "malformed JSON")]
    public void FromJson_Invalid_ThrowsNamingPathAndExpectation(string json, string path, string message)
    {
        var exception = Assert.Throws<ExperimentLogFormatException>(() => ExperimentLog.FromJson(json));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.JsonPath, Is.EqualTo(path));
            Assert.That(exception.Message, Does.StartWith(path + ": "));
            Assert.That(exception.Message, Does.Contain(message));
        });
    }

    [Test]
    public void Experiment_ToStringAndEquality()
    {
        var a = Experiment.Create("TikTok", ExperimentKind.Tone, "Sketches", new DateOnly(2025, 11, 1), new DateOnly(2026, 1, 31), "tt", "More likes");

        Assert.Multiple(() =>
        {
            Assert.That(a.ToString(), Is.EqualTo("TikTok/tt 2025-11-01..2026-01-31 Tone: Sketches"));
            Assert.That(a, Is.EqualTo(Experiment.Create("TikTok", ExperimentKind.Tone, "Sketches", new DateOnly(2025, 11, 1), new DateOnly(2026, 1, 31), "tt", "More likes")));
            Assert.That(a, Is.Not.EqualTo(Experiment.Create("TikTok", ExperimentKind.Tone, "Sketches", new DateOnly(2025, 11, 1), null, "tt", "More likes")));
        });
    }

    [Test]
    public void Network_StoredTrimmed_FoundIgnoringSurroundingWhiteSpace()
    {
        var log = ExperimentLog.Create([Experiment.Create(" TikTok ", ExperimentKind.Tone, "Casual captions", new DateOnly(2025, 5, 1))]);

        Assert.Multiple(() =>
        {
            Assert.That(log.Experiments[0].Network, Is.EqualTo("TikTok"));
            Assert.That(log.ForNetwork("tiktok "), Has.Count.EqualTo(1));
        });
    }
}
