using BenchmarkDotNet.Attributes;
using ChannelMetrics.Decisions;
using ChannelMetrics.Experiments;
using ChannelMetrics.Funnel;
using ChannelMetrics.Goals;
using ChannelMetrics.Metrics;

namespace ChannelMetrics.Benchmarks.Decisions;

/// <summary>
/// One full evaluation: every network and every campaign judged, goals evaluated with trends and projections, rates
/// compared with the portfolio and the sibling campaigns. <c>Full</c> is the 200 networks × 50 campaigns × 36
/// months (360,000 funnel rows, 7,200 snapshots, 800 goals, 100 experiments); <c>Ci</c> is 5 × 5 × 12 so CI's Dry run
/// stays short. The report holds 10,200 assessments and about 100,000 evidence items with their sentences, which is
/// most of what the evaluation allocates.
/// </summary>
/// <remarks>
/// There is no peer baseline: no library we know of makes these decisions, and the naive way to gather the series
/// through the public table queries (one <see cref="FunnelTable.Series"/> scan of every row per goal and campaign) is
/// quadratic, about 10<sup>10</sup> row visits at full size, which would take minutes per operation. The engine indexes
/// the rows once instead.
/// </remarks>
[MemoryDiagnoser]
public class DecisionEngineBenchmarks
{
    private static readonly DateOnly s_date = new(2026, 11, 1);
    private readonly DecisionEngine _engine = new DecisionEngineBuilder { Policy = DecisionPolicy.Default with { HourlyRate = 50m } }.Build();
    private readonly DecisionEngine _parallel = new DecisionEngineBuilder { Policy = DecisionPolicy.Default with { HourlyRate = 50m }, MaxDegreeOfParallelism = -1 }.Build();
    private FunnelTable _table = FunnelTable.FromRows([]);
    private ChannelSnapshot[] _snapshots = [];
    private GoalSet _goals = GoalSet.Empty;
    private ExperimentLog _experiments = ExperimentLog.Empty;

    /// <summary>Gets or sets the data size: <c>Ci</c> (5 × 5 × 12) or <c>Full</c> (200 × 50 × 36).</summary>
    [Params("Ci", "Full")]
    public string Size { get; set; } = "Ci";

    [GlobalSetup]
    public void Setup()
    {
        (int networks, int campaigns, int months) = Size == "Full" ? (200, 50, 36) : (5, 5, 12);
        var random = new Random(7);
        var last = Period.Month(2026, 10);
        var rows = new List<FunnelRecord>(networks * campaigns * months);
        var snapshots = new List<ChannelSnapshot>(networks * months);
        var goals = new List<Goal>();
        var experiments = new List<Experiment>();
        for (int n = 0; n < networks; n++)
        {
            string network = "network-" + n.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
            double drift = (random.NextDouble() - 0.5) * 0.06;
            for (int c = 0; c < campaigns; c++)
            {
                string campaign = "campaign-" + c.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
                double visits = random.Next(10, 500);
                double rate = 0.005 + (random.NextDouble() * 0.07);
                for (int m = 0; m < months; m++)
                {
                    long v = (long)Math.Max(0, Math.Round(visits * (1 + (drift * m)) * (0.9 + (random.NextDouble() * 0.2))));
                    long l = (long)Math.Round(v * rate * (0.8 + (random.NextDouble() * 0.4)));
                    rows.Add(new FunnelRecord(last.Offset(m - months + 1), network, v, l, (long)Math.Round(l * 0.15), Campaign: campaign));
                }
            }

            for (int m = 0; m < months; m++)
            {
                snapshots.Add(new ChannelSnapshot
                {
                    Period = last.Offset(m - months + 1),
                    Network = network,
                    Followers = 1000 + (m * random.Next(0, 40)),
                    PositiveCount = random.Next(50, 100),
                    NeutralCount = random.Next(20, 60),
                    NegativeCount = random.Next(0, 30),
                    Spend = random.Next(0, 3) * 500m,
                    HoursSpent = random.Next(5, 40),
                    Revenue = random.Next(0, 4) * 2400m,
                });
            }

            goals.Add(Goal.Create(network + "-visits", GoalMetric.Visits, GoalTarget.Absolute(campaigns * 200), networks: [network]));
            goals.Add(Goal.Create(network + "-leads", GoalMetric.Leads, GoalTarget.Absolute(campaigns * 6), networks: [network], weight: 2, deadline: new DateOnly(2027, 6, 30)));
            goals.Add(Goal.Create(network + "-rate", GoalMetric.VisitToLeadRate, GoalTarget.Absolute(0.03), networks: [network]));
            goals.Add(Goal.Create(network + "-negative", GoalMetric.NegativeShare, GoalTarget.Absolute(0.15), GoalDirection.AtMost, networks: [network], weight: 0.5));
            if (n % 2 == 0)
            {
                experiments.Add(Experiment.Create(network, (ExperimentKind)(n % 5), "test", new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)));
            }
        }

        _table = FunnelTable.FromRows(rows);
        _snapshots = [.. snapshots];
        _goals = GoalSet.Create(goals);
        _experiments = ExperimentLog.Create(experiments);
    }

    /// <summary>One network after the other (the default).</summary>
    [Benchmark]
    public DecisionReport Evaluate() => _engine.Evaluate(_table, _snapshots, _goals, _experiments, s_date);

    /// <summary>Networks judged on every core (<see cref="DecisionEngineBuilder.MaxDegreeOfParallelism"/> = -1); same report.</summary>
    [Benchmark]
    public DecisionReport EvaluateInParallel() => _parallel.Evaluate(_table, _snapshots, _goals, _experiments, s_date);
}
