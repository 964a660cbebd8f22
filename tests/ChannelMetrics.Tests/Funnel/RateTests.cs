using ChannelMetrics.Funnel;
using ChannelMetrics.Statistics;

namespace ChannelMetrics.Tests.Funnel;

public sealed class RateTests
{
    [Test]
    public void Of_ValidCounts_HasValueAndWilsonInterval()
    {
        var rate = Rate.Of(81, 263);

        Assert.Multiple(() =>
        {
            Assert.That(rate.HasValue, Is.True);
            Assert.That(rate.Reason, Is.EqualTo(RateUndefinedReason.None));
            Assert.That(rate.Value, Is.EqualTo(81.0 / 263).Within(1e-15));
            Assert.That(rate.Interval, Is.EqualTo(Proportions.Wilson(81, 263)));
        });
    }

    [Test]
    public void Of_NoTrials_IsUndefinedNotNaN()
    {
        var rate = Rate.Of(0, 0);

        Assert.Multiple(() =>
        {
            Assert.That(rate.HasValue, Is.False);
            Assert.That(rate.Reason, Is.EqualTo(RateUndefinedReason.NoTrials));
            Assert.That(rate.Value, Is.Null);
            Assert.That(rate.Interval, Is.Null);
            Assert.That(rate.ToString(), Does.Contain("no trials"));
        });
    }

    [Test]
    public void Of_MoreSuccessesThanTrials_IsUndefined()
    {
        var rate = Rate.Of(12, 10);

        Assert.Multiple(() =>
        {
            Assert.That(rate.Reason, Is.EqualTo(RateUndefinedReason.SuccessesExceedTrials));
            Assert.That(rate.Value, Is.Null);
            Assert.That(rate.Interval, Is.Null);
        });
    }

    [Test]
    public void Default_IsZeroOfZero()
    {
        Assert.Multiple(() =>
        {
            Assert.That(default(Rate).Reason, Is.EqualTo(RateUndefinedReason.NoTrials));
            Assert.That(default(Rate), Is.EqualTo(Rate.Of(0, 0)), "the same rate, as its text says");
            Assert.That(default(Rate).GetHashCode(), Is.EqualTo(Rate.Of(0, 0).GetHashCode()));
            Assert.That(default(Rate).Confidence, Is.EqualTo(0.95));
        });
    }

    [Test]
    public void Of_ConfidenceChangesIntervalWidth()
    {
        var narrow = Rate.Of(30, 100, 0.80).Interval!.Value;
        var wide = Rate.Of(30, 100, 0.99).Interval!.Value;

        Assert.That(wide.Width, Is.GreaterThan(narrow.Width));
    }

    [TestCase(-1, 10, 0.95)]
    [TestCase(1, -10, 0.95)]
    [TestCase(1, 10, 0.0)]
    [TestCase(1, 10, 1.0)]
    [TestCase(1, 10, double.NaN)]
    public void Of_BadArguments_Throw(long successes, long trials, double confidence)
    {
        Assert.That(() => Rate.Of(successes, trials, confidence), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Equality_ComparesCountsAndConfidence()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Rate.Of(1, 2) == Rate.Of(1, 2), Is.True);
            Assert.That(Rate.Of(1, 2) != Rate.Of(1, 2, 0.9), Is.True);
            var (a, b) = (Rate.Of(1, 2), Rate.Of(1, 2));
            Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
        });
    }

    [Test]
    public void ToString_IsInvariant()
    {
        Assert.That(Rate.Of(1, 4).ToString(), Does.StartWith("25.00% ["));
    }
}
