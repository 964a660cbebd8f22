using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ChannelMetrics.Metrics;

/// <summary>
/// A derived metric: either a finite number, or "not computable" with the reason, so that no NaN or
/// infinity leaks into a report or a decision.
/// </summary>
/// <remarks>
/// <c>default(MetricValue)</c> is "not computed" (<see cref="IsKnown"/> is <see langword="false"/> and
/// <see cref="Reason"/> is <see cref="NotComputableReason.None"/>), never a silent zero.
/// </remarks>
public readonly struct MetricValue : IEquatable<MetricValue>
{
    private readonly double _value;

    private MetricValue(double value, bool known, NotComputableReason reason, string? detail)
    {
        _value = value;
        IsKnown = known;
        Reason = reason;
        Detail = detail;
    }

    /// <summary>Gets a value indicating whether the metric has a number.</summary>
    public bool IsKnown { get; }

    /// <summary>Gets the number, or <see langword="null"/> when it cannot be computed.</summary>
    public double? Value => IsKnown ? _value : null;

    /// <summary>Gets why there is no number; <see cref="NotComputableReason.None"/> when there is one.</summary>
    public NotComputableReason Reason { get; }

    /// <summary>Gets a sentence naming the missing or zero input, or <see langword="null"/> when the value is known.</summary>
    public string? Detail { get; }

    /// <summary>Returns a known value.</summary>
    /// <param name="value">A finite number.</param>
    /// <returns>The known metric value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static MetricValue Known(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A metric value must be finite; use NotComputable to say why there is none.");
        }

        return new MetricValue(value, known: true, NotComputableReason.None, detail: null);
    }

    /// <summary>Returns a value that cannot be computed, with the reason.</summary>
    /// <param name="reason">Why there is no number; not <see cref="NotComputableReason.None"/>.</param>
    /// <param name="detail">A sentence naming the input at fault, for example "impressions and reach are unknown".</param>
    /// <returns>The not-computable metric value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is <see cref="NotComputableReason.None"/> or undefined.</exception>
    /// <exception cref="ArgumentException"><paramref name="detail"/> is null or blank.</exception>
    public static MetricValue NotComputable(NotComputableReason reason, string detail)
    {
        if (reason is < NotComputableReason.MissingInput or > NotComputableReason.NoPreviousPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "Give the reason the value cannot be computed.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(detail);
        return new MetricValue(0, known: false, reason, detail);
    }

    /// <summary>Gets the number when there is one.</summary>
    /// <param name="value">The number, or 0 when there is none.</param>
    /// <returns><see langword="true"/> when the value is known.</returns>
    public bool TryGetValue(out double value)
    {
        value = _value;
        return IsKnown;
    }

    /// <summary>Returns the number, or throws with the reason it cannot be computed.</summary>
    /// <returns>The number.</returns>
    /// <exception cref="InvalidOperationException">The value is not known.</exception>
    public double GetValueOrThrow() =>
        IsKnown ? _value : throw new InvalidOperationException($"The metric cannot be computed: {Detail ?? "it was never computed"}.");

    /// <inheritdoc/>
    public bool Equals(MetricValue other) =>
        IsKnown == other.IsKnown && _value.Equals(other._value) && Reason == other.Reason && string.Equals(Detail, other.Detail, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is MetricValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(IsKnown, _value, Reason, Detail);

    /// <summary>Returns the number in invariant culture, or "not computable: " and the detail.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() =>
        IsKnown ? _value.ToString("R", CultureInfo.InvariantCulture) : $"not computable: {Detail ?? "never computed"}";

    /// <summary>Compares two metric values for equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(MetricValue left, MetricValue right) => left.Equals(right);

    /// <summary>Compares two metric values for inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(MetricValue left, MetricValue right) => !left.Equals(right);
}
