using System.Globalization;
using ChannelMetrics;
using ChannelMetrics.Decisions;
using ChannelMetrics.Experiments;
using ChannelMetrics.Funnel;
using ChannelMetrics.Goals;
using ChannelMetrics.Metrics;
using ChannelMetrics.Reporting;
using ChannelMetrics.Statistics;
using Microsoft.Extensions.DependencyInjection;

// Runs the library's main path under NativeAOT and exits non-zero when any answer is wrong.
var failures = new List<string>();

void Check(bool condition, string what)
{
    if (!condition)
    {
        failures.Add(what);
    }
}

var zone = TimeZoneInfo.CreateCustomTimeZone("UTC+2", TimeSpan.FromHours(2), "UTC+2", "UTC+2");
var february = Period.Containing(new DateTimeOffset(2026, 1, 31, 23, 30, 0, TimeSpan.Zero), PeriodGranularity.Month, zone);
Check(february == Period.Month(2026, 2), "period bucketing in a time zone");

var wilson = Proportions.Wilson(81, 263);
Check(wilson.Lower > 0.25 && wilson.Upper < 0.37, "Wilson interval");

// Goals, experiments and metrics: source-generated JSON round trips and path-named errors under NativeAOT.
var goals = GoalSet.Create(
[
    Goal.Create("li-leads", GoalMetric.Leads, GoalTarget.Absolute(25), networks: ["LinkedIn"], campaign: "li-ads", deadline: new DateOnly(2026, 12, 31)),
    Goal.Create("ig-negative", GoalMetric.NegativeShare, GoalTarget.Absolute(0.15), GoalDirection.AtMost),
    Goal.Create("ig-growth", GoalMetric.Followers, GoalTarget.GrowthPerPeriod(0.01), networks: ["Instagram"], weight: 0.5),
], "smoke");
var goalsJson = goals.ToJson();
Check(GoalSet.FromJson(goalsJson).Equals(goals) && goalsJson.Contains("\"direction\": \"atMost\"", StringComparison.Ordinal), "GoalSet JSON round trip");
try
{
    GoalSet.FromJson("""{ "schemaVersion": 1, "goals": [ { "id": "a", "metric": "visitToLeadRate", "target": 4 } ] }""");
    Check(false, "GoalSet validation error");
}
catch (GoalSetFormatException e)
{
    Check(e.JsonPath == "$.goals[0].target", "GoalSet validation error path");
}

var experiments = ExperimentLog.Create([Experiment.Create("TikTok", ExperimentKind.PostingTime, "Evening posts", new DateOnly(2025, 8, 1), new DateOnly(2025, 10, 31))]);
Check(ExperimentLog.FromJson(experiments.ToJson()).Equals(experiments), "ExperimentLog JSON round trip");

var evaluation = goals.Goals[1].Evaluate(MetricSeries.Create(Period.Month(2026, 1), [0.1, null, 0.3])).Summarize();
Check(evaluation.MetCount == 1 && evaluation.MissedCount == 1 && evaluation.KnownCount == 2, "goal evaluation");
var dataset = ChannelDataset.Create(
    ChannelMetrics.Funnel.FunnelTable.FromRows([new ChannelMetrics.Funnel.FunnelRecord(Period.Month(2026, 2), "LinkedIn", 200, 12, 2)]),
    [new ChannelSnapshot { Period = Period.Month(2026, 1), Network = "LinkedIn", Followers = 4000 }]);
Check(dataset.Series(GoalMetric.Visits, "LinkedIn").Values is [null, 200.0] && dataset.Series(GoalMetric.Followers, "LinkedIn").Values is [4000.0, null], "channel dataset gaps");
var organic = new ChannelSnapshot { Period = Period.Month(2026, 1), Network = "X (Twitter)", Spend = 0m, Revenue = 2400m };
Check(!organic.Roi().IsKnown && organic.Roi().Reason == NotComputableReason.ZeroDenominator, "zero-cost ROI is not computable");

double[] monthly = [10, 12, 11, 15, 14, 18, double.NaN, 21, 19, 24, 23, 26];
var trend = MannKendall.Test(monthly);
Check(trend.IsComputable && trend.S == 47 && trend.Trend == TrendDirection.Increasing && trend.PValue is > 0.0003 and < 0.0004, "Mann-Kendall trend");
Check(!MannKendall.Test([4, 4, 4]).IsComputable && MannKendall.Test([4, 4, 4]).PValue == 1, "Mann-Kendall constant series");
var sen = SenSlope.Estimate(monthly);
Check(sen.IsComputable && sen.Slope == 1.5 && sen.SlopeInterval.Contains(sen.Slope), "Sen slope");

// Reporting: localized text from satellite resources, source-generated JSON and CSV under NativeAOT and trimming.
// The smoke program runs with InvariantGlobalization, where no Arabic CultureInfo exists: Language = "ar" must still
// give the Arabic text from the embedded resources, marked right to left.
var reportTable = FunnelTable.FromRows(
[
    new(Period.Month(2026, 1), "X (Twitter)", 200, 10, 2, Campaign: "spring, \"big\" sale"),
    new(Period.Month(2026, 2), "X (Twitter)", 100, 5, 1, Campaign: "a|b"),
]);
var arabicMarkdown = new MarkdownReportWriter(ReportOptions.Default with { Language = "ar" }).WriteToString(reportTable);
Check(arabicMarkdown.StartsWith("<div dir=\"rtl\">", StringComparison.Ordinal) && arabicMarkdown.Contains("تقرير مسار التحويل", StringComparison.Ordinal), "Arabic Markdown report text from embedded resources");
Check(arabicMarkdown.Contains("\u2068X (Twitter)\u2069", StringComparison.Ordinal) && arabicMarkdown.Contains("a\\|b", StringComparison.Ordinal), "Arabic Markdown isolates and escaping");
Check(new MarkdownReportWriter().WriteToString(reportTable).Contains("# Funnel report", StringComparison.Ordinal), "English Markdown report");
var reportJson = new JsonReportWriter().WriteToString(reportTable);
Check(reportJson.Contains("\"kind\": \"funnelTable\"", StringComparison.Ordinal) && reportJson.Contains("\"visitToLead\": {", StringComparison.Ordinal), "funnel table JSON");
Check(new CsvReportWriter().WriteToString(reportTable).Contains("2026-01,X (Twitter),\"spring, \"\"big\"\" sale\",200,10,2,0.05,", StringComparison.Ordinal), "funnel table CSV");

// Decisions: a low-volume, high-converting network is Invest; the report round-trips through the source-generated JSON.
var decisionRows = new List<FunnelRecord>();
for (int i = 0; i < 12; i++)
{
    var month = Period.Month(2026, 10).Offset(i - 11);
    decisionRows.Add(new FunnelRecord(month, "Facebook", 1800, 43, 5));
    decisionRows.Add(new FunnelRecord(month, "LinkedIn", 300, 18, 4));
}

var decisionGoals = GoalSet.Create([Goal.Create("li-leads", GoalMetric.Leads, GoalTarget.Absolute(25), networks: ["LinkedIn"])]);
var decisionReport = new DecisionEngineBuilder().Build().Evaluate(FunnelTable.FromRows(decisionRows), [], decisionGoals, ExperimentLog.Empty, new DateOnly(2026, 11, 1));
var linkedInVerdict = decisionReport.Networks.Single(n => n.Network == "LinkedIn");
Check(linkedInVerdict.Verdict == Verdict.Invest && linkedInVerdict.Evidence.Any(e => e.Code == EvidenceCodes.ConversionAbovePeers), "decision engine verdict");
var decisionJson = decisionReport.ToJson();
Check(decisionJson.Contains("\"verdict\": \"invest\"", StringComparison.Ordinal) && DecisionReport.FromJson(decisionJson).ToJson() == decisionJson, "decision report JSON round trip");
var arabicDecisions = new MarkdownReportWriter(ReportOptions.Default with { Language = "ar" }).WriteToString(decisionReport, FunnelTable.FromRows(decisionRows));
Check(arabicDecisions.Contains("| \u2068LinkedIn\u2069 | **استثمر** |", StringComparison.Ordinal) && arabicDecisions.Contains("أعلى بوضوح من", StringComparison.Ordinal), "Arabic decision report with evidence sentences");
Check(new CsvReportWriter().WriteToString(decisionReport).Contains("2026-10,LinkedIn,,,invest,", StringComparison.Ordinal), "decision report CSV");
// Tracking: parse a landing URL, resolve its source, classify its channel (embedded tables load under AOT).
var utm = ChannelMetrics.Tracking.UtmParser.Parse("https://shop.example/p?utm_source=fb&utm_medium=cpc&utm_campaign=spring%20sale&gclid=x");
Check(utm.Success && utm.Tags.Campaign == "spring sale" && utm.Tags.ClickIds.Count == 1, "UTM parsing");
Check(ChannelMetrics.Tracking.SourceResolver.Default.Resolve(utm.Tags.Source!).Name == "Facebook", "source resolution");
Check(ChannelMetrics.Tracking.SourceResolver.Default.Resolve("https://t.co/abc").Name == "X (Twitter)", "referrer resolution");
Check(ChannelMetrics.Tracking.ChannelGrouping.Default.Classify(utm.Tags) == ChannelMetrics.Tracking.DefaultChannel.PaidSocial, "channel grouping");
var utmPool = new ChannelMetrics.Tracking.UtmValuePool();
Check(ChannelMetrics.Tracking.UtmParser.ParseInterned("utm_source=ig&utm_medium=social", utmPool).Source == "ig", "interned parsing");
var customGroup = ChannelMetrics.Tracking.CustomChannelGroup.CreateBuilder("smoke")
    .Add("Ads", ChannelMetrics.Tracking.ChannelCondition.Medium(ChannelMetrics.Tracking.TextMatch.Regex("cp.|paid.*")))
    .Build();
Check(customGroup.Classify(utm.Tags) == "Ads", "custom channel group regex");

// Funnel: aggregate URL events (attribution resolved at ToTable), merge shards, parallel ingest, build the table.
var funnelOptions = FunnelOptions.Default with { TimeZone = zone, Attribution = AttributionModel.FirstTouch };
var funnelShardA = new FunnelAggregator(funnelOptions);
var funnelShardB = new FunnelAggregator(funnelOptions);
var funnelEvents = new[]
{
    new FunnelEvent(new DateTimeOffset(2026, 1, 31, 23, 30, 0, TimeSpan.Zero), FunnelStage.Visit, "c1", "https://shop.example/?utm_source=fb&utm_medium=paid_social&utm_campaign=spring"),
    new FunnelEvent(new DateTimeOffset(2026, 2, 3, 9, 0, 0, TimeSpan.Zero), FunnelStage.Visit, "c1", "https://shop.example/?utm_source=lnkd.in&utm_campaign=b2b"),
    new FunnelEvent(new DateTimeOffset(2026, 2, 4, 9, 0, 0, TimeSpan.Zero), FunnelStage.Lead, "c1", landingUrl: null),
};
funnelShardA.Add(funnelEvents[2]);
funnelShardB.Add(funnelEvents[0]);
funnelShardB.Add(funnelEvents[1]);
funnelShardA.Merge(funnelShardB);
var funnelTable = funnelShardA.ToTable();
var funnelFacebook = funnelTable.Rows.SingleOrDefault(r => r.Network == "Facebook");
Check(funnelFacebook is { Campaign: "spring", Visits: 1, Leads: 1 } && funnelFacebook.Period == Period.Month(2026, 2), "funnel aggregation with first-touch attribution");
Check(funnelFacebook?.VisitToLead.Value == 1.0 && funnelTable.Series(FunnelMetric.Visits, "LinkedIn").Points.Count == 1, "funnel rates and series");
Check(FunnelAggregator.AggregateParallel(funnelEvents, funnelOptions).Rows.SequenceEqual(funnelTable.Rows), "funnel parallel ingest");

// Funnel at a size that takes the block path of AddRange and two parallel workers: the same table as Add one by one.
var bulk = Enumerable.Range(0, 20_000).Select(i => new FunnelEvent(
    new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i * 7),
    i % 10 == 0 ? FunnelStage.Lead : FunnelStage.Visit,
    "c" + (i % 700).ToString(CultureInfo.InvariantCulture),
    "https://shop.example/?utm_source=" + (i % 3 == 0 ? "fb" : "lnkd.in") + "&utm_campaign=c" + (i % 40).ToString(CultureInfo.InvariantCulture))).ToArray();
var oneByOne = new FunnelAggregator();
foreach (var e in bulk)
{
    oneByOne.Add(e);
}

var ranged = new FunnelAggregator();
ranged.AddRange(bulk);
var bulkRows = oneByOne.ToTable().Rows;
Check(ranged.ToTable().Rows.SequenceEqual(bulkRows), "funnel AddRange");
Check(FunnelAggregator.AggregateParallel(bulk, maxDegreeOfParallelism: 2).Rows.SequenceEqual(bulkRows), "funnel ingest on two workers");

// Dependency injection with the full container, as an app registers the library.
using (var services = new ServiceCollection().AddChannelMetrics().BuildServiceProvider())
{
    Check(services.GetRequiredService<DecisionEngine>() is not null && services.GetServices<ReportWriter>().Count() == 3, "dependency injection");
}

foreach (var failure in failures)
{
    Console.Error.WriteLine($"AOT smoke failed: {failure}");
}

Console.WriteLine(failures.Count == 0 ? "AOT smoke: all checks passed" : $"AOT smoke: {failures.Count} checks failed");
return failures.Count == 0 ? 0 : 1;
