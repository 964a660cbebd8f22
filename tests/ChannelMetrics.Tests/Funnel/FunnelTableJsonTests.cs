using ChannelMetrics.Funnel;
using ChannelMetrics.Reporting;
using ChannelMetrics.Tracking;

namespace ChannelMetrics.Tests.Funnel;

public sealed class FunnelTableJsonTests
{
    // The smallest document a person or a pipeline might write: no derived fields, a comment, a trailing comma.
    private const string Minimal = """
        {
          "schemaVersion": 1,
          "granularity": "month",
          "confidence": 0.95,
          "dimensions": ["network", "campaign"],
          // one row per month, network and campaign
          "rows": [
            { "period": "2026-03", "network": "LinkedIn", "campaign": "b2b", "visits": 100, "leads": 10, "customers": 2 },
            { "period": "2026-01", "network": "Facebook", "campaign": "(not set)", "visits": 50, "leads": 1, "customers": 0 },
          ]
        }
        """;

    [Test]
    public void FromJson_OfToJson_IsTheSameTable()
    {
        var table = Aggregated(PeriodGranularity.Month, FunnelDimensions.Campaign | FunnelDimensions.Medium, withMissingDate: true);

        var read = FunnelTable.FromJson(table.ToJson());

        AssertSameTable(read, table);
        Assert.That(read.Diagnostics.Select(d => d.Code), Is.EquivalentTo(new[] { FunnelDiagnosticCode.CampaignsFolded, FunnelDiagnosticCode.ImplausibleDate }));
    }

    [Test]
    public void FromJson_EveryGranularityAndDimension_RoundTrips(
        [Values] PeriodGranularity granularity,
        [Values(FunnelDimensions.Network, FunnelDimensions.Network | FunnelDimensions.ChannelGroup | FunnelDimensions.Medium | FunnelDimensions.Campaign | FunnelDimensions.Content)] FunnelDimensions dimensions)
    {
        var table = Aggregated(granularity, dimensions);

        AssertSameTable(FunnelTable.FromJson(table.ToJson()), table);
    }

    [Test]
    public void FromJson_EmptyTable_RoundTrips()
    {
        var table = new FunnelAggregator().ToTable();

        AssertSameTable(FunnelTable.FromJson(table.ToJson()), table);
    }

    [Test]
    public void FromJson_StreamWithByteOrderMark_ReadsWhatWriteJsonWrote()
    {
        var table = Aggregated(PeriodGranularity.Week, FunnelDimensions.Campaign);
        using var written = new MemoryStream();
        written.Write([0xEF, 0xBB, 0xBF]);
        table.WriteJson(written);
        written.Position = 0;

        AssertSameTable(FunnelTable.FromJson(written), table);
    }

    [Test]
    public void FromJson_ReadsTheJsonReportWritersTable()
    {
        var table = Aggregated(PeriodGranularity.Month, FunnelDimensions.Campaign);

        string report = new JsonReportWriter().WriteToString(table);

        Assert.That(report, Is.EqualTo(table.ToJson() + "\n"));
        AssertSameTable(FunnelTable.FromJson(report), table);
    }

    [Test]
    public void FromJson_MinimalHandWrittenDocument_IsRead()
    {
        var table = FunnelTable.FromJson(Minimal);

        Assert.Multiple(() =>
        {
            Assert.That(table.Dimensions, Is.EqualTo(FunnelDimensions.Network | FunnelDimensions.Campaign));
            Assert.That(table.Rows.Select(r => r.ToString()), Is.EqualTo(new[]
            {
                "2026-01 Facebook/(not set): 50 visits, 1 leads, 0 customers",
                "2026-03 LinkedIn/b2b: 100 visits, 10 leads, 2 customers",
            }));
            Assert.That(table.Periods, Has.Count.EqualTo(3));
            Assert.That(table.FoldedCampaignCount, Is.Zero);
            Assert.That(table.Diagnostics, Is.Empty);
        });
    }

    [Test]
    public void FromJson_DerivedFields_AreComputedAgainNotRead()
    {
        var table = FunnelTable.FromRows([new(Period.Month(2026, 1), "Facebook", 100, 10, 1)]);
        string edited = table.ToJson()
            .Replace("\"value\": 0.1,", "\"value\": 0.9,", StringComparison.Ordinal)
            .Replace("\"Facebook\"\n  ]", "\"Facebook\", \"Ghost\"\n  ]", StringComparison.Ordinal);
        Assert.That(edited, Does.Contain("0.9").And.Contain("Ghost"), "the edits must have applied");

        var read = FunnelTable.FromJson(edited);

        Assert.Multiple(() =>
        {
            Assert.That(read.Rows[0].VisitToLead.Value, Is.EqualTo(0.1));
            Assert.That(read.Networks, Is.EqualTo(new[] { "Facebook" }));
        });
    }

    [TestCase("\"schemaVersion\": 1", "\"schemaVersion\": 2", "$.schemaVersion", "unsupported schema version 2")]
    [TestCase("\"schemaVersion\": 1,", "\"kind\": \"decisionReport\", \"schemaVersion\": 1,", "$.kind", "expected \"funnelTable\"")]
    [TestCase("\"month\"", "\"year\"", "$.granularity", "expected one of \"day\", \"week\", \"month\", \"quarter\"")]
    [TestCase("\"confidence\": 0.95", "\"confidence\": 1.5", "$.confidence", "strictly between 0 and 1")]
    [TestCase("\"confidence\": 0.95,", "", "$.confidence", "strictly between 0 and 1")]
    [TestCase("[\"network\", \"campaign\"]", "[\"campaign\"]", "$.dimensions", "always grouped by network")]
    [TestCase("[\"network\", \"campaign\"]", "[\"network\", \"colour\"]", "$.dimensions[1]", "expected one of \"network\", \"channelGroup\"")]
    [TestCase("\"period\": \"2026-03\"", "\"period\": \"2026-03-16\"", "$.rows[0].period", "expected a month period such as \"2026-03\"")]
    [TestCase("\"network\": \"LinkedIn\"", "\"network\": \" \"", "$.rows[0].network", "expected a network name")]
    [TestCase("\"visits\": 100", "\"visits\": -1", "$.rows[0].visits", "zero or more")]
    [TestCase("\"visits\": 50", "\"visits\": 9223372036854775800", "$.rows[1]", "beyond a 64-bit count")]
    [TestCase("\"leads\": 10, ", "", "$.rows[0].leads", "zero or more")]
    [TestCase("\"campaign\": \"b2b\", ", "", "$.rows[0].campaign", "the table is grouped by campaign")]
    [TestCase("\"campaign\": \"b2b\", ", "\"campaign\": \"b2b\", \"medium\": \"social\", ", "$.rows[0].medium", "the table is not grouped by medium")]
    [TestCase("\"period\": \"2026-01\", \"network\": \"Facebook\", \"campaign\": \"(not set)\"", "\"period\": \"2026-03\", \"network\": \"linkedin\", \"campaign\": \"b2b\"", "$.rows[1]", "repeats the period and dimensions of $.rows[0]")]
    [TestCase("\"visits\": 100", "\"visitz\": 100", "$.rows[0].visitz", "unknown property \"visitz\"")]
    [TestCase("\"visits\": 100", "\"visits\": \"100\"", "$.rows[0].visits", "a value of the wrong type")]
    [TestCase("\"visits\": 100", "\"visits\": 1.5", "$.rows[0].visits", "expected an integer")]
    [TestCase("\"rows\": [", "\"diagnostics\": [{ \"code\": \"oops\", \"rowIndex\": -1, \"message\": \"m\" }], \"rows\": [", "$.diagnostics[0].code", "expected one of \"missingNetwork\"")]
    [TestCase("\"rows\": [", "\"diagnostics\": [{ \"code\": \"duplicateRow\", \"rowIndex\": -2, \"message\": \"m\" }], \"rows\": [", "$.diagnostics[0].rowIndex", "or -1")]
    [TestCase("\"rows\": [", "\"foldedCampaignCount\": -3, \"rows\": [", "$.foldedCampaignCount", "zero or more")]
    [TestCase("\"rows\": [", "\"rows\": null, \"other\": [", "$.other", "unknown property")]
    [TestCase("\"dimensions\"", "\"dimensions\": [\"network\"], \"unused\"", "$.unused", "unknown property")]
    [TestCase("]\n}", "", "$", "malformed JSON")]
    public void FromJson_InvalidDocument_NamesThePath(string find, string replace, string path, string message)
    {
        string json = Minimal.Replace(find, replace, StringComparison.Ordinal);
        Assert.That(json, Is.Not.EqualTo(Minimal), "the case must change the document");

        var exception = Assert.Throws<FunnelTableFormatException>(() => FunnelTable.FromJson(json));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.JsonPath, Is.EqualTo(path));
            Assert.That(exception.Message, Does.StartWith(path + ": ").And.Contain(message));
            Assert.That(exception, Is.InstanceOf<FormatException>());
        });
    }

    [TestCase("[]")]
    [TestCase("null")]
    [TestCase("{}")]
    public void FromJson_NotATableObject_IsAFormatError(string json)
    {
        Assert.That(() => FunnelTable.FromJson(json), Throws.InstanceOf<FunnelTableFormatException>().With.Message.Contains("schemaVersion"));
    }

    [Test]
    public void FromJson_NullArguments_Throw()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => FunnelTable.FromJson((string)null!), Throws.ArgumentNullException);
            Assert.That(() => FunnelTable.FromJson((Stream)null!), Throws.ArgumentNullException);
            Assert.That(() => FunnelTable.FromRows([]).WriteJson(null!), Throws.ArgumentNullException);
        });
    }

    /// <summary>A table with several networks and campaigns, a folded tail, non-Latin names, and optionally a row dated 0001-01-01.</summary>
    /// <remarks>The JSON lists every period of the table's range: by day, a row dated 0001-01-01 writes 739,000 of them.</remarks>
    private static FunnelTable Aggregated(PeriodGranularity granularity, FunnelDimensions dimensions, bool withMissingDate = false)
    {
        var aggregator = new FunnelAggregator(FunnelOptions.Default with { Granularity = granularity, Dimensions = FunnelDimensions.Network | dimensions, MaxCampaignsPerNetwork = 3, Confidence = 0.9 });
        var start = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        string[] campaigns = ["spring", "brand", "حملة", "tail-a", "tail-b"];
        for (int i = 0; i < 400; i++)
        {
            var tags = new UtmTags { Source = i % 3 == 0 ? "linkedin" : "fb", Medium = i % 2 == 0 ? "social" : "paid_social", Campaign = campaigns[i % campaigns.Length], Content = i % 4 == 0 ? "video" : null };
            var stage = i % 10 == 0 ? FunnelStage.Lead : i % 25 == 0 ? FunnelStage.Customer : FunnelStage.Visit;
            aggregator.Add(new FunnelEvent(start.AddHours(i * 7), stage, "v" + (i % 50), tags));
        }

        if (withMissingDate)
        {
            aggregator.Add(new FunnelEvent(default, FunnelStage.Visit, null, new UtmTags { Source = "fb", Medium = "social", Campaign = "spring" }));
        }

        return aggregator.ToTable();
    }

    private static void AssertSameTable(FunnelTable read, FunnelTable written)
    {
        Assert.Multiple(() =>
        {
            Assert.That(read.Rows, Is.EqualTo(written.Rows));
            Assert.That(read.Granularity, Is.EqualTo(written.Granularity));
            Assert.That(read.Dimensions, Is.EqualTo(written.Dimensions));
            Assert.That(read.Confidence, Is.EqualTo(written.Confidence));
            Assert.That(read.FoldedCampaignCount, Is.EqualTo(written.FoldedCampaignCount));
            Assert.That(read.Diagnostics, Is.EqualTo(written.Diagnostics));
            Assert.That(read.ToJson(), Is.EqualTo(written.ToJson()));
        });
    }
}
