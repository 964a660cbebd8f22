using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChannelMetrics.Goals;
using ChannelMetrics.Reporting;

namespace ChannelMetrics.Funnel;

// The shape FunnelTable.FromJson reads: the document FunnelTable.ToJson and JsonReportWriter write, with every field
// nullable so that a missing one gets a message naming its path. What the table derives from its rows (the period
// range, the networks, the rates) may be present and is recomputed, never trusted.
internal sealed class FunnelTableReadDocument
{
    public string? Kind { get; set; }

    public int? SchemaVersion { get; set; }

    public string? Granularity { get; set; }

    public double? Confidence { get; set; }

    public List<string?>? Dimensions { get; set; }

    public JsonElement? Periods { get; set; }

    public JsonElement? Networks { get; set; }

    public int? FoldedCampaignCount { get; set; }

    public List<FunnelRowReadDocument?>? Rows { get; set; }

    public List<FunnelDiagnosticReadDocument?>? Diagnostics { get; set; }
}

internal sealed class FunnelRowReadDocument
{
    public string? Period { get; set; }

    public string? Network { get; set; }

    public string? ChannelGroup { get; set; }

    public string? Medium { get; set; }

    public string? Campaign { get; set; }

    public string? Content { get; set; }

    public long? Visits { get; set; }

    public long? Leads { get; set; }

    public long? Customers { get; set; }

    public JsonElement? VisitToLead { get; set; }

    public JsonElement? LeadToCustomer { get; set; }

    public JsonElement? VisitToCustomer { get; set; }
}

internal sealed class FunnelDiagnosticReadDocument
{
    public string? Code { get; set; }

    public int? RowIndex { get; set; }

    public string? Message { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(FunnelTableReadDocument))]
internal sealed partial class FunnelJsonContext : JsonSerializerContext
{
}

/// <summary>Reads the JSON of a <see cref="FunnelTable"/>, checking every field; errors name the JSON path.</summary>
internal static class FunnelTableJson
{
    private const string Kind = "funnelTable";

    // The names are the writer's own (JsonNames), read backwards, so the two cannot drift apart.
    private static readonly Dictionary<string, PeriodGranularity> Granularities =
        Enum.GetValues<PeriodGranularity>().ToDictionary(JsonNames.Of, StringComparer.Ordinal);

    private static readonly Dictionary<string, FunnelDimensions> DimensionNames =
        new[] { FunnelDimensions.Network, FunnelDimensions.ChannelGroup, FunnelDimensions.Medium, FunnelDimensions.Campaign, FunnelDimensions.Content }
            .ToDictionary(d => JsonNames.Of(d)[0], StringComparer.Ordinal);

    private static readonly Dictionary<FunnelDimensions, string> NameOfDimension =
        DimensionNames.ToDictionary(pair => pair.Value, pair => pair.Key);

    private static readonly Dictionary<string, FunnelDiagnosticCode> Codes =
        Enum.GetValues<FunnelDiagnosticCode>().ToDictionary(JsonNames.Of, StringComparer.Ordinal);

    internal static FunnelTable Read(ReadOnlyMemory<byte> utf8Json)
    {
        FunnelTableReadDocument? document;
        try
        {
            using (var json = JsonDocument.Parse(utf8Json, JsonReading.DocumentOptions))
            {
                GoalSet.CheckSchemaVersion(json.RootElement, FunnelTable.CurrentSchemaVersion, static (path, message) => new FunnelTableFormatException(path, message, null));
            }

            document = JsonSerializer.Deserialize(utf8Json.Span, FunnelJsonContext.Default.FunnelTableReadDocument);
        }
        catch (JsonException e)
        {
            throw new FunnelTableFormatException(JsonReading.PathOf(e), JsonReading.Describe(e), e);
        }

        // The schema version check above has already rejected anything but an object.
        var d = document!;
        if (d.Kind is not null && d.Kind != Kind)
        {
            throw Error("$.kind", $"\"{d.Kind}\" is not a funnel table; expected \"{Kind}\"");
        }

        if (d.Granularity is null || !Granularities.TryGetValue(d.Granularity, out var granularity))
        {
            throw Error("$.granularity", $"expected one of {Names(Granularities.Keys)}");
        }

        if (d.Confidence is not double confidence || !(confidence > 0 && confidence < 1))
        {
            throw Error("$.confidence", "expected a confidence level strictly between 0 and 1, such as 0.95");
        }

        var dimensions = Dimensions(d.Dimensions);
        if (d.FoldedCampaignCount is < 0)
        {
            throw Error("$.foldedCampaignCount", "expected a count of zero or more");
        }

        var rows = Rows(d.Rows, granularity, dimensions, confidence);
        var diagnostics = Diagnostics(d.Diagnostics);
        return FunnelTable.Create(granularity, dimensions, confidence, rows, d.FoldedCampaignCount ?? 0, diagnostics);
    }

    private static FunnelDimensions Dimensions(List<string?>? names)
    {
        if (names is null)
        {
            throw Error("$.dimensions", "expected an array of dimension names, such as [\"network\", \"campaign\"]");
        }

        var dimensions = FunnelDimensions.None;
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] is not string name || !DimensionNames.TryGetValue(name, out var dimension))
            {
                throw Error(Invariant($"$.dimensions[{i}]"), $"expected one of {Names(DimensionNames.Keys)}");
            }

            dimensions |= dimension;
        }

        return (dimensions & FunnelDimensions.Network) != 0
            ? dimensions
            : throw Error("$.dimensions", "a funnel table is always grouped by network; expected \"network\" among the dimensions");
    }

    private static FunnelRow[] Rows(List<FunnelRowReadDocument?>? documents, PeriodGranularity granularity, FunnelDimensions dimensions, double confidence)
    {
        if (documents is null)
        {
            throw Error("$.rows", "expected an array of rows (empty for an empty table)");
        }

        var rows = new FunnelRow[documents.Count];
        var seen = new Dictionary<RowKey, int>(RowKeyComparer.Instance);
        var total = (Visits: 0L, Leads: 0L, Customers: 0L);
        for (int i = 0; i < rows.Length; i++)
        {
            string path = Invariant($"$.rows[{i}]");
            var row = documents[i] ?? throw Error(path, "expected a row object, found null");
            if (!Period.TryParse(row.Period, out var period) || period.Granularity != granularity)
            {
                throw Error(path + ".period", $"expected a {JsonNames.Of(granularity)} period such as \"{Example(granularity)}\"");
            }

            if (string.IsNullOrWhiteSpace(row.Network))
            {
                throw Error(path + ".network", "expected a network name");
            }

            var key = new RowKey(
                period,
                row.Network,
                Dimension(row.ChannelGroup, dimensions, FunnelDimensions.ChannelGroup, path),
                Dimension(row.Medium, dimensions, FunnelDimensions.Medium, path),
                Dimension(row.Campaign, dimensions, FunnelDimensions.Campaign, path),
                Dimension(row.Content, dimensions, FunnelDimensions.Content, path));
            if (!seen.TryAdd(key, i))
            {
                throw Error(path, Invariant($"repeats the period and dimensions of $.rows[{seen[key]}]; expected one row per period and dimensions"));
            }

            rows[i] = new FunnelRow(key, Count(row.Visits, path + ".visits"), Count(row.Leads, path + ".leads"), Count(row.Customers, path + ".customers"), confidence);
            if (!FunnelTable.TryAddToTotal(ref total, rows[i].Visits, rows[i].Leads, rows[i].Customers))
            {
                // No table FromRows or the aggregator makes gets here: its sums would overflow in every query.
                throw Error(path, "its counts take the table's total beyond a 64-bit count; expected a total of at most 9223372036854775807 per count");
            }
        }

        return rows;
    }

    private static string? Dimension(string? value, FunnelDimensions dimensions, FunnelDimensions which, string rowPath)
    {
        // Called four times per row: a lookup, where JsonNames.Of would build a list each time.
        string name = NameOfDimension[which];
        bool grouped = (dimensions & which) != 0;
        return (grouped, value) switch
        {
            (true, null) => throw Error($"{rowPath}.{name}", $"the table is grouped by {name}; expected a value (\"{FunnelLabels.NotSet}\" when there is none)"),
            (false, not null) => throw Error($"{rowPath}.{name}", $"the table is not grouped by {name}; expected no {name}, or \"{name}\" among the dimensions"),
            _ => value,
        };
    }

    private static long Count(long? value, string path) => value is long count and >= 0
        ? count
        : throw Error(path, "expected a count of zero or more");

    private static FunnelDiagnostic[] Diagnostics(List<FunnelDiagnosticReadDocument?>? documents)
    {
        var diagnostics = new FunnelDiagnostic[documents?.Count ?? 0];
        for (int i = 0; i < diagnostics.Length; i++)
        {
            string path = Invariant($"$.diagnostics[{i}]");
            var d = documents![i] ?? throw Error(path, "expected a diagnostic object, found null");
            if (d.Code is null || !Codes.TryGetValue(d.Code, out var code))
            {
                throw Error(path + ".code", $"expected one of {Names(Codes.Keys)}");
            }

            if (d.RowIndex is not int rowIndex || rowIndex < -1)
            {
                throw Error(path + ".rowIndex", "expected the index of an input row, or -1 when it concerns no single row");
            }

            diagnostics[i] = new FunnelDiagnostic(code, rowIndex, d.Message ?? throw Error(path + ".message", "expected a message"));
        }

        return diagnostics;
    }

    private static string Example(PeriodGranularity granularity) => Period.Containing(new DateOnly(2026, 3, 16), granularity).ToString();

    private static string Names(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static FunnelTableFormatException Error(string path, string expected) => new(path, expected, null);
}
