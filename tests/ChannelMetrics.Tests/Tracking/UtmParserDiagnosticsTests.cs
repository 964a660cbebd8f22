using ChannelMetrics.Tracking;

namespace ChannelMetrics.Tests.Tracking;

public sealed class UtmParserDiagnosticsTests
{
    private const string Tail = "&utm_source=s&utm_medium=m";

    [TestCase("utm_campaign=c", UtmDiagnosticCode.MissingSource, UtmSeverity.Error, "utm_source")]
    [TestCase("utm_source=s&utm_campaign=c", UtmDiagnosticCode.MissingMedium, UtmSeverity.Error, "utm_medium")]
    [TestCase("Utm_Campaign=c" + Tail, UtmDiagnosticCode.UppercaseKey, UtmSeverity.Warning, "utm_campaign")]
    [TestCase("GCLID=x" + Tail, UtmDiagnosticCode.UppercaseKey, UtmSeverity.Warning, "gclid")]
    [TestCase("utm_campaign=a&utm_campaign=b" + Tail, UtmDiagnosticCode.DuplicateParameter, UtmSeverity.Warning, "utm_campaign")]
    [TestCase("gclid=a&gclid=b" + Tail, UtmDiagnosticCode.DuplicateParameter, UtmSeverity.Warning, "gclid")]
    [TestCase("utm_campaign=+spring" + Tail, UtmDiagnosticCode.SurroundingWhitespace, UtmSeverity.Warning, "utm_campaign")]
    [TestCase("utm_campaign=spring%20" + Tail, UtmDiagnosticCode.SurroundingWhitespace, UtmSeverity.Warning, "utm_campaign")]
    [TestCase("utm_campaign=Spring" + Tail, UtmDiagnosticCode.MixedCaseValue, UtmSeverity.Warning, "utm_campaign")]
    [TestCase("utm_campaign=spring%2520sale" + Tail, UtmDiagnosticCode.DoubleEncoded, UtmSeverity.Warning, "utm_campaign")]
    [TestCase("utm_campaign=50%" + Tail, UtmDiagnosticCode.InvalidPercentEncoding, UtmSeverity.Warning, "utm_campaign")]
    [TestCase("utm_campaign=%C3" + Tail, UtmDiagnosticCode.InvalidUtf8, UtmSeverity.Warning, "utm_campaign")]
    [TestCase("utm_campaign=" + Tail, UtmDiagnosticCode.EmptyValue, UtmSeverity.Warning, "utm_campaign")]
    [TestCase("utm_campaign=%E2%80%8Bspring" + Tail, UtmDiagnosticCode.InvisibleCharacter, UtmSeverity.Warning, "utm_campaign")]
    [TestCase("utm_campaign=spring\uFEFF" + Tail, UtmDiagnosticCode.InvisibleCharacter, UtmSeverity.Warning, "utm_campaign")]
    [TestCase("utm_campaign=spr%C2%ADing" + Tail, UtmDiagnosticCode.InvisibleCharacter, UtmSeverity.Warning, "utm_campaign")]
    public void Parse_ProblemInQuery_ReportsDiagnostic(string query, UtmDiagnosticCode code, UtmSeverity severity, string parameter)
    {
        var diagnostic = UtmParser.Parse(query).Diagnostics.Single(d => d.Code == code);
        Assert.That((diagnostic.Severity, diagnostic.Parameter), Is.EqualTo((severity, parameter)));
        Assert.That(diagnostic.Message, Is.Not.Empty);
    }

    [Test]
    public void Parse_InvisibleCharacter_NamesItsCodePoint_VisibleNonAsciiIsFine()
    {
        var zeroWidth = UtmParser.Parse("utm_source=%E2%80%8Bfacebook&utm_medium=social").Diagnostics.Single(d => d.Code == UtmDiagnosticCode.InvisibleCharacter);
        var tag = UtmParser.Parse("utm_source=s&utm_medium=m&utm_campaign=x%F3%A0%80%81").Diagnostics.Single(d => d.Code == UtmDiagnosticCode.InvisibleCharacter);

        Assert.Multiple(() =>
        {
            Assert.That(zeroWidth.Message, Does.Contain("U+200B"));
            Assert.That(zeroWidth.Id, Is.EqualTo("UTM015"));
            Assert.That(tag.Message, Does.Contain("U+E0001"), "a format character outside the BMP is named whole");
            Assert.That(UtmParser.Parse("utm_source=s&utm_medium=m&utm_campaign=été_%D8%B9%D8%B1%D8%A8%D9%8A").Has(UtmDiagnosticCode.InvisibleCharacter), Is.False);
        });
    }

    [Test]
    public void Parse_ValidUtf8ReplacementCharacter_IsNotInvalidUtf8()
    {
        var result = UtmParser.Parse("utm_campaign=%EF%BF%BD" + Tail);
        Assert.That(result.Tags.Campaign, Is.EqualTo("\uFFFD"));
        Assert.That(result.Has(UtmDiagnosticCode.InvalidUtf8), Is.False);
    }

    [Test]
    public void Parse_CleanLink_NoDiagnostics()
    {
        var result = UtmParser.Parse("https://shop.example/p?utm_source=facebook&utm_medium=paid_social&utm_campaign=spring_sale&fbclid=AbC");
        Assert.That(result.Diagnostics, Is.Empty);
    }

    [Test]
    public void Parse_ParametersOnlyAfterHash_ReportedAndNotRead()
    {
        const string url = "https://app.example/#/signup?utm_source=fb&utm_medium=social";
        var result = UtmParser.Parse(url);
        Assert.That(result.Tags, Is.SameAs(UtmTags.Empty));
        var diagnostics = result.Diagnostics.Where(d => d.Code == UtmDiagnosticCode.ParametersInFragment).ToList();
        Assert.That(diagnostics.Select(d => d.Parameter), Is.EqualTo(new[] { "utm_source", "utm_medium" }));
        Assert.That(url[diagnostics[0].Position..], Does.StartWith("utm_source"));
    }

    [Test]
    public void Parse_PlainFragmentWithPairs_Reported()
    {
        var result = UtmParser.Parse("https://e.example/page#utm_source=fb&utm_medium=social");
        Assert.That(result.Has(UtmDiagnosticCode.ParametersInFragment), Is.True);
    }

    [Test]
    public void Parse_FragmentRepeatsQueryParameters_NotReported()
    {
        var result = UtmParser.Parse("https://e.example/?utm_source=fb&utm_medium=social#utm_source=fb");
        Assert.That(result.Diagnostics, Is.Empty);
    }

    [Test]
    public void Parse_HtmlEscapedAmpersand_Reported()
    {
        const string url = "https://e.example/?utm_source=fb&amp;utm_medium=social";
        var result = UtmParser.Parse(url);
        Assert.That(result.Tags.Medium, Is.Null);
        var diagnostic = result.Diagnostics.Single(d => d.Code == UtmDiagnosticCode.HtmlEscapedSeparator);
        Assert.That(url[diagnostic.Position..], Does.StartWith("amp;utm_medium"));
    }

    [TestCase("?utm_source=fb&#038;utm_medium=social")]
    [TestCase("?utm_source=fb&#38;utm_medium=social")]
    [TestCase("?utm_source=fb&#x26;utm_medium=social")]
    [TestCase("?utm_source=fb&#X26;utm_medium=social")]
    public void Parse_NumericHtmlEscapedAmpersand_Reported(string query)
    {
        var result = UtmParser.Parse(query);
        Assert.That(result.Diagnostics.Single(d => d.Code == UtmDiagnosticCode.HtmlEscapedSeparator).Position, Is.EqualTo(14));
        Assert.That(result.Tags.Medium, Is.Null);
    }

    [TestCase("https://e.example/landing\u061Futm_source=fb&utm_medium=social")]
    [TestCase("https://e.example/landing\uFF1Futm_source=fb&utm_medium=social")]
    public void Parse_NonAsciiQuestionMark_Reported(string url)
    {
        var result = UtmParser.Parse(url);
        Assert.That(result.Tags, Is.SameAs(UtmTags.Empty));
        Assert.That(url[result.Diagnostics.Single().Position], Is.AnyOf('\u061F', '\uFF1F'));
    }

    [Test]
    public void Parse_SpaceAroundEquals_ReportedInStrictMode()
    {
        var result = UtmParser.Parse("https://e.example/?utm_source =fb&utm_medium=social");
        Assert.That(result.Has(UtmDiagnosticCode.SpaceAroundSeparator), Is.True);
        Assert.That(result.Tags.Source, Is.Null);
    }

    [Test]
    public void ParseLenient_SpacesAroundSeparators_Repaired()
    {
        var result = UtmParser.Parse("utm_source = fb & utm_medium = social", UtmParserOptions.Lenient);
        Assert.That((result.Tags.Source, result.Tags.Medium), Is.EqualTo(("fb", "social")));
        Assert.That(result.Diagnostics.Count(d => d.Code == UtmDiagnosticCode.RepairedSpaces), Is.EqualTo(2));
        Assert.That(result.Diagnostics.All(d => d.Severity == UtmSeverity.Info), Is.True);
    }

    [TestCase("https://e.example/?utm_source=fb&amp;utm_medium=social")]
    [TestCase("https://e.example/?utm_source=fb&#038;utm_medium=social")]
    [TestCase("https://e.example/?utm_source=fb&#38;utm_medium=social")]
    [TestCase("https://e.example/?utm_source=fb&AMP;utm_medium=social")]
    public void ParseLenient_HtmlEscapedAmpersand_Repaired(string url)
    {
        var result = UtmParser.Parse(url, UtmParserOptions.Lenient);
        Assert.That((result.Tags.Source, result.Tags.Medium), Is.EqualTo(("fb", "social")));
        var repair = result.Diagnostics.Single();
        Assert.That(repair.Code, Is.EqualTo(UtmDiagnosticCode.RepairedHtmlEscapedSeparator));
        Assert.That(url[repair.Position], Is.EqualTo('&'));
        Assert.That(result.Success, Is.True);
    }

    [TestCase("https://e.example/landing\u061Futm_source=fb&utm_medium=social")]
    [TestCase("https://e.example/landing\uFF1Futm_source=fb&utm_medium=social")]
    public void ParseLenient_NonAsciiQuestionMark_Repaired(string url)
    {
        var result = UtmParser.Parse(url, UtmParserOptions.Lenient);
        Assert.That((result.Tags.Source, result.Tags.Medium), Is.EqualTo(("fb", "social")));
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo(UtmDiagnosticCode.RepairedQuestionMark));
    }

    [Test]
    public void ParseLenient_ParametersAfterHash_ReadAndQueryWins()
    {
        var result = UtmParser.Parse("https://app.example/?utm_source=query#/signup?utm_source=hash&utm_medium=social", UtmParserOptions.Lenient);
        Assert.That((result.Tags.Source, result.Tags.Medium), Is.EqualTo(("query", "social")));
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo(UtmDiagnosticCode.RepairedFragmentParameters));
        Assert.That(result.Diagnostics.Single().Parameter, Is.EqualTo("utm_medium"));
    }

    [Test]
    public void ParseStrict_IsDefault()
    {
        Assert.That(UtmParser.Parse("utm_source = fb&utm_medium=x").Tags.Source, Is.Null);
        Assert.That(UtmParserOptions.Strict.Repair, Is.False);
    }

    [Test]
    public void Diagnostic_Id_IsStableText()
    {
        Assert.That(new UtmDiagnostic(UtmDiagnosticCode.RepairedQuestionMark, UtmSeverity.Info, "m", 0, null).Id, Is.EqualTo("UTM022"));
        Assert.That((int)UtmDiagnosticCode.MissingSource, Is.EqualTo(1));
        Assert.That((int)UtmDiagnosticCode.UnknownSource, Is.EqualTo(105));
    }
}
