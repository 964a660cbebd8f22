using System.Globalization;
using System.Text;
using ChannelMetrics.Decisions;
using ChannelMetrics.Funnel;

namespace ChannelMetrics.Reporting;

/// <summary>
/// The base of the report writers (<see cref="JsonReportWriter"/>, <see cref="MarkdownReportWriter"/>,
/// <see cref="CsvReportWriter"/>): writes a <see cref="DecisionReport"/> or a <see cref="FunnelTable"/> to a
/// <see cref="TextWriter"/>, a <see cref="Stream"/> (UTF-8 without a byte order mark) or a string.
/// </summary>
/// <remarks>
/// <para>Output is deterministic: the same input and options give the same characters, on any machine and under
/// any current culture (line ends are <c>\n</c>, except CSV's RFC 4180 <c>\r\n</c>).</para>
/// <para>Writers are immutable and thread-safe; register them as singletons.</para>
/// </remarks>
public abstract class ReportWriter
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private protected ReportWriter(ReportOptions? options) => Options = options ?? ReportOptions.Default;

    /// <summary>Gets the options the writer was created with.</summary>
    public ReportOptions Options { get; }

    /// <summary>Gets the format the writer produces.</summary>
    public abstract ReportFormat Format { get; }

    /// <summary>Gets the media type of the output, for an HTTP response (<c>application/json</c>, <c>text/markdown</c>, <c>text/csv</c>).</summary>
    public string MediaType => Format switch
    {
        ReportFormat.Json => "application/json",
        ReportFormat.Markdown => "text/markdown; charset=utf-8",
        _ => "text/csv; charset=utf-8; header=present",
    };

    /// <summary>Gets the usual file extension of the output, with its dot (<c>.json</c>, <c>.md</c>, <c>.csv</c>).</summary>
    public string FileExtension => Format switch
    {
        ReportFormat.Json => ".json",
        ReportFormat.Markdown => ".md",
        _ => ".csv",
    };

    /// <summary>Writes a funnel table.</summary>
    /// <param name="table">The table.</param>
    /// <param name="writer">Where to write; it is not flushed or closed.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public void Write(FunnelTable table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        WriteFunnel(table, writer);
    }

    /// <summary>Writes a funnel table as UTF-8 (without a byte order mark).</summary>
    /// <param name="table">The table.</param>
    /// <param name="utf8Output">Where to write; it is flushed and left open.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public void Write(FunnelTable table, Stream utf8Output)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(utf8Output);
        using var writer = new StreamWriter(utf8Output, s_utf8, bufferSize: 16 * 1024, leaveOpen: true);
        WriteFunnel(table, writer);
    }

    /// <summary>Writes a funnel table to a string.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is <see langword="null"/>.</exception>
    public string WriteToString(FunnelTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteFunnel(table, writer);
        return writer.ToString();
    }

    /// <summary>Writes a decision report, showing the evaluation window's totals.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write; it is not flushed or closed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> or <paramref name="writer"/> is <see langword="null"/>.</exception>
    public void Write(DecisionReport report, TextWriter writer) => Write(report, null, writer);

    /// <summary>Writes a decision report with the funnel table it was evaluated from.</summary>
    /// <param name="report">The report.</param>
    /// <param name="funnel">
    /// The funnel table the report was evaluated from, or <see langword="null"/>. Markdown then shows each network's
    /// funnel by period and CSV writes one record per period, from the network's (or campaign's) first row; without it
    /// they show the evaluation window's totals.
    /// JSON ignores it (write the table separately).
    /// </param>
    /// <param name="writer">Where to write; it is not flushed or closed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> or <paramref name="writer"/> is <see langword="null"/>.</exception>
    public void Write(DecisionReport report, FunnelTable? funnel, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        WriteDecisions(report, funnel, writer);
    }

    /// <summary>Writes a decision report as UTF-8 (without a byte order mark), showing the evaluation window's totals.</summary>
    /// <param name="report">The report.</param>
    /// <param name="utf8Output">Where to write; it is flushed and left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> or <paramref name="utf8Output"/> is <see langword="null"/>.</exception>
    public void Write(DecisionReport report, Stream utf8Output) => Write(report, null, utf8Output);

    /// <summary>Writes a decision report with its funnel table as UTF-8 (without a byte order mark).</summary>
    /// <param name="report">The report.</param>
    /// <param name="funnel">The funnel table the report was evaluated from, or <see langword="null"/> (see <see cref="Write(DecisionReport, FunnelTable?, TextWriter)"/>).</param>
    /// <param name="utf8Output">Where to write; it is flushed and left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> or <paramref name="utf8Output"/> is <see langword="null"/>.</exception>
    public void Write(DecisionReport report, FunnelTable? funnel, Stream utf8Output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(utf8Output);
        using var writer = new StreamWriter(utf8Output, s_utf8, bufferSize: 16 * 1024, leaveOpen: true);
        WriteDecisions(report, funnel, writer);
    }

    /// <summary>Writes a decision report to a string.</summary>
    /// <param name="report">The report.</param>
    /// <param name="funnel">The funnel table the report was evaluated from, or <see langword="null"/> (see <see cref="Write(DecisionReport, FunnelTable?, TextWriter)"/>).</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public string WriteToString(DecisionReport report, FunnelTable? funnel = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteDecisions(report, funnel, writer);
        return writer.ToString();
    }

    private protected abstract void WriteFunnel(FunnelTable table, TextWriter writer);

    private protected abstract void WriteDecisions(DecisionReport report, FunnelTable? funnel, TextWriter writer);
}
