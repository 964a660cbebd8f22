using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ChannelMetrics.Metrics;

/// <summary>
/// An immutable series of values over contiguous periods of one granularity, where a value may be
/// unknown (<see langword="null"/>): a gap, never a zero.
/// </summary>
/// <remarks>
/// The series is what goals are evaluated on and what trend tests read. <see cref="ToDoubleArray"/> gives
/// the values with <see cref="double.NaN"/> for gaps, the form the Statistics trend tests expect (they skip NaN).
/// </remarks>
public sealed class MetricSeries : IReadOnlyList<MetricPoint>, IEquatable<MetricSeries>
{
    private readonly double?[] _values;

    private MetricSeries(Period start, double?[] values, int knownCount)
    {
        Start = start;
        _values = values;
        Values = Array.AsReadOnly(values);
        KnownCount = knownCount;
    }

    /// <summary>Gets the first period of the series (for an empty series, the period it would start at).</summary>
    public Period Start { get; }

    /// <summary>Gets the granularity of every period in the series.</summary>
    public PeriodGranularity Granularity => Start.Granularity;

    /// <summary>Gets the number of periods, gaps included.</summary>
    public int Count => _values.Length;

    /// <summary>Gets the number of periods whose value is known.</summary>
    public int KnownCount { get; }

    /// <summary>Gets the last period of the series.</summary>
    /// <exception cref="InvalidOperationException">The series is empty.</exception>
    public Period End => Count == 0
        ? throw new InvalidOperationException("An empty series has no last period.")
        : Start.Offset(Count - 1);

    /// <summary>Gets the values in period order, <see langword="null"/> for gaps.</summary>
    public IReadOnlyList<double?> Values { get; }

    /// <summary>Gets the point at <paramref name="index"/>.</summary>
    /// <param name="index">Zero-based position from <see cref="Start"/>.</param>
    /// <returns>The period and its value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the series.</exception>
    public MetricPoint this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return new MetricPoint(Start.Offset(index), _values[index]);
        }
    }

    /// <summary>Returns an empty series that would start at <paramref name="start"/>.</summary>
    /// <param name="start">The first period (it fixes the granularity).</param>
    /// <returns>The empty series.</returns>
    public static MetricSeries Empty(Period start) => new(start, [], 0);

    /// <summary>Returns the series starting at <paramref name="start"/> with one value per period.</summary>
    /// <param name="start">The first period.</param>
    /// <param name="values">The values of consecutive periods; <see langword="null"/> marks an unknown value.</param>
    /// <returns>The series.</returns>
    /// <exception cref="ArgumentException">A value is NaN or infinite (use <see langword="null"/> for unknown).</exception>
    public static MetricSeries Create(Period start, ReadOnlySpan<double?> values)
    {
        var copy = values.ToArray();
        return new MetricSeries(start, copy, CheckAndCount(copy, nameof(values)));
    }

    /// <summary>Returns the series starting at <paramref name="start"/> with one value per period.</summary>
    /// <param name="start">The first period.</param>
    /// <param name="values">The values of consecutive periods; <see langword="null"/> marks an unknown value.</param>
    /// <returns>The series.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A value is NaN or infinite (use <see langword="null"/> for unknown).</exception>
    public static MetricSeries Create(Period start, IEnumerable<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var copy = values.ToArray();
        return new MetricSeries(start, copy, CheckAndCount(copy, nameof(values)));
    }

    /// <summary>
    /// Returns the series from <paramref name="first"/> to <paramref name="last"/> holding the given points;
    /// periods without a point are gaps.
    /// </summary>
    /// <param name="first">The first period of the series.</param>
    /// <param name="last">The last period of the series, of the same granularity, not before <paramref name="first"/>.</param>
    /// <param name="points">Points inside the range, in any order, at most one per period.</param>
    /// <returns>The series.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="points"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The range is reversed or mixes granularities, a point lies outside it or repeats a period, or a value is not finite.
    /// </exception>
    public static MetricSeries FromPoints(Period first, Period last, IEnumerable<MetricPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        int length = first.PeriodsUntil(last) + 1;
        if (length <= 0)
        {
            throw new ArgumentException($"The last period {last} comes before the first period {first}.", nameof(last));
        }

        var values = new double?[length];
        var seen = new bool[length];
        foreach (var point in points)
        {
            if (point.Period.Granularity != first.Granularity || point.Period < first || point.Period > last)
            {
                throw new ArgumentException($"The point for {point.Period} lies outside {first}..{last}.", nameof(points));
            }

            int index = first.PeriodsUntil(point.Period);
            if (seen[index])
            {
                throw new ArgumentException($"Two points are given for {point.Period}.", nameof(points));
            }

            seen[index] = true;
            values[index] = point.Value;
        }

        return new MetricSeries(first, values, CheckAndCount(values, nameof(points)));
    }

    /// <summary>Returns the values as an array, with <see cref="double.NaN"/> for unknown values.</summary>
    /// <returns>A new array of <see cref="Count"/> elements.</returns>
    public double[] ToDoubleArray()
    {
        var result = new double[_values.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = _values[i] ?? double.NaN;
        }

        return result;
    }

    /// <summary>Returns the last <paramref name="count"/> periods (all of them when the series is shorter).</summary>
    /// <param name="count">How many periods to keep, zero or more.</param>
    /// <returns>The trailing window.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public MetricSeries Last(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return count >= Count ? this : Slice(Count - count, count);
    }

    /// <summary>Returns <paramref name="length"/> periods starting at position <paramref name="start"/>.</summary>
    /// <param name="start">Zero-based position of the first period to keep.</param>
    /// <param name="length">How many periods to keep.</param>
    /// <returns>The sub-series.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The range falls outside the series.</exception>
    public MetricSeries Slice(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, Count, nameof(length));
        var values = _values.AsSpan(start, length).ToArray();
        return new MetricSeries(Start.Offset(start), values, CheckAndCount(values, nameof(length)));
    }

    /// <summary>Returns the value for <paramref name="period"/>; <see langword="null"/> when unknown or outside the series.</summary>
    /// <param name="period">The period to look up.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public double? ValueAt(Period period) => TryGetIndex(period, out int index) ? _values[index] : null;

    /// <summary>Finds the position of <paramref name="period"/> in the series.</summary>
    /// <param name="period">The period to look up.</param>
    /// <param name="index">Its zero-based position, or -1.</param>
    /// <returns><see langword="true"/> when the period is inside the series.</returns>
    public bool TryGetIndex(Period period, out int index)
    {
        if (period.Granularity == Granularity && Count > 0 && period >= Start && period <= End)
        {
            index = Start.PeriodsUntil(period);
            return true;
        }

        index = -1;
        return false;
    }

    /// <summary>
    /// Returns the period-over-period relative change, (v[t] − v[t−1]) / v[t−1], over the same periods.
    /// </summary>
    /// <returns>
    /// A series of the same periods; the first period, periods next to a gap, and periods after a zero value
    /// are unknown (growth from zero is undefined, not infinite), and so is a change too large for a double.
    /// </returns>
    public MetricSeries GrowthRates()
    {
        var growth = new double?[Count];
        for (int i = 1; i < growth.Length; i++)
        {
            // A change too large for a double (1e300 after 1e-300) is as unknown as a change from zero.
            if (_values[i - 1] is double previous && _values[i] is double current && previous != 0
                && (current - previous) / previous is var rate && double.IsFinite(rate))
            {
                growth[i] = rate;
            }
        }

        return new MetricSeries(Start, growth, CheckAndCount(growth, "values"));
    }

    /// <summary>Returns the last known point, if any.</summary>
    /// <param name="point">The latest period with a known value.</param>
    /// <returns><see langword="true"/> when some value is known.</returns>
    public bool TryGetLatestKnown(out MetricPoint point)
    {
        for (int i = _values.Length - 1; i >= 0; i--)
        {
            if (_values[i].HasValue)
            {
                point = new MetricPoint(Start.Offset(i), _values[i]);
                return true;
            }
        }

        point = default;
        return false;
    }

    /// <inheritdoc/>
    public IEnumerator<MetricPoint> GetEnumerator()
    {
        for (int i = 0; i < _values.Length; i++)
        {
            yield return new MetricPoint(Start.Offset(i), _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals([NotNullWhen(true)] MetricSeries? other) =>
        other is not null && Start == other.Start && _values.AsSpan().SequenceEqual(other._values);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as MetricSeries);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Start);
        foreach (var value in _values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns the periods and values, "?" for a gap, for example "2026-01: 3, 2026-02: ?".</summary>
    /// <returns>The text form.</returns>
    public override string ToString() =>
        string.Join(", ", this.Select(p => FormattableString.Invariant($"{p.Period}: {(p.Value.HasValue ? p.Value.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "?")}")));

    private static int CheckAndCount(double?[] values, string paramName)
    {
        int known = 0;
        foreach (var value in values)
        {
            if (value is double v)
            {
                if (!double.IsFinite(v))
                {
                    throw new ArgumentException("Series values must be finite; use null for an unknown value.", paramName);
                }

                known++;
            }
        }

        return known;
    }
}
