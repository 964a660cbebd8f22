using System.Collections;
using System.Reflection;
using System.Text;
using ChannelMetrics.Decisions;
using ChannelMetrics.Experiments;
using ChannelMetrics.Funnel;
using ChannelMetrics.Goals;
using ChannelMetrics.Metrics;
using ChannelMetrics.Statistics;

namespace ChannelMetrics.Tests.Decisions;

public sealed class DecisionReportTests
{
    /// <summary>Every situation of the issue in one data set: eight networks plus sources without goals.</summary>
    internal static Scenario Everything()
    {
        var s = new Scenario().WithPortfolio()
            .Funnel("Facebook", 24, 1800, 0.024, 0.12)
            .Goal(Goal.Create("fb-visits", GoalMetric.Visits, GoalTarget.Absolute(1500), networks: ["Facebook"]))
            .Goal(Goal.Create("fb-leads", GoalMetric.Leads, GoalTarget.Absolute(30), networks: ["Facebook"], weight: 2))
            .Funnel("LinkedIn", 24, 180, 0.095, 0.2, campaign: "li-ads-cfo-guide")
            .Funnel("LinkedIn", 24, 100, 0.012, 0.2, campaign: "company-page")
            .Funnel("LinkedIn", 24, 20, 0.0, 0, campaign: "finance-leaders-group")
            .Goal(Goal.Create("li-visit-to-lead", GoalMetric.VisitToLeadRate, GoalTarget.Absolute(0.04), networks: ["LinkedIn"]))
            .Goal(Goal.Create("li-leads", GoalMetric.Leads, GoalTarget.Absolute(25), networks: ["LinkedIn"], weight: 2, deadline: new DateOnly(2026, 12, 31)))
            .Experiment("LinkedIn", ExperimentKind.Audience, new DateOnly(2026, 1, 15), new DateOnly(2026, 3, 31), "finance-leaders-group")
            .Funnel("TikTok", 24, i => 1300 - (i * 40), _ => 0.008, 0.08)
            .Snapshots("TikTok", 24, (i, p) => new ChannelSnapshot { Period = p, Network = "TikTok", Spend = 1800m, HoursSpent = 35, Revenue = i % 3 == 0 ? 2400m : 0m, Followers = 5000 + i, PositiveCount = 10, NeutralCount = 5, NegativeCount = 0 })
            .Goal(Goal.Create("tt-visits", GoalMetric.Visits, GoalTarget.Absolute(1000), networks: ["TikTok"]))
            .Goal(Goal.Create("tt-growth", GoalMetric.Followers, GoalTarget.GrowthPerPeriod(0.01), networks: ["TikTok"], weight: 0.5))
            .Goal(Goal.Create("tt-net", GoalMetric.NetSentiment, GoalTarget.Absolute(0.3), networks: ["TikTok"]))
            .Experiment("TikTok", ExperimentKind.Tone, new DateOnly(2025, 11, 1), new DateOnly(2026, 1, 31))
            .Experiment("TikTok", ExperimentKind.Budget, new DateOnly(2026, 2, 1), new DateOnly(2026, 4, 30))
            .Funnel("Threads", 2, 100, 0.01, 0.1)
            .Goal(Goal.Create("th-followers", GoalMetric.Followers, GoalTarget.Absolute(1500), networks: ["Threads"]))
            .Funnel("Reddit", 24, 350, 0.015, 0.1)
            .Goal(Goal.Create("all-share", GoalMetric.ShareOfVisits, GoalTarget.Absolute(0.5), networks: ["Ghost"]));
        return s;
    }

    [Test]
    public void Evaluate_SameInput_SameJsonBytes()
    {
        var a = Everything().Evaluate().ToJson();
        var b = Everything().Evaluate().ToJson();

        Assert.That(b, Is.EqualTo(a));
    }

    [Test]
    public void ToJson_LineEndings_AreLineFeedOnEveryOperatingSystem()
    {
        var json = Everything().Evaluate().ToJson();

        Assert.That(json.Contains('\r', StringComparison.Ordinal), Is.False);
        Assert.That(json.Contains('\n', StringComparison.Ordinal), Is.True);
    }

    [Test]
    public void Evaluate_InputInAnotherOrder_SameJsonBytes()
    {
        var s = Everything();
        var engine = new DecisionEngineBuilder().Build();
        var forward = engine.Evaluate(FunnelTable.FromRows(s.Rows), s.SnapshotList, s.GoalSet, s.Log, Scenario.EvaluationDate).ToJson();
        var backward = engine.Evaluate(FunnelTable.FromRows(s.Rows.Reverse()), s.SnapshotList.Reverse(), s.GoalSet, s.Log, Scenario.EvaluationDate).ToJson();

        Assert.That(backward, Is.EqualTo(forward));
    }

    [Test]
    public void Evaluate_DatasetWithoutSections_SameReportAsTableAndSnapshots()
    {
        var s = Everything();
        var engine = new DecisionEngineBuilder().Build();
        string fromTable = engine.Evaluate(s.Table, s.SnapshotList, s.GoalSet, s.Log, Scenario.EvaluationDate).ToJson();
        string fromDataset = engine.Evaluate(ChannelDataset.Create(s.Table, s.SnapshotList), s.GoalSet, s.Log, Scenario.EvaluationDate).ToJson();

        Assert.That(fromDataset, Is.EqualTo(fromTable));
    }

    [Test]
    public void Evaluate_DatasetHourlyRate_CostsTheHours()
    {
        var s = Everything();
        var engine = new DecisionEngineBuilder().Build();
        var tiktok = engine.Evaluate(ChannelDataset.Create(s.Table, s.SnapshotList, hourlyRate: 60m), s.GoalSet, s.Log, Scenario.EvaluationDate).Network("TikTok");

        // Six months: 2 × 2,400 revenue against 6 × (1,800 + 35 × 60) cost.
        Assert.That(tiktok.Evidence(EvidenceCodes.RoiNegative).Value, Is.EqualTo((4800.0 - 23400) / 23400).Within(1e-12));
    }

    [Test]
    public void Evaluate_DatasetDiagnostics_BecomeDataNotes()
    {
        var s = Everything();
        var snapshot = new ChannelSnapshot { Period = Period.Month(2026, 10), Network = "Reddit", Followers = 10 };
        var dataset = ChannelDataset.Create(s.Table, [snapshot, snapshot]);
        var report = new DecisionEngineBuilder().Build().Evaluate(dataset, s.GoalSet, s.Log, Scenario.EvaluationDate);

        Assert.That(report.DataNotes.Select(n => n.Message), Has.One.Contains("Reddit 2026-10"));
    }

    [Test]
    public void Evaluate_FunnelTableDiagnostics_BecomeDataNotes()
    {
        var s = Everything();
        var rows = s.Table.Rows
            .Select(r => new FunnelRecord(r.Period, r.Network, r.Visits, r.Leads, r.Customers, Campaign: r.Campaign))
            .Append(new FunnelRecord(Period.Month(1, 1), "Reddit", 40, 2, 0, Campaign: FunnelLabels.NotSet));
        var funnel = FunnelTable.FromRows(rows);

        var report = new DecisionEngineBuilder().Build().Evaluate(funnel, s.SnapshotList, s.GoalSet, s.Log, Scenario.EvaluationDate);

        Assert.That(report.DataNotes.Select(n => n.Message), Has.One.Contains("is dated 0001-01, before 1970-01-02"));
    }

    [Test]
    public void ToJson_RoundTrip_SameBytes()
    {
        var report = Everything().Evaluate();
        string json = report.ToJson();
        var back = DecisionReport.FromJson(json);

        Assert.That(back.ToJson(), Is.EqualTo(json));
        Assert.That(back.Networks.Select(n => n.Verdict), Is.EqualTo(report.Networks.Select(n => n.Verdict)));
        Assert.That(back.Policy, Is.EqualTo(report.Policy));
    }

    [TestCase(2)]
    [TestCase(0)]
    public void FromJson_OtherSchemaVersion_ThrowsNamingTheField(int version)
    {
        string json = Everything().Evaluate().ToJson().Replace("\"schemaVersion\": 1", $"\"schemaVersion\": {version}", StringComparison.Ordinal);

        Assert.That(() => DecisionReport.FromJson(json), Throws.TypeOf<System.Text.Json.JsonException>().With.Message.StartsWith("$.schemaVersion: unsupported schema version"));
    }

    [TestCase("portfolio", null, "$.portfolio")]
    [TestCase("networks[0].goalStatuses", null, "goalStatuses")]
    [TestCase("networks[0].evidence", null, "evidence")]
    [TestCase("networks[0].evidence[0].message", null, "message")]
    [TestCase("networks[0].evidence[0]", null, "$.networks[0].evidence[0]: expected an object, found null")]
    [TestCase("networks[0]", null, "$.networks[0]: expected an assessment, found null")]
    [TestCase("networks[0].visits", -1, "$.networks[0]: expected counts of zero or more")]
    [TestCase("portfolio.leads", -1, "$.portfolio: expected counts of zero or more")]
    public void FromJson_NullOrNegativeMember_IsAJsonExceptionNotALaterCrash(string member, int? value, string message)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(Everything().Evaluate().ToJson())!;
        var parts = member.Split('.');
        var parent = node;
        foreach (var part in parts[..^1])
        {
            parent = Step(parent, part);
        }

        string last = parts[^1];
        System.Text.Json.Nodes.JsonNode? replacement = value is int v ? System.Text.Json.Nodes.JsonValue.Create(v) : null;
        if (last.EndsWith(']'))
        {
            int open = last.IndexOf('[', StringComparison.Ordinal);
            Step(parent, last[..open])[int.Parse(last[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)] = replacement;
        }
        else
        {
            parent[last] = replacement;
        }

        Assert.That(() => DecisionReport.FromJson(node.ToJsonString()), Throws.TypeOf<System.Text.Json.JsonException>().With.Message.Contains(message));

        static System.Text.Json.Nodes.JsonNode Step(System.Text.Json.Nodes.JsonNode node, string part)
        {
            int open = part.IndexOf('[', StringComparison.Ordinal);
            return open < 0 ? node[part]! : node[part[..open]]![int.Parse(part[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
        }
    }

    [Test]
    public void FromJson_LoneSurrogate_IsAJsonException()
    {
        Assert.That(() => DecisionReport.FromJson("\ud800"), Throws.TypeOf<System.Text.Json.JsonException>());
    }

    [Test]
    public void ToJson_CamelCaseEnumsAsStringsPeriodsAsText()
    {
        string json = Everything().Evaluate().ToJson();

        Assert.That(json, Does.Contain("\"verdict\": \"insufficientData\""));
        Assert.That(json, Does.Contain("\"evaluationPeriod\": \"2026-10\""));
        Assert.That(json, Does.Contain("\"evaluationDate\": \"2026-11-01\""));
        Assert.That(json, Does.Contain("\"metric\": \"visitToLeadRate\""));
        Assert.That(json, Does.Contain("\"code\": \"GoalsMissing\""));
        Assert.That(json, Does.Not.Contain("NaN").And.Not.Contain("Infinity"));
    }

    [Test]
    public void WriteJson_Stream_SameAsToJson()
    {
        var report = Everything().Evaluate();
        using var stream = new MemoryStream();
        report.WriteJson(stream);

        Assert.That(Encoding.UTF8.GetString(stream.ToArray()), Is.EqualTo(report.ToJson()));
    }

    [Test]
    public void Evaluate_EveryNumberInTheReport_IsFinite()
    {
        var report = Everything().Evaluate();
        var numbers = new List<(string Path, double Value)>();
        Walk(report, "report", numbers, new HashSet<object>(ReferenceEqualityComparer.Instance));

        Assert.That(numbers, Has.Count.GreaterThan(200));
        Assert.That(numbers.Where(n => !double.IsFinite(n.Value)), Is.Empty);
    }

    [Test]
    public void Evaluate_FromManyThreads_SameReport()
    {
        var s = Everything();
        var table = s.Table;
        var goals = s.GoalSet;
        var log = s.Log;
        var engine = new DecisionEngineBuilder().Build();
        string expected = engine.Evaluate(table, s.SnapshotList, goals, log, Scenario.EvaluationDate).ToJson();
        var results = new string[8];
        Parallel.For(0, results.Length, i => results[i] = engine.Evaluate(table, s.SnapshotList, goals, log, Scenario.EvaluationDate).ToJson());

        Assert.That(results, Is.All.EqualTo(expected));
    }

    [Test]
    public void Evaluate_InParallel_SameJsonBytesAsOneByOne()
    {
        var s = Everything();
        string sequential = new DecisionEngineBuilder().Build().Evaluate(s.Table, s.SnapshotList, s.GoalSet, s.Log, Scenario.EvaluationDate).ToJson();
        var parallel = new DecisionEngineBuilder { MaxDegreeOfParallelism = -1 }.Build();

        Assert.That(parallel.MaxDegreeOfParallelism, Is.EqualTo(-1));
        Assert.That(parallel.Evaluate(s.Table, s.SnapshotList, s.GoalSet, s.Log, Scenario.EvaluationDate).ToJson(), Is.EqualTo(sequential));
    }

    [Test]
    public void Evaluate_NetworksSortedAndEveryOneReported()
    {
        var report = Everything().Evaluate();
        var names = report.Networks.Select(n => n.Network).ToArray();

        Assert.That(names, Is.EqualTo(new[] { "Facebook", "Ghost", "google", "LinkedIn", "newsletter", "Reddit", "Threads", "TikTok" }));
        Assert.That(report.Network("Ghost").Codes(), Does.Contain(EvidenceCodes.NoData));
        Assert.That(report.Portfolio.NetworkCount, Is.EqualTo(8));
        Assert.That(report.Portfolio.Verdicts.Sum(v => v.Count), Is.EqualTo(8));
        Assert.That(report.WindowStart, Is.EqualTo(Period.Month(2026, 5)));
    }

    [Test]
    public void Evaluate_DataAfterEvaluationPeriod_LeftOutAndNoted()
    {
        var s = Everything();
        var report = s.Evaluate(date: new DateOnly(2026, 9, 15));

        Assert.That(report.EvaluationPeriod, Is.EqualTo(Period.Month(2026, 8)));
        Assert.That(report.DataNotes.Select(n => n.Code), Is.All.EqualTo(EvidenceCodes.DataNote));
        Assert.That(report.DataNotes[0].Message, Does.Contain("after the evaluation period 2026-08"));
    }

    [Test]
    public void Evaluate_DuplicateSnapshot_FirstKeptAndNoted()
    {
        var snapshot = new ChannelSnapshot { Period = Period.Month(2026, 10), Network = "Facebook", Spend = 100m };
        var s = Everything();
        var report = new DecisionEngineBuilder().Build().Evaluate(s.Table, [snapshot, snapshot with { Spend = 200m }], s.GoalSet, s.Log, Scenario.EvaluationDate);

        Assert.That(report.DataNotes.Single().Message, Does.Contain("repeats Facebook 2026-10"));
    }

    [Test]
    public void Evaluate_WithoutDate_UsesTheTimeProvidersToday()
    {
        var s = Everything();
        var engine = new DecisionEngineBuilder { TimeProvider = new FixedTime(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero)) }.Build();
        var report = engine.Evaluate(s.Table, s.SnapshotList, s.GoalSet, s.Log);

        Assert.That(report.EvaluationDate, Is.EqualTo(new DateOnly(2026, 11, 20)));
        Assert.That(report.EvaluationPeriod, Is.EqualTo(Period.Month(2026, 10)));
    }

    [Test]
    public void Evaluate_EmptyInput_EmptyReport()
    {
        var report = new DecisionEngineBuilder().Build().Evaluate(FunnelTable.FromRows([]), [], GoalSet.Empty, ExperimentLog.Empty, Scenario.EvaluationDate);

        Assert.That(report.Networks, Is.Empty);
        Assert.That(report.Portfolio.VisitToLeadRate, Is.Null);
        Assert.That(DecisionReport.FromJson(report.ToJson()).ToJson(), Is.EqualTo(report.ToJson()));
    }

    [Test]
    public void Evaluate_NullArguments_Throw()
    {
        var engine = new DecisionEngineBuilder().Build();
        var table = FunnelTable.FromRows([]);

        Assert.That(() => engine.Evaluate(null!, [], GoalSet.Empty, ExperimentLog.Empty), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("funnel"));
        Assert.That(() => engine.Evaluate(table, null!, GoalSet.Empty, ExperimentLog.Empty), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("snapshots"));
        Assert.That(() => engine.Evaluate(table, [], null!, ExperimentLog.Empty), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("goals"));
        Assert.That(() => engine.Evaluate(table, [], GoalSet.Empty, null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("experiments"));
        Assert.That(() => engine.Evaluate(table, [null!], GoalSet.Empty, ExperimentLog.Empty, Scenario.EvaluationDate), Throws.ArgumentException.With.Property("ParamName").EqualTo("snapshots"));
        Assert.That(() => engine.Evaluate((ChannelDataset)null!, GoalSet.Empty, ExperimentLog.Empty), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("dataset"));
        Assert.That(() => engine.Evaluate(ChannelDataset.Create(table, []), null!, ExperimentLog.Empty), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("goals"));
    }

    [Test]
    public void Evaluate_CampaignWithoutOwnGoal_InheritsRateGoalAndScaledCountGoals()
    {
        var s = new Scenario().WithPortfolio()
            .Funnel("Facebook", 24, 1500, 0.03, 0.1, campaign: "prospecting")
            .Funnel("Facebook", 24, 500, 0.01, 0.1, campaign: "boosted-posts")
            .Goal(Goal.Create("fb-rate", GoalMetric.VisitToLeadRate, GoalTarget.Absolute(0.02), networks: ["Facebook"]))
            .Goal(Goal.Create("fb-leads", GoalMetric.Leads, GoalTarget.Absolute(40), networks: ["Facebook"]))
            .Goal(Goal.Create("fb-visits", GoalMetric.Visits, GoalTarget.Absolute(1500), networks: ["Facebook"]));
        var boosted = s.Evaluate().Network("Facebook").Campaign("boosted-posts");

        Assert.That(boosted.GoalStatuses.Select(g => g.GoalId), Is.EqualTo(new[] { "fb-rate", "fb-leads", "fb-visits" }));
        Assert.That(boosted.GoalStatuses[0].TargetScale, Is.EqualTo(1));
        Assert.That(boosted.GoalStatuses.All(g => g.Inherited), Is.True);
        var leads = boosted.GoalStatuses[1];
        Assert.That(leads.TargetScale, Is.EqualTo(0.25).Within(0.02));
        Assert.That(leads.Target, Is.EqualTo(40 * leads.TargetScale).Within(1e-9));
        Assert.That(boosted.Codes(), Does.Contain(EvidenceCodes.GoalInherited));
    }

    [Test]
    public void Evaluate_CampaignWhoseNetworkHasNoFunnelGoal_InsufficientData()
    {
        var s = new Scenario().WithPortfolio()
            .Funnel("Facebook", 24, 1500, 0.03, 0.1, campaign: "prospecting");
        s.Goal(Goal.Create("fb-reach", GoalMetric.Reach, GoalTarget.Absolute(1000), networks: ["Facebook"]));
        var campaign = s.Evaluate().Network("Facebook").Campaign("prospecting");

        Assert.That(campaign.Verdict, Is.EqualTo(Verdict.InsufficientData));
        Assert.That(campaign.Codes(), Is.EqualTo(new[] { EvidenceCodes.GoalsMissing }));
    }

    [Test]
    public void Evaluate_CampaignOverBeforeTheWindow_LeftOutUnlessAGoalNamesIt()
    {
        var s = new Scenario().WithPortfolio()
            .Funnel("Facebook", 24, 1500, 0.03, 0.1, campaign: "always-on")
            .Funnel("Facebook", 10, 400, 0.02, 0.1, campaign: "spring-2025")
            .Goal(Goal.Create("fb-leads", GoalMetric.Leads, GoalTarget.Absolute(40), networks: ["Facebook"]));
        var rows = s.Rows.Select(r => r.Campaign == "spring-2025" ? r with { Period = r.Period.Offset(-12) } : r).ToList();
        var engine = new DecisionEngineBuilder().Build();
        var facebook = engine.Evaluate(FunnelTable.FromRows(rows), [], s.GoalSet, s.Log, Scenario.EvaluationDate).Network("Facebook");

        Assert.That(facebook.Campaigns.Select(c => c.Campaign), Is.EqualTo(new[] { "always-on" }));

        var named = s.Goal(Goal.Create("spring-leads", GoalMetric.Leads, GoalTarget.Absolute(5), networks: ["Facebook"], campaign: "spring-2025"));
        var again = engine.Evaluate(FunnelTable.FromRows(rows), [], named.GoalSet, s.Log, Scenario.EvaluationDate).Network("Facebook");
        Assert.That(again.Campaigns.Select(c => c.Campaign), Is.EqualTo(new[] { "always-on", "spring-2025" }));
    }

    private static void Walk(object? value, string path, List<(string, double)> numbers, HashSet<object> seen)
    {
        switch (value)
        {
            case null or string or bool or int or long or DateOnly or Period or Enum:
                return;
            case double d:
                numbers.Add((path, d));
                return;
            case decimal:
                return;
            case Interval interval:
                numbers.Add((path + ".Lower", interval.Lower));
                numbers.Add((path + ".Upper", interval.Upper));
                return;
            case IEnumerable list:
                int i = 0;
                foreach (var item in list)
                {
                    Walk(item, $"{path}[{i++}]", numbers, seen);
                }

                return;
        }

        if (!value.GetType().IsValueType && !seen.Add(value))
        {
            return;
        }

        Assert.That(value.GetType().Namespace, Does.StartWith("ChannelMetrics"), path);
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
            {
                Walk(property.GetValue(value), path + "." + property.Name, numbers, seen);
            }
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    [Test]
    public void Evaluate_ManyRowNotesOfOneKind_OneNoteStandsForThem()
    {
        var rows = Enumerable.Range(0, 12).Select(i => new FunnelRecord(Period.Month(1, 1).Offset(i), "Reddit", 1, 0, 0))
            .Append(new FunnelRecord(Period.Month(2026, 10), "Reddit", 100, 5, 1));
        var s = Everything();

        var report = new DecisionEngineBuilder().Build().Evaluate(FunnelTable.FromRows(rows), [], s.GoalSet, s.Log, Scenario.EvaluationDate);

        Assert.That(report.DataNotes.Where(n => n.Message.Contains("before 1970-01-02", StringComparison.Ordinal)).Select(n => n.Message), Has.One.EndsWith("And 11 more like it."));
    }

    [Test]
    public void Evaluate_Dataset_SectionOnlyNetworksAreJudgedAndCountInSectionShares()
    {
        var rows = new List<FunnelRecord>();
        var sections = new List<SectionVisits>();
        for (int m = 0; m < 12; m++)
        {
            var period = Period.Month(2025, 1).Offset(m);
            rows.Add(new FunnelRecord(period, "LinkedIn", 1000, 10, 1));
            rows.Add(new FunnelRecord(period, "Facebook", 4000, 400, 40));
            sections.Add(new SectionVisits(period, "LinkedIn", "blog", 100));
            sections.Add(new SectionVisits(period, "Newsletter", "blog", 900));
        }

        var goals = GoalSet.Create([Goal.Create("blog", GoalMetric.SectionVisits, GoalTarget.Absolute(50), section: "blog")], "test");
        var report = new DecisionEngineBuilder().Build().Evaluate(ChannelDataset.Create(FunnelTable.FromRows(rows), [], sections), goals, ExperimentLog.Create([]), new DateOnly(2026, 1, 15));

        Assert.Multiple(() =>
        {
            Assert.That(report.Networks.Select(n => n.Network), Does.Contain("Newsletter"));
            Assert.That(report.Network("LinkedIn").Evidence.Select(e => e.Message), Has.None.Contains("100.0% of the visits to the blog"));
        });
    }

    [Test]
    public void Evaluate_AtMostGoalOnTrack_SaysAboveAndFalling()
    {
        var s = new Scenario().WithPortfolio()
            .Snapshots("X", 12, (i, p) => new ChannelSnapshot { Period = p, Network = "X", PositiveCount = 100, NeutralCount = 100, NegativeCount = 200 - (10 * i) })
            .Goal(Goal.Create("x-negative", GoalMetric.NegativeCount, GoalTarget.Absolute(60), GoalDirection.AtMost, networks: ["X"]));

        var x = s.Evaluate().Network("X");
        var onTrack = x.Evidence.FirstOrDefault(e => e.Code == EvidenceCodes.GoalOnTrack);

        Assert.That(onTrack?.Message, Does.Contain("above the target").And.Contain("falling significantly"), x.Explain());
    }
}
