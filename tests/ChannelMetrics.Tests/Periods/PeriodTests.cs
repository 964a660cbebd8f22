using System.Globalization;

namespace ChannelMetrics.Tests.Periods;

public sealed class PeriodTests
{
    private static readonly TimeZoneInfo UtcPlus2 = TimeZoneInfo.CreateCustomTimeZone("UTC+2", TimeSpan.FromHours(2), "UTC+2", "UTC+2");

    [Test]
    public void Containing_LastEveningOfMonthInUtcPlus2_LandsInNextMonth()
    {
        var instant = new DateTimeOffset(2026, 1, 31, 23, 30, 0, TimeSpan.Zero);

        Assert.Multiple(() =>
        {
            Assert.That(Period.Containing(instant, PeriodGranularity.Month, UtcPlus2), Is.EqualTo(Period.Month(2026, 2)));
            Assert.That(Period.Containing(instant, PeriodGranularity.Month, TimeZoneInfo.Utc), Is.EqualTo(Period.Month(2026, 1)));
        });
    }

    [TestCase(2026, 1, 1, PeriodGranularity.Week, "2026-W01")]
    [TestCase(2027, 1, 1, PeriodGranularity.Week, "2026-W53")]
    [TestCase(2024, 12, 30, PeriodGranularity.Week, "2025-W01")]
    [TestCase(2026, 8, 15, PeriodGranularity.Quarter, "2026-Q3")]
    [TestCase(2026, 8, 15, PeriodGranularity.Month, "2026-08")]
    [TestCase(2026, 8, 15, PeriodGranularity.Day, "2026-08-15")]
    public void Containing_Date_FormatsAsIsoText(int year, int month, int day, PeriodGranularity granularity, string expected)
    {
        var period = Period.Containing(new DateOnly(year, month, day), granularity);

        Assert.Multiple(() =>
        {
            Assert.That(period.ToString(), Is.EqualTo(expected));
            Assert.That(Period.Parse(expected), Is.EqualTo(period));
            Assert.That(period.Contains(new DateOnly(year, month, day)), Is.True);
        });
    }

    [TestCase("2026-13")]
    [TestCase("2026-Q5")]
    [TestCase("2026-W54")]
    [TestCase("2025-W53")]
    [TestCase("2026-02-30")]
    [TestCase("26-01")]
    [TestCase("")]
    [TestCase("2026-1")]
    public void TryParse_InvalidText_ReturnsFalse(string text)
    {
        Assert.That(Period.TryParse(text, out _), Is.False);
    }

    [Test]
    public void LastPeriodsOfTheCalendar_KnowTheirDaysAndDates()
    {
        var last = DateOnly.MaxValue;

        Assert.Multiple(() =>
        {
            foreach (var (granularity, days) in new[] { (PeriodGranularity.Day, 1), (PeriodGranularity.Week, 7), (PeriodGranularity.Month, 31), (PeriodGranularity.Quarter, 92) })
            {
                var period = Period.Containing(last, granularity);
                Assert.That(period.Days, Is.EqualTo(days), granularity.ToString());
                Assert.That(period.LastDay, Is.EqualTo(last), granularity.ToString());
                Assert.That(period.Contains(last), granularity.ToString());
                Assert.That(period.Contains(period.Start.AddDays(-1)), Is.False, granularity.ToString());
                Assert.That(() => period.End, Throws.InstanceOf<ArgumentOutOfRangeException>(), granularity.ToString());
            }
        });
    }

    [TestCase("2026-03-16", PeriodGranularity.Day, "2026-03-16")]
    [TestCase("2026-03-16", PeriodGranularity.Week, "2026-03-22")]
    [TestCase("2024-02-10", PeriodGranularity.Month, "2024-02-29")]
    [TestCase("2026-05-01", PeriodGranularity.Quarter, "2026-06-30")]
    public void LastDay_IsTheDayBeforeEnd(string date, PeriodGranularity granularity, string expected)
    {
        var period = Period.Containing(DateOnly.Parse(date, CultureInfo.InvariantCulture), granularity);

        Assert.Multiple(() =>
        {
            Assert.That(period.LastDay, Is.EqualTo(DateOnly.Parse(expected, CultureInfo.InvariantCulture)));
            Assert.That(period.LastDay, Is.EqualTo(period.End.AddDays(-1)));
        });
    }

    [Test]
    public void IsoWeeksOfYear9999_ParseBackAndCanBeNamed()
    {
        Assert.Multiple(() =>
        {
            for (int week = 1; week <= 52; week++)
            {
                var period = Period.IsoWeek(9999, week);
                Assert.That(Period.Parse(period.ToString()), Is.EqualTo(period), period.ToString());
            }

            Assert.That(Period.Containing(DateOnly.MaxValue, PeriodGranularity.Week).ToString(), Is.EqualTo("9999-W52"));
            Assert.That(Period.TryParse("9999-W53", out _), Is.False);
        });
    }

    // count × 7 and count × 3 wrapped around to a small offset: a "week" starting on a Tuesday, a "quarter" in February.
    [TestCase(PeriodGranularity.Week, -1227133513)]
    [TestCase(PeriodGranularity.Week, int.MaxValue)]
    [TestCase(PeriodGranularity.Quarter, -1431655765)]
    [TestCase(PeriodGranularity.Quarter, int.MinValue)]
    public void Offset_ProductBeyondInt32_ThrowsInsteadOfWrapping(PeriodGranularity granularity, int count)
    {
        var start = Period.Containing(new DateOnly(2026, 1, 5), granularity);

        Assert.That(() => start.Offset(count), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Offset_And_PeriodsUntil_AreInverse()
    {
        foreach (var granularity in Enum.GetValues<PeriodGranularity>())
        {
            var start = Period.Containing(new DateOnly(2025, 11, 28), granularity);
            for (int n = -30; n <= 30; n++)
            {
                Assert.That(start.PeriodsUntil(start.Offset(n)), Is.EqualTo(n), $"{granularity} {n}");
            }
        }
    }

    [Test]
    public void Week_StartsOnMonday_AndLastsSevenDays()
    {
        var week = Period.Containing(new DateOnly(2026, 11, 26), PeriodGranularity.Week);

        Assert.Multiple(() =>
        {
            Assert.That(week.Start.DayOfWeek, Is.EqualTo(DayOfWeek.Monday));
            Assert.That(week.Days, Is.EqualTo(7));
        });
    }

    [Test]
    public void Ordering_FollowsStart()
    {
        var periods = new[] { Period.Month(2026, 3), Period.Month(2025, 12), Period.Month(2026, 1) };
        Array.Sort(periods);

        Assert.That(periods, Is.EqualTo(new[] { Period.Month(2025, 12), Period.Month(2026, 1), Period.Month(2026, 3) }));
        Assert.That(Period.Month(2026, 1) < Period.Month(2026, 2), Is.True);
    }

    [Test]
    public void ToString_IgnoresCurrentCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA");
            Assert.That(Period.Month(2026, 3).ToString(), Is.EqualTo("2026-03"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
