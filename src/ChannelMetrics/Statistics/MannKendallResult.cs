namespace ChannelMetrics.Statistics;

/// <summary>The outcome of a Mann-Kendall trend test (<see cref="MannKendall.Test"/> or <see cref="MannKendall.SeasonalTest"/>).</summary>
/// <remarks>
/// When <see cref="IsComputable"/> is <see langword="false"/>, <see cref="Reason"/> says why and the numbers are
/// neutral: <see cref="S"/>, <see cref="VarianceS"/>, <see cref="Z"/> and <see cref="Tau"/> are 0,
/// <see cref="PValue"/> is 1 and <see cref="Trend"/> is <see cref="TrendDirection.NoTrend"/>. No member is ever NaN.
/// </remarks>
public readonly record struct MannKendallResult
{
    private readonly double _pValue;
    private readonly StatisticNotComputableReason _reason;
    private readonly bool _isComputable;

    private MannKendallResult(int n, long s, double varianceS, double z, double pValue, double tau, TrendDirection trend, double significance, StatisticNotComputableReason reason)
    {
        N = n;
        S = s;
        VarianceS = varianceS;
        Z = z;
        _pValue = pValue;
        Tau = tau;
        Trend = trend;
        Significance = significance;
        _reason = reason;
        _isComputable = reason == StatisticNotComputableReason.None;
    }

    /// <summary>Gets the number of non-missing values that entered the test.</summary>
    public int N { get; }

    /// <summary>Gets the Mann-Kendall statistic S: the number of rising pairs minus the number of falling pairs.</summary>
    public long S { get; }

    /// <summary>Gets the variance of S under no trend, corrected for tied values.</summary>
    public double VarianceS { get; }

    /// <summary>Gets the standard normal score with continuity correction: (S − 1)/√Var(S) for S &gt; 0, (S + 1)/√Var(S) for S &lt; 0, else 0.</summary>
    public double Z { get; }

    /// <summary>Gets the two-sided p-value 2·(1 − Φ(|Z|)), computed through erfc so that tiny values keep their digits; 1 when not computable.</summary>
    public double PValue => _isComputable ? _pValue : 1.0;

    /// <summary>Gets Kendall's tau-a, S divided by the number of pairs (n(n − 1)/2, summed over seasons for the seasonal test).</summary>
    public double Tau { get; }

    /// <summary>Gets the verdict: <see cref="TrendDirection.Increasing"/> or <see cref="TrendDirection.Decreasing"/> when <see cref="PValue"/> &lt; <see cref="Significance"/>.</summary>
    public TrendDirection Trend { get; }

    /// <summary>Gets the two-sided significance level the <see cref="Trend"/> verdict used.</summary>
    public double Significance { get; }

    /// <summary>Gets a value indicating whether the test could be computed from the data.</summary>
    public bool IsComputable => _isComputable;

    /// <summary>Gets why the test could not be computed, or <see cref="StatisticNotComputableReason.None"/>.</summary>
    public StatisticNotComputableReason Reason => _isComputable ? StatisticNotComputableReason.None
        : _reason == StatisticNotComputableReason.None ? StatisticNotComputableReason.TooFewValues : _reason;

    internal static MannKendallResult NotComputable(int n, double significance, StatisticNotComputableReason reason) =>
        new(n, 0, 0, 0, 1, 0, TrendDirection.NoTrend, significance, reason);

    internal static MannKendallResult From(int n, long s, double varianceS, double pairs, double significance)
    {
        double sd = Math.Sqrt(varianceS);
        double z = s > 0 ? (s - 1) / sd : s < 0 ? (s + 1) / sd : 0.0;
        double p = SeriesMath.TwoSidedNormalPValue(z);
        var trend = p < significance ? (s > 0 ? TrendDirection.Increasing : TrendDirection.Decreasing) : TrendDirection.NoTrend;
        return new MannKendallResult(n, s, varianceS, z, p, s / pairs, trend, significance, StatisticNotComputableReason.None);
    }
}
