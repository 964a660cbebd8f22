using ChannelMetrics.Tracking;
using CsCheck;

namespace ChannelMetrics.Tests.Tracking;

public sealed class UtmParserInternedTests
{
    private static readonly string[] s_urls =
    [
        "https://shop.example/p?utm_source=facebook&utm_medium=paid_social&utm_campaign=spring_sale&utm_content=carousel&fbclid=IwAR1",
        "https://shop.example/p?utm_source=google&utm_medium=cpc&utm_campaign=brand&utm_term=running+shoes&gclid=Cj0KCQ",
        "/blog/post?utm_source=linkedin&utm_medium=social&utm_campaign=%C3%A9t%C3%A9&li_fat_id=abc",
        "utm_source=news&UTM_MEDIUM=email&utm_campaign=q3&utm_campaign=q4",
        "https://x.example/?a=1\t&utm_source=tw&utm_medium=social#frag?utm_campaign=hidden",
        "https://x.example/?utm_source=&utm_medium=cpc&gclid=",
        "https://x.example/?utm%5Fsource=encoded+key&utm_medium=%2",
    ];

    [Test]
    public void ParseInterned_KnownUrls_MatchFullParser()
    {
        var pool = new UtmValuePool();
        foreach (string url in s_urls)
        {
            AssertSameAsFullParser(url, pool);
        }
    }

    [Test]
    public void ParseInterned_RandomInput_MatchesFullParser()
    {
        var pool = new UtmValuePool();
        Gen.OneOf("utm_source", "UTM_Medium", "utm_campaign", "utm_content", "utm_term", "gclid", "x", "")
            .Select(Gen.String[Gen.Char["ab%+=&#?2F\t é"], 0, 6])
            .Array[0, 6]
            .Sample(
                parts =>
                {
                    string query = string.Join("&", parts.Select(p => p.Item1 + "=" + p.Item2));
                    AssertSameAsFullParser(query, pool);
                    AssertSameAsFullParser("https://e.x/p?" + query, pool);
                },
                seed: "0N0XIzNsQ0O2",
                iter: 2000,
                threads: 1);
    }

    [Test]
    public void ParseInterned_SameValueTwice_ReturnsSameInstance()
    {
        var pool = new UtmValuePool();
        var first = UtmParser.ParseInterned("utm_source=face%62ook&utm_medium=cpc", pool);
        var second = UtmParser.ParseInterned("https://e.x/?utm_medium=cpc&utm_source=facebook", pool);
        Assert.That(second.Source, Is.SameAs(first.Source));
        Assert.That(second.Medium, Is.SameAs(first.Medium));
        Assert.That(pool.Count, Is.EqualTo(2));
    }

    [Test]
    public void ParseInterned_AfterWarmUp_AllocatesNothing()
    {
        var pool = new UtmValuePool();
        foreach (string url in s_urls)
        {
            _ = UtmParser.ParseInterned(url, pool);
        }

        string longUrl = "https://e.x/?utm_source=" + new string('s', 400) + "&utm_medium=%C3%A9" + new string('m', 300);
        _ = UtmParser.ParseInterned(longUrl, pool);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            foreach (string url in s_urls)
            {
                _ = UtmParser.ParseInterned(url, pool);
            }

            _ = UtmParser.ParseInterned(longUrl, pool);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void Pool_OverMaxCount_ReturnsUnpooledStrings()
    {
        var pool = new UtmValuePool(maxCount: 1);
        string a = pool.Intern("a".AsSpan());
        string b1 = pool.Intern("b".AsSpan());
        string b2 = pool.Intern("b".AsSpan());
        Assert.That(pool.Intern("a".AsSpan()), Is.SameAs(a));
        Assert.That(b1, Is.EqualTo(b2));
        Assert.That(b1, Is.Not.SameAs(b2));
        Assert.That(pool.Count, Is.EqualTo(1));
    }

    private static void AssertSameAsFullParser(string input, UtmValuePool pool)
    {
        var tags = UtmParser.Parse(input).Tags;
        var values = UtmParser.ParseInterned(input, pool);
        var expected = new UtmValues(tags.Source, tags.Medium, tags.Campaign, tags.Content, tags.Term, tags.ClickIds.Kinds);
        Assert.That(values, Is.EqualTo(expected), input);
    }
}
