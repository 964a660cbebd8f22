using ChannelMetrics.Experiments;

namespace ChannelMetrics.Decisions;

/// <summary>The verdict on one network, or one campaign within a network, with its goals' status and the evidence.</summary>
/// <remarks>Immutable: each list is copied when set and cannot be changed through the property. Record equality compares the lists by reference, as C# records do; compare <see cref="DecisionReport.ToJson()"/> output for equal content. Lists are in a deterministic order: goal statuses in goal-set order, evidence in the order the rules ran, campaigns by name (ordinal).</remarks>
public sealed record ChannelAssessment
{
    /// <summary>Gets the network's canonical name.</summary>
    public required string Network { get; init; }

    /// <summary>Gets the campaign, or <see langword="null"/> for a network as a whole.</summary>
    public string? Campaign { get; init; }

    /// <summary>Gets the display name: the campaign for a campaign, else the network.</summary>
    public string Name => Campaign ?? Network;

    /// <summary>Gets the verdict.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>Gets how firmly the data support the verdict (see <see cref="ConfidenceLevel"/> for the scale).</summary>
    public required ConfidenceLevel Confidence { get; init; }

    /// <summary>Gets the role (for a campaign, relative to the other campaigns of its network).</summary>
    public required NetworkRole Role { get; init; }

    /// <summary>Gets what an <see cref="Verdict.Optimize"/> asks to work on (or what a traffic-driver <see cref="Verdict.Keep"/> is judged on).</summary>
    public OptimizationFocus Focus { get; init; }

    /// <summary>Gets the experiment kinds to try, for an <see cref="Verdict.Experiment"/>; empty otherwise.</summary>
    public IReadOnlyList<ExperimentKind> SuggestedExperiments { get; init => field = ReadOnlyCopy.Of(value, nameof(SuggestedExperiments)); } = [];

    /// <summary>Gets the visits in the evaluation window.</summary>
    public long Visits { get; init; }

    /// <summary>Gets the leads in the evaluation window.</summary>
    public long Leads { get; init; }

    /// <summary>Gets the customers in the evaluation window.</summary>
    public long Customers { get; init; }

    /// <summary>Gets the number of periods with data up to the evaluation period.</summary>
    public int HistoryPeriods { get; init; }

    /// <summary>Gets the status of each goal that applies, in goal-set order.</summary>
    public IReadOnlyList<GoalStatus> GoalStatuses { get; init => field = ReadOnlyCopy.Of(value, nameof(GoalStatuses)); } = [];

    /// <summary>
    /// Gets the evidence, from the facts that support the verdict to the one that decided it, last: <c>Evidence[^1]</c>
    /// is the reason to quote (a goal attainment, a rate above or below the peers, a trend, too little data), never a
    /// side note such as an ROI that cannot be computed.
    /// </summary>
    public IReadOnlyList<Evidence> Evidence { get; init => field = ReadOnlyCopy.Of(value, nameof(Evidence)); } = [];

    /// <summary>Gets the campaigns of a network, judged separately (empty for a campaign, or when the data have no campaigns).</summary>
    public IReadOnlyList<ChannelAssessment> Campaigns { get; init => field = ReadOnlyCopy.Of(value, nameof(Campaigns)); } = [];
}
