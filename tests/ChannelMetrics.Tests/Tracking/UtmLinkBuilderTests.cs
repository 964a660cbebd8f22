using ChannelMetrics.Tracking;
using CsCheck;

namespace ChannelMetrics.Tests.Tracking;

public sealed class UtmLinkBuilderTests
{
    private static readonly UtmTags s_tags = new() { Source = "facebook", Medium = "paid_social", Campaign = "spring sale & more" };

    [TestCase("https://shop.example/p", "https://shop.example/p?utm_source=facebook&utm_medium=paid_social&utm_campaign=spring+sale+%26+more")]
    [TestCase("https://shop.example/p?color=red&size=M#reviews", "https://shop.example/p?color=red&size=M&utm_source=facebook&utm_medium=paid_social&utm_campaign=spring+sale+%26+more#reviews")]
    [TestCase("https://shop.example/p?utm_source=old&x=1&UTM_MEDIUM=old&gclid=g", "https://shop.example/p?x=1&utm_source=facebook&utm_medium=paid_social&utm_campaign=spring+sale+%26+more")]
    [TestCase("https://shop.example/p?#top", "https://shop.example/p?utm_source=facebook&utm_medium=paid_social&utm_campaign=spring+sale+%26+more#top")]
    [TestCase("/landing", "/landing?utm_source=facebook&utm_medium=paid_social&utm_campaign=spring+sale+%26+more")]
    [TestCase("https://shop.example/p?a=%20b+c&&d", "https://shop.example/p?a=%20b+c&d&utm_source=facebook&utm_medium=paid_social&utm_campaign=spring+sale+%26+more")]
    public void Build_Url_AddsOrReplacesTagsKeepsRest(string url, string expected)
    {
        Assert.That(UtmLinkBuilder.Build(url, s_tags), Is.EqualTo(expected));
    }

    [TestCase("utm_source=old&x=1", "x=1&utm_source=news")]
    [TestCase("utm_source=old&/landing", "?/landing&utm_source=news")]
    [TestCase("gclid&/p", "?/p&utm_source=news")]
    [TestCase("&https://a.example/p", "?https://a.example/p&utm_source=news")]
    [TestCase(" &https://a.example/", "?https://a.example/&utm_source=news")]
    public void Build_BareQuery_StaysAQueryWhenItsFirstPieceGoes(string bareQuery, string expected)
    {
        var tags = new UtmTags { Source = "news" };

        string link = UtmLinkBuilder.Build(bareQuery, tags);

        Assert.That(link, Is.EqualTo(expected));
        Assert.That(UtmParser.Parse(link).Tags, Is.EqualTo(tags));
    }

    [Test]
    public void ClickIds_BadIndexAndNullValue_ThrowTheDocumentedExceptions()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => ClickIds.Empty[0], Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => ClickIds.Create([new ClickId(ClickIdKinds.Gclid, null!)]), Throws.ArgumentNullException);
            Assert.That(() => ClickIds.Create([new ClickId(ClickIdKinds.Gclid, "")]), Throws.ArgumentException.And.Not.TypeOf<ArgumentNullException>());
        });
    }

    [Test]
    public void Build_EmptyTags_RemovesTrackingOnly()
    {
        Assert.That(UtmLinkBuilder.Build("https://e.example/?utm_source=a&k=v#f", UtmTags.Empty), Is.EqualTo("https://e.example/?k=v#f"));
        Assert.That(UtmLinkBuilder.Build("https://e.example/?utm_source=a#f", UtmTags.Empty), Is.EqualTo("https://e.example/#f"));
    }

    [Test]
    public void Build_ClickIds_Written()
    {
        var tags = s_tags with { ClickIds = ClickIds.Create([new ClickId(ClickIdKinds.Fbclid, "IwAR+x/y")]) };
        string link = UtmLinkBuilder.Build("https://e.example/", tags);
        Assert.That(link, Does.EndWith("&fbclid=IwAR%2Bx%2Fy"));
        Assert.That(UtmParser.Parse(link).Tags, Is.EqualTo(tags));
    }

    [Test]
    public void Encode_FormSerializer_EncodesLikeUrlSearchParams()
    {
        Assert.That(FormUrlEncoded.Encode("a b&c=d/é*-._~"), Is.EqualTo("a+b%26c%3Dd%2F%C3%A9*-._%7E"));
    }

    [Test]
    public void Build_ThenParse_RoundTripsAnyTags()
    {
        var text = Gen.OneOf(
            Gen.OneOf("a", "A", " ", "&", "=", "+", "%", "%2", "#", "?", "/", "é", "€", "😀", "\t", "\n", ".", "-", "_").Array[0, 12].Select(string.Concat),
            Gen.String.Where(s => !Utf16Text.HasLoneSurrogate(s)));
        var value = Gen.OneOf(Gen.Const((string?)null), text.Select(s => (string?)s));
        var clickIds = Gen.Int[0, (1 << 13) - 1].Select(text.Where(s => s.Length > 0), (bits, v) =>
            ClickIds.Create(Enumerable.Range(0, 13).Where(i => (bits & (1 << i)) != 0).Select(i => new ClickId((ClickIdKinds)(1 << i), v + i))));
        var tags = Gen.Select(value.Array[9], clickIds, (v, c) => new UtmTags
        {
            Source = v[0],
            Medium = v[1],
            Campaign = v[2],
            Term = v[3],
            Content = v[4],
            Id = v[5],
            SourcePlatform = v[6],
            CreativeFormat = v[7],
            MarketingTactic = v[8],
            ClickIds = c,
        });
        var url = Gen.OneOf(Gen.Const("https://shop.example/p"), Gen.Const("https://shop.example/p?x=1&utm_source=old#frag?utm_medium=h"),
            Gen.Const("/landing?"), Gen.Const("a=1&b=2"), Gen.Const("https://e.example/?gclid=old&k#"), Gen.Const("utm_source=old&/landing"));
        Gen.Select(url, tags).Sample(
            (u, t) =>
            {
                string link = UtmLinkBuilder.Build(u, t);
                Assert.That(UtmParser.Parse(link).Tags, Is.EqualTo(t), link);
            },
            seed: "0N0XIzNsQ0O2",
            iter: 2000);
    }
}
