using System.Globalization;
using ChannelMetrics.Goals;
using ChannelMetrics.Statistics;

namespace ChannelMetrics.Decisions;

internal sealed partial class Assessor
{
    /// <summary>A goal's status, its evidence, its credit towards the weighted share met, and whether it trends significantly towards its target.</summary>
    private readonly record struct GoalResult(GoalStatus Status, Evidence Evidence, double? Credit, bool Improving);

    private GoalResult EvaluateGoal(Subject subject, SubjectGoal subjectGoal)
    {
        var source = subjectGoal.Goal;
        var goal = subjectGoal.Scale == 1
            ? source
            : Goal.Create(source.Id, source.Metric, GoalTarget.Absolute(source.Target.Value * subjectGoal.Scale), source.Direction, weight: source.Weight, deadline: source.Deadline);
        Span<double> compared = _data.Length <= 256 ? stackalloc double[_data.Length] : new double[_data.Length];
        FillCompared(subject, goal, compared);
        var summary = GoalWindow.Summarize(goal, compared, _policy.EvaluationPeriods);
        int length = Math.Min(_policy.TrendPeriods, compared.Length);
        ReadOnlySpan<double> trend = compared[^length..];

        bool atLeast = goal.Direction == GoalDirection.AtLeast;
        double target = goal.Target.Value;
        var mk = MannKendall.Test(trend, Alpha);
        var projection = Projection.PeriodsToReach(trend, target, atLeast ? TargetDirection.AtLeast : TargetDirection.AtMost);
        bool significantTowards = mk.IsComputable && mk.Trend == (atLeast ? TrendDirection.Increasing : TrendDirection.Decreasing);
        bool slopeTowards = projection.Outcome != ProjectionOutcome.NotEnoughData && (atLeast ? projection.Slope > 0 : projection.Slope < 0);
        bool deadlinePassed = goal.Deadline is DateOnly d && d <= _lastDay;

        GoalProgress progress;
        Period? projected = null;
        if (summary.Known == 0)
        {
            progress = GoalProgress.Unknown;
        }
        else if (goal.IsMet(summary.Average) || (projection.Outcome == ProjectionOutcome.AlreadyReached && significantTowards))
        {
            progress = GoalProgress.Met;
        }
        else if (deadlinePassed)
        {
            progress = GoalProgress.Missed;
        }
        else if (projection.Outcome == ProjectionOutcome.InPeriods && slopeTowards)
        {
            // Beyond 1,440 periods is "never" for a marketing plan; beyond 9999-12-31 there is no period to name.
            int ahead = projection.WholePeriods;
            int room = _period.PeriodsUntil(Period.Containing(DateOnly.MaxValue, _period.Granularity));
            bool within;
            if (ahead <= Math.Min(120 * 12, room))
            {
                projected = _period.Offset(ahead);
                within = goal.Deadline is DateOnly deadline ? projected.Value.LastDay <= deadline : ahead <= _policy.ProjectionHorizonPeriods;
            }
            else
            {
                within = false;
            }

            // A significant trend that arrives in time is on track; a significant one too slow for the deadline, or a
            // timely one that may be noise, is behind; a trend that is neither is no reason for hope.
            progress = significantTowards && within ? GoalProgress.OnTrack
                : significantTowards || within ? GoalProgress.Behind
                : GoalProgress.Missed;
        }
        else
        {
            progress = slopeTowards ? GoalProgress.Behind : GoalProgress.Missed;
        }

        double? observed = summary.Known == 0 ? null : summary.Average;
        var status = new GoalStatus
        {
            GoalId = goal.Id,
            Metric = goal.Metric,
            Kind = goal.Kind,
            Direction = goal.Direction,
            TargetForm = goal.Target.Form,
            Target = target,
            Weight = _policy.GoalWeighting == GoalWeighting.Equal ? 1 : goal.Weight,
            Section = goal.Section,
            Inherited = subjectGoal.Inherited,
            TargetScale = subjectGoal.Scale,
            Progress = progress,
            Observed = observed,
            Gap = observed is double o ? goal.Gap(o) : null,
            MetShare = summary.Known == 0 ? null : (double)summary.Met / summary.Known,
            WindowStart = _data.Start.Offset(_windowStart),
            WindowEnd = _period,
            KnownPeriods = summary.Known,
            Slope = projection.Outcome == ProjectionOutcome.NotEnoughData ? null : projection.Slope,
            TrendPValue = mk.IsComputable ? mk.PValue : null,
            ProjectedPeriod = progress is GoalProgress.OnTrack or GoalProgress.Behind ? projected : null,
            ProjectedDate = progress is GoalProgress.OnTrack or GoalProgress.Behind && projected is Period p ? p.End.AddDays(-1) : null,
            Deadline = goal.Deadline,
        };

        double? credit = progress switch
        {
            GoalProgress.Unknown => null,
            GoalProgress.Met or GoalProgress.OnTrack => 1,
            _ => summary.Known == 0 ? 0 : (double)summary.Met / summary.Known,
        };
        return new GoalResult(status, GoalEvidence(subject, goal, status, mk), credit, significantTowards);
    }

    private Evidence GoalEvidence(Subject subject, Goal goal, GoalStatus status, MannKendallResult mk)
    {
        string metric = goal.Metric.ToJsonName();
        string what = string.Create(CultureInfo.InvariantCulture, $"{subject.Name}'s goal {goal.Id} ({Describe(goal)})");
        var target = new EvidenceComparison(ComparisonBasis.Target, status.Target);
        var slope = status.Slope is double s ? new EvidenceStatistic("senSlope", s) : null;
        string observed = status.Observed is double o ? Format(goal, o) : "unknown";
        // What every goal item shares: the goal and its target. Each branch adds its code, numbers and sentence.
        var about = new Evidence { Code = EvidenceCodes.GoalUnknown, Metric = metric, GoalId = goal.Id, Section = goal.Section, ComparedWith = target, Message = string.Empty };
        return status.Progress switch
        {
            GoalProgress.Unknown => about with
            {
                Message = string.Create(CultureInfo.InvariantCulture, $"{what} cannot be judged: no value is known in the last {Counted(_policy.EvaluationPeriods, "period")}."),
            },
            GoalProgress.Met => about with
            {
                Code = EvidenceCodes.GoalMet,
                Value = status.Observed,
                Statistic = slope,
                Message = string.Create(CultureInfo.InvariantCulture, $"{what} is met: {observed} on average over the last {Counted(status.KnownPeriods, "period")} against a target of {Format(goal, status.Target)}."),
            },
            GoalProgress.OnTrack or GoalProgress.Behind => about with
            {
                Code = status.Progress == GoalProgress.OnTrack ? EvidenceCodes.GoalOnTrack : EvidenceCodes.GoalBehind,
                Value = status.Observed,
                Statistic = slope,
                PValue = status.TrendPValue,
                Periods = status.ProjectedPeriod is Period p ? _period.PeriodsUntil(p) : null,
                Message = status.Progress == GoalProgress.OnTrack
                    ? string.Create(CultureInfo.InvariantCulture, $"{what} is on track: {observed} on average, {(goal.Direction == GoalDirection.AtLeast ? "below" : "above")} the target of {Format(goal, status.Target)}, but {(goal.Direction == GoalDirection.AtLeast ? "rising" : "falling")} significantly ({P(mk.PValue)}) and projected to reach it in {status.ProjectedPeriod}{(goal.Deadline is DateOnly d ? string.Create(CultureInfo.InvariantCulture, $", before its deadline {d:yyyy-MM-dd}") : "")}.")
                    : string.Create(CultureInfo.InvariantCulture, $"{what} is behind: {observed} on average against a target of {Format(goal, status.Target)}; {BehindReason(goal, status, mk)}."),
            },
            _ => about with
            {
                Code = EvidenceCodes.GoalMissed,
                Value = status.Observed,
                Statistic = slope,
                PValue = status.TrendPValue,
                Message = string.Create(CultureInfo.InvariantCulture, $"{what} is missed: {observed} on average over the last {Counted(status.KnownPeriods, "period")} against a target of {Format(goal, status.Target)}, met in {Pct(status.MetShare ?? 0)} of them{(goal.Deadline is DateOnly d && d <= _lastDay ? string.Create(CultureInfo.InvariantCulture, $"; its deadline {d:yyyy-MM-dd} has passed") : ", with no trend towards it")}."),
            },
        };
    }

    private string BehindReason(Goal goal, GoalStatus status, MannKendallResult mk)
    {
        bool significant = mk.IsComputable && status.TrendPValue < Alpha;
        string test = mk.IsComputable ? " (" + P(mk.PValue) + ")" : " (too few values to test)";
        if (status.ProjectedPeriod is not Period projected)
        {
            // No period is projected when the trend line never gets there, or only after 1,440 periods or 9999-12-31.
            return significant
                ? string.Create(CultureInfo.InvariantCulture, $"it improves significantly{test}, but too slowly: its trend line would not reach it within 1,440 periods (nor by 9999-12-31)")
                : string.Create(CultureInfo.InvariantCulture, $"the trend line points the right way but not significantly{test}, so it cannot be counted on");
        }

        return significant
            ? string.Create(CultureInfo.InvariantCulture, $"it improves significantly{test} but would only reach it in {projected}{(goal.Deadline is DateOnly d ? string.Create(CultureInfo.InvariantCulture, $", after its deadline {d:yyyy-MM-dd}") : string.Create(CultureInfo.InvariantCulture, $", beyond the {_policy.ProjectionHorizonPeriods}-period horizon"))}")
            : string.Create(CultureInfo.InvariantCulture, $"at the current trend it would reach it in {projected}, but the trend is not significant{test}");
    }

    private static string Describe(Goal goal) => string.Create(CultureInfo.InvariantCulture, $"{goal.Metric.ToJsonName()}{(goal.Section is null ? "" : " [" + goal.Section + "]")} {(goal.Direction == GoalDirection.AtLeast ? "at least" : "at most")} {Format(goal, goal.Target.Value)}");

    private static string Format(Goal goal, double value)
    {
        if (goal.Target.Form == GoalTargetForm.GrowthPerPeriod)
        {
            return (value >= 0 ? "+" : "") + Pct(value) + " a period";
        }

        return goal.Metric.GetValueType() switch
        {
            MetricValueType.Rate => Pct(value),
            MetricValueType.GrowthRate => (value >= 0 ? "+" : "") + Pct(value),
            MetricValueType.Score => value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            _ => Num(value),
        };
    }

    /// <summary>
    /// Fills <paramref name="compared"/> with what the goal compares with its target over the whole range, NaN where
    /// unknown: the metric, or its period-over-period growth for a growth target (as <see cref="Goal.Evaluate"/> does).
    /// </summary>
    private void FillCompared(Subject subject, Goal goal, Span<double> compared)
    {
        var metric = goal.Metric;
        string? section = goal.Section;
        var counts = subject.Counts;
        var snapshots = subject.NetworkData?.Snapshots;
        for (int i = 0; i < compared.Length; i++)
        {
            bool funnel = Known(counts, i);
            long v = counts.Visits[i], l = counts.Leads[i], c = counts.Customers[i];
            var snapshot = snapshots?[i];
            double? value = metric switch
            {
                GoalMetric.Visits => funnel ? v : null,
                GoalMetric.Leads => funnel ? l : null,
                GoalMetric.Customers => funnel ? c : null,
                GoalMetric.VisitToLeadRate => funnel && v > 0 && l <= v ? (double)l / v : null,
                GoalMetric.LeadToCustomerRate => funnel && l > 0 && c <= l ? (double)c / l : null,
                GoalMetric.ShareOfVisits => funnel && _data.Totals.Visits[i] > 0 ? (double)v / _data.Totals.Visits[i] : null,
                GoalMetric.SectionVisits => subject.Campaign is null && section is not null ? _data.SectionVisits(subject.Network, section, i) : null,
                // Follower growth is derived from the follower counts afterwards (see ToGrowthRates).
                _ => snapshot?.ValueOf(metric == GoalMetric.FollowerGrowth ? GoalMetric.Followers : metric),
            };
            compared[i] = value ?? double.NaN;
        }

        if (metric == GoalMetric.FollowerGrowth || goal.Target.Form == GoalTargetForm.GrowthPerPeriod)
        {
            GoalWindow.ToGrowthRates(compared);
        }
    }

}
