using ChannelMetrics.Tracking;

namespace ChannelMetrics.Tests.Tracking;

public sealed class FormUrlEncodedTests
{
    // Every case of web-platform-tests url/resources/urlencoded-parser-data.json (read by url/urlencoded-parser.any.js),
    // commit d1655f3, BSD-3-Clause, re-expressed as NUnit cases.
    // Each output is "name=value" pairs joined by '|'.
    private static readonly object[] s_wptCases =
    [
        new object[] { "test", "test=" },
        new object[] { "\uFEFFtest=\uFEFF", "\uFEFFtest=\uFEFF" },
        new object[] { "%EF%BB%BFtest=%EF%BB%BF", "\uFEFFtest=\uFEFF" },
        new object[] { "%EF%BF%BF=%EF%BF%BF", "\uFFFF=\uFFFF" },
        new object[] { "%FE%FF", "\uFFFD\uFFFD=" },
        new object[] { "%FF%FE", "\uFFFD\uFFFD=" },
        new object[] { "†&†=x", "†=|†=x" },
        new object[] { "%C2", "\uFFFD=" },
        new object[] { "%C2x", "\uFFFDx=" },
        new object[] { "_charset_=windows-1252&test=%C2x", "_charset_=windows-1252|test=\uFFFDx" },
        new object[] { "", "" },
        new object[] { "a", "a=" },
        new object[] { "a=b", "a=b" },
        new object[] { "a=", "a=" },
        new object[] { "=b", "=b" },
        new object[] { "&", "" },
        new object[] { "&a", "a=" },
        new object[] { "a&", "a=" },
        new object[] { "a&a", "a=|a=" },
        new object[] { "a&b&c", "a=|b=|c=" },
        new object[] { "a=b&c=d", "a=b|c=d" },
        new object[] { "a=b&c=d&", "a=b|c=d" },
        new object[] { "&&&a=b&&&&c=d&", "a=b|c=d" },
        new object[] { "a=a&a=b&a=c", "a=a|a=b|a=c" },
        new object[] { "a==a", "a==a" },
        new object[] { "a=a+b+c+d", "a=a b c d" },
        new object[] { "%=a", "%=a" },
        new object[] { "%a=a", "%a=a" },
        new object[] { "%a_=a", "%a_=a" },
        new object[] { "%61=a", "a=a" },
        new object[] { "%61+%4d%4D=", "a MM=" },
        new object[] { "id=0&value=%", "id=0|value=%" },
        new object[] { "b=%2sf%2a", "b=%2sf*" },
        new object[] { "b=%2%2af%2a", "b=%2*f*" },
        new object[] { "b=%%2a", "b=%*" },
    ];

    [TestCaseSource(nameof(s_wptCases))]
    public void Parse_WebPlatformTestsCase_MatchesExpectedPairs(string input, string expected)
    {
        Assert.That(Format(FormUrlEncoded.Parse(input)), Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(s_wptCases))]
    public void Decode_SpanOverload_MatchesStringParse(string input, string expected)
    {
        Assert.That(Format(FormUrlEncoded.Parse(input.AsSpan())), Is.EqualTo(expected));
    }

    [TestCase("a=%F0%9F%98%80", "a=\U0001F600")]
    [TestCase("a=%F0%9F%98", "a=\uFFFD")]
    [TestCase("a=%ED%A0%80", "a=\uFFFD\uFFFD\uFFFD")]
    [TestCase("a=%C3%A9%C3", "a=é\uFFFD")]
    [TestCase("a=%C3é", "a=\uFFFDé")]
    [TestCase("a=%u0041", "a=%u0041")]
    [TestCase("a=%2B+%2b", "a=+ +")]
    [TestCase("A=1&a=2", "A=1|a=2")]
    public void Parse_Utf8AndEscapes_DecodedPerStandard(string input, string expected)
    {
        Assert.That(Format(FormUrlEncoded.Parse(input)), Is.EqualTo(expected));
    }

    [Test]
    public void Parse_LoneSurrogate_BecomesReplacementCharacter()
    {
        // Built in code: attribute arguments cannot carry a lone surrogate through metadata.
        string input = "a=" + '\uD800' + "b&" + '\uDC00' + "=" + "\U0001F600";
        Assert.That(Format(FormUrlEncoded.Parse(input)), Is.EqualTo("a=\uFFFDb|\uFFFD=\U0001F600"));
    }

    [Test]
    public void Parse_LongRunOfMultiByteEscapes_DecodedAcrossChunks()
    {
        string text = string.Concat(Enumerable.Repeat("é€\U0001F600", 200));
        string encoded = Uri.EscapeDataString(text);
        Assert.That(FormUrlEncoded.Parse("v=" + encoded)[0].Value, Is.EqualTo(text));
    }

    [TestCase("https://example.com/p?a=1#b=2", "a=1")]
    [TestCase("https://example.com/p#x?a=1", "")]
    [TestCase("https://exa\tmple.com/p?a\n=1\r&b=2", "a=1|b=2")]
    [TestCase("  https://example.com/?a=1  ", "a=1")]
    [TestCase("https://example.com/?", "")]
    [TestCase("https://example.com/?a=1?b=2", "a=1?b=2")]
    [TestCase("/landing?x=%20y", "x= y")]
    public void ParseUrlQuery_UrlStandardRules_FindsQuery(string url, string expected)
    {
        Assert.That(Format(FormUrlEncoded.ParseUrlQuery(url)), Is.EqualTo(expected));
    }

    // Cases of web-platform-tests url/resources/urltestdata.json (commit 04f8022, BSD-3-Clause) that exercise where
    // the query starts and ends; expected: the pairs of URLSearchParams(url.search).
    [TestCase("http://user:pass@foo:21/bar;par?b#c", "b=")]
    [TestCase("http://f:21/ b ? d # e ", " d =")]
    [TestCase("http://www.google.com/foo?bar=baz#", "bar=baz")]
    [TestCase("http://www.google.com/foo?bar=baz# \u00BB", "bar=baz")]
    [TestCase("http://example\t.\norg", "")]
    [TestCase("lolscheme:x x#x x", "")]
    [TestCase("?", "")]
    [TestCase("#;?", "")]
    [TestCase("http://foo/path;a??e#f#g", "?e=")]
    [TestCase("http://foo/abcd?efgh?ijkl", "efgh?ijkl=")]
    [TestCase("http://foo/abcd#foo?bar", "")]
    [TestCase("http://facebook.com/?foo=%7B%22abc%22", "foo={\"abc\"")]
    [TestCase("h\tt\nt\rp://h\to\ns\rt:9\t0\n0\r0/p\ta\nt\rh?q\tu\ne\rry#f\tr\na\rg", "query=")]
    [TestCase("?a=b&c=d", "a=b|c=d")]
    [TestCase("??a=b&c=d", "?a=b|c=d")]
    [TestCase("http://foo.bar/baz?qux#foo\bbar", "qux=")]
    [TestCase("http://foo.bar/baz?qux#foo\"bar", "qux=")]
    [TestCase("http://foo.bar/baz?qux#foo`bar", "qux=")]
    public void ParseUrlQuery_WebPlatformTestsUrlCase_MatchesSearch(string url, string expected)
    {
        Assert.That(Format(FormUrlEncoded.ParseUrlQuery(url)), Is.EqualTo(expected));
    }

    [Test]
    public void Decode_DestinationTooShort_Throws()
    {
        Assert.That(() => FormUrlEncoded.Decode("abc", new char[2]), Throws.ArgumentException);
    }

    [Test]
    public void Decode_IntoSpan_WritesDecodedText()
    {
        var buffer = new char[16];
        int written = FormUrlEncoded.Decode("a+b%21", buffer);
        Assert.That(new string(buffer, 0, written), Is.EqualTo("a b!"));
    }

    internal static string Format(IReadOnlyList<KeyValuePair<string, string>> pairs) =>
        string.Join("|", pairs.Select(p => p.Key + "=" + p.Value));
}
