using ChannelMetrics.Metrics;

namespace ChannelMetrics.Goals;

/// <summary>How a goal did over a window of periods. Unknown periods are gaps: they are neither met nor missed.</summary>
/// <param name="FirstPeriod">The window's first period, or <see langword="null"/> for an empty window.</param>
/// <param name="LastPeriod">The window's last period, or <see langword="null"/> for an empty window.</param>
/// <param name="PeriodCount">Periods in the window, unknown ones included.</param>
/// <param name="KnownCount">Periods with a known value.</param>
/// <param name="MetCount">Periods that met the target.</param>
/// <param name="MissedCount">Periods that missed the target.</param>
/// <param name="MetShare">Met periods / known periods; not computable when no value is known.</param>
/// <param name="MeanGap">The mean direction-aware gap over known periods (positive = better than the target on average).</param>
/// <param name="Average">The mean compared value over known periods (an unweighted mean, also for rates).</param>
/// <param name="AverageMeetsTarget">Whether <paramref name="Average"/> meets the target; <see langword="null"/> when no value is known.</param>
/// <param name="LatestKnown">The last period of the window with a known value, or <see langword="null"/>.</param>
public sealed record GoalWindowSummary(
    Period? FirstPeriod,
    Period? LastPeriod,
    int PeriodCount,
    int KnownCount,
    int MetCount,
    int MissedCount,
    MetricValue MetShare,
    MetricValue MeanGap,
    MetricValue Average,
    bool? AverageMeetsTarget,
    GoalPeriodResult? LatestKnown);
