using ChannelMetrics.Funnel;

namespace ChannelMetrics.Reporting;

/// <summary>Writes reports as Markdown for people, in the language and number formats of <see cref="ReportOptions.Culture"/>.</summary>
/// <remarks>
/// <para>The text comes from the library's resources (English and Arabic provided; other languages fall back to
/// their parent and then to English; see <see cref="ReportOptions.Language"/>). Names from the data are escaped so that a pipe, an asterisk or an HTML tag in a
/// campaign name stays text and cannot break a table; line breaks in them become spaces.</para>
/// <para>For a right-to-left language the report is wrapped in <c>&lt;div dir="rtl"&gt;</c>, and every name and number
/// inside it is wrapped in Unicode isolates (U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE) so the
/// bidirectional algorithm does not reorder <c>X (Twitter)</c> or an interval such as <c>[1.8%, 3.5%]</c> inside
/// Arabic text.</para>
/// <para>A funnel table report has: the periods and the confidence level; the totals of each network over the whole
/// range with an all-networks row; then per network its totals by period and, when the table is grouped by campaign
/// and <see cref="ReportOptions.IncludeCampaigns"/> is on, its campaigns' totals.</para>
/// </remarks>
public sealed class MarkdownReportWriter : ReportWriter
{
    /// <summary>Creates a Markdown writer.</summary>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ReportOptions.Default"/>.</param>
    public MarkdownReportWriter(ReportOptions? options = null)
        : base(options)
    {
    }

    /// <inheritdoc />
    public override ReportFormat Format => ReportFormat.Markdown;

    private protected override void WriteFunnel(FunnelTable table, TextWriter writer)
    {
        var md = new MarkdownDocument(writer, new ReportText(Options.Culture, Options.Language));
        md.Open();
        md.Heading(1, md.Text.Get("FunnelTitle"));
        if (table.Rows.Count == 0)
        {
            md.Paragraph(md.Text.Get("FunnelNoData"));
            md.Close();
            return;
        }

        WriteFunnelBody(md, table, includeNetworkSections: true);
        md.Close();
    }

    /// <summary>The funnel part shared by the funnel report and (per network) the decision report.</summary>
    private void WriteFunnelBody(MarkdownDocument md, FunnelTable table, bool includeNetworkSections)
    {
        var text = md.Text;
        md.Paragraph(
            text.Format("FunnelPeriods", new("from", text.PeriodLabel(table.Periods[0])), new("to", text.PeriodLabel(table.Periods[^1])))
            + " " + text.Format("FunnelConfidence", new TextArg("confidence", md.Level(table.Confidence))));
        if (table.FoldedCampaignCount > 0)
        {
            md.Paragraph(text.Format("FunnelFoldedCampaigns", new TextArg("count", text.Count(table.FoldedCampaignCount))));
        }

        md.Heading(2, text.Get("HeadingTotalsByNetwork"));
        md.FunnelHeader(text.Get("ColumnNetwork"));
        long visits = 0, leads = 0, customers = 0;
        foreach (var total in table.TotalsByNetwork())
        {
            md.FunnelRow(md.Name(total.Network), total.Visits, total.Leads, total.Customers, table.Confidence);
            visits += total.Visits;
            leads += total.Leads;
            customers += total.Customers;
        }

        md.FunnelRow("**" + text.Get("AllNetworks") + "**", visits, leads, customers, table.Confidence);

        if (!includeNetworkSections)
        {
            return;
        }

        foreach (var network in table.Networks)
        {
            md.Heading(2, md.Name(network));
            WriteNetworkFunnel(md, table, network);
        }
    }

    /// <summary>A network's totals by period and its campaigns.</summary>
    private void WriteNetworkFunnel(MarkdownDocument md, FunnelTable table, string network)
    {
        md.FunnelHeader(md.PeriodColumn(table.Granularity));
        foreach (var row in table.PeriodTotals(network))
        {
            md.FunnelRow(md.Cell(md.Text.PeriodLabel(row.Period)), row.Visits, row.Leads, row.Customers, table.Confidence);
        }


        if (Options.IncludeCampaigns && (table.Dimensions & FunnelDimensions.Campaign) != 0)
        {
            md.Heading(3, md.Text.Format("HeadingCampaignsOf", new TextArg("network", MarkdownText.Escape(network))));
            md.FunnelHeader(md.Text.Get("ColumnCampaign"));
            foreach (var campaign in table.Campaigns(network))
            {
                md.FunnelRow(md.Name(campaign.Campaign!), campaign.Visits, campaign.Leads, campaign.Customers, table.Confidence);
            }

        }
    }
}
