namespace ChannelMetrics.Goals;

/// <summary>How a <see cref="GoalTarget"/> reads.</summary>
public enum GoalTargetForm
{
    /// <summary>
    /// The value the metric should reach each period, in the metric's own unit: a count or money per period,
    /// a rate in [0, 1], a growth rate, or a score in [−1, 1].
    /// </summary>
    Absolute = 0,

    /// <summary>
    /// The relative change per period the metric should show (0.1 = 10 % more than the previous period);
    /// only for count and money metrics.
    /// </summary>
    GrowthPerPeriod = 1,
}
