using System.Globalization;
using AgencyReport.Output;
using ChannelMetrics.Decisions;
using ChannelMetrics.Goals;

namespace AgencyReport.Analysis;

/// <summary>Puts the decision engine's verdicts, evidence and goal statuses into the report model.</summary>
internal static class Verdicts
{
    /// <summary>
    /// Adds each network's assessment to its section, and orders the sections as a reader wants them:
    /// the networks that need a decision first, by verdict, then by visits.
    /// </summary>
    public static IReadOnlyList<NetworkView> Apply(IReadOnlyList<NetworkView> networks, DecisionReport report)
    {
        ArgumentNullException.ThrowIfNull(networks);
        ArgumentNullException.ThrowIfNull(report);
        var byName = report.Networks.ToDictionary(a => a.Network, StringComparer.OrdinalIgnoreCase);
        var result = new List<NetworkView>(networks.Count);
        foreach (NetworkView view in networks)
        {
            if (!byName.TryGetValue(view.Network, out ChannelAssessment? a))
            {
                result.Add(view);
                continue;
            }

            var campaigns = view.Campaigns.Select(c =>
            {
                ChannelAssessment? ca = a.Campaigns.FirstOrDefault(x => string.Equals(x.Campaign, c.Campaign, StringComparison.Ordinal));
                return ca is null ? c : c with { Verdict = ca.Verdict.ToString(), Reason = Reason(ca) };
            }).ToList();

            result.Add(view with
            {
                Verdict = a.Verdict.ToString(),
                Confidence = a.Confidence.ToString().ToLowerInvariant(),
                Role = Role(a.Role),
                Evidence = a.Evidence.Where(e => !IsSingleGoal(e.Code)).Select(e => e.Message).ToList(),
                Goals = a.GoalStatuses.Select(Goal).ToList(),
                Campaigns = campaigns,
            });
        }

        return result
            .OrderBy(v => v.Verdict is null ? 1 : 0)
            .ThenBy(v => Rank(v.Verdict))
            .ThenByDescending(v => v.Visits)
            .ToList();
    }

    /// <summary>One goal's status: listed under "Goals" already, so left out of "Why" (the summary of all goals stays).</summary>
    private static bool IsSingleGoal(string code) =>
        code is EvidenceCodes.GoalMet or EvidenceCodes.GoalOnTrack or EvidenceCodes.GoalBehind or EvidenceCodes.GoalMissed or EvidenceCodes.GoalUnknown or EvidenceCodes.GoalInherited;

    /// <summary>Invest first (where to put more), then what needs action, then what can stay, then what cannot be judged.</summary>
    private static int Rank(string? verdict) => verdict switch
    {
        nameof(Verdict.Invest) => 0,
        nameof(Verdict.Cut) => 1,
        nameof(Verdict.Reduce) => 2,
        nameof(Verdict.Optimize) => 3,
        nameof(Verdict.Experiment) => 4,
        nameof(Verdict.Keep) => 5,
        _ => 6,
    };

    private static string Role(NetworkRole role) => role switch
    {
        NetworkRole.TrafficDriver => "traffic driver",
        NetworkRole.ReachBuilder => "reach builder",
        _ => role.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// The campaign's reason in a line or two: its evidence other than goal statuses (conversion, trend,
    /// experiments, ROI), which says why better than "goals missed" does; the goal summary otherwise.
    /// </summary>
    private static string? Reason(ChannelAssessment campaign)
    {
        var reasons = campaign.Evidence.Where(e => !e.Code.StartsWith("Goal", StringComparison.Ordinal)).Take(2).Select(e => e.Message).ToList();
        return reasons.Count > 0 ? string.Join(" ", reasons) : campaign.Evidence.FirstOrDefault(e => e.Code != EvidenceCodes.GoalInherited)?.Message;
    }

    private static string Goal(GoalStatus g)
    {
        MetricValueType type = g.TargetForm == GoalTargetForm.GrowthPerPeriod ? MetricValueType.GrowthRate : g.Metric.GetValueType();
        string direction = g.Direction == GoalDirection.AtMost ? "at most" : "at least";
        string observed = g.Observed is double o ? ", observed " + Value(o, type) : "";
        string deadline = g.Deadline is DateOnly d ? $", deadline {d:yyyy-MM-dd}" : "";
        string projected = g.Progress is not GoalProgress.Met && g.ProjectedPeriod is { } p ? $", projected to be reached in {p}" : "";
        string section = g.Section is null ? "" : $" ({g.Section})";
        return $"{g.GoalId}: {g.Metric.ToJsonName()}{section} {direction} {Value(g.Target, type)}: {Progress(g)}{observed}{deadline}{projected}";
    }

    /// <summary>
    /// The engine's progress in words. "Missed" before the deadline means no trend gives a reason to expect the
    /// target in time, which a reader would not guess from the word alone.
    /// </summary>
    private static string Progress(GoalStatus g) => g.Progress switch
    {
        GoalProgress.OnTrack => "on track",
        GoalProgress.Missed when g.Deadline is DateOnly deadline && deadline >= g.WindowEnd.End => "missed (no trend towards it before the deadline)",
        _ => g.Progress.ToString().ToLowerInvariant(),
    };

    private static string Value(double value, MetricValueType type) => type switch
    {
        MetricValueType.Rate => value.ToString("0.0%", CultureInfo.InvariantCulture),
        MetricValueType.GrowthRate => value.ToString("+0.0%;-0.0%", CultureInfo.InvariantCulture) + " a month",
        MetricValueType.Money => "EUR " + value.ToString("#,0", CultureInfo.InvariantCulture),
        MetricValueType.Score => value.ToString("+0.00;-0.00", CultureInfo.InvariantCulture),
        _ => value.ToString("#,0.#", CultureInfo.InvariantCulture),
    };
}
