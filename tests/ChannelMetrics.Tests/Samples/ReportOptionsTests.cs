using AgencyReport;

namespace ChannelMetrics.Tests.Samples;

public sealed class ReportOptionsTests
{
    private static readonly string s_root = Path.Combine(Path.GetTempPath(), "repo");

    private readonly string _temp = Path.Combine(Path.GetTempPath(), "report-options-" + Guid.NewGuid().ToString("N"));

    [OneTimeTearDown]
    public void DeleteInputs()
    {
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

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
        string dir = Inputs("e.csv", "s.csv", "g.json", "x.json");
        string e = Path.Combine(dir, "e.csv"), sn = Path.Combine(dir, "s.csv"), g = Path.Combine(dir, "g.json"), x = Path.Combine(dir, "x.json");
        ReportOptions? options = ReportOptions.Parse(
            ["--events", e, "--snapshots=" + sn, "--goals", g, "--experiments", x, "--out", "o", "--time-zone", "UTC", "--as-of", "2026-11-01", "--hourly-rate", "72.5", "--language", "AR", "--no-progress"],
            s_root,
            out string? error);

        Assert.That(error, Is.Null);
        Assert.That((options!.Events, options.Snapshots, options.Goals, options.Experiments, options.OutputDirectory, options.TimeZone),
            Is.EqualTo((e, sn, g, x, "o", "UTC")));
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

    [TestCase("--events")]
    [TestCase("--snapshots")]
    [TestCase("--goals")]
    [TestCase("--experiments")]
    public void Parse_NamedInputThatDoesNotExist_IsAnError(string option)
    {
        string dir = Inputs();

        Assert.Multiple(() =>
        {
            Assert.That(ReportOptions.Parse([option, Path.Combine(dir, "nope")], s_root, out string? missing), Is.Null);
            Assert.That(missing, Does.Contain(option).And.Contain("does not exist"));
            Assert.That(ReportOptions.Parse([option, dir], s_root, out string? folder), Is.Null);
            Assert.That(folder, Does.Contain("is a folder"));
        });
    }

    [Test]
    public void Parse_OutIsAFile_OrAsOfInTheFirstMonth_IsAnError()
    {
        string dir = Inputs("taken");

        Assert.Multiple(() =>
        {
            Assert.That(ReportOptions.Parse(["--out", Path.Combine(dir, "taken")], s_root, out string? file), Is.Null);
            Assert.That(file, Does.Contain("--out expects a folder"));
            Assert.That(ReportOptions.Parse(["--as-of", "0001-01-31"], s_root, out string? early), Is.Null);
            Assert.That(early, Does.Contain("0001-02-01 or later"));
            Assert.That(ReportOptions.Parse(["--as-of", "0001-02-01"], s_root, out _), Is.Not.Null);
        });
    }

    /// <summary>A fresh folder holding empty files of the given names.</summary>
    private string Inputs(params string[] files)
    {
        string dir = Path.Combine(_temp, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        foreach (string file in files)
        {
            File.WriteAllText(Path.Combine(dir, file), "");
        }

        return dir;
    }
}
