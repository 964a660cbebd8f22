using System.Globalization;
using System.Text.Json;
using ChannelMetrics.Funnel;
using ChannelMetrics.Reporting;
using static ChannelMetrics.Tests.Reporting.ReportSamples;

namespace ChannelMetrics.Tests.Reporting;

public sealed class JsonReportWriterTests
{
    [Test]
    public void WriteToString_FunnelTable_HasTheDocumentedTopLevelFieldsInOrder()
    {
        using var json = JsonDocument.Parse(new JsonReportWriter().WriteToString(Tricky()));

        var names = json.RootElement.EnumerateObject().Select(p => p.Name);

        Assert.That(names, Is.EqualTo(new[] { "kind", "schemaVersion", "granularity", "confidence", "dimensions", "periods", "networks", "foldedCampaignCount", "rows", "diagnostics" }));
        Assert.That(json.RootElement.GetProperty("kind").GetString(), Is.EqualTo("funnelTable"));
        Assert.That(json.RootElement.GetProperty("schemaVersion").GetInt32(), Is.EqualTo(1));
        Assert.That(json.RootElement.GetProperty("granularity").GetString(), Is.EqualTo("month"));
        Assert.That(json.RootElement.GetProperty("dimensions").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "network", "campaign" }));
        Assert.That(json.RootElement.GetProperty("periods").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "2026-01", "2026-02" }));
    }

    [Test]
    public void WriteToString_Row_CarriesCountsRatesAndOnlyTheTableDimensions()
    {
        using var json = JsonDocument.Parse(new JsonReportWriter().WriteToString(Tricky()));
        var row = json.RootElement.GetProperty("rows")[0];

        Assert.Multiple(() =>
        {
            Assert.That(row.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "period", "network", "campaign", "visits", "leads", "customers", "visitToLead", "leadToCustomer", "visitToCustomer" }));
            Assert.That(row.GetProperty("campaign").GetString(), Is.EqualTo("spring, \"big\" sale"));
            Assert.That(row.GetProperty("visits").GetInt64(), Is.EqualTo(200));
            var rate = row.GetProperty("visitToLead");
            Assert.That(rate.GetProperty("successes").GetInt64(), Is.EqualTo(10));
            Assert.That(rate.GetProperty("trials").GetInt64(), Is.EqualTo(200));
            Assert.That(rate.GetProperty("value").GetDouble(), Is.EqualTo(0.05));
            Assert.That(rate.GetProperty("lower").GetDouble(), Is.EqualTo(Tricky().Rows[0].VisitToLead.Interval!.Value.Lower));
            Assert.That(rate.TryGetProperty("undefinedReason", out _), Is.False);
        });
    }

    [Test]
    public void WriteToString_UndefinedRate_HasReasonAndNoValue()
    {
        using var json = JsonDocument.Parse(new JsonReportWriter().WriteToString(Tricky()));
        var rate = json.RootElement.GetProperty("rows")[1].GetProperty("visitToLead");

        Assert.That(rate.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "successes", "trials", "undefinedReason" }));
        Assert.That(rate.GetProperty("undefinedReason").GetString(), Is.EqualTo("noTrials"));
    }

    [Test]
    public void WriteToString_Diagnostics_UseCamelCaseCodes()
    {
        var table = FunnelTable.FromRows([new(Jan, "Facebook", 1, 0, 0), new(Jan, "Facebook", 2, 0, 0), new(Jan, " ", 1, 0, 0), new(Period.Month(1, 1), "Facebook", 1, 0, 0)]);

        using var json = JsonDocument.Parse(new JsonReportWriter().WriteToString(table));

        var codes = json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString());
        Assert.That(codes, Is.EquivalentTo(new[] { "duplicateRow", "missingNetwork", "implausibleDate" }));
    }

    [Test]
    public void WriteToString_NonLatinNames_AreWrittenAsThemselvesButHtmlIsEscaped()
    {
        var table = FunnelTable.FromRows([new(Jan, "Facebook", 1, 0, 0, Campaign: "حملة <b>")]);

        string text = new JsonReportWriter().WriteToString(table);

        Assert.That(text, Ordinal.Contains("\"campaign\": \"حملة \\u003Cb\\u003E\""));
    }

    [Test]
    public void WriteToString_IsDeterministicAndCultureIndependent()
    {
        string first = new JsonReportWriter().WriteToString(Tricky());
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var german = new JsonReportWriter(ReportOptions.Default with { Culture = CultureInfo.GetCultureInfo("de-DE") }).WriteToString(Tricky());
            Assert.That(german, Is.EqualTo(first));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }

        Assert.That(new JsonReportWriter().WriteToString(Tricky()), Is.EqualTo(first));
        Assert.That(first, Ordinal.NotContains("\r"));
        Assert.That(first, Ordinal.EndsWith("}\n"));
        Assert.That(first, Ordinal.Contains("\"confidence\": 0.95,"));
    }

    [Test]
    public void WriteToString_RoundTrip_RebuildsTheSameTable()
    {
        var table = Tricky();
        using var json = JsonDocument.Parse(new JsonReportWriter().WriteToString(table));

        var records = json.RootElement.GetProperty("rows").EnumerateArray().Select(r => new FunnelRecord(
            Period.Parse(r.GetProperty("period").GetString()!),
            r.GetProperty("network").GetString()!,
            r.GetProperty("visits").GetInt64(),
            r.GetProperty("leads").GetInt64(),
            r.GetProperty("customers").GetInt64(),
            Campaign: r.GetProperty("campaign").GetString()));
        var rebuilt = FunnelTable.FromRows(records, json.RootElement.GetProperty("confidence").GetDouble());

        Assert.That(rebuilt.Rows, Is.EqualTo(table.Rows));
        Assert.That(new JsonReportWriter().WriteToString(rebuilt), Is.EqualTo(new JsonReportWriter().WriteToString(table)));
    }

    [Test]
    public void Write_Stream_MatchesString()
    {
        using var stream = new MemoryStream();

        new JsonReportWriter().Write(Tricky(), stream);

        Assert.That(System.Text.Encoding.UTF8.GetString(stream.ToArray()), Is.EqualTo(new JsonReportWriter().WriteToString(Tricky())));
    }

    [Test]
    public void Properties_DescribeTheFormat()
    {
        var writer = new JsonReportWriter();

        Assert.That((writer.Format, writer.MediaType, writer.FileExtension), Is.EqualTo((ReportFormat.Json, "application/json", ".json")));
        Assert.That(writer.Options, Is.SameAs(ReportOptions.Default));
    }
}
