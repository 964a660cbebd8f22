namespace ChannelMetrics.Statistics;

/// <summary>The outcome of <see cref="SenSlope.Estimate"/>: a robust straight-line trend.</summary>
/// <remarks>
/// When <see cref="IsComputable"/> is <see langword="false"/>, <see cref="Reason"/> says why and
/// <see cref="Slope"/>, <see cref="Intercept"/> and the interval are 0. No member is ever NaN or infinite.
/// </remarks>
public readonly record struct SenSlopeResult
{
    private readonly StatisticNotComputableReason _reason;
    private readonly bool _isComputable;

    private SenSlopeResult(int n, double slope, double intercept, Interval interval, double confidence, bool clamped, StatisticNotComputableReason reason)
    {
        N = n;
        Slope = slope;
        Intercept = intercept;
        SlopeInterval = interval;
        Confidence = confidence;
        IntervalClampedToExtremes = clamped;
        _reason = reason;
        _isComputable = reason == StatisticNotComputableReason.None;
    }

    /// <summary>Gets the number of non-missing values used.</summary>
    public int N { get; }

    /// <summary>Gets Sen's slope: the median of (x<sub>j</sub> − x<sub>i</sub>)/(j − i) over all pairs of non-missing values, in units per period.</summary>
    public double Slope { get; }

    /// <summary>Gets the intercept at index 0: median(values) − <see cref="Slope"/> × median(indices of the values) (the pymannkendall / Conover convention).</summary>
    public double Intercept { get; }

    /// <summary>Gets the rank-based confidence interval of the slope (Gilbert 1987, as R <c>trend::sens.slope</c>).</summary>
    public Interval SlopeInterval { get; }

    /// <summary>Gets the confidence level of <see cref="SlopeInterval"/>.</summary>
    public double Confidence { get; }

    /// <summary>
    /// Gets a value indicating whether the sample was too small for the requested confidence, so that a rank of
    /// <see cref="SlopeInterval"/> fell outside the pairwise slopes and was clamped to the smallest or largest one.
    /// The interval is then narrower than the confidence level promises (R <c>trend</c> returns NA there).
    /// </summary>
    public bool IntervalClampedToExtremes { get; }

    /// <summary>Gets a value indicating whether the slope could be computed.</summary>
    public bool IsComputable => _isComputable;

    /// <summary>Gets why the slope could not be computed, or <see cref="StatisticNotComputableReason.None"/>.</summary>
    public StatisticNotComputableReason Reason => _isComputable ? StatisticNotComputableReason.None
        : _reason == StatisticNotComputableReason.None ? StatisticNotComputableReason.TooFewValues : _reason;

    /// <summary>Returns the trend line's value at a (possibly fractional) index: <see cref="Intercept"/> + <see cref="Slope"/> × index.</summary>
    /// <param name="index">The zero-based index, in periods.</param>
    /// <returns>The value of the line; 0 when not computable.</returns>
    public double ValueAt(double index) => Intercept + (Slope * index);

    internal static SenSlopeResult NotComputable(int n, double confidence, StatisticNotComputableReason reason) =>
        new(n, 0, 0, default, confidence, false, reason);

    internal static SenSlopeResult From(int n, double slope, double intercept, Interval interval, double confidence, bool clamped) =>
        new(n, slope, intercept, interval, confidence, clamped, StatisticNotComputableReason.None);
}
