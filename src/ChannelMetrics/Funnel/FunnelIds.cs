using System.Diagnostics.CodeAnalysis;

namespace ChannelMetrics.Funnel;

/// <summary>
/// A visitor id interned by one <see cref="FunnelAggregator"/> (see <see cref="FunnelAggregator.InternVisitor(ReadOnlySpan{char})"/>),
/// for callers that feed the same visitors many times and want to skip the lookup.
/// </summary>
/// <remarks>
/// Valid only with the aggregator that issued it. An id is an index, four bytes in the columns it is counted from: an
/// id beyond the aggregator's range is refused, but one from another aggregator within it cannot be told apart and
/// counts for this aggregator's visitor of the same index. <c>default</c> is <see cref="None"/>: no visitor.
/// </remarks>
public readonly struct FunnelVisitorId : IEquatable<FunnelVisitorId>
{
    // Stored plus one so that default(FunnelVisitorId) means "no visitor".
    private readonly int _valuePlusOne;

    internal FunnelVisitorId(int index) => _valuePlusOne = index + 1;

    /// <summary>Gets the id meaning "no visitor id": the event is attributed by its own tags.</summary>
    public static FunnelVisitorId None => default;

    /// <summary>Gets whether this id names a visitor.</summary>
    public bool HasValue => _valuePlusOne != 0;

    internal int Index => _valuePlusOne - 1;

    /// <inheritdoc />
    public bool Equals(FunnelVisitorId other) => _valuePlusOne == other._valuePlusOne;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is FunnelVisitorId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _valuePlusOne;

    /// <summary>Returns the id as text, for debugging.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => HasValue ? "visitor#" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture) : "(no visitor)";

    /// <summary>Returns whether two ids are equal.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(FunnelVisitorId left, FunnelVisitorId right) => left.Equals(right);

    /// <summary>Returns whether two ids differ.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(FunnelVisitorId left, FunnelVisitorId right) => !left.Equals(right);
}

/// <summary>
/// A touch (network, channel group, medium, campaign, content) interned by one <see cref="FunnelAggregator"/>,
/// for callers that feed the same touches many times and want to skip parsing and resolving.
/// </summary>
/// <remarks>
/// Valid only with the aggregator that issued it. An id is an index, four bytes in the columns it is counted from: an
/// id beyond the aggregator's range is refused, but one from another aggregator within it cannot be told apart and
/// counts for this aggregator's touch of the same index. <c>default</c> is the direct touch.
/// </remarks>
public readonly struct FunnelTouchId : IEquatable<FunnelTouchId>
{
    internal FunnelTouchId(int index) => Index = index;

    internal int Index { get; }

    /// <inheritdoc />
    public bool Equals(FunnelTouchId other) => Index == other.Index;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is FunnelTouchId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Index;

    /// <summary>Returns the id as text, for debugging.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => "touch#" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Returns whether two ids are equal.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(FunnelTouchId left, FunnelTouchId right) => left.Equals(right);

    /// <summary>Returns whether two ids differ.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(FunnelTouchId left, FunnelTouchId right) => !left.Equals(right);
}
