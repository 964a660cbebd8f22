using ChannelMetrics.Tracking;
using CsCheck;

namespace ChannelMetrics.Tests.Tracking;

public sealed class UtmParserTests
{
    [TestCase("https://shop.example/p?utm_source=facebook&utm_medium=paid_social&utm_campaign=spring", "facebook", "paid_social", "spring")]
    [TestCase("/p?utm_source=fb&utm_medium=cpc&utm_campaign=a+b", "fb", "cpc", "a b")]
    [TestCase("utm_source=news&utm_medium=email&utm_campaign=q3", "news", "email", "q3")]
    [TestCase("?utm_source=news&utm_medium=email&utm_campaign=q3", "news", "email", "q3")]
    [TestCase("utm_source=a%26b&utm_medium=%F0%9F%98%80&utm_campaign=%C3%A9t%C3%A9", "a&b", "\U0001F600", "été")]
    [TestCase("example.com/x?utm_source=s&utm_medium=m&utm_campaign=c#top", "s", "m", "c")]
    public void Parse_ValidInput_ReturnsFields(string input, string source, string medium, string campaign)
    {
        var result = UtmParser.Parse(input);
        Assert.That(result.Success, Is.True);
        Assert.That((result.Tags.Source, result.Tags.Medium, result.Tags.Campaign), Is.EqualTo((source, medium, campaign)));
    }

    [Test]
    public void Parse_AllNineParameters_ReadsEach()
    {
        var tags = UtmParser.Parse("utm_source=s&utm_medium=m&utm_campaign=c&utm_term=t&utm_content=co&utm_id=i&utm_source_platform=sp&utm_creative_format=cf&utm_marketing_tactic=mt").GetValueOrThrow();
        Assert.That(
            new[] { tags.Source, tags.Medium, tags.Campaign, tags.Term, tags.Content, tags.Id, tags.SourcePlatform, tags.CreativeFormat, tags.MarketingTactic },
            Is.EqualTo(new[] { "s", "m", "c", "t", "co", "i", "sp", "cf", "mt" }));
    }

    [Test]
    public void Parse_ClickIds_KeptExactly()
    {
        var tags = UtmParser.Parse("https://x.example/?gclid=AbC-123_x&fbclid=IwAR0Zz&li_fat_id=q&ttclid=t&twclid=w&rdt_cid=r&epik=e&sccid=s&igshid=i&dclid=d&gbraid=g&wbraid=wb&msclkid=m").Tags;
        Assert.That(tags.ClickIds.Count, Is.EqualTo(13));
        Assert.That(tags.ClickIds.TryGetValue(ClickIdKinds.Gclid, out string? gclid) ? gclid : null, Is.EqualTo("AbC-123_x"));
        Assert.That(tags.ClickIds.Contains(ClickIdKinds.Fbclid), Is.True);
        Assert.That(tags.ClickIds[0].ParameterName, Is.EqualTo("gclid"));
    }

    [Test]
    public void Parse_NoTrackingParameters_SuccessWithEmptyTags()
    {
        var result = UtmParser.Parse("https://example.com/about?page=2");
        Assert.That(result.Success, Is.True);
        Assert.That(result.Tags, Is.SameAs(UtmTags.Empty));
        Assert.That(result.Diagnostics, Is.Empty);
    }

    [TestCase("utm_medium=cpc", UtmDiagnosticCode.MissingSource)]
    [TestCase("utm_source=fb", UtmDiagnosticCode.MissingMedium)]
    public void Parse_MissingSourceOrMedium_ErrorDiagnostic(string input, UtmDiagnosticCode code)
    {
        var result = UtmParser.Parse(input);
        Assert.That(result.Success, Is.False);
        Assert.That(result.Has(code), Is.True);
        Assert.That(() => result.GetValueOrThrow(), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void Parse_UppercaseKey_ReadAndReported()
    {
        var result = UtmParser.Parse("UTM_SOURCE=a&utm_medium=b");
        Assert.That(result.Tags.Source, Is.EqualTo("a"));
        var diagnostic = result.Diagnostics.Single();
        Assert.That((diagnostic.Code, diagnostic.Position, diagnostic.Parameter, diagnostic.Id), Is.EqualTo((UtmDiagnosticCode.UppercaseKey, 0, "utm_source", "UTM003")));
    }

    [Test]
    public void Parse_DuplicateParameter_FirstWinsAndReported()
    {
        var result = UtmParser.Parse("utm_source=first&utm_medium=m&utm_source=second");
        Assert.That(result.Tags.Source, Is.EqualTo("first"));
        var diagnostic = result.Diagnostics.Single();
        Assert.That((diagnostic.Code, diagnostic.Position), Is.EqualTo((UtmDiagnosticCode.DuplicateParameter, 30)));
    }

    [Test]
    public void Parse_PositionsPointIntoOriginalInput_EvenWithTabsRemoved()
    {
        string input = "  https://e.x/?\tutm_medium=m&utm_source=a&UTM_SOURCE=b";
        var diagnostic = UtmParser.Parse(input).Diagnostics.Single(d => d.Code == UtmDiagnosticCode.DuplicateParameter);
        Assert.That(input[diagnostic.Position..], Does.StartWith("UTM_SOURCE"));
    }

    [Test]
    public void Parse_AnyString_NeverThrows()
    {
        Gen.String[Gen.Char[(char)0, (char)0xFFFF], 0, 80]
            .Select(Gen.OneOf("", "?", "https://a.b/?", "utm_source=", "#/x?", "&amp;"), (s, prefix) => prefix + s.Replace("x", "%", StringComparison.Ordinal))
            .Sample(
                text =>
                {
                    _ = UtmParser.Parse(text);
                    _ = UtmParser.Parse(text, UtmParserOptions.Lenient);
                    _ = UtmParser.ParseInterned(text, new UtmValuePool());
                    _ = FormUrlEncoded.Parse(text);
                    _ = FormUrlEncoded.ParseUrlQuery(text);
                    _ = FormUrlEncoded.Encode(text);
                    _ = SourceResolver.Default.Resolve(text);
                    _ = SourceResolver.Default.TryResolve(text, out _);
                    var tags = new UtmTags { Source = text, Medium = text, Campaign = text };
                    _ = ChannelGrouping.Default.Classify(tags, text);
                    _ = ChannelGrouping.Default.Classify(UtmTags.Empty, text);
                    _ = UtmLinkBuilder.Build(text, tags);
                    _ = UtmLinter.Lint(tags, UtmNamingPolicy.Default with { RequireKnownSource = true });
                },
                seed: "0N0XIzNsQ0O2",
                iter: 3000);
    }
}
