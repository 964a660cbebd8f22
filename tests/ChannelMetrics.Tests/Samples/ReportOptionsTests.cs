using AgencyReport;

namespace ChannelMetrics.Tests.Samples;

public sealed class ReportOptionsTests
{
    private static readonly string s_root = Path.Combine(Path.GetTempPath(), "repo");

    [Test]
    public void Parse_NoArguments_UsesTheBundledData()
    {
        ReportOptions? options = ReportOptions.Parse([], s_root, out string? error);

        Assert.That(error, Is.Null);
        Assert.That(options!.Events, Is.EqualTo(Path.Combine(s_root, "samples", "data", "events.csv.gz")));
        Assert.That(options.Goals, Is.EqualTo(Path.Combine(s_root, "samples", "data", "goals.json")));
        Assert.That(options.OutputDirectory, Is.EqualTo(Path.Combine(s_root, "samples", "AgencyReport", "out")));
        Assert.That(options.ShowProgress, Is.True);
    }

    [Test]
    public void Parse_EveryOption_IsTaken()
    {
        ReportOptions? options = ReportOptions.Parse(
            ["--events", "e.csv", "--snapshots=s.csv", "--goals", "g.json", "--experiments", "x.json", "--out", "o", "--time-zone", "UTC", "--as-of", "2026-11-01", "--hourly-rate", "72.5", "--language", "AR", "--no-progress"],
            s_root,
            out string? error);

        Assert.That(error, Is.Null);
        Assert.That((options!.Events, options.Snapshots, options.Goals, options.Experiments, options.OutputDirectory, options.TimeZone),
            Is.EqualTo(("e.csv", "s.csv", "g.json", "x.json", "o", "UTC")));
        Assert.That(options.AsOf, Is.EqualTo(new DateOnly(2026, 11, 1)));
        Assert.That(options.ShowProgress, Is.False);
        Assert.That(options.HourlyRate, Is.EqualTo(72.5m));
        Assert.That(options.Language, Is.EqualTo("ar"));
    }

    [Test]
    public void Parse_HourlyRateZero_MeansSpendOnly()
    {
        Assert.That(ReportOptions.Parse(["--hourly-rate=0"], s_root, out _)!.HourlyRate, Is.Null);
        Assert.That(ReportOptions.Parse([], s_root, out _)!.HourlyRate, Is.EqualTo(ReportOptions.DefaultHourlyRate));
    }

    [TestCase("--help")]
    [TestCase("-h")]
    public void Parse_Help_ReturnsNoOptionsAndNoError(string arg)
    {
        Assert.That(ReportOptions.Parse([arg], s_root, out string? error), Is.Null);
        Assert.That(error, Is.Null);
    }

    [TestCase(new[] { "--bogus" }, "Unknown option '--bogus'")]
    [TestCase(new[] { "--events" }, "--events needs a value")]
    [TestCase(new[] { "--events", "--out", "o" }, "--events needs a value")]
    [TestCase(new[] { "--out=" }, "--out needs a value")]
    [TestCase(new[] { "--as-of", "November" }, "YYYY-MM-DD")]
    [TestCase(new[] { "--hourly-rate", "-3" }, "zero or more")]
    [TestCase(new[] { "--language", "klingon" }, "--language expects one of")]
    [TestCase(new[] { "--hourly-rate", "60,5" }, "zero or more")]
    public void Parse_BadArguments_ExplainsTheProblem(string[] args, string expected)
    {
        Assert.That(ReportOptions.Parse(args, s_root, out string? error), Is.Null);
        Assert.That(error, Does.Contain(expected));
    }
}
