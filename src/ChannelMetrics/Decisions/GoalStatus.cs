using ChannelMetrics.Goals;

namespace ChannelMetrics.Decisions;

/// <summary>How one goal stands for one network or campaign at the evaluation date.</summary>
/// <remarks>
/// <para>Values are in the goal metric's unit (the growth rate for a growth-per-period target). The window is the last
/// <see cref="DecisionPolicy.EvaluationPeriods"/> periods up to the evaluation period; the trend and projection use the last
/// <see cref="DecisionPolicy.TrendPeriods"/>.</para>
/// <para>Immutable; never NaN or infinite.</para>
/// </remarks>
public sealed record GoalStatus
{
    /// <summary>Gets the goal's id.</summary>
    public required string GoalId { get; init; }

    /// <summary>Gets the goal's metric.</summary>
    public required GoalMetric Metric { get; init; }

    /// <summary>Gets the goal's kind.</summary>
    public required GoalKind Kind { get; init; }

    /// <summary>Gets whether the target is at least or at most.</summary>
    public required GoalDirection Direction { get; init; }

    /// <summary>Gets how the target reads (absolute, or growth per period).</summary>
    public required GoalTargetForm TargetForm { get; init; }

    /// <summary>Gets the target the status is judged against (scaled for an inherited count goal, see <see cref="TargetScale"/>).</summary>
    public required double Target { get; init; }

    /// <summary>Gets the goal's weight as used (1 for every goal under <see cref="GoalWeighting.Equal"/>).</summary>
    public required double Weight { get; init; }

    /// <summary>Gets the site section of a section-visits goal, or <see langword="null"/>.</summary>
    public string? Section { get; init; }

    /// <summary>Gets whether a campaign inherits this goal from its network (it has no goal of its own).</summary>
    public bool Inherited { get; init; }

    /// <summary>Gets the factor applied to the network's target for an inherited goal: the campaign's share of the network's visits for a count goal, 1 for a rate.</summary>
    public double TargetScale { get; init; } = 1;

    /// <summary>Gets the progress.</summary>
    public required GoalProgress Progress { get; init; }

    /// <summary>Gets the window's average of the compared value, or <see langword="null"/> when none is known.</summary>
    public double? Observed { get; init; }

    /// <summary>Gets the direction-aware gap of <see cref="Observed"/> to the target: zero or more when met, negative when short; <see langword="null"/> when unknown.</summary>
    public double? Gap { get; init; }

    /// <summary>Gets the share of the window's known periods that met the target, or <see langword="null"/> when none is known.</summary>
    public double? MetShare { get; init; }

    /// <summary>Gets the first period of the evaluation window.</summary>
    public required Period WindowStart { get; init; }

    /// <summary>Gets the last period of the evaluation window (the evaluation period).</summary>
    public required Period WindowEnd { get; init; }

    /// <summary>Gets the number of periods in the window with a known value.</summary>
    public required int KnownPeriods { get; init; }

    /// <summary>Gets the Sen slope per period of the compared value over the trend window, or <see langword="null"/> when not computable.</summary>
    public double? Slope { get; init; }

    /// <summary>Gets the Mann-Kendall two-sided p-value over the trend window, or <see langword="null"/> when not computable.</summary>
    public double? TrendPValue { get; init; }

    /// <summary>Gets the first period in which the trend line reaches the target, or <see langword="null"/> when met, never at this trend, or not computable.</summary>
    public Period? ProjectedPeriod { get; init; }

    /// <summary>Gets the last day of <see cref="ProjectedPeriod"/>, or <see langword="null"/>.</summary>
    public DateOnly? ProjectedDate { get; init; }

    /// <summary>Gets the goal's deadline, or <see langword="null"/>.</summary>
    public DateOnly? Deadline { get; init; }
}
