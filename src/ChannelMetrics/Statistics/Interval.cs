namespace ChannelMetrics.Statistics;

/// <summary>A closed interval [<see cref="Lower"/>, <see cref="Upper"/>], such as a confidence interval.</summary>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound, never below <paramref name="Lower"/>.</param>
public readonly record struct Interval(double Lower, double Upper)
{
    /// <summary>Gets the width of the interval.</summary>
    public double Width => Upper - Lower;

    /// <summary>Returns whether <paramref name="value"/> lies inside the interval, bounds included.</summary>
    /// <param name="value">The value to test.</param>
    /// <returns><see langword="true"/> when <see cref="Lower"/> ≤ value ≤ <see cref="Upper"/>.</returns>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
