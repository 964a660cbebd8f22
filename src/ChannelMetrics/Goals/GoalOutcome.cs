namespace ChannelMetrics.Goals;

/// <summary>How one period did against a goal.</summary>
public enum GoalOutcome
{
    /// <summary>The value is unknown: a gap in the data, neither met nor missed.</summary>
    Unknown = 0,

    /// <summary>The value met the target.</summary>
    Met = 1,

    /// <summary>The value missed the target.</summary>
    Missed = 2,
}
