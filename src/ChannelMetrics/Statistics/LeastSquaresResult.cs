namespace ChannelMetrics.Statistics;

/// <summary>The outcome of <see cref="LeastSquares.Fit(ReadOnlySpan{double}, ReadOnlySpan{double})"/>: an ordinary least squares line y = Intercept + Slope·x.</summary>
/// <remarks>
/// When <see cref="IsComputable"/> is <see langword="false"/>, <see cref="Reason"/> says why and every number is 0.
/// No member is ever NaN or infinite.
/// </remarks>
public readonly record struct LeastSquaresResult
{
    private readonly StatisticNotComputableReason _reason;
    private readonly bool _isComputable;

    internal LeastSquaresResult(int n, double slope, double intercept, double slopeStandardError, double interceptStandardError, double residualStandardDeviation, double rSquared, StatisticNotComputableReason reason)
    {
        N = n;
        Slope = slope;
        Intercept = intercept;
        SlopeStandardError = slopeStandardError;
        InterceptStandardError = interceptStandardError;
        ResidualStandardDeviation = residualStandardDeviation;
        RSquared = rSquared;
        _reason = reason;
        _isComputable = reason == StatisticNotComputableReason.None;
    }

    /// <summary>Gets the number of (x, y) pairs used.</summary>
    public int N { get; }

    /// <summary>Gets the fitted slope, in y units per x unit.</summary>
    public double Slope { get; }

    /// <summary>Gets the fitted value at x = 0.</summary>
    public double Intercept { get; }

    /// <summary>Gets the standard error of <see cref="Slope"/>: s / √Σ(x − x̄)².</summary>
    public double SlopeStandardError { get; }

    /// <summary>Gets the standard error of <see cref="Intercept"/>: s·√(1/n + x̄²/Σ(x − x̄)²).</summary>
    public double InterceptStandardError { get; }

    /// <summary>Gets the residual standard deviation s = √(SSE / (n − 2)).</summary>
    public double ResidualStandardDeviation { get; }

    /// <summary>Gets the coefficient of determination 1 − SSE/SST; 1 when y is constant (the line fits it exactly).</summary>
    public double RSquared { get; }

    /// <summary>Gets a value indicating whether the fit could be computed.</summary>
    public bool IsComputable => _isComputable;

    /// <summary>Gets why the fit could not be computed, or <see cref="StatisticNotComputableReason.None"/>.</summary>
    public StatisticNotComputableReason Reason => _isComputable ? StatisticNotComputableReason.None
        : _reason == StatisticNotComputableReason.None ? StatisticNotComputableReason.TooFewValues : _reason;

    /// <summary>Returns the fitted line's value at <paramref name="x"/>: <see cref="Intercept"/> + <see cref="Slope"/> × x.</summary>
    /// <param name="x">The x value (the zero-based index for the index-series overload).</param>
    /// <returns>The value of the line; 0 when not computable.</returns>
    public double ValueAt(double x) => Intercept + (Slope * x);

    internal static LeastSquaresResult NotComputable(int n, StatisticNotComputableReason reason) => new(n, 0, 0, 0, 0, 0, 0, reason);
}
