using System.Globalization;
using ChannelMetrics.Reporting;

namespace ChannelMetrics.Tests.Reporting;

public sealed class ReportTextTests
{
    private static IEnumerable<string> Translations() => ReportOptions.AvailableLanguages.Where(l => l != "en");

    [Test]
    public void AvailableLanguages_AreEnglishThenArabic()
    {
        Assert.That(ReportOptions.AvailableLanguages, Is.EqualTo(new[] { "en", "ar" }));
    }

    [TestCaseSource(nameof(Translations))]
    public void Translation_HasEveryKeyOfEnglishAndNoOther(string language)
    {
        var english = ReportText.Catalog("en")!;
        var translation = ReportText.Catalog(language)!;

        Assert.That(translation.Keys, Is.EquivalentTo(english.Keys));
    }

    [TestCaseSource(nameof(Translations))]
    public void Translation_KeepsThePlaceholdersOfEachText(string language)
    {
        var english = ReportText.Catalog("en")!;
        var translation = ReportText.Catalog(language)!;

        Assert.Multiple(() =>
        {
            foreach (var (key, text) in english)
            {
                if (translation.TryGetValue(key, out var translated))
                {
                    Assert.That(ReportText.PlaceholdersOf(translated), Is.EquivalentTo(ReportText.PlaceholdersOf(text)), key);
                }
            }
        });
    }

    [TestCase(0, "zero")]
    [TestCase(1, "one")]
    [TestCase(2, "two")]
    [TestCase(3, "few")]
    [TestCase(10, "few")]
    [TestCase(11, "many")]
    [TestCase(99, "many")]
    [TestCase(100, "other")]
    [TestCase(102, "other")]
    [TestCase(103, "few")]
    [TestCase(111, "many")]
    [TestCase(1000, "other")]
    [TestCase(-1, "one")]
    [TestCase(long.MinValue, "few")]
    public void PluralRules_Arabic_FollowCldr(long count, string category)
    {
        Assert.That(PluralRules.Category("ar-EG", count), Is.EqualTo(category));
    }

    [TestCase(0, "other")]
    [TestCase(1, "one")]
    [TestCase(2, "other")]
    [TestCase(101, "other")]
    public void PluralRules_EnglishAndUnknownLanguages_OneForExactlyOne(long count, string category)
    {
        Assert.Multiple(() =>
        {
            Assert.That(PluralRules.Category("en", count), Is.EqualTo(category));
            Assert.That(PluralRules.Category("xx", count), Is.EqualTo(category));
        });
    }

    [TestCase(1L, "1 visit")]
    [TestCase(2L, "2 visits")]
    [TestCase(0L, "0 visits")]
    [TestCase(null, "V visits")]
    public void Fill_Plural_PicksTheFormAndReplacesTheHash(long? count, string expected)
    {
        var text = new ReportText(CultureInfo.InvariantCulture, "en");

        string filled = text.Fill("Test", "{v, plural, one {# visit} other {# visits}}", false, [new TextArg("v", count?.ToString(CultureInfo.InvariantCulture) ?? "V", count)]);

        Assert.That(filled, Is.EqualTo(expected));
    }

    [TestCase(0L, "no visits")]
    [TestCase(1L, "1 visit")]
    [TestCase(2L, "2 visits")]
    public void Fill_Plural_ExactFormComesFirstWhereverItStands(long count, string expected)
    {
        var text = new ReportText(CultureInfo.InvariantCulture, "en");

        string filled = text.Fill("Test", "{v, plural, one {# visit} other {# visits} =0 {no visits}}", false, [new TextArg("v", count.ToString(CultureInfo.InvariantCulture), count)]);

        Assert.That(filled, Is.EqualTo(expected));
    }

    [Test]
    public void Fill_Plural_IsolatesOnlyTheNumberInRightToLeftText()
    {
        var text = new ReportText(CultureInfo.InvariantCulture, "ar");

        string filled = text.Fill("Test", "[{v, plural, two {اثنتان} few {# زيارات} other {# زيارة}}]", true, [new TextArg("v", "3", 3)]);

        Assert.That(filled, Is.EqualTo("[\u20683\u2069 زيارات]"));
    }

    [TestCase("{v, plural, one {# visit}}", "without an 'other' form")]
    [TestCase("{v, plurals, other {#}}", "not a plural")]
    [TestCase("{v, plural, {#}}", "not 'category {text}'")]
    [TestCase("{v, plural, other {#}", "unclosed")]
    [TestCase("{v, plural, =x {#} other {#}}", "not '=' and a whole number")]
    public void Fill_MalformedPlural_Throws(string template, string message)
    {
        var text = new ReportText(CultureInfo.InvariantCulture, "en");

        Assert.That(
            () => text.Fill("Test", template, false, [new TextArg("v", "2", 2)]),
            Throws.InvalidOperationException.With.Message.Contains(message).And.Message.Contains("'Test'"));
    }

    [TestCaseSource(nameof(AllLanguages))]
    public void EveryText_FillsForCountsOfEveryPluralCategory(string language)
    {
        var text = new ReportText(CultureInfo.InvariantCulture, language);
        var catalog = ReportText.Catalog(language)!;

        Assert.Multiple(() =>
        {
            foreach (var (key, template) in catalog)
            {
                foreach (long count in (long[])[0, 1, 2, 3, 11, 100])
                {
                    var args = ReportText.PlaceholdersOf(template).Select(name => new TextArg(name, "N", count)).ToArray();
                    string filled = text.Fill(key, template, false, args);
                    Assert.That(filled.IndexOfAny(['{', '}', '#']), Is.EqualTo(-1), $"{key} for {count}: {filled}");
                }
            }
        });
    }

    private static IEnumerable<string> AllLanguages() => ReportOptions.AvailableLanguages;

    [TestCase("ar", "ar", true)]
    [TestCase("ar-EG", "ar", true)]
    [TestCase("AR_sa", "AR", true)]
    [TestCase("en-GB", "en", false)]
    [TestCase("fr", "en", false)]
    [TestCase("", "en", false)]
    public void Language_FallsBackToParentThenEnglish(string tag, string resolved, bool rightToLeft)
    {
        var text = new ReportText(CultureInfo.InvariantCulture, tag);

        Assert.That(text.Language, Is.EqualTo(resolved).IgnoreCase);
        Assert.That(text.IsRightToLeft, Is.EqualTo(rightToLeft));
    }

    [Test]
    public void Language_DefaultsToTheCultureName()
    {
        Assert.That(new ReportText(CultureInfo.GetCultureInfo("ar-EG")).Language, Is.EqualTo("ar"));
        Assert.That(new ReportText(CultureInfo.InvariantCulture).Language, Is.EqualTo("en"));
    }

    [Test]
    public void Format_RightToLeft_IsolatesEveryValue()
    {
        var text = new ReportText(CultureInfo.InvariantCulture, "ar");

        string sentence = text.Format("HeadingCampaignsOf", new TextArg("network", "X (Twitter)"));

        Assert.That(sentence, Is.EqualTo("حملات \u2068X (Twitter)\u2069"));
    }

    [Test]
    public void Format_LeftToRight_DoesNotIsolate()
    {
        var text = new ReportText(CultureInfo.InvariantCulture);

        Assert.That(text.Format("HeadingCampaignsOf", new TextArg("network", "X (Twitter)")), Is.EqualTo("Campaigns on X (Twitter)"));
    }

    [Test]
    public void Format_MissingArgument_Throws()
    {
        var text = new ReportText(CultureInfo.InvariantCulture);

        Assert.That(() => text.Format("HeadingCampaignsOf"), Throws.InvalidOperationException.With.Message.Contains("{network}"));
    }

    [TestCase("2026-03", "March 2026")]
    [TestCase("2026-Q1", "Q1 2026")]
    [TestCase("2026-W05", "Week 5, 2026")]
    [TestCase("2026-03-05", "5 March 2026")]
    public void PeriodLabel_English(string period, string expected)
    {
        Assert.That(new ReportText(CultureInfo.InvariantCulture).PeriodLabel(Period.Parse(period)), Is.EqualTo(expected));
    }

    [Test]
    public void Language_UnderInvariantCultureWithArabicTag_WritesArabicWithInvariantNumbers()
    {
        var markdown = new MarkdownReportWriter(ReportOptions.Default with { Language = "ar" }).WriteToString(ReportSamples.Plain());

        Assert.That(markdown, Ordinal.Contains("تقرير مسار التحويل"));
        Assert.That(markdown, Ordinal.Contains("\u20682,034\u2069"));
    }

    // Resource names are case-sensitive, language tags are not: "EN-US" once cached "no English" for every later report.
    [Test]
    public void Language_AnyCase_FindsItsTextAndSpoilsNoOtherReport()
    {
        var table = ReportSamples.Plain();

        string upper = new MarkdownReportWriter(ReportOptions.Default with { Language = "EN-US" }).WriteToString(table);
        string arabicUpper = new MarkdownReportWriter(ReportOptions.Default with { Language = "AR" }).WriteToString(table);
        string plain = new MarkdownReportWriter().WriteToString(table);
        string arabic = new MarkdownReportWriter(ReportOptions.Default with { Language = "ar" }).WriteToString(table);

        Assert.Multiple(() =>
        {
            // The file's own spelling, not the request's: the catalogs are looked up and cached under it.
            Assert.That(new ReportText(CultureInfo.InvariantCulture, "AR").Language, Is.EqualTo("ar"));
            Assert.That(new ReportText(CultureInfo.InvariantCulture, "Ar-SA").Language, Is.EqualTo("ar"));
            Assert.That(upper, Is.EqualTo(plain));
            Assert.That(arabicUpper, Ordinal.StartsWith("<div dir=\"rtl\">"));
            Assert.That(arabic, Is.EqualTo(arabicUpper));
        });
    }

    [TestCase("- promo", "\\- promo")]
    [TestCase("+ promo", "\\+ promo")]
    [TestCase("1. spring", "1\\. spring")]
    [TestCase("2026) spring", "2026\\) spring")]
    [TestCase("    code meets", "code meets")]
    [TestCase("1234567890. long", "1234567890. long")]
    [TestCase("2026 spring", "2026 spring")]
    [TestCase("", "")]
    public void EscapeLineStart_NameAtTheStartOfABullet_OpensNoBlock(string line, string expected)
    {
        Assert.That(MarkdownText.EscapeLineStart(line), Is.EqualTo(expected));
    }

    [Test]
    public void Culture_Null_Throws()
    {
        Assert.That(() => ReportOptions.Default with { Culture = null! }, Throws.ArgumentNullException);
        Assert.That(() => ReportOptions.Default with { MaxEvidencePerNetwork = -1 }, Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
