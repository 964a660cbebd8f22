using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ChannelMetrics.Goals;

namespace ChannelMetrics.Benchmarks.Goals;

/// <summary>
/// Reading an agency's goal file (30 goals over 6 networks) with full validation, against parsing the same text
/// into System.Text.Json's DOM with no validation: the floor any validating reader starts from.
/// </summary>
[MemoryDiagnoser]
public class GoalSetJsonBenchmarks
{
    private static readonly string[] s_networks = ["Facebook", "Instagram", "LinkedIn", "X (Twitter)", "TikTok", "YouTube"];

    private string _json = "";

    [GlobalSetup]
    public void Setup()
    {
        var goals = new List<Goal>();
        foreach (var network in s_networks)
        {
            string id = network.ToLowerInvariant().Replace(' ', '-');
            goals.Add(Goal.Create(id + "-visits", GoalMetric.Visits, GoalTarget.Absolute(1500), networks: [network]));
            goals.Add(Goal.Create(id + "-leads", GoalMetric.Leads, GoalTarget.Absolute(30), networks: [network], weight: 2, deadline: new DateOnly(2026, 12, 31)));
            goals.Add(Goal.Create(id + "-rate", GoalMetric.VisitToLeadRate, GoalTarget.Absolute(0.04), networks: [network], campaign: id + "-ads"));
            goals.Add(Goal.Create(id + "-growth", GoalMetric.Followers, GoalTarget.GrowthPerPeriod(0.01), networks: [network], description: "One percent more followers a month"));
            goals.Add(Goal.Create(id + "-negative", GoalMetric.NegativeShare, GoalTarget.Absolute(0.15), GoalDirection.AtMost, [network]));
        }

        _json = GoalSet.Create(goals, "Benchmark agency").ToJson();
    }

    [Benchmark(Baseline = true)]
    public int JsonDocumentParseOnly()
    {
        using var document = JsonDocument.Parse(_json);
        return document.RootElement.GetProperty("goals").GetArrayLength();
    }

    [Benchmark]
    public int GoalSetFromJson() => GoalSet.FromJson(_json).Goals.Count;
}
