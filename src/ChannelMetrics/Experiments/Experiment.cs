using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ChannelMetrics.Experiments;

/// <summary>Something a team tried on a network (or one campaign on it), from when to when, and how it went.</summary>
/// <remarks>Immutable and thread-safe. Dates are calendar dates; <see cref="End"/> is inclusive.</remarks>
public sealed class Experiment : IEquatable<Experiment>
{
    private Experiment(string network, string? campaign, ExperimentKind kind, string description, DateOnly start, DateOnly? end, string? outcome)
    {
        Network = network;
        Campaign = campaign;
        Kind = kind;
        Description = description;
        Start = start;
        End = end;
        Outcome = outcome;
    }

    /// <summary>Gets the canonical network name.</summary>
    public string Network { get; }

    /// <summary>Gets the campaign the experiment ran in, or <see langword="null"/> for the network as a whole.</summary>
    public string? Campaign { get; }

    /// <summary>Gets what the experiment changed.</summary>
    public ExperimentKind Kind { get; }

    /// <summary>Gets what was tried, in a sentence.</summary>
    public string Description { get; }

    /// <summary>Gets the first day of the experiment.</summary>
    public DateOnly Start { get; }

    /// <summary>Gets the last day of the experiment (inclusive), or <see langword="null"/> while it is still running.</summary>
    public DateOnly? End { get; }

    /// <summary>Gets a note on how it went, or <see langword="null"/>.</summary>
    public string? Outcome { get; }

    /// <summary>Creates an experiment.</summary>
    /// <param name="network">The canonical network name; surrounding white space is removed.</param>
    /// <param name="kind">What the experiment changed.</param>
    /// <param name="description">What was tried.</param>
    /// <param name="start">The first day.</param>
    /// <param name="end">The last day (inclusive), not before <paramref name="start"/>; <see langword="null"/> while running.</param>
    /// <param name="campaign">The campaign, or <see langword="null"/> for the whole network.</param>
    /// <param name="outcome">A note on how it went, or <see langword="null"/>.</param>
    /// <returns>The experiment.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; the exception names the parameter.</exception>
    public static Experiment Create(string network, ExperimentKind kind, string description, DateOnly start, DateOnly? end = null, string? campaign = null, string? outcome = null)
    {
        if (Validate(network, kind, description, start, end, campaign) is { } error)
        {
            throw new ArgumentException(error.Message, error.Field);
        }

        return new Experiment(network.Trim(), campaign, kind, description, start, end, string.IsNullOrWhiteSpace(outcome) ? null : outcome);
    }

    /// <summary>Returns whether the experiment ran on any day from <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    /// <param name="from">The first day of the window.</param>
    /// <param name="to">The last day of the window.</param>
    /// <param name="asOf">The day a still-running experiment is taken to run until.</param>
    /// <returns><see langword="true"/> when the experiment's days and the window share a day.</returns>
    public bool Overlaps(DateOnly from, DateOnly to, DateOnly asOf)
    {
        var end = End ?? asOf;
        return Start <= to && end >= from && end >= Start;
    }

    /// <inheritdoc/>
    public bool Equals([NotNullWhen(true)] Experiment? other) =>
        other is not null
        && string.Equals(Network, other.Network, StringComparison.Ordinal)
        && string.Equals(Campaign, other.Campaign, StringComparison.Ordinal)
        && Kind == other.Kind
        && string.Equals(Description, other.Description, StringComparison.Ordinal)
        && Start == other.Start
        && End == other.End
        && string.Equals(Outcome, other.Outcome, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as Experiment);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Network), Campaign, Kind, Start, End);

    /// <summary>Returns a one-line description, for example "Instagram 2025-03-01..2025-04-30 ContentFormat: reels".</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Network}{(Campaign is null ? "" : $"/{Campaign}")} {Start:yyyy-MM-dd}..{(End is DateOnly e ? e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")} {Kind}: {Description}");

    internal static (string Field, string Message)? Validate(string? network, ExperimentKind kind, string? description, DateOnly start, DateOnly? end, string? campaign)
    {
        if (string.IsNullOrWhiteSpace(network))
        {
            return ("network", "expected a non-empty network name");
        }

        if ((uint)kind > (uint)ExperimentKind.Other)
        {
            return ("kind", "unknown experiment kind; expected contentFormat, postingTime, tone, audience, budget or other");
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            return ("description", "expected a non-empty description of what was tried");
        }

        if (end is DateOnly last && last < start)
        {
            return ("end", FormattableString.Invariant($"end {last:yyyy-MM-dd} is before start {start:yyyy-MM-dd}; expected an end on or after the start"));
        }

        if (campaign is not null && string.IsNullOrWhiteSpace(campaign))
        {
            return ("campaign", "expected a non-empty campaign name, or no campaign");
        }

        return null;
    }
}
