using ChannelMetrics.Experiments;
using ChannelMetrics.Statistics;

namespace ChannelMetrics.Decisions;

/// <summary>
/// One reason behind a verdict, as data and as an English sentence. Every number the sentence uses is also a field,
/// so a report can write its own sentence (in another language) from <see cref="Code"/> and the fields.
/// </summary>
/// <remarks>Rates and shares are fractions (0.062 is 6.2 %). No number is ever NaN or infinite. Immutable.</remarks>
public sealed record Evidence
{
    /// <summary>Gets the stable code, one of <see cref="EvidenceCodes"/>.</summary>
    public required string Code { get; init; }

    /// <summary>Gets the metric the evidence is about: a goal metric's JSON name or one of <see cref="EvidenceMetrics"/>; <see langword="null"/> when none.</summary>
    public string? Metric { get; init; }

    /// <summary>Gets the goal the evidence is about, or <see langword="null"/>.</summary>
    public string? GoalId { get; init; }

    /// <summary>Gets the site section the evidence is about (for section shares), or <see langword="null"/>.</summary>
    public string? Section { get; init; }

    /// <summary>Gets the observed value, in the metric's unit, or <see langword="null"/> when the evidence has none.</summary>
    public double? Value { get; init; }

    /// <summary>Gets the confidence interval of <see cref="Value"/> (Wilson, at the funnel's confidence), or <see langword="null"/>.</summary>
    public Interval? Interval { get; init; }

    /// <summary>Gets what the value was compared with, or <see langword="null"/>.</summary>
    public EvidenceComparison? ComparedWith { get; init; }

    /// <summary>Gets the test statistic or estimate (z score, Sen slope), or <see langword="null"/>.</summary>
    public EvidenceStatistic? Statistic { get; init; }

    /// <summary>Gets the two-sided p-value of the test, or <see langword="null"/>.</summary>
    public double? PValue { get; init; }

    /// <summary>Gets a probability, such as P(this rate is higher than the peers'), or <see langword="null"/>.</summary>
    public double? Probability { get; init; }

    /// <summary>Gets a number of periods the evidence covers (trend window, periods to reach a goal, periods covered by experiments), or <see langword="null"/>.</summary>
    public int? Periods { get; init; }

    /// <summary>Gets experiment kinds (to try, or tried), or <see langword="null"/>.</summary>
    public IReadOnlyList<ExperimentKind>? Kinds { get; init => field = ReadOnlyCopy.OfNullable(value); }

    /// <summary>Gets the sentence a marketer reads, in English.</summary>
    public required string Message { get; init; }
}

/// <summary>What an <see cref="Evidence"/> value was compared with.</summary>
/// <param name="Basis">The kind of comparison.</param>
/// <param name="Value">The compared value (target, peers' rate, threshold), or <see langword="null"/>.</param>
/// <param name="Interval">Its interval, or <see langword="null"/>.</param>
public sealed record EvidenceComparison(ComparisonBasis Basis, double? Value, Interval? Interval = null);

/// <summary>A named statistic, such as <c>z</c>, <c>senSlope</c> or <c>tau</c>.</summary>
/// <param name="Name">The statistic's name (stable: <c>z</c>, <c>senSlope</c>, <c>fisherExact</c>).</param>
/// <param name="Value">Its value.</param>
public sealed record EvidenceStatistic(string Name, double Value);
