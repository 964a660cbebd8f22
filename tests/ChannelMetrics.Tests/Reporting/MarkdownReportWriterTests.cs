using System.Globalization;
using ChannelMetrics.Funnel;
using ChannelMetrics.Reporting;
using static ChannelMetrics.Tests.Reporting.ReportSamples;

namespace ChannelMetrics.Tests.Reporting;

public sealed class MarkdownReportWriterTests
{
    private const char Fsi = '\u2068';
    private const char Pdi = '\u2069';

    private static readonly CultureInfo Arabic = CultureInfo.GetCultureInfo("ar");

    [Test]
    public void WriteToString_PlainTable_English()
    {
        var table = Plain();
        var jan = table.Rows[0];
        var feb = table.Rows[1];

        string markdown = new MarkdownReportWriter().WriteToString(table);

        string expected = $"""
            # Funnel report

            Periods: January 2026 to February 2026. Conversion rates are shown with their 95% confidence interval (Wilson score).

            ## Totals by network

            | Network | Visits | Leads | Customers | Visit → lead | Lead → customer | Visit → customer |
            | --- | ---: | ---: | ---: | ---: | ---: | ---: |
            | LinkedIn | 2,034 | 90 | 13 | {Cell(Rate.Of(90, 2034))} | {Cell(Rate.Of(13, 90))} | {Cell(Rate.Of(13, 2034))} |
            | **All networks** | 2,034 | 90 | 13 | {Cell(Rate.Of(90, 2034))} | {Cell(Rate.Of(13, 90))} | {Cell(Rate.Of(13, 2034))} |

            ## LinkedIn

            | Month | Visits | Leads | Customers | Visit → lead | Lead → customer | Visit → customer |
            | --- | ---: | ---: | ---: | ---: | ---: | ---: |
            | January 2026 | 1,234 | 50 | 5 | {Cell(jan.VisitToLead)} | {Cell(jan.LeadToCustomer)} | {Cell(jan.VisitToCustomer)} |
            | February 2026 | 800 | 40 | 8 | {Cell(feb.VisitToLead)} | {Cell(feb.LeadToCustomer)} | {Cell(feb.VisitToCustomer)} |

            """;
        Assert.That(markdown, Is.EqualTo(expected.Replace("\r\n", "\n", StringComparison.Ordinal)));
    }

    private static string Cell(Rate rate) => rate.Value is { } v
        ? string.Format(CultureInfo.InvariantCulture, "{0:0.0}% [{1:0.0}%, {2:0.0}%]", v * 100, rate.Interval!.Value.Lower * 100, rate.Interval.Value.Upper * 100)
        : "n/a";

    [Test]
    public void WriteToString_CampaignNames_AreEscaped()
    {
        string markdown = new MarkdownReportWriter().WriteToString(Tricky());

        Assert.That(markdown, Ordinal.Contains("| a\\|b c |"));
        Assert.That(markdown, Ordinal.Contains("| spring, \"big\" sale |"));
        Assert.That(markdown, Ordinal.Contains("| =HYPERLINK(\"http://evil\") |"));
        Assert.That(markdown, Ordinal.Contains("### Campaigns on X (Twitter)"));
    }

    [TestCase("<script>", "\\<script\\>")]
    [TestCase("*bold* _it_", "\\*bold\\* \\_it\\_")]
    [TestCase("[link](http://x)", "\\[link\\](http://x)")]
    [TestCase("a\\b", "a\\\\b")]
    [TestCase("line1\r\nline2", "line1  line2")]
    [TestCase("AT&T", "AT\\&T")]
    public void WriteToString_MarkdownSyntaxInNames_IsEscaped(string campaign, string expected)
    {
        var table = FunnelTable.FromRows([new(Jan, "Facebook", 10, 1, 0, Campaign: campaign)]);

        string markdown = new MarkdownReportWriter().WriteToString(table);

        Assert.That(markdown, Ordinal.Contains("| " + expected + " |"));
    }

    [Test]
    public void WriteToString_UndefinedRate_SaysNotAvailable()
    {
        string markdown = new MarkdownReportWriter().WriteToString(Tricky());

        Assert.That(markdown, Ordinal.Contains("| =HYPERLINK(\"http://evil\") | 0 | 0 | 0 | n/a | n/a | n/a |"));
    }

    [Test]
    public void WriteToString_WithoutCampaigns_LeavesThemOut()
    {
        string markdown = new MarkdownReportWriter(ReportOptions.Default with { IncludeCampaigns = false }).WriteToString(Tricky());

        Assert.That(markdown, Ordinal.NotContains("Campaigns on"));
    }

    [Test]
    public void WriteToString_EmptyTable_SaysSo()
    {
        string markdown = new MarkdownReportWriter().WriteToString(FunnelTable.FromRows([]));

        Assert.That(markdown, Is.EqualTo("# Funnel report\n\nThe table has no rows.\n"));
    }

    [Test]
    public void WriteToString_German_FormatsNumbersInGerman()
    {
        string markdown = new MarkdownReportWriter(ReportOptions.Default with { Culture = CultureInfo.GetCultureInfo("de-DE") }).WriteToString(Plain());

        Assert.That(markdown, Ordinal.Contains("| 2.034 | 90 | 13 |"));
        Assert.That(markdown, Ordinal.Contains("5,0 %"));
        Assert.That(markdown, Ordinal.Contains("Januar 2026"), "month names follow the culture; text falls back to English");
        Assert.That(markdown, Ordinal.Contains("Totals by network"));
        Assert.That(markdown, Does.Match(@"\d,\d %; \d"), "decimal commas: the interval's bounds are separated by a semicolon");
        Assert.That(markdown, Does.Not.Match(@"\d %, \d"));
    }

    [TestCase("en-US", "5.0% [", "%, ")]
    [TestCase("fr-FR", "5,0 % [", " %; ")]
    [TestCase("ar-EG", "[", "، ")]
    public void Rate_IntervalSeparator_NeverTheDecimalMark(string culture, string start, string separator)
    {
        string markdown = new MarkdownReportWriter(ReportOptions.Default with { Culture = CultureInfo.GetCultureInfo(culture) }).WriteToString(Plain());

        Assert.That(markdown, Ordinal.Contains(start).And.Contains(separator));
    }

    [Test]
    public void Culture_ChangedByItsOwnerLater_DoesNotChangeTheReport()
    {
        var german = new CultureInfo("de-DE");
        var writer = new MarkdownReportWriter(ReportOptions.Default with { Culture = german });
        string before = writer.WriteToString(Plain());

        german.NumberFormat.NumberGroupSeparator = "#";

        Assert.That(writer.WriteToString(Plain()), Is.EqualTo(before));
    }

    [Test]
    public void WriteToString_Arabic_IsRightToLeftWithIsolatedNamesAndNumbers()
    {
        string markdown = new MarkdownReportWriter(ReportOptions.Default with { Culture = Arabic }).WriteToString(Tricky());

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Ordinal.StartsWith("<div dir=\"rtl\">\n\n# تقرير مسار التحويل\n\n"));
            Assert.That(markdown, Ordinal.EndsWith(" |\n\n</div>\n"));
            Assert.That(markdown, Ordinal.Contains("## الإجماليات حسب الشبكة"));
            Assert.That(markdown, Ordinal.Contains($"## {Fsi}X (Twitter){Pdi}"));
            Assert.That(markdown, Ordinal.Contains($"### حملات {Fsi}X (Twitter){Pdi}"));
            Assert.That(markdown, Ordinal.Contains($"| {Fsi}Facebook{Pdi} | {Fsi}300{Pdi} |"));
            Assert.That(markdown, Ordinal.Contains("| غير متاح |"));
            Assert.That(markdown, Ordinal.Contains("الفترات: من " + Fsi));
        });
    }

    [Test]
    public void WriteToString_ArabicSaudi_NamesGregorianMonths()
    {
        // ar-SA's default calendar is Umm al-Qura; a Gregorian month must not be named after a Hijri one.
        var saudi = CultureInfo.GetCultureInfo("ar-SA");
        var months = saudi.DateTimeFormat.Calendar is GregorianCalendar ? saudi.DateTimeFormat.MonthNames : GregorianMonthNames(saudi);

        string markdown = new MarkdownReportWriter(ReportOptions.Default with { Culture = saudi }).WriteToString(Plain());

        Assert.That(markdown, Ordinal.Contains(months[0]));
        Assert.That(markdown, Ordinal.Contains("تقرير مسار التحويل"), "ar-SA falls back to the ar resources");
    }

    private static string[] GregorianMonthNames(CultureInfo culture)
    {
        var format = (DateTimeFormatInfo)culture.DateTimeFormat.Clone();
        format.Calendar = culture.OptionalCalendars.OfType<GregorianCalendar>().First();
        return format.MonthNames;
    }

    [Test]
    public void WriteToString_IsDeterministic()
    {
        var writer = new MarkdownReportWriter(ReportOptions.Default with { Culture = Arabic });

        string first = writer.WriteToString(Tricky());
        Assert.That(writer.WriteToString(Tricky()), Is.EqualTo(first));
        Assert.That(writer.WriteToString(Tricky()), Ordinal.NotContains("\r"));
    }
}
