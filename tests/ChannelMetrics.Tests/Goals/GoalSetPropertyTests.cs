using ChannelMetrics.Experiments;
using ChannelMetrics.Goals;
using CsCheck;

namespace ChannelMetrics.Tests.Goals;

// "A round trip loses nothing", checked on random goal sets and experiment logs: every metric and target form,
// doubles down to their last bit, and free text with quotes, backslashes, control characters, Arabic and emoji.
public sealed class GoalSetPropertyTests
{
    private static readonly Gen<string> s_text = Gen.String[Gen.OneOf(Gen.Char['\u0000', '\u007F'], Gen.Char['\u0600', '\u06FF'], Gen.Char['\u00A0', '\uD7FF']), 1, 20]
        .Select(Gen.OneOf(Gen.Const(""), Gen.Const("\"quoted\" \\ 😀")), (s, extra) => s + extra)
        .Where(s => !string.IsNullOrWhiteSpace(s));

    private static readonly Gen<string> s_network = Gen.OneOf("Facebook", "LinkedIn", "X (Twitter)", "إنستغرام", "tiktok", "(direct)");

    private static readonly Gen<GoalTarget> s_anyValue = Gen.Double[-1e9, 1e9].Select(GoalTarget.Absolute);

    private static Gen<GoalTarget> TargetFor(GoalMetric metric) => metric.GetValueType() switch
    {
        MetricValueType.Count or MetricValueType.Money => Gen.OneOf(
            Gen.Double[0, 1e9].Select(GoalTarget.Absolute),
            Gen.Double[-1, 10].Select(GoalTarget.GrowthPerPeriod)),
        MetricValueType.Rate => Gen.Double[0, 1].Select(GoalTarget.Absolute),
        MetricValueType.GrowthRate => Gen.Double[-1, 100].Select(GoalTarget.Absolute),
        MetricValueType.Score => Gen.Double[-1, 1].Select(GoalTarget.Absolute),
        _ => s_anyValue,
    };

    private static readonly Gen<Goal> s_goal =
        Gen.Int[0, GoalMetricExtensions.All.Count - 1].Select(i => (GoalMetric)i).SelectMany(metric =>
            Gen.Select(
                TargetFor(metric),
                Gen.Bool,
                s_network.Array[0, 3].Select(a => a.Distinct(StringComparer.OrdinalIgnoreCase).ToArray()),
                Gen.Select(s_text.Null(), Gen.Double[1e-6, 1e6], Gen.Int[-500, 5000].Select(d => d < 0 ? (DateOnly?)null : DateOnly.FromDayNumber(739000 + d)), s_text.Null()),
                (target, atMost, networks, rest) => Goal.Create(
                    "id",
                    metric,
                    target,
                    atMost ? GoalDirection.AtMost : GoalDirection.AtLeast,
                    networks.Length == 0 ? null : networks,
                    rest.Item1,
                    rest.Item2,
                    rest.Item3 is DateOnly d ? d : null,
                    metric == GoalMetric.SectionVisits ? "blog" : null,
                    rest.Item4)));

    [Test]
    public void GoalSet_RandomSets_RoundTripExactly()
    {
        s_goal.Array[0, 8].Select(s_text.Null()).Sample(
            t =>
            {
                var (goals, name) = t;
                var set = GoalSet.Create(goals.Select((g, i) => Goal.Create($"g{i}", g.Metric, g.Target, g.Direction, g.AppliesToAllNetworks ? null : g.Networks, g.Campaign, g.Weight, g.Deadline, g.Section, g.Description)), name);
                var back = GoalSet.FromJson(set.ToJson());
                if (!back.Equals(set))
                {
                    throw new AssertionException($"Round trip changed the set:\n{set.ToJson()}\n{back.ToJson()}");
                }
            },
            seed: "0N0XIzNsQ0O2",
            iter: 300,
            threads: 1);
    }

    [Test]
    public void ExperimentLog_RandomLogs_RoundTripExactly()
    {
        var experiment = Gen.Select(
            s_network,
            Gen.Int[0, 5].Select(k => (ExperimentKind)k),
            s_text,
            Gen.Int[0, 5000].Select(d => DateOnly.FromDayNumber(739000 + d)),
            Gen.Int[-100, 400].Select(l => l < 0 ? (int?)null : l),
            Gen.Select(s_text.Null(), s_text.Null()),
            (network, kind, description, start, length, rest) =>
                Experiment.Create(network, kind, description, start, length is int l ? start.AddDays(l) : null, rest.Item1, rest.Item2));

        experiment.Array[0, 8].Sample(
            experiments =>
            {
                var log = ExperimentLog.Create(experiments);
                if (!ExperimentLog.FromJson(log.ToJson()).Equals(log))
                {
                    throw new AssertionException($"Round trip changed the log:\n{log.ToJson()}");
                }
            },
            seed: "0N0XIzNsQ0O2",
            iter: 300,
            threads: 1);
    }
}
