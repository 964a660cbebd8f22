using ChannelMetrics.Metrics;

namespace ChannelMetrics.Tests.Metrics;

public sealed class MetricSeriesTests
{
    private static readonly Period s_jan = Period.Month(2026, 1);

    [Test]
    public void Create_KeepsValuesAndGaps()
    {
        var series = MetricSeries.Create(s_jan, [1.0, null, 3.0]);

        Assert.Multiple(() =>
        {
            Assert.That(series.Count, Is.EqualTo(3));
            Assert.That(series.KnownCount, Is.EqualTo(2));
            Assert.That(series.Granularity, Is.EqualTo(PeriodGranularity.Month));
            Assert.That(series.End, Is.EqualTo(Period.Month(2026, 3)));
            Assert.That(series[1], Is.EqualTo(new MetricPoint(Period.Month(2026, 2), null)));
            Assert.That(series.Values, Is.EqualTo(new double?[] { 1, null, 3 }));
            Assert.That(series.ToString(), Is.EqualTo("2026-01: 1, 2026-02: ?, 2026-03: 3"));
        });
    }

    [Test]
    public void ToDoubleArray_GapsAreNaN()
    {
        var values = MetricSeries.Create(s_jan, [1.0, null, 3.0]).ToDoubleArray();

        Assert.Multiple(() =>
        {
            Assert.That(values[0], Is.EqualTo(1));
            Assert.That(double.IsNaN(values[1]), Is.True);
            Assert.That(values[2], Is.EqualTo(3));
        });
    }

    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void Create_NotFiniteValue_Throws(double bad)
    {
        Assert.That(() => MetricSeries.Create(s_jan, [1.0, bad]), Throws.ArgumentException);
    }

    [Test]
    public void Last_TakesTrailingWindow()
    {
        var series = MetricSeries.Create(s_jan, [1.0, 2.0, null, 4.0]);

        Assert.Multiple(() =>
        {
            Assert.That(series.Last(2), Is.EqualTo(MetricSeries.Create(Period.Month(2026, 3), [null, 4.0])));
            Assert.That(series.Last(2).KnownCount, Is.EqualTo(1));
            Assert.That(series.Last(10), Is.SameAs(series));
            Assert.That(series.Last(0).Count, Is.Zero);
            Assert.That(() => series.Last(-1), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void FromPoints_FillsMissingPeriodsWithGaps()
    {
        var series = MetricSeries.FromPoints(s_jan, Period.Month(2026, 4), [new(Period.Month(2026, 4), 4), new(s_jan, 1)]);

        Assert.That(series.Values, Is.EqualTo(new double?[] { 1, null, null, 4 }));
    }

    [Test]
    public void FromPoints_BadPoints_Throw()
    {
        var last = Period.Month(2026, 3);
        Assert.Multiple(() =>
        {
            Assert.That(() => MetricSeries.FromPoints(s_jan, last, [new(Period.Month(2026, 5), 1)]), Throws.ArgumentException);
            Assert.That(() => MetricSeries.FromPoints(s_jan, last, [new(s_jan, 1), new(s_jan, 2)]), Throws.ArgumentException);
            Assert.That(() => MetricSeries.FromPoints(s_jan, last, [new(Period.Day(new DateOnly(2026, 1, 1)), 1)]), Throws.ArgumentException);
            Assert.That(() => MetricSeries.FromPoints(last, s_jan, []), Throws.ArgumentException);
        });
    }

    [Test]
    public void ValueAt_OutsideOrGap_IsNull()
    {
        var series = MetricSeries.Create(s_jan, [1.0, null]);

        Assert.Multiple(() =>
        {
            Assert.That(series.ValueAt(s_jan), Is.EqualTo(1));
            Assert.That(series.ValueAt(Period.Month(2026, 2)), Is.Null);
            Assert.That(series.ValueAt(Period.Month(2026, 3)), Is.Null);
            Assert.That(series.ValueAt(Period.Quarter(2026, 1)), Is.Null);
            Assert.That(series.TryGetIndex(Period.Month(2026, 2), out int index) && index == 1, Is.True);
        });
    }

    [Test]
    public void GrowthRates_UndefinedAfterGapsAndZeros()
    {
        var growth = MetricSeries.Create(s_jan, [100.0, 110.0, null, 50.0, 0.0, 10.0]).GrowthRates();

        Assert.Multiple(() =>
        {
            Assert.That(growth[0].Value, Is.Null, "no previous period");
            Assert.That(growth[1].Value, Is.EqualTo(0.1).Within(1e-12));
            Assert.That(growth[2].Value, Is.Null, "unknown value");
            Assert.That(growth[3].Value, Is.Null, "previous unknown");
            Assert.That(growth[4].Value, Is.EqualTo(-1));
            Assert.That(growth[5].Value, Is.Null, "growth from zero is undefined, not infinite");
        });
    }

    [Test]
    public void TryGetLatestKnown_SkipsTrailingGaps()
    {
        var series = MetricSeries.Create(s_jan, [1.0, 2.0, null]);

        Assert.Multiple(() =>
        {
            Assert.That(series.TryGetLatestKnown(out var point), Is.True);
            Assert.That(point, Is.EqualTo(new MetricPoint(Period.Month(2026, 2), 2)));
            Assert.That(MetricSeries.Empty(s_jan).TryGetLatestKnown(out _), Is.False);
            Assert.That(() => MetricSeries.Empty(s_jan).End, Throws.InvalidOperationException);
        });
    }

    [Test]
    public void Enumeration_YieldsEveryPeriodInOrder()
    {
        var series = MetricSeries.Create(s_jan, [1.0, null]);

        Assert.That(series.Select(p => p.Period.ToString()).ToArray(), Is.EqualTo(new[] { "2026-01", "2026-02" }));
    }

    [Test]
    public void Equality_ComparesStartAndValues()
    {
        var first = MetricSeries.Create(s_jan, [1.0, null]);
        var second = MetricSeries.Create(s_jan, [1.0, null]);
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(second));
            Assert.That(first.GetHashCode(), Is.EqualTo(second.GetHashCode()));
            Assert.That(MetricSeries.Create(s_jan, [1.0, null]), Is.Not.EqualTo(MetricSeries.Create(s_jan, [1.0, 0.0])));
            Assert.That(MetricSeries.Create(s_jan, [1.0]), Is.Not.EqualTo(MetricSeries.Create(s_jan.Next(), [1.0])));
        });
    }

    [Test]
    public void GrowthRates_ChangeBeyondADouble_IsAGap()
    {
        var growth = MetricSeries.Create(Period.Month(2025, 1), [1e-300, 1e300, 2e300]).GrowthRates();

        Assert.That(growth.Values, Is.EqualTo(new double?[] { null, null, 1.0 }));
    }
}
