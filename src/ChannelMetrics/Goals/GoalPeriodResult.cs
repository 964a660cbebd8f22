namespace ChannelMetrics.Goals;

/// <summary>How one period did against a goal.</summary>
/// <param name="Period">The period.</param>
/// <param name="Value">The compared value (the metric, or its growth on the previous period for a growth target); <see langword="null"/> when unknown.</param>
/// <param name="Gap">The direction-aware gap (see <see cref="Goal.Gap"/>): zero or more when met; <see langword="null"/> when unknown.</param>
/// <param name="Outcome">Met, missed, or unknown.</param>
public readonly record struct GoalPeriodResult(Period Period, double? Value, double? Gap, GoalOutcome Outcome);
