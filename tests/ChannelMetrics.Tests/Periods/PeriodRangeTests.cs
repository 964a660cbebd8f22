using ChannelMetrics.Funnel;
using ChannelMetrics.Metrics;
using ChannelMetrics.Tests.Funnel;

namespace ChannelMetrics.Tests.Periods;

public sealed class PeriodRangeTests
{
    [TestCase(PeriodGranularity.Day)]
    [TestCase(PeriodGranularity.Week)]
    [TestCase(PeriodGranularity.Month)]
    [TestCase(PeriodGranularity.Quarter)]
    public void Between_ListsEveryPeriod_ByIndexAndInOrder(PeriodGranularity granularity)
    {
        var first = Period.Containing(new DateOnly(2024, 12, 30), granularity);
        var expected = new List<Period> { first };
        while (expected.Count < 40)
        {
            expected.Add(expected[^1].Next());
        }

        var range = PeriodRange.Between(first, expected[^1]);

        Assert.Multiple(() =>
        {
            Assert.That(range.Count, Is.EqualTo(expected.Count));
            Assert.That(range, Is.EqualTo(expected));
            Assert.That(Enumerable.Range(0, range.Count).Select(i => range[i]), Is.EqualTo(expected));
            Assert.That(() => range[-1], Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => range[range.Count], Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(PeriodRange.Between(first, first), Is.EqualTo(new[] { first }));
            Assert.That(PeriodRange.Empty, Is.Empty);
        });
    }

    [Test]
    public void Between_EndingOnTheLastDay_EnumeratesWithoutSteppingPastIt()
    {
        var last = Period.Day(DateOnly.MaxValue);

        Assert.That(PeriodRange.Between(last.Previous(), last), Is.EqualTo(new[] { last.Previous(), last }));
    }

    [Test]
    public void RowsCenturiesApart_TableAndDatasetHoldNoPeriodInBetween()
    {
        // A missing timestamp read as the year 1, beside this year's data: 739,000 days apart.
        var year1 = Period.Day(DateOnly.MinValue);
        var today = Period.Day(new DateOnly(2026, 12, 6));
        var rows = new[] { new FunnelRecord(year1, "Facebook", 1, 0, 0), new FunnelRecord(today, "Facebook", 5, 1, 0) };

        long allocated = Allocations.LeastOfThreeRuns(() => ChannelDataset.Create(FunnelTable.FromRows(rows), []));
        var table = FunnelTable.FromRows(rows);
        var dataset = ChannelDataset.Create(table, []);

        int days = today.Start.DayNumber - year1.Start.DayNumber + 1;
        Assert.Multiple(() =>
        {
            Assert.That(table.Periods, Has.Count.EqualTo(days));
            Assert.That(table.Periods[0], Is.EqualTo(year1));
            Assert.That(table.Periods[^1], Is.EqualTo(today));
            Assert.That(dataset.Periods, Has.Count.EqualTo(days));
            Assert.That(dataset.Periods[^1], Is.EqualTo(today));

            // A period per day would be 8 bytes × 739,000, about 6 MB, twice.
            Assert.That(allocated, Is.LessThan(64 * 1024), "bytes allocated by FromRows and Create");
        });
    }
}
