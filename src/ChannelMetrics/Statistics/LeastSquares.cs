namespace ChannelMetrics.Statistics;

/// <summary>Ordinary least squares for a straight line, for comparison with <see cref="SenSlope"/> and for projections.</summary>
/// <remarks>
/// Uses centred sums (two passes over the data) rather than raw cross-products, so that values with a large common
/// offset keep their digits; it reproduces the NIST StRD Norris certified values to about 13 significant digits.
/// Pairs where x or y is NaN (or infinite) are skipped. Allocation-free.
/// </remarks>
public static class LeastSquares
{
    /// <summary>The smallest number of pairs the fit is computed on (standard errors need n − 2 ≥ 1).</summary>
    public const int MinimumCount = 3;

    /// <summary>Fits y = Intercept + Slope·x.</summary>
    /// <param name="x">The predictor values.</param>
    /// <param name="y">The response values, same length as <paramref name="x"/>.</param>
    /// <returns>
    /// The fit. With fewer than <see cref="MinimumCount"/> (3) complete pairs it is not computable
    /// (<see cref="StatisticNotComputableReason.TooFewValues"/>); when all x are equal, <see cref="StatisticNotComputableReason.NoVariation"/>;
    /// when the sums overflow <see cref="double"/>, <see cref="StatisticNotComputableReason.ValuesOutOfRange"/>.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> and <paramref name="y"/> differ in length.</exception>
    public static LeastSquaresResult Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"x has {x.Length} values but y has {y.Length}; they must be the same length.", nameof(y));
        }

        return FitCore(x, y, useIndex: false);
    }

    /// <summary>Fits the series against its zero-based index: y = Intercept + Slope·index (slope per period).</summary>
    /// <param name="series">The values, oldest first; NaN marks a missing value and is skipped, the others keep their indices.</param>
    /// <returns>The fit, with the same minimum sample size and reasons as <see cref="Fit(ReadOnlySpan{double}, ReadOnlySpan{double})"/>.</returns>
    public static LeastSquaresResult Fit(ReadOnlySpan<double> series) => FitCore(default, series, useIndex: true);

    private static LeastSquaresResult FitCore(ReadOnlySpan<double> x, ReadOnlySpan<double> y, bool useIndex)
    {
        int n = 0;
        double sumX = 0;
        double sumY = 0;
        double firstX = 0, firstY = 0;
        bool sameX = true, sameY = true;
        for (int i = 0; i < y.Length; i++)
        {
            double xi = useIndex ? i : x[i];
            if (double.IsFinite(xi) && double.IsFinite(y[i]))
            {
                if (n == 0)
                {
                    (firstX, firstY) = (xi, y[i]);
                }

                sameX &= xi == firstX;
                sameY &= y[i] == firstY;
                n++;
                sumX += xi;
                sumY += y[i];
            }
        }

        if (n < MinimumCount)
        {
            return LeastSquaresResult.NotComputable(n, StatisticNotComputableReason.TooFewValues);
        }

        // Equal values are said so exactly: their mean, 0.1 + 0.1 + 0.1 over 3, is not 0.1 in binary, and would
        // leave centred sums of 1e-34 that read as a slope.
        if (sameX)
        {
            return LeastSquaresResult.NotComputable(n, StatisticNotComputableReason.NoVariation);
        }

        double meanX = sumX / n;
        double meanY = sameY ? firstY : sumY / n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double xi = useIndex ? i : x[i];
            if (double.IsFinite(xi) && double.IsFinite(y[i]))
            {
                double dx = xi - meanX;
                double dy = y[i] - meanY;
                sxx += dx * dx;
                sxy += dx * dy;
                syy += dy * dy;
            }
        }

        if (!double.IsFinite(sxx) || !double.IsFinite(sxy) || !double.IsFinite(syy))
        {
            return LeastSquaresResult.NotComputable(n, StatisticNotComputableReason.ValuesOutOfRange);
        }

        if (sxx == 0)
        {
            return LeastSquaresResult.NotComputable(n, StatisticNotComputableReason.NoVariation);
        }

        double slope = sxy / sxx;
        double intercept = meanY - (slope * meanX);

        // Residuals from centred values: the intercept's rounding does not enter SSE.
        double sse = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double xi = useIndex ? i : x[i];
            if (double.IsFinite(xi) && double.IsFinite(y[i]))
            {
                double r = (y[i] - meanY) - (slope * (xi - meanX));
                sse += r * r;
            }
        }

        double s = Math.Sqrt(sse / (n - 2));
        double slopeSe = s / Math.Sqrt(sxx);
        double interceptSe = s * Math.Sqrt((1.0 / n) + (meanX * meanX / sxx));
        double rSquared = syy == 0 ? 1.0 : Math.Clamp(1 - (sse / syy), 0.0, 1.0);
        if (!double.IsFinite(slope) || !double.IsFinite(intercept) || !double.IsFinite(s) || !double.IsFinite(slopeSe) || !double.IsFinite(interceptSe))
        {
            return LeastSquaresResult.NotComputable(n, StatisticNotComputableReason.ValuesOutOfRange);
        }

        return new LeastSquaresResult(n, slope, intercept, slopeSe, interceptSe, s, rSquared, StatisticNotComputableReason.None);
    }
}
