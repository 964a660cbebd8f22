using ChannelMetrics.Decisions;
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
/// <para>A decision report has: the evaluation date and window, the portfolio totals, a summary table of the networks
/// with verdict, confidence, role, volumes and goals met; then per network its verdict with its advice, its role, what
/// to work on and which experiments to try, its goals (target, observed, gap, status, projected period), its funnel by
/// period from its first row (when the funnel table is given), its campaigns with their verdicts and reasons, and the
/// reasons for its verdict; finally the notes on the data. Each reason is a sentence written from the evidence's code
/// and fields in the report's language; at most <see cref="ReportOptions.MaxEvidencePerNetwork"/> per network or
/// campaign are shown (the deciding ones, which the engine lists last).</para>
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
        var md = new MarkdownDocument(writer, new ReportText(Options.Culture, Options.Language, table.Granularity));
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

    private protected override void WriteDecisions(DecisionReport report, FunnelTable? funnel, TextWriter writer)
    {
        var md = new MarkdownDocument(writer, new ReportText(Options.Culture, Options.Language, report.EvaluationPeriod.Granularity));
        var text = md.Text;
        var words = new DecisionText(text);
        md.Open();
        md.Heading(1, text.Get("DecisionTitle"));
        md.Paragraph(text.Format(
            "DecisionEvaluated",
            new("date", text.Date(report.EvaluationDate)),
            new("period", text.PeriodLabel(report.EvaluationPeriod)),
            new("from", text.PeriodLabel(report.WindowStart))));
        var portfolio = report.Portfolio;
        md.Paragraph(text.Format(
            "DecisionPortfolio",
            new("visits", text.Count(portfolio.Visits), portfolio.Visits),
            new("leads", text.Count(portfolio.Leads), portfolio.Leads),
            new("customers", text.Count(portfolio.Customers), portfolio.Customers),
            new("rate", portfolio.VisitToLeadRate is { } rate
                ? (portfolio.VisitToLeadInterval is { } interval
                    ? text.WithInterval(text.Percent(rate), text.Percent(interval.Lower), text.Percent(interval.Upper))
                    : text.Percent(rate))
                : text.Get("NotAvailable"))));
        if (funnel is not null)
        {
            // The brackets recur in every section: say once what they are.
            md.Paragraph(text.Format("FunnelConfidence", new TextArg("confidence", text.Level(funnel.Confidence))));
        }

        if (report.Networks.Count == 0)
        {
            md.Paragraph(text.Get("DecisionNoNetworks"));
        }
        else
        {
            md.Heading(2, text.Get("HeadingSummary"));
            AssessmentTable(md, words, text.Get("ColumnNetwork"), report.Networks);
        }

        foreach (var network in report.Networks)
        {
            md.Heading(2, md.Name(network.Network));
            Verdict(md, words, network);
            Goals(md, words, network);
            // From the network's first row: before it, it was not tracked yet, and zeros there would read as data. A row
            // dated where a missing timestamp lands (0001-01-01) does not count as the first: the data notes report it.
            if (funnel is not null && funnel.Granularity == report.EvaluationPeriod.Granularity
                && funnel.FirstPeriod(network.Network, null, plausible: true) is Period first && first <= report.EvaluationPeriod)
            {
                md.Heading(3, text.Get("HeadingFunnelByPeriod"));
                md.FunnelHeader(md.PeriodColumn(funnel.Granularity));
                foreach (var row in funnel.PeriodTotals(network.Network))
                {
                    if (row.Period >= first && row.Period <= report.EvaluationPeriod)
                    {
                        md.FunnelRow(md.Cell(text.PeriodLabel(row.Period)), row.Visits, row.Leads, row.Customers, funnel.Confidence);
                    }
                }
            }

            if (Options.IncludeCampaigns && network.Campaigns.Count > 0)
            {
                md.Heading(3, text.Get("HeadingCampaigns"));
                AssessmentTable(md, words, text.Get("ColumnCampaign"), network.Campaigns);
                foreach (var campaign in network.Campaigns)
                {
                    md.Heading(4, md.Name(campaign.Name));
                    Verdict(md, words, campaign);
                    Reasons(md, words, campaign);
                }
            }

            // No heading over nothing: MaxEvidencePerNetwork 0 leaves the reasons out.
            if (Options.MaxEvidencePerNetwork > 0 && network.Evidence.Count > 0)
            {
                md.Heading(3, text.Get("HeadingWhy"));
                Reasons(md, words, network);
            }
        }

        if (report.DataNotes.Count > 0)
        {
            md.Heading(2, text.Get("HeadingDataNotes"));
            md.BeginBlock();
            foreach (var note in report.DataNotes)
            {
                md.Bullet(words.Sentence(note, text.Get("NotAvailable"), [], MarkdownText.Escape));
            }
        }

        md.Close();
    }

    private static void AssessmentTable(MarkdownDocument md, DecisionText words, string first, IReadOnlyList<ChannelAssessment> subjects)
    {
        var text = md.Text;
        md.BeginBlock();
        MarkdownText.Row(
            md.Writer,
            first,
            text.Get("ColumnVerdict"),
            text.Get("ColumnConfidence"),
            text.Get("ColumnRole"),
            text.Get("ColumnVisits"),
            text.Get("ColumnLeads"),
            text.Get("ColumnCustomers"),
            text.Get("ColumnGoalsMet"));
        MarkdownText.Delimiter(md.Writer, "llllrrrr");
        foreach (var subject in subjects)
        {
            int met = 0;
            foreach (var goal in subject.GoalStatuses)
            {
                if (goal.Progress is GoalProgress.Met or GoalProgress.OnTrack)
                {
                    met++;
                }
            }

            MarkdownText.Row(
                md.Writer,
                md.Name(subject.Name),
                "**" + words.Verdict(subject.Verdict) + "**",
                words.Confidence(subject.Confidence),
                words.Role(subject.Role),
                md.Count(subject.Visits),
                md.Count(subject.Leads),
                md.Count(subject.Customers),
                subject.GoalStatuses.Count == 0
                    ? text.Get("GoalsMetNone")
                    : text.Format("GoalsMetOf", new("met", text.Count(met)), new("total", text.Count(subject.GoalStatuses.Count))));
        }
    }

    private static void Verdict(MarkdownDocument md, DecisionText words, ChannelAssessment subject)
    {
        var text = md.Text;
        md.Paragraph(
            "**" + text.FormatPlain("VerdictLine", new("verdict", words.Verdict(subject.Verdict)), new("confidence", words.Confidence(subject.Confidence))) + "** "
            + words.VerdictAdvice(subject.Verdict));
        md.Paragraph(text.FormatPlain("RoleLine", new("role", words.Role(subject.Role)), new("description", words.RoleDescription(subject.Role))));
        // A traffic driver's Keep names its traffic as what it is judged on, not as something to fix.
        if (subject is { Verdict: ChannelMetrics.Decisions.Verdict.Keep, Focus: OptimizationFocus.Traffic })
        {
            md.Paragraph(text.Get("JudgedOnTrafficLine"));
        }
        else if (words.Focus(subject.Focus) is { } focus)
        {
            md.Paragraph(text.FormatPlain("FocusLine", new TextArg("focus", focus)));
        }

        if (subject.SuggestedExperiments.Count > 0)
        {
            md.Paragraph(text.FormatPlain("ExperimentsLine", new TextArg("kinds", words.Kinds(subject.SuggestedExperiments))));
        }
    }

    private static void Goals(MarkdownDocument md, DecisionText words, ChannelAssessment subject)
    {
        if (subject.GoalStatuses.Count == 0)
        {
            return;
        }

        var text = md.Text;
        md.Heading(3, text.Get("HeadingGoals"));
        md.BeginBlock();
        MarkdownText.Row(
            md.Writer,
            text.Get("ColumnGoal"),
            text.Get("ColumnMetric"),
            text.Get("ColumnTarget"),
            text.Get("ColumnObserved"),
            text.Get("ColumnGap"),
            text.Get("ColumnStatus"),
            text.Get("ColumnProjected"));
        MarkdownText.Delimiter(md.Writer, "llrrrll");
        foreach (var goal in subject.GoalStatuses)
        {
            MarkdownText.Row(
                md.Writer,
                md.Name(goal.GoalId),
                words.Metric(goal.Metric),
                md.Cell(words.Target(goal)),
                md.Cell(words.GoalValue(goal, goal.Observed)),
                md.Cell(words.Gap(goal, goal.Gap)),
                words.Progress(goal.Progress),
                goal.ProjectedPeriod is { } projected ? md.Cell(text.PeriodLabel(projected)) : text.Get("NotProjected"));
        }
    }

    private void Reasons(MarkdownDocument md, DecisionText words, ChannelAssessment subject)
    {
        var evidence = subject.Evidence;
        int shown = Math.Min(evidence.Count, Options.MaxEvidencePerNetwork);
        if (shown == 0)
        {
            return;
        }

        // The engine lists the deciding evidence last: keep the last ones, in the engine's order.
        md.BeginBlock();
        // Not isolated here: the templates isolate every value they insert.
        string name = MarkdownText.Escape(subject.Name);
        for (int i = evidence.Count - shown; i < evidence.Count; i++)
        {
            md.Bullet(words.Sentence(evidence[i], name, subject.GoalStatuses, MarkdownText.Escape));
        }

        if (shown < evidence.Count)
        {
            md.Paragraph(md.Text.Format("MoreEvidence", new TextArg("count", md.Text.Count(evidence.Count - shown), evidence.Count - shown)));
        }
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
