using ChannelMetrics.Decisions;
using ChannelMetrics.Funnel;

namespace ChannelMetrics.Reporting;

/// <summary>
/// Writes reports as JSON with a stable, versioned schema (System.Text.Json, source-generated: NativeAOT- and
/// trimming-safe).
/// </summary>
/// <remarks>
/// <para>Conventions: camelCase names; numbers invariant, doubles in their shortest round-trip form; enum values
/// as camelCase strings; optional fields left out when they have no value; indented with <c>\n</c> line ends and a
/// final newline; letters of every script written as themselves. A funnel table escapes HTML-sensitive characters
/// (<c>&lt;</c> is written <c>\u003C</c>); a decision report writes them as themselves so that its sentences stay readable
/// (<c>Facebook's</c>), and must be encoded like any other text before it goes into an HTML page. The options'
/// culture does not change the JSON.</para>
/// <para>Funnel table schema (<c>kind</c> <c>"funnelTable"</c>, <c>schemaVersion</c> 1):</para>
/// <code>
/// {
///   "kind": "funnelTable", "schemaVersion": 1,
///   "granularity": "day" | "week" | "month" | "quarter",
///   "confidence": 0.95,                              // level of every rate's interval
///   "dimensions": ["network", "channelGroup"?, "medium"?, "campaign"?, "content"?],
///   "periods": ["2026-01", ...],                     // first to last, none skipped (Period text form)
///   "networks": ["Facebook", ...],                   // sorted case-insensitively
///   "foldedCampaignCount": 0,
///   "rows": [ {
///     "period": "2026-01", "network": "Facebook",
///     "channelGroup"?, "medium"?, "campaign"?, "content"?: string,   // only the table's dimensions
///     "visits": 1200, "leads": 30, "customers": 4,
///     "visitToLead" | "leadToCustomer" | "visitToCustomer": {
///       "successes": 30, "trials": 1200,
///       "value"?: 0.025, "lower"?: 0.0176, "upper"?: 0.0355,          // present when the rate is defined
///       "undefinedReason"?: "noTrials" | "successesExceedTrials"      // present when it is not
///     } } ],
///   "diagnostics": [ { "code": "duplicateRow", "rowIndex": 3, "message": "..." } ]
/// }
/// </code>
/// <para>A reader should ignore fields it does not know; a breaking change increments <c>schemaVersion</c>.</para>
/// <para>A decision report is written in the schema of <see cref="DecisionReport.ToJson"/> (its own source-generated
/// context, <c>schemaVersion</c> <see cref="DecisionReport.CurrentSchemaVersion"/>), which
/// <see cref="DecisionReport.FromJson"/> reads back, followed by a newline. The funnel table, if given, is not part of it.</para>
/// </remarks>
public sealed class JsonReportWriter : ReportWriter
{
    /// <summary>Creates a JSON writer.</summary>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ReportOptions.Default"/>.</param>
    public JsonReportWriter(ReportOptions? options = null)
        : base(options)
    {
    }

    /// <inheritdoc />
    public override ReportFormat Format => ReportFormat.Json;

    private protected override void WriteFunnel(FunnelTable table, TextWriter writer)
    {
        writer.Write(table.ToJson());
        writer.Write('\n');
    }

    private protected override void WriteDecisions(DecisionReport report, FunnelTable? funnel, TextWriter writer)
    {
        writer.Write(report.ToJson());
        writer.Write('\n');
    }
}
