using ChannelMetrics.Metrics;

namespace ChannelMetrics.Tests.Metrics;

public sealed class MetricValueTests
{
    [Test]
    public void Known_FiniteValue_IsKnown()
    {
        var value = MetricValue.Known(0.25);

        Assert.Multiple(() =>
        {
            Assert.That(value.IsKnown, Is.True);
            Assert.That(value.Value, Is.EqualTo(0.25));
            Assert.That(value.Reason, Is.EqualTo(NotComputableReason.None));
            Assert.That(value.Detail, Is.Null);
            Assert.That(value.GetValueOrThrow(), Is.EqualTo(0.25));
            Assert.That(value.ToString(), Is.EqualTo("0.25"));
        });
    }

    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NegativeInfinity)]
    public void Known_NotFinite_Throws(double value)
    {
        Assert.That(() => MetricValue.Known(value), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void NotComputable_HasReasonAndNoValue()
    {
        var value = MetricValue.NotComputable(NotComputableReason.ZeroDenominator, "cost is zero");

        Assert.Multiple(() =>
        {
            Assert.That(value.IsKnown, Is.False);
            Assert.That(value.Value, Is.Null);
            Assert.That(value.TryGetValue(out _), Is.False);
            Assert.That(value.Reason, Is.EqualTo(NotComputableReason.ZeroDenominator));
            Assert.That(value.ToString(), Is.EqualTo("not computable: cost is zero"));
            Assert.That(() => value.GetValueOrThrow(), Throws.InvalidOperationException.With.Message.Contains("cost is zero"));
        });
    }

    [Test]
    public void NotComputable_BadArguments_Throw()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => MetricValue.NotComputable(NotComputableReason.None, "x"), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => MetricValue.NotComputable(NotComputableReason.MissingInput, " "), Throws.ArgumentException);
        });
    }

    [Test]
    public void Default_IsNotComputedRatherThanZero()
    {
        var value = default(MetricValue);

        Assert.Multiple(() =>
        {
            Assert.That(value.IsKnown, Is.False);
            Assert.That(value.Value, Is.Null);
            Assert.That(value.ToString(), Is.EqualTo("not computable: never computed"));
        });
    }

    [Test]
    public void Equality_ComparesValueAndReason()
    {
        Assert.Multiple(() =>
        {
            Assert.That(MetricValue.Known(1) == MetricValue.Known(1), Is.True);
            Assert.That(MetricValue.Known(1) != MetricValue.Known(2), Is.True);
            Assert.That(MetricValue.Known(0), Is.Not.EqualTo(default(MetricValue)));
            Assert.That(MetricValue.NotComputable(NotComputableReason.MissingInput, "a"), Is.EqualTo(MetricValue.NotComputable(NotComputableReason.MissingInput, "a" + string.Empty)));
            Assert.That(MetricValue.NotComputable(NotComputableReason.MissingInput, "a"), Is.Not.EqualTo(MetricValue.NotComputable(NotComputableReason.ZeroDenominator, "a")));
            Assert.That(MetricValue.Known(3).GetHashCode(), Is.EqualTo(MetricValue.Known(1 + 2).GetHashCode()));
        });
    }
}
