using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ChannelMetrics.Statistics;

namespace ChannelMetrics.Funnel;

/// <summary>
/// A conversion rate: <see cref="Successes"/> out of <see cref="Trials"/>, with its Wilson score interval.
/// </summary>
/// <remarks>
/// A rate never holds NaN: when it cannot be computed (no trials, or more successes than trials)
/// <see cref="HasValue"/> is <see langword="false"/>, <see cref="Value"/> and <see cref="Interval"/> are
/// <see langword="null"/>, and <see cref="Reason"/> says why. <c>default(Rate)</c> is 0 out of 0.
/// </remarks>
public readonly struct Rate : IEquatable<Rate>
{
    private const double DefaultConfidence = 0.95;

    private readonly Interval _interval;

    // 0 in default(Rate): read as DefaultConfidence, so that default(Rate) equals Rate.Of(0, 0).
    private readonly double _confidence;

    private Rate(long successes, long trials, double confidence, Interval interval)
    {
        Successes = successes;
        Trials = trials;
        _confidence = confidence;
        _interval = interval;
    }

    /// <summary>Gets the number of successes (the numerator).</summary>
    public long Successes { get; }

    /// <summary>Gets the number of trials (the denominator).</summary>
    public long Trials { get; }

    /// <summary>Gets the two-sided confidence level of <see cref="Interval"/> (0.95 for <c>default(Rate)</c>).</summary>
    public double Confidence => _confidence == 0 ? DefaultConfidence : _confidence;

    /// <summary>Gets why the rate has no value, or <see cref="RateUndefinedReason.None"/> when it has one.</summary>
    public RateUndefinedReason Reason => Trials == 0
        ? RateUndefinedReason.NoTrials
        : Successes > Trials ? RateUndefinedReason.SuccessesExceedTrials : RateUndefinedReason.None;

    /// <summary>Gets whether the rate has a value (at least one trial, and no more successes than trials).</summary>
    public bool HasValue => Reason == RateUndefinedReason.None;

    /// <summary>Gets successes / trials, in [0, 1], or <see langword="null"/> when <see cref="HasValue"/> is false.</summary>
    public double? Value => HasValue ? (double)Successes / Trials : null;

    /// <summary>Gets the Wilson score interval at <see cref="Confidence"/>, or <see langword="null"/> when <see cref="HasValue"/> is false.</summary>
    public Interval? Interval => HasValue ? _interval : null;

    /// <summary>Creates the rate of <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    /// <param name="successes">The numerator, 0 or more. It may exceed <paramref name="trials"/>; the rate is then undefined.</param>
    /// <param name="trials">The denominator, 0 or more.</param>
    /// <param name="confidence">The two-sided confidence level of the interval, strictly between 0 and 1.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or the confidence is not in (0, 1).</exception>
    public static Rate Of(long successes, long trials, double confidence = DefaultConfidence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence level must be strictly between 0 and 1.");
        }

        var interval = trials > 0 && successes <= trials ? Proportions.Wilson(successes, trials, confidence) : default;
        return new Rate(successes, trials, confidence, interval);
    }

    /// <inheritdoc />
    public bool Equals(Rate other) =>
        Successes == other.Successes && Trials == other.Trials && Confidence.Equals(other.Confidence);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Rate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Successes, Trials, Confidence);

    /// <summary>Returns the rate as text, for example <c>12.50% [8.61%, 17.80%] (25/200)</c> or <c>n/a: no trials (0/0)</c>.</summary>
    /// <returns>The invariant-culture text form.</returns>
    public override string ToString()
    {
        var invariant = CultureInfo.InvariantCulture;
        return Reason switch
        {
            RateUndefinedReason.None => string.Format(invariant, "{0:F2}% [{1:F2}%, {2:F2}%] ({3}/{4})", Value * 100, _interval.Lower * 100, _interval.Upper * 100, Successes, Trials),
            RateUndefinedReason.NoTrials => string.Format(invariant, "n/a: no trials ({0}/{1})", Successes, Trials),
            _ => string.Format(invariant, "n/a: more successes than trials ({0}/{1})", Successes, Trials),
        };
    }

    /// <summary>Returns whether two rates have the same counts and confidence.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(Rate left, Rate right) => left.Equals(right);

    /// <summary>Returns whether two rates differ in counts or confidence.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(Rate left, Rate right) => !left.Equals(right);
}
