namespace ChannelMetrics.Statistics;

/// <summary>The outcome of <see cref="Pettitt.Test"/>: the most likely level shift in a series and its significance.</summary>
/// <remarks>
/// When <see cref="IsComputable"/> is <see langword="false"/>, <see cref="Reason"/> says why, <see cref="ChangeIndex"/>,
/// <see cref="U"/> and <see cref="K"/> are 0, <see cref="PValue"/> is 1 and there is no change point. Never NaN.
/// </remarks>
public readonly record struct PettittResult
{
    private readonly double _pValue;
    private readonly StatisticNotComputableReason _reason;
    private readonly bool _isComputable;

    internal PettittResult(int n, int changeIndex, long u, double pValue, double significance, StatisticNotComputableReason reason)
    {
        N = n;
        ChangeIndex = changeIndex;
        U = u;
        _pValue = pValue;
        Significance = significance;
        _reason = reason;
        _isComputable = reason == StatisticNotComputableReason.None;
    }

    /// <summary>Gets the number of non-missing values used.</summary>
    public int N { get; }

    /// <summary>Gets the index (in the original series) of the first value after the most likely shift: values before it form the "before" segment.</summary>
    public int ChangeIndex { get; }

    /// <summary>Gets the signed statistic at the change: U = Σ<sub>i before</sub> Σ<sub>j after</sub> sgn(x<sub>j</sub> − x<sub>i</sub>), positive when later values are higher.</summary>
    public long U { get; }

    /// <summary>Gets Pettitt's K = max |U<sub>t</sub>| over all split points.</summary>
    public long K => Math.Abs(U);

    /// <summary>Gets the approximate two-sided p-value 2·exp(−6K²/(n³ + n²)), at most 1; 1 when not computable.</summary>
    /// <remarks>The approximation is conservative-ish and coarse for short series; treat values near the significance level with care.</remarks>
    public double PValue => _isComputable ? _pValue : 1.0;

    /// <summary>Gets the significance level used by <see cref="HasChangePoint"/>.</summary>
    public double Significance { get; }

    /// <summary>Gets a value indicating whether <see cref="PValue"/> is below <see cref="Significance"/>.</summary>
    public bool HasChangePoint => _isComputable && _pValue < Significance;

    /// <summary>Gets the direction of the shift: <see cref="TrendDirection.Increasing"/> when later values are higher; <see cref="TrendDirection.NoTrend"/> without a significant change point.</summary>
    public TrendDirection Shift => !HasChangePoint ? TrendDirection.NoTrend : U > 0 ? TrendDirection.Increasing : TrendDirection.Decreasing;

    /// <summary>Gets a value indicating whether the test could be computed.</summary>
    public bool IsComputable => _isComputable;

    /// <summary>Gets why the test could not be computed, or <see cref="StatisticNotComputableReason.None"/>.</summary>
    public StatisticNotComputableReason Reason => _isComputable ? StatisticNotComputableReason.None
        : _reason == StatisticNotComputableReason.None ? StatisticNotComputableReason.TooFewValues : _reason;
}
