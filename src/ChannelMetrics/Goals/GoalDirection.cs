namespace ChannelMetrics.Goals;

/// <summary>Whether a goal wants the metric at or above its target, or at or below it.</summary>
public enum GoalDirection
{
    /// <summary>Met when the value is at least the target (more visits).</summary>
    AtLeast = 0,

    /// <summary>Met when the value is at most the target (fewer negative comments).</summary>
    AtMost = 1,
}
