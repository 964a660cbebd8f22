using ChannelMetrics.Funnel;

namespace ChannelMetrics.Reporting;

/// <summary>One Markdown report being written: blocks separated by blank lines, cells escaped and (right to left) isolated.</summary>
internal sealed class MarkdownDocument(TextWriter writer, ReportText text)
{
    public ReportText Text { get; } = text;

    public TextWriter Writer { get; } = writer;

    private bool _started;

    /// <summary>Opens the right-to-left container when the language needs one (a blank line follows, so Markdown inside still renders).</summary>
    public void Open()
    {
        if (Text.IsRightToLeft)
        {
            Writer.Write("<div dir=\"rtl\">\n");
            _started = true;
        }
    }

    public void Close()
    {
        if (Text.IsRightToLeft)
        {
            BeginBlock();
            Writer.Write("</div>\n");
        }
    }

    /// <summary>Separates a block from the previous one by a blank line, so the document never ends with one.</summary>
    public void BeginBlock()
    {
        if (_started)
        {
            Writer.Write('\n');
        }

        _started = true;
    }

    public void Heading(int level, string title)
    {
        BeginBlock();
        Writer.Write(new string('#', level));
        Writer.Write(' ');
        Writer.Write(title);
        Writer.Write('\n');
    }

    public void Paragraph(string paragraph)
    {
        BeginBlock();
        Writer.Write(paragraph);
        Writer.Write('\n');
    }

    /// <summary>Writes a list item; call <see cref="BeginBlock"/> before the first.</summary>
    public void Bullet(string item)
    {
        Writer.Write("- ");
        Writer.Write(MarkdownText.EscapeLineStart(item));
        Writer.Write('\n');
    }

    /// <summary>A name from the data, escaped and isolated: safe in a cell, a heading or a sentence.</summary>
    public string Name(string name) => Text.Isolate(MarkdownText.Escape(name));

    /// <summary>Library text or an already formatted value for a cell: isolated only when it is a value in right-to-left text.</summary>
    public string Cell(string value) => Text.Isolate(value);

    public string Count(long value) => Text.Isolate(Text.Count(value));

    /// <summary>A confidence level as a percentage without needless decimals: 95%, 97.5%.</summary>
    public string Level(double level) => Text.Level(level);

    public string Rate(Rate rate) => rate.Value is { } value && rate.Interval is { } interval
        ? Text.Isolate(Text.WithInterval(Text.Percent(value), Text.Percent(interval.Lower), Text.Percent(interval.Upper)))
        : Text.Get("NotAvailable");

    public string PeriodColumn(PeriodGranularity granularity) => Text.Get(granularity switch
    {
        PeriodGranularity.Day => "ColumnDay",
        PeriodGranularity.Week => "ColumnWeek",
        PeriodGranularity.Month => "ColumnMonth",
        _ => "ColumnQuarter",
    });

    public void FunnelHeader(string first)
    {
        BeginBlock();
        MarkdownText.Row(
            Writer,
            first,
            Text.Get("ColumnVisits"),
            Text.Get("ColumnLeads"),
            Text.Get("ColumnCustomers"),
            Text.Get("ColumnVisitToLead"),
            Text.Get("ColumnLeadToCustomer"),
            Text.Get("ColumnVisitToCustomer"));
        MarkdownText.Delimiter(Writer, "lrrrrrr");
    }

    public void FunnelRow(string first, long visits, long leads, long customers, double confidence) =>
        MarkdownText.Row(
            Writer,
            first,
            Count(visits),
            Count(leads),
            Count(customers),
            Rate(Funnel.Rate.Of(leads, visits, confidence)),
            Rate(Funnel.Rate.Of(customers, leads, confidence)),
            Rate(Funnel.Rate.Of(customers, visits, confidence)));
}
