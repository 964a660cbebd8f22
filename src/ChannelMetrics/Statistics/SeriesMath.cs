using System.Buffers;
using MathNet.Numerics;

namespace ChannelMetrics.Statistics;

/// <summary>Small shared kernels for the series statistics; allocation-free for monthly-sized series.</summary>
internal static class SeriesMath
{
    // Up to this many doubles (8 KiB) live on the stack; larger series rent from the shared pool.
    internal const int StackLimit = 1024;

    internal static int CountFinite(ReadOnlySpan<double> series)
    {
        int n = 0;
        foreach (double value in series)
        {
            if (double.IsFinite(value))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>Mann-Kendall S over the finite values, in their original order.</summary>
    internal static long KendallScore(ReadOnlySpan<double> series)
    {
        long s = 0;
        for (int i = 0; i < series.Length - 1; i++)
        {
            double xi = series[i];
            if (!double.IsFinite(xi))
            {
                continue;
            }

            for (int j = i + 1; j < series.Length; j++)
            {
                double xj = series[j];

                // Comparisons rather than subtraction: no overflow for huge values, and NaN/∞ compare false.
                if (!double.IsFinite(xj))
                {
                    continue;
                }

                s += (xj > xi ? 1 : 0) - (xj < xi ? 1 : 0);
            }
        }

        return s;
    }

    /// <summary>Copies the finite values of <paramref name="series"/> into <paramref name="destination"/> and sorts them.</summary>
    internal static void CopyFiniteSorted(ReadOnlySpan<double> series, Span<double> destination)
    {
        int k = 0;
        foreach (double value in series)
        {
            if (double.IsFinite(value))
            {
                destination[k++] = value;
            }
        }

        destination[..k].Sort();
    }

    /// <summary>Variance of S with the tie correction, from the sorted finite values.</summary>
    internal static double KendallVariance(ReadOnlySpan<double> sortedFinite)
    {
        double n = sortedFinite.Length;
        double ties = 0;
        int run = 1;
        for (int i = 1; i <= sortedFinite.Length; i++)
        {
            if (i < sortedFinite.Length && sortedFinite[i] == sortedFinite[i - 1])
            {
                run++;
                continue;
            }

            if (run > 1)
            {
                double t = run;
                ties += t * (t - 1) * ((2 * t) + 5);
            }

            run = 1;
        }

        return ((n * (n - 1) * ((2 * n) + 5)) - ties) / 18.0;
    }

    /// <summary>Tie-corrected variance of S for the finite values of an unsorted series.</summary>
    internal static double KendallVariance(ReadOnlySpan<double> series, int finiteCount)
    {
        double[]? rented = null;
        Span<double> buffer = finiteCount <= StackLimit
            ? stackalloc double[finiteCount]
            : (rented = ArrayPool<double>.Shared.Rent(finiteCount)).AsSpan(0, finiteCount);
        try
        {
            CopyFiniteSorted(series, buffer);
            return KendallVariance(buffer);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Median of an already sorted, non-empty span.</summary>
    internal static double MedianOfSorted(ReadOnlySpan<double> sorted)
    {
        int mid = sorted.Length / 2;
        return (sorted.Length & 1) == 1 ? sorted[mid] : (sorted[mid - 1] / 2) + (sorted[mid] / 2);
    }

    /// <summary>Two-sided normal p-value 2·(1 − Φ(|z|)) through erfc, so tiny p-values keep their digits.</summary>
    internal static double TwoSidedNormalPValue(double z) =>
        Math.Min(1.0, SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2.0)));

    internal static void ValidateProbability(double value, string paramName)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "The value must be strictly between 0 and 1.");
        }
    }
}
