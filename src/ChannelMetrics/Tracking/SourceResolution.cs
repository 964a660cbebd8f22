namespace ChannelMetrics.Tracking;

/// <summary>What <see cref="SourceResolver"/> made of a source: a known network, or an explicit unknown.</summary>
/// <remarks>
/// An unknown source is never guessed: <see cref="Network"/> is null and <see cref="NormalizedSource"/> holds the
/// normalised host or value, which then serves as the source's identity (<see cref="Name"/>).
/// </remarks>
public readonly struct SourceResolution : IEquatable<SourceResolution>
{
    private readonly string? _normalizedSource;

    internal SourceResolution(SocialNetwork? network, string normalizedSource)
    {
        Network = network;
        _normalizedSource = normalizedSource;
    }

    /// <summary>The network, or null when the source is not a known network.</summary>
    public SocialNetwork? Network { get; }

    /// <summary>
    /// The source normalised: trimmed and lower case; for a URL or host its host without <c>www.</c>, port or
    /// trailing dot; for <c>android-app://</c> the package id; <c>(not set)</c> for empty input.
    /// </summary>
    public string NormalizedSource => _normalizedSource ?? NotSet;

    /// <summary>True when the source is a known network.</summary>
    public bool IsKnown => Network is not null;

    /// <summary>The identity to report under: the network's canonical name, else the normalised source.</summary>
    public string Name => Network?.Name ?? NormalizedSource;

    internal const string NotSet = "(not set)";

    /// <inheritdoc/>
    public bool Equals(SourceResolution other) =>
        Network == other.Network && string.Equals(NormalizedSource, other.NormalizedSource, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SourceResolution other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Network, NormalizedSource);

    /// <summary>The name, and the normalised source when it differs.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Network is null ? NormalizedSource : Network.Name + " (" + NormalizedSource + ")";

    /// <summary>Equality.</summary>
    /// <param name="left">The first resolution.</param>
    /// <param name="right">The second resolution.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(SourceResolution left, SourceResolution right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The first resolution.</param>
    /// <param name="right">The second resolution.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(SourceResolution left, SourceResolution right) => !left.Equals(right);
}
