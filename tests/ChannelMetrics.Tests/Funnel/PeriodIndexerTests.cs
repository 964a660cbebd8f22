using ChannelMetrics.Funnel;

namespace ChannelMetrics.Tests.Funnel;

public sealed class PeriodIndexerTests
{
    // Zones whose offsets are not whole hours, or change by half an hour, split UTC days and quarter-hours
    // in every way the indexer's caches must get right.
    private static readonly string[] Zones = ["UTC", "Europe/Berlin", "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Chatham", "America/St_Johns"];

    [Test]
    public void SlotOf_EveryZoneAndGranularity_EqualsPeriodContaining(
        [ValueSource(nameof(Zones))] string zoneId,
        [Values] PeriodGranularity granularity)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var indexer = new PeriodIndexer(granularity, zone);
        var random = new Random(granularity.GetHashCode() ^ zoneId.Length);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

        // Three years of instants in random order, so cached days and quarter-hours are evicted and looked up
        // again (days 1,024 apart share a day-cache slot), plus every 7 minutes around two DST switches.
        var instants = new List<long>();
        for (int i = 0; i < 100_000; i++)
        {
            instants.Add(start + random.NextInt64(3 * 366 * TimeSpan.TicksPerDay));
        }

        foreach (var around in new[] { new DateTimeOffset(2025, 3, 30, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 10, 5, 0, 0, 0, TimeSpan.Zero) })
        {
            for (int minute = -48 * 60; minute < 48 * 60; minute += 7)
            {
                instants.Add(around.AddMinutes(minute).UtcTicks);
            }
        }

        instants.Add(DateTimeOffset.MinValue.UtcTicks);
        instants.Add(DateTimeOffset.MaxValue.UtcTicks);

        var wrong = new List<string>();
        foreach (long ticks in instants)
        {
            var at = new DateTimeOffset(ticks, TimeSpan.Zero);
            var expected = Period.Containing(at, granularity, zone);
            var actual = indexer[indexer.SlotOf(ticks)];
            if (actual != expected && wrong.Count < 5)
            {
                wrong.Add($"{at:O}: {actual}, expected {expected}");
            }
        }

        Assert.That(wrong, Is.Empty);
    }

    // On 1867-10-18 (local) America/Sitka moved from Russian to American time: the clock went back by a whole day,
    // so a UTC day could start and end on the same local date while passing through the day before.
    [Test]
    public void SlotOf_ZoneWhoseDateGoesBackWithinADay_EqualsPeriodContaining([Values] PeriodGranularity granularity)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Sitka");
        var indexer = new PeriodIndexer(granularity, zone);
        var around = new DateTimeOffset(1867, 10, 19, 0, 0, 0, TimeSpan.Zero);
        Assume.That(zone.GetUtcOffset(around.AddDays(-2)) - zone.GetUtcOffset(around.AddDays(2)), Is.GreaterThan(TimeSpan.FromHours(20)), "this machine's time zone data lacks Sitka's 1867 change");

        var wrong = new List<string>();
        for (int minute = -3 * 24 * 60; minute < 3 * 24 * 60; minute += 5)
        {
            var at = around.AddMinutes(minute);
            var expected = Period.Containing(at, granularity, zone);
            var actual = indexer[indexer.SlotOf(at.UtcTicks)];
            if (actual != expected && wrong.Count < 5)
            {
                wrong.Add($"{at:O}: {actual}, expected {expected}");
            }
        }

        Assert.That(wrong, Is.Empty);
    }
}
