using ChannelMetrics.Decisions;
using ChannelMetrics.Experiments;
using ChannelMetrics.Funnel;
using ChannelMetrics.Goals;
using ChannelMetrics.Tracking;

// 1. Read tracking links: the network behind a messy utm_source, and what is wrong with a link.
string[] links =
[
    "https://app.example/pricing?utm_source=lnkd.in&utm_medium=paid_social&utm_campaign=cfo-guide",
    "https://app.example/?utm_source=fb&utm_medium=social&utm_campaign=spring",
    "https://app.example/blog/close?UTM_SOURCE=t.co&utm_medium=social&utm_campaign=blog-threads",
];
foreach (UtmParseResult parsed in links.Select(link => UtmParser.Parse(link)))
    Console.WriteLine($"{SourceResolver.Default.Resolve(parsed.Tags.Source!).Name,-12} {parsed.Tags.Campaign,-13} {(parsed.Diagnostics.Count == 0 ? "clean" : string.Join(" ", parsed.Diagnostics.Select(d => d.Id + ": " + d.Message)))}");

// 2. Six months of visits and leads: LinkedIn sends few visitors who convert, X many who do not.
var aggregator = new FunnelAggregator(FunnelOptions.Default with { Attribution = AttributionModel.FirstTouch });
var random = new Random(42);
for (int i = 0; i < 9_000; i++)
{
    int source = i % 10 == 0 ? 0 : 1 + (i % 2);                          // 10 % LinkedIn, 40 % Facebook, 50 % X
    var when = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero).AddMinutes(i * 28.9);
    aggregator.Add(new FunnelEvent(when, FunnelStage.Visit, $"visitor-{i}", links[source]));
    if (random.NextDouble() < (source == 0 ? 0.08 : source == 1 ? 0.02 : 0.004))
    {
        aggregator.Add(new FunnelEvent(when.AddMinutes(9), FunnelStage.Lead, $"visitor-{i}", landingUrl: null));
    }
}

// 3. What the team wants, then a verdict per network with the reason that decided it (the evidence ends with it).
GoalSet goals = GoalSet.FromJson("""
    { "schemaVersion": 1, "goals": [ { "id": "leads", "metric": "leads", "target": 8, "direction": "atLeast" },
      { "id": "x-visits", "metric": "visits", "target": 600, "direction": "atLeast", "networks": [ "X (Twitter)" ] } ] }
    """);
DecisionReport report = new DecisionEngineBuilder().Build().Evaluate(aggregator.ToTable(), [], goals, ExperimentLog.Empty, new DateOnly(2026, 7, 1));
foreach (ChannelAssessment n in report.Networks)
    Console.WriteLine($"{n.Network,-12} {n.Visits,5:N0} visits {n.Leads,4} leads  {n.Verdict,-8} {n.Evidence[^1].Message}");
