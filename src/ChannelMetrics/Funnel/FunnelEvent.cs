using System.Diagnostics.CodeAnalysis;
using ChannelMetrics.Tracking;

namespace ChannelMetrics.Funnel;

/// <summary>
/// One funnel event: when it happened, its stage, who (optionally) and where it came from — a landing URL
/// or query string, or tags already parsed — with an optional referrer.
/// </summary>
/// <remarks>
/// The referrer is used when the tags carry no <c>utm_source</c>; with neither the event is direct.
/// A small immutable value; <c>default</c> is a visit at <see cref="DateTimeOffset.MinValue"/> with no origin.
/// </remarks>
public readonly struct FunnelEvent : IEquatable<FunnelEvent>
{
    /// <summary>Creates an event from a landing URL (or a path with a query, or a bare query), with no referrer.</summary>
    /// <param name="timestamp">When the event happened.</param>
    /// <param name="stage">The funnel stage.</param>
    /// <param name="visitorId">The visitor (contact) id, or <see langword="null"/> when unknown.</param>
    /// <param name="landingUrl">The landing URL or query, or <see langword="null"/> when there is none.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stage"/> is not defined.</exception>
    public FunnelEvent(DateTimeOffset timestamp, FunnelStage stage, string? visitorId, string? landingUrl)
        : this(timestamp, stage, visitorId, landingUrl, (string?)null)
    {
    }

    /// <summary>Creates an event from a landing URL (or a path with a query, or a bare query) and a referrer.</summary>
    /// <param name="timestamp">When the event happened.</param>
    /// <param name="stage">The funnel stage.</param>
    /// <param name="visitorId">The visitor (contact) id, or <see langword="null"/> when unknown.</param>
    /// <param name="landingUrl">The landing URL or query, or <see langword="null"/> when there is none.</param>
    /// <param name="referrer">The referrer URL or host, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stage"/> is not defined.</exception>
    public FunnelEvent(DateTimeOffset timestamp, FunnelStage stage, string? visitorId, string? landingUrl, string? referrer)
    {
        ValidateStage(stage);
        Timestamp = timestamp;
        Stage = stage;
        VisitorId = visitorId;
        LandingUrl = landingUrl;
        Referrer = referrer;
    }

    /// <summary>Creates an event from tags already parsed, with no referrer.</summary>
    /// <param name="timestamp">When the event happened.</param>
    /// <param name="stage">The funnel stage.</param>
    /// <param name="visitorId">The visitor (contact) id, or <see langword="null"/> when unknown.</param>
    /// <param name="tags">The parsed tags.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tags"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stage"/> is not defined.</exception>
    public FunnelEvent(DateTimeOffset timestamp, FunnelStage stage, string? visitorId, UtmTags tags)
        : this(timestamp, stage, visitorId, tags, null)
    {
    }

    /// <summary>Creates an event from tags already parsed (for example by <see cref="UtmParser"/> or from a warehouse).</summary>
    /// <param name="timestamp">When the event happened.</param>
    /// <param name="stage">The funnel stage.</param>
    /// <param name="visitorId">The visitor (contact) id, or <see langword="null"/> when unknown.</param>
    /// <param name="tags">The parsed tags.</param>
    /// <param name="referrer">The referrer URL or host, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tags"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stage"/> is not defined.</exception>
    public FunnelEvent(DateTimeOffset timestamp, FunnelStage stage, string? visitorId, UtmTags tags, string? referrer)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ValidateStage(stage);
        Timestamp = timestamp;
        Stage = stage;
        VisitorId = visitorId;
        Tags = tags;
        Referrer = referrer;
    }

    /// <summary>Gets when the event happened.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Gets the funnel stage.</summary>
    public FunnelStage Stage { get; }

    /// <summary>Gets the visitor (contact) id, or <see langword="null"/>.</summary>
    public string? VisitorId { get; }

    /// <summary>Gets the landing URL or query, or <see langword="null"/> (always when <see cref="Tags"/> is set).</summary>
    public string? LandingUrl { get; }

    /// <summary>Gets the parsed tags, or <see langword="null"/> when the event carries a landing URL instead.</summary>
    public UtmTags? Tags { get; }

    /// <summary>Gets the referrer, or <see langword="null"/>.</summary>
    public string? Referrer { get; }

    /// <inheritdoc />
    public bool Equals(FunnelEvent other) =>
        Timestamp.Equals(other.Timestamp) && Timestamp.Offset == other.Timestamp.Offset && Stage == other.Stage
        && string.Equals(VisitorId, other.VisitorId, StringComparison.Ordinal)
        && string.Equals(LandingUrl, other.LandingUrl, StringComparison.Ordinal)
        && Equals(Tags, other.Tags)
        && string.Equals(Referrer, other.Referrer, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is FunnelEvent other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Timestamp, Stage, VisitorId, LandingUrl, Tags, Referrer);

    /// <summary>Returns the event as text, for debugging.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() =>
        $"{Timestamp:O} {Stage} {VisitorId ?? "(no visitor)"} {LandingUrl ?? Tags?.ToString() ?? FunnelLabels.Direct}";

    /// <summary>Returns whether two events are equal.</summary>
    /// <param name="left">The first event.</param>
    /// <param name="right">The second event.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(FunnelEvent left, FunnelEvent right) => left.Equals(right);

    /// <summary>Returns whether two events differ.</summary>
    /// <param name="left">The first event.</param>
    /// <param name="right">The second event.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(FunnelEvent left, FunnelEvent right) => !left.Equals(right);

    private static void ValidateStage(FunnelStage stage)
    {
        if ((uint)stage > (uint)FunnelStage.Customer)
        {
            throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown funnel stage.");
        }
    }
}

/// <summary>Progress of a parallel aggregation.</summary>
/// <param name="Processed">Events aggregated so far.</param>
/// <param name="Total">Events in the input.</param>
public readonly record struct FunnelProgress(long Processed, long Total)
{
    /// <summary>Gets the fraction done, from 0 to 1 (1 for an empty input).</summary>
    public double Fraction => Total == 0 ? 1 : (double)Processed / Total;
}
