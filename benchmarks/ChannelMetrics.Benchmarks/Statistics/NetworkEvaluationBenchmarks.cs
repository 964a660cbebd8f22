using BenchmarkDotNet.Attributes;
using ChannelMetrics.Statistics;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace ChannelMetrics.Benchmarks.Statistics;

/// <summary>
/// The statistics cost of evaluating one network: 36 monthly series (36 points each: visits, leads, reach, ... per
/// campaign) through Mann-Kendall, Sen's slope, least squares and Pettitt, plus a Wilson interval per series.
/// The baseline is the straightforward way to write the same maths: LINQ pairs and grouping, MathNet's
/// <c>Fit.Line</c>, <c>Median</c> and normal distribution.
/// </summary>
[MemoryDiagnoser]
public class NetworkEvaluationBenchmarks
{
    private const int SeriesCount = 36;
    private const int Points = 36;
    private double[][] _series = [];
    private long[] _successes = [];
    private long[] _trials = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _series = new double[SeriesCount][];
        _successes = new long[SeriesCount];
        _trials = new long[SeriesCount];
        for (int s = 0; s < SeriesCount; s++)
        {
            double level = random.Next(50, 5000);
            double slope = (random.NextDouble() - 0.4) * level / 50;
            _series[s] = new double[Points];
            for (int i = 0; i < Points; i++)
            {
                // Whole counts with some repeats (ties) and the odd missing month.
                _series[s][i] = random.Next(20) == 0 ? double.NaN : Math.Round(level + (slope * i) + ((random.NextDouble() - 0.5) * level / 5));
            }

            _trials[s] = random.Next(10, 2000);
            _successes[s] = random.Next(0, (int)(_trials[s] / 4));
        }
    }

    [Benchmark(Baseline = true)]
    public double LinqAndMathNet()
    {
        double sink = 0;
        for (int s = 0; s < SeriesCount; s++)
        {
            var points = _series[s].Select((value, index) => (Value: value, Index: (double)index)).Where(p => !double.IsNaN(p.Value)).ToList();
            var pairs = points.SelectMany((a, i) => points.Skip(i + 1), (a, b) => (a, b)).ToList();

            // Mann-Kendall.
            int n = points.Count;
            double score = pairs.Sum(p => Math.Sign(p.b.Value - p.a.Value));
            double ties = points.GroupBy(p => p.Value).Where(g => g.Count() > 1).Sum(g => (double)g.Count() * (g.Count() - 1) * ((2 * g.Count()) + 5));
            double variance = ((n * (n - 1.0) * ((2.0 * n) + 5)) - ties) / 18;
            double z = score > 0 ? (score - 1) / Math.Sqrt(variance) : score < 0 ? (score + 1) / Math.Sqrt(variance) : 0;
            double p = 2 * (1 - Normal.CDF(0, 1, Math.Abs(z)));

            // Sen's slope and intercept.
            double sen = pairs.Select(q => (q.b.Value - q.a.Value) / (q.b.Index - q.a.Index)).Median();
            double intercept = points.Select(q => q.Value).Median() - (points.Select(q => q.Index).Median() * sen);

            // Least squares.
            var (a0, b1) = Fit.Line(points.Select(q => q.Index).ToArray(), points.Select(q => q.Value).ToArray());

            // Pettitt.
            double k = Enumerable.Range(0, n - 1).Max(t =>
                Math.Abs(points.Take(t + 1).Sum(x => points.Skip(t + 1).Sum(y => Math.Sign(y.Value - x.Value)))));
            double pettitt = Math.Min(1, 2 * Math.Exp(-6 * k * k / ((double)n * n * n + ((double)n * n))));

            // Wilson.
            double zc = Normal.InvCDF(0, 1, 0.975);
            double rate = (double)_successes[s] / _trials[s];
            double centre = (rate + (zc * zc / (2 * _trials[s]))) / (1 + (zc * zc / _trials[s]));

            sink += p + sen + intercept + a0 + b1 + pettitt + centre;
        }

        return sink;
    }

    [Benchmark]
    public double ChannelMetrics()
    {
        double sink = 0;
        for (int s = 0; s < SeriesCount; s++)
        {
            ReadOnlySpan<double> series = _series[s];
            var trend = MannKendall.Test(series);
            var sen = SenSlope.Estimate(series);
            var ols = LeastSquares.Fit(series);
            var shift = Pettitt.Test(series);
            var rate = Proportions.Wilson(_successes[s], _trials[s]);
            sink += trend.PValue + sen.Slope + sen.Intercept + ols.Slope + ols.Intercept + shift.PValue + rate.Lower;
        }

        return sink;
    }
}
