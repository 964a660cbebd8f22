namespace ChannelMetrics.Statistics;

/// <summary>The comparison of two rates, group A (for example the portfolio) against group B (for example one network).</summary>
/// <remarks>
/// When <see cref="IsComputable"/> is <see langword="false"/> (a group without trials, or a z test with no successes or
/// no failures at all), <see cref="Reason"/> says why, <see cref="Z"/> is 0 and <see cref="PValue"/> is 1. Never NaN.
/// </remarks>
public readonly record struct ProportionComparison
{
    private readonly double _pValue;
    private readonly StatisticNotComputableReason _reason;
    private readonly bool _isComputable;

    internal ProportionComparison(ProportionTest test, double rateA, double rateB, double z, double pValue, bool smallExpectedCounts, StatisticNotComputableReason reason)
    {
        Test = test;
        RateA = rateA;
        RateB = rateB;
        Z = z;
        _pValue = pValue;
        SmallExpectedCounts = smallExpectedCounts;
        _reason = reason;
        _isComputable = reason == StatisticNotComputableReason.None;
    }

    /// <summary>Gets the test that produced <see cref="PValue"/>.</summary>
    public ProportionTest Test { get; }

    /// <summary>Gets group A's observed rate, successes / trials (0 without trials).</summary>
    public double RateA { get; }

    /// <summary>Gets group B's observed rate, successes / trials (0 without trials).</summary>
    public double RateB { get; }

    /// <summary>Gets the difference <see cref="RateB"/> − <see cref="RateA"/>.</summary>
    public double Difference => RateB - RateA;

    /// <summary>Gets the z score (p̂<sub>B</sub> − p̂<sub>A</sub>)/SE<sub>pooled</sub>, positive when B is higher; 0 for Fisher's test.</summary>
    public double Z { get; }

    /// <summary>Gets the two-sided p-value; 1 when not computable.</summary>
    public double PValue => _isComputable ? _pValue : 1.0;

    /// <summary>
    /// Gets a value indicating whether any expected cell count of the 2×2 table (row total × column total / grand total)
    /// is below 5, the usual rule under which the z test's normal approximation is unreliable and Fisher's test is preferred.
    /// </summary>
    public bool SmallExpectedCounts { get; }

    /// <summary>Gets a value indicating whether the comparison could be computed.</summary>
    public bool IsComputable => _isComputable;

    /// <summary>Gets why the comparison could not be computed, or <see cref="StatisticNotComputableReason.None"/>.</summary>
    public StatisticNotComputableReason Reason => _isComputable ? StatisticNotComputableReason.None
        : _reason == StatisticNotComputableReason.None ? StatisticNotComputableReason.NoTrials : _reason;

    /// <summary>Returns whether the difference is significant at <paramref name="significance"/> (two-sided).</summary>
    /// <param name="significance">The significance level, strictly between 0 and 1.</param>
    /// <returns><see langword="true"/> when computable and <see cref="PValue"/> &lt; <paramref name="significance"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="significance"/> is not strictly between 0 and 1.</exception>
    public bool IsSignificantAt(double significance)
    {
        SeriesMath.ValidateProbability(significance, nameof(significance));
        return _isComputable && _pValue < significance;
    }
}
