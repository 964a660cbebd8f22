using System.Reflection;
using ChannelMetrics.Statistics;
using CsCheck;

namespace ChannelMetrics.Tests.Statistics;

/// <summary>Invariants over generated inputs: fixed seed, bounded iterations, single thread (deterministic, fast).</summary>
public sealed class StatisticsPropertyTests
{
    private const string Seed = "0N0XIzNsQ0O2";
    private const int Iterations = 400;

    // Whole numbers (so adding a constant is exact) with about one value in twelve missing.
    private static readonly Gen<double[]> s_series =
        Gen.Int[-60, 60].Select(i => i > 55 ? double.NaN : i).Array[0, 40];

    // Anything finite, including values near double.MaxValue, plus NaN.
    private static readonly Gen<double[]> s_wildSeries =
        Gen.Int[0, 9].SelectMany(kind => kind switch
        {
            0 => Gen.Const(double.NaN),
            1 => Gen.Double[-1.7e308, 1.7e308],
            2 => Gen.Double[-1e-300, 1e-300],
            _ => Gen.Double[-1e6, 1e6],
        }).Array[0, 40];

    private static readonly Gen<(long Successes, long Trials)> s_counts =
        Gen.Long[0, 5000].SelectMany(trials => Gen.Long[0, trials].Select(successes => (successes, trials)));

    [Test]
    public void Reversal_FlipsTrendSigns()
    {
        s_series.Sample(series =>
        {
            double[] reversed = [.. series];
            Array.Reverse(reversed);
            var forward = MannKendall.Test(series);
            var backward = MannKendall.Test(reversed);
            var senForward = SenSlope.Estimate(series);
            var senBackward = SenSlope.Estimate(reversed);
            Assert.Multiple(() =>
            {
                Assert.That(backward.S, Is.EqualTo(-forward.S));
                Assert.That(backward.Z, Is.EqualTo(-forward.Z));
                Assert.That(backward.Tau, Is.EqualTo(-forward.Tau));
                Assert.That(backward.PValue, Is.EqualTo(forward.PValue));
                Assert.That(senBackward.Slope, Is.EqualTo(-senForward.Slope));
                Assert.That(senBackward.SlopeInterval.Lower, Is.EqualTo(-senForward.SlopeInterval.Upper));
            });
        }, seed: Seed, iter: Iterations, threads: 1);
    }

    [Test]
    public void AddingConstant_ChangesNoTest()
    {
        s_series.Select(Gen.Int[-100_000, 100_000]).Sample((series, shift) =>
        {
            double[] shifted = series.Select(v => v + shift).ToArray();
            var sen = SenSlope.Estimate(series);
            var senShifted = SenSlope.Estimate(shifted);
            Assert.Multiple(() =>
            {
                Assert.That(MannKendall.Test(shifted), Is.EqualTo(MannKendall.Test(series)));
                Assert.That(MannKendall.SeasonalTest(shifted, 4), Is.EqualTo(MannKendall.SeasonalTest(series, 4)));
                Assert.That(Pettitt.Test(shifted), Is.EqualTo(Pettitt.Test(series)));
                Assert.That((senShifted.Slope, senShifted.SlopeInterval), Is.EqualTo((sen.Slope, sen.SlopeInterval)));
                Assert.That(senShifted.Intercept, Is.EqualTo(sen.IsComputable ? sen.Intercept + shift : 0).Within(1e-6));
                Assert.That(LeastSquares.Fit(shifted).Slope, Is.EqualTo(LeastSquares.Fit(series).Slope).Within(1e-6));
            });
        }, seed: Seed, iter: Iterations, threads: 1);
    }

    [Test]
    public void IntervalsAndProbabilities_StayInUnitInterval()
    {
        s_counts.Select(s_counts, Gen.Double[0.5, 0.999]).Sample((a, b, confidence) =>
        {
            Interval[] intervals =
            [
                Proportions.Wilson(a.Successes, a.Trials, confidence),
                Proportions.Jeffreys(a.Successes, a.Trials, confidence),
                Proportions.ClopperPearson(a.Successes, a.Trials, confidence),
            ];
            double[] probabilities =
            [
                Proportions.TwoProportionZTest(a.Successes, a.Trials, b.Successes, b.Trials).PValue,
                Proportions.FisherExact(a.Successes, a.Trials, b.Successes, b.Trials).PValue,
                Proportions.Compare(a.Successes, a.Trials, b.Successes, b.Trials).PValue,
                Proportions.ProbabilityBBeatsA(a.Successes, a.Trials, b.Successes, b.Trials),
            ];
            double rate = a.Trials == 0 ? 0.5 : (double)a.Successes / a.Trials;
            for (int i = 0; i < intervals.Length; i++)
            {
                var interval = intervals[i];
                Assert.That(interval.Lower, Is.InRange(0.0, interval.Upper));
                Assert.That(interval.Upper, Is.InRange(interval.Lower, 1.0));

                // Jeffreys stays central at 0 and n successes (as statsmodels), so it may exclude 0 or 1 there.
                bool boundaryJeffreys = i == 1 && (a.Successes == 0 || a.Successes == a.Trials);
                Assert.That(interval.Contains(rate) || boundaryJeffreys, Is.True, $"{interval} should contain the observed rate {rate}");
            }

            foreach (double p in probabilities)
            {
                Assert.That(p, Is.InRange(0.0, 1.0));
            }
        }, seed: Seed, iter: Iterations, threads: 1);
    }

    [Test]
    public void AnyFiniteOrMissingInput_NeverNaNOrInfinity()
    {
        s_wildSeries.Select(Gen.Double[-1e6, 1e6]).Sample((series, target) =>
        {
            AssertFinite(MannKendall.Test(series));
            AssertFinite(MannKendall.SeasonalTest(series, 3));
            AssertFinite(SenSlope.Estimate(series));
            AssertFinite(LeastSquares.Fit(series));
            AssertFinite(Pettitt.Test(series));
            AssertFinite(Projection.PeriodsToReach(series, target));
            AssertFinite(Projection.PeriodsToReach(series, target, TargetDirection.AtMost, TrendLineMethod.LeastSquares));
        }, seed: Seed, iter: Iterations, threads: 1);
    }

    [Test]
    public void Select_AnyValuesAndRank_MatchesSortedOrderAndPartitions()
    {
        // Few distinct values on purpose: heavy ties are the quickselect's worst case.
        Gen.Int[0, 8].Select(i => (double)i).Array[1, 200].SelectMany(values => Gen.Int[0, values.Length - 1].Select(k => (values, k))).Sample(t =>
        {
            double[] sorted = [.. t.values];
            Array.Sort(sorted);
            double[] work = [.. t.values];
            double selected = SeriesMath.Select(work, t.k);
            Assert.Multiple(() =>
            {
                Assert.That(selected, Is.EqualTo(sorted[t.k]));
                Assert.That(work.AsSpan(0, t.k).ToArray(), Has.All.LessThanOrEqualTo(selected));
                Assert.That(work.AsSpan(t.k).ToArray(), Has.All.GreaterThanOrEqualTo(selected));
            });
        }, seed: Seed, iter: Iterations, threads: 1);
    }

    private static void AssertFinite<T>(T result)
        where T : struct
    {
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            object? value = property.GetValue(result);
            if (value is double d)
            {
                Assert.That(double.IsFinite(d), Is.True, $"{typeof(T).Name}.{property.Name} = {d}");
            }
            else if (value is Interval interval)
            {
                Assert.That(double.IsFinite(interval.Lower) && double.IsFinite(interval.Upper), Is.True, $"{typeof(T).Name}.{property.Name} = {interval}");
            }
        }
    }
}
