using System.Globalization;
using System.Text;
using ChannelMetrics.Funnel;
using ChannelMetrics.Reporting;
using static ChannelMetrics.Tests.Reporting.ReportSamples;

namespace ChannelMetrics.Tests.Reporting;

public sealed class CsvReportWriterTests
{
    [Test]
    public void WriteToString_PlainTable_WritesHeaderAndOneRecordPerRow()
    {
        var table = Plain();
        var rows = table.Rows;

        var csv = new CsvReportWriter().WriteToString(table);

        string expected =
            "period,network,visits,leads,customers,visit_to_lead,visit_to_lead_lower,visit_to_lead_upper,lead_to_customer,lead_to_customer_lower,lead_to_customer_upper,visit_to_customer,visit_to_customer_lower,visit_to_customer_upper\r\n"
            + $"2026-01,LinkedIn,1234,50,5,{RateFields(rows[0].VisitToLead)},{RateFields(rows[0].LeadToCustomer)},{RateFields(rows[0].VisitToCustomer)}\r\n"
            + $"2026-02,LinkedIn,800,40,8,{RateFields(rows[1].VisitToLead)},{RateFields(rows[1].LeadToCustomer)},{RateFields(rows[1].VisitToCustomer)}\r\n";
        Assert.That(csv, Is.EqualTo(expected));
    }

    [Test]
    public void WriteToString_RatesAndBounds_AreTheWilsonValues()
    {
        // /usr/bin/python3: from statsmodels.stats.proportion import proportion_confint
        // proportion_confint(50, 1234, alpha=0.05, method='wilson') -> (0.030868382668605636, 0.05302076006508911)
        var csv = new CsvReportWriter().WriteToString(Plain());
        var fields = csv.Split("\r\n")[1].Split(',');

        Assert.That(double.Parse(fields[5], CultureInfo.InvariantCulture), Is.EqualTo(50.0 / 1234).Within(1e-15));
        Assert.That(double.Parse(fields[6], CultureInfo.InvariantCulture), Is.EqualTo(0.030868382668605636).Within(1e-12));
        Assert.That(double.Parse(fields[7], CultureInfo.InvariantCulture), Is.EqualTo(0.05302076006508911).Within(1e-12));
    }

    [Test]
    public void WriteToString_CampaignNames_AreQuotedPerRfc4180()
    {
        var csv = new CsvReportWriter().WriteToString(Tricky());
        var records = csv.Split("\r\n");

        Assert.Multiple(() =>
        {
            Assert.That(records[0], Ordinal.StartsWith("period,network,campaign,visits,"));
            Assert.That(records[1], Ordinal.StartsWith("2026-01,Facebook,\"spring, \"\"big\"\" sale\",200,10,2,0.05,"));
            Assert.That(records[2], Is.EqualTo("2026-01,X (Twitter),\"'=HYPERLINK(\"\"http://evil\"\")\",0,0,0,,,,,,,,,"));
            // The line feed inside the quoted campaign is data: the record goes on after it.
            var row = Tricky().Rows[2];
            Assert.That(records[3], Is.EqualTo($"2026-02,Facebook,\"a|b\nc\",100,5,1,{RateFields(row.VisitToLead)},{RateFields(row.LeadToCustomer)},{RateFields(row.VisitToCustomer)}"));
            Assert.That(records[^1], Is.Empty, "the last record ends with CRLF");
        });
    }

    [Test]
    public void WriteToString_UndefinedRate_IsAnEmptyField()
    {
        var record = new CsvReportWriter().WriteToString(Tricky()).Split("\r\n")[2];

        Assert.That(record, Ordinal.EndsWith(",0,0,0,,,,,,,,,"));
    }

    [TestCase("=1+2", "'=1+2")]
    [TestCase("+1", "'+1")]
    [TestCase("-1", "'-1")]
    [TestCase("@SUM(A1)", "'@SUM(A1)")]
    [TestCase("\tx", "'\tx")]
    [TestCase("  =1+2", "'  =1+2")]
    [TestCase(" @SUM(A1)", "' @SUM(A1)")]
    [TestCase(" plain", " plain")]
    [TestCase("plain", "plain")]
    [TestCase("a=b", "a=b")]
    public void WriteToString_FormulaLikeCampaign_IsPrefixed(string campaign, string expected)
    {
        var table = FunnelTable.FromRows([new(Jan, "Facebook", 1, 0, 0, Campaign: campaign)]);

        var record = new CsvReportWriter().WriteToString(table).Split("\r\n")[1];

        Assert.That(record.Split(',')[2], Is.EqualTo(expected));
    }

    [Test]
    public void WriteToString_FormulaProtectionOff_WritesNamesAsTheyAre()
    {
        var table = FunnelTable.FromRows([new(Jan, "Facebook", 1, 0, 0, Campaign: "=1+2")]);

        var record = new CsvReportWriter(ReportOptions.Default with { ProtectCsvFormulas = false }).WriteToString(table).Split("\r\n")[1];

        Assert.That(record, Ordinal.StartsWith("2026-01,Facebook,=1+2,"));
    }

    [TestCase("de-DE")]
    [TestCase("tr-TR")]
    [TestCase("ar-SA")]
    public void WriteToString_UnderCommaDecimalCulture_NumbersStayInvariant(string cultureName)
    {
        var culture = CultureInfo.GetCultureInfo(cultureName);
        string invariant = new CsvReportWriter().WriteToString(Plain());
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            Assert.That(new CsvReportWriter().WriteToString(Plain()), Is.EqualTo(invariant));
            Assert.That(new CsvReportWriter(ReportOptions.Default with { Culture = culture }).WriteToString(Plain()), Is.EqualTo(invariant));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }

        Assert.That(invariant, Ordinal.Contains(",0.05,"));
    }

    [Test]
    public void Write_Stream_IsUtf8WithoutByteOrderMark()
    {
        var table = FunnelTable.FromRows([new(Jan, "Facebook", 1, 0, 0, Campaign: "ربيع")]);
        using var stream = new MemoryStream();

        new CsvReportWriter().Write(table, stream);

        var bytes = stream.ToArray();
        Assert.That(bytes[0], Is.EqualTo((byte)'p'));
        Assert.That(Encoding.UTF8.GetString(bytes), Is.EqualTo(new CsvReportWriter().WriteToString(table)));
    }

    [Test]
    public void WriteToString_AllDimensions_WritesTheirColumnsInOrder()
    {
        var table = FunnelTable.FromRows([new(Jan, "Facebook", 1, 0, 0, ChannelGroup: "Paid Social", Medium: "cpc", Campaign: "c", Content: "v1")]);

        var lines = new CsvReportWriter().WriteToString(table).Split("\r\n");

        Assert.That(lines[0], Ordinal.StartsWith("period,network,channel_group,medium,campaign,content,visits,"));
        Assert.That(lines[1], Ordinal.StartsWith("2026-01,Facebook,Paid Social,cpc,c,v1,1,0,0,0,"));
    }

    [Test]
    public void Write_NullArguments_Throw()
    {
        var writer = new CsvReportWriter();

        Assert.That(() => writer.Write((FunnelTable)null!, TextWriter.Null), Throws.ArgumentNullException);
        Assert.That(() => writer.Write(Plain(), (TextWriter)null!), Throws.ArgumentNullException);
        Assert.That(() => writer.Write(Plain(), (Stream)null!), Throws.ArgumentNullException);
    }
}
