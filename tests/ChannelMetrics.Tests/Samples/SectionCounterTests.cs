using AgencyReport.Analysis;

namespace ChannelMetrics.Tests.Samples;

public sealed class SectionCounterTests
{
    [TestCase("https://www.tallyfox.example/blog/close-the-books?utm_source=t.co", "blog")]
    [TestCase("https://www.tallyfox.example/Blog", "blog")]
    [TestCase("https://www.tallyfox.example/pricing#plans", "pricing")]
    [TestCase("https://www.tallyfox.example/?utm_source=fb", null)]
    [TestCase("https://www.tallyfox.example", null)]
    [TestCase("/webinars/spring?x=1", "webinars")]
    [TestCase("?utm_source=fb", null)]
    public void Section_IsTheFirstPathSegment(string url, string? expected)
    {
        Assert.That(SectionCounter.Section(url), Is.EqualTo(expected));
    }

    [Test]
    public void ToList_CountsVisitsPerMonthNetworkAndSection_InTheTeamsTimeZone()
    {
        var berlin = TimeZoneInfo.CreateCustomTimeZone("UTC+1", TimeSpan.FromHours(1), "UTC+1", "UTC+1");
        var counter = new SectionCounter(berlin);
        var lateJanuaryUtc = new DateTimeOffset(2026, 1, 31, 23, 30, 0, TimeSpan.Zero);   // already February in UTC+1

        counter.AddVisit(lateJanuaryUtc, "https://x.example/blog/a?utm_source=t.co&utm_medium=social");
        counter.AddVisit(lateJanuaryUtc.AddDays(-2), "https://x.example/blog/b?utm_source=twitter&utm_medium=social");
        counter.AddVisit(lateJanuaryUtc.AddDays(-2), "https://x.example/blog/b?utm_source=twitter&utm_medium=social");
        counter.AddVisit(lateJanuaryUtc, "https://x.example/blog/c");
        counter.AddVisit(lateJanuaryUtc, "https://x.example/?utm_source=fb&utm_medium=social");
        counter.AddVisit(lateJanuaryUtc, null);

        var counts = counter.ToList().Select(s => (s.Period.ToString(), s.Network, s.Section, s.Visits));

        Assert.That(counts, Is.EqualTo(new[]
        {
            ("2026-01", "X (Twitter)", "blog", 2L),
            ("2026-02", "(direct)", "blog", 1L),
            ("2026-02", "X (Twitter)", "blog", 1L),
        }));
    }
}
