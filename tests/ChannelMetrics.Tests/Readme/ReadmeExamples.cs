using System.Text.RegularExpressions;
using ChannelMetrics.Decisions;
using ChannelMetrics.Experiments;
using ChannelMetrics.Funnel;
using ChannelMetrics.Goals;
using ChannelMetrics.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelMetrics.Tests.Readme;

/// <summary>
/// The README's code blocks, compiled and run. Each block in README.md between
/// <c>&lt;!-- snippet: name --&gt;</c> markers must equal the region of the same name here, so the
/// README cannot drift from code that compiles.
/// </summary>
public sealed class ReadmeExamples
{
    [Test]
    public void QuickStart_ParsesAggregatesAndJudges()
    {
        #region quickstart
        // 1. Read a tracking link exactly: tags, the network behind a messy source, diagnostics.
        UtmParseResult parsed = UtmParser.Parse(
            "https://example.com/pricing?UTM_SOURCE=lnkd.in&utm_medium=paid_social&utm_campaign=cfo-guide");
        string network = SourceResolver.Default.Resolve(parsed.Tags.Source!).Name;   // "LinkedIn"
        string firstProblem = parsed.Diagnostics[0].Id;                               // "UTM003": upper-case key

        // 2. Aggregate visits -> leads -> customers per network, campaign and month.
        var aggregator = new FunnelAggregator(FunnelOptions.Default with { Attribution = AttributionModel.FirstTouch });
        var start = new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < 600; i++)
        {
            var when = start.AddHours(i * 7);
            string visitor = $"visitor-{i}";
            string link = i % 3 == 0
                ? "https://example.com/pricing?utm_source=lnkd.in&utm_medium=paid_social&utm_campaign=cfo-guide"
                : "https://example.com/blog?utm_source=fb&utm_medium=social&utm_campaign=spring";
            aggregator.Add(new FunnelEvent(when, FunnelStage.Visit, visitor, link));
            if (i % 3 == 0 && i % 4 == 0)
            {
                aggregator.Add(new FunnelEvent(when.AddMinutes(5), FunnelStage.Lead, visitor, landingUrl: null));
            }
        }

        FunnelTable table = aggregator.ToTable();

        // 3. Judge every network against the team's goals, with the evidence behind each verdict.
        GoalSet goals = GoalSet.FromJson("""
            { "schemaVersion": 1, "goals": [ { "id": "leads", "metric": "leads", "target": 5, "direction": "atLeast" } ] }
            """);
        DecisionEngine engine = new DecisionEngineBuilder().Build();
        DecisionReport report = engine.Evaluate(table, [], goals, ExperimentLog.Empty, new DateOnly(2026, 8, 1));
        foreach (ChannelAssessment assessment in report.Networks)
        {
            // The evidence runs from supporting facts to the deciding one, last.
            Console.WriteLine($"{assessment.Network}: {assessment.Verdict} - {assessment.Evidence[^1].Message}");
        }
        #endregion

        Assert.Multiple(() =>
        {
            Assert.That(network, Is.EqualTo("LinkedIn"));
            Assert.That(firstProblem, Is.EqualTo("UTM003"));
            Assert.That(table.Networks, Is.EquivalentTo(new[] { "Facebook", "LinkedIn" }));
            Assert.That(report.Networks.Select(n => n.Network), Is.EquivalentTo(new[] { "Facebook", "LinkedIn" }));
            Assert.That(report.Networks.Select(n => n.Evidence[^1].Code), Has.None.AnyOf(EvidenceCodes.RoiNotComputable, EvidenceCodes.ConversionInLine, EvidenceCodes.ConversionNotComparable));
        });
    }

    [Test]
    public void DependencyInjection_RegistersAValidatedEngine()
    {
        #region di
        var services = new ServiceCollection();
        services.AddChannelMetrics(builder =>
            builder.Policy = DecisionPolicy.Default with { MinimumPeriods = 4, TrafficDriverShare = 0.3 });
        using ServiceProvider provider = services.BuildServiceProvider();
        DecisionEngine engine = provider.GetRequiredService<DecisionEngine>();   // resolve at start-up: bad settings fail here
        #endregion

        Assert.That(engine.Policy.MinimumPeriods, Is.EqualTo(4));
    }

    [TestCase("quickstart")]
    [TestCase("di")]
    public void Readme_SnippetMatchesCompiledRegion(string name)
    {
        string root = FindRepositoryRoot();
        string readme = File.ReadAllText(Path.Combine(root, "README.md"));
        string source = File.ReadAllText(Path.Combine(root, "tests", "ChannelMetrics.Tests", "Readme", "ReadmeExamples.cs"));

        var inReadme = Regex.Match(readme, $@"<!-- snippet: {name} -->\s*```csharp\n(?<code>.*?)```", RegexOptions.Singleline);
        var inSource = Regex.Match(source, $@"#region {name}\n(?<code>.*?)[ ]*#endregion", RegexOptions.Singleline);

        Assert.That(inReadme.Success && inSource.Success, Is.True, $"snippet '{name}' is missing from README.md or ReadmeExamples.cs");
        Assert.That(Normalize(inReadme.Groups["code"].Value), Is.EqualTo(Normalize(inSource.Groups["code"].Value)));
    }

    private static string Normalize(string code)
    {
        var lines = code.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n').Where(l => l.Trim().Length > 0).ToArray();
        int indent = lines.Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l[indent..].TrimEnd()));
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChannelMetrics.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ChannelMetrics.sln not found above the test directory.");
    }
}
