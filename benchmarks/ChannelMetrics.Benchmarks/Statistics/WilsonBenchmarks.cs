using BenchmarkDotNet.Attributes;
using ChannelMetrics.Statistics;
using MathNet.Numerics.Distributions;

namespace ChannelMetrics.Benchmarks.Statistics;

/// <summary>Wilson intervals against the textbook Wald interval computed with MathNet.</summary>
[MemoryDiagnoser]
public class WilsonBenchmarks
{
    [Benchmark(Baseline = true)]
    public (double, double) WaldWithMathNet()
    {
        double p = 81.0 / 263;
        double z = Normal.InvCDF(0, 1, 0.975);
        double half = z * Math.Sqrt(p * (1 - p) / 263);
        return (p - half, p + half);
    }

    [Benchmark]
    public Interval Wilson() => Proportions.Wilson(81, 263);
}
