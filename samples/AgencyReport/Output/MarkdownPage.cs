using System.Text;

namespace AgencyReport.Output;

/// <summary>
/// Writes the report as GitHub-flavoured Markdown: a summary table, then per network its evidence,
/// goals, campaigns and funnel by month. (The library's own report writers are not there yet; this
/// one lives in the sample until they are.)
/// </summary>
internal static class MarkdownPage
{
    public static string Write(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var md = new StringBuilder(1 << 16);
        md.Append("# ").Append(model.Title).Append("\n\n").Append(model.Subtitle).Append("\n\n");
        foreach (string note in model.Notes)
        {
            md.Append("> ").Append(note).Append("\n\n");
        }

        bool verdicts = model.Networks.Any(n => n.Verdict is not null);
        md.Append("## Summary\n\n| Network |").Append(verdicts ? " Verdict |" : "")
            .Append(" Visits | Share | Leads | Customers | Visit→lead (95% interval) | Visits trend |\n|---|")
            .Append(verdicts ? "---|" : "").Append("--:|--:|--:|--:|---|---|\n");
        foreach (NetworkView n in model.Networks)
        {
            md.Append("| ").Append(Cell(n.Network)).Append(" | ");
            if (verdicts)
            {
                md.Append(n.Verdict is null ? "" : "**" + n.Verdict + "**").Append(" | ");
            }

            md.Append(Format.Count(n.Visits)).Append(" | ").Append(Format.Percent(n.ShareOfVisits)).Append(" | ")
                .Append(Format.Count(n.Leads)).Append(" | ").Append(Format.Count(n.Customers)).Append(" | ")
                .Append(Cell(Format.Rate(n.VisitToLead))).Append(" | ")
                .Append(Cell(Format.Trend(n.Trends.FirstOrDefault(t => t.Metric == "visits")))).Append(" |\n");
        }

        md.Append("\nAll sources together: visit→lead ").Append(Format.Percent(model.PortfolioVisitToLead, 2)).Append(".\n");
        foreach (NetworkView n in model.Networks)
        {
            md.Append("\n## ").Append(n.Network).Append(n.Verdict is null ? "" : " — " + n.Verdict).Append("\n\n")
                .Append(Format.Count(n.Visits)).Append(" visits (").Append(Format.Percent(n.ShareOfVisits)).Append(" of all), ")
                .Append(Format.Count(n.Leads)).Append(" leads, ").Append(Format.Count(n.Customers)).Append(" customers; visit→lead ")
                .Append(Format.Rate(n.VisitToLead)).Append(n.Section is null ? "" : "; " + n.Section).Append(n.Role is null ? "" : "; role: " + n.Role)
                .Append(n.Confidence is null ? "" : "; confidence: " + n.Confidence).Append(".\n");
            List(md, "Why", n.Evidence);
            List(md, "Goals", n.Goals);
            foreach (TrendView t in n.Trends)
            {
                md.Append("\n- Trend of ").Append(t.Metric).Append(": ").Append(Format.Trend(t));
            }

            if (n.Trends.Count > 0)
            {
                md.Append('\n');
            }

            if (n.Campaigns.Count > 0)
            {
                bool campaignVerdicts = n.Campaigns.Any(c => c.Verdict is not null);
                md.Append("\n### Campaigns\n\n| Campaign |").Append(campaignVerdicts ? " Verdict |" : "")
                    .Append(" Visits | Leads | Customers | Visit→lead (95% interval) |\n|---|").Append(campaignVerdicts ? "---|" : "").Append("--:|--:|--:|---|\n");
                foreach (CampaignView c in n.Campaigns)
                {
                    md.Append("| ").Append(Cell(c.Campaign)).Append(" | ");
                    if (campaignVerdicts)
                    {
                        md.Append(c.Verdict is null ? "" : "**" + c.Verdict + "**").Append(c.Reason is null ? "" : ": " + Cell(c.Reason)).Append(" | ");
                    }

                    md.Append(Format.Count(c.Visits)).Append(" | ").Append(Format.Count(c.Leads)).Append(" | ").Append(Format.Count(c.Customers))
                        .Append(" | ").Append(Cell(Format.Rate(c.VisitToLead))).Append(" |\n");
                }
            }

            md.Append("\n### Funnel by month\n\n| Month | Visits | Leads | Customers | Visit→lead (95% interval) |\n|---|--:|--:|--:|---|\n");
            foreach (MonthView m in n.Months)
            {
                md.Append("| ").Append(m.Period).Append(" | ").Append(Format.Count(m.Visits)).Append(" | ").Append(Format.Count(m.Leads)).Append(" | ")
                    .Append(Format.Count(m.Customers)).Append(" | ").Append(Cell(Format.Rate(m.VisitToLead))).Append(" |\n");
            }
        }

        if (model.SkippedTotal > 0)
        {
            md.Append("\n## Input lines skipped\n\n").Append(Format.Count(model.SkippedTotal)).Append(" line(s) could not be read and were left out:\n\n");
            foreach (string s in model.Skipped)
            {
                md.Append("- `").Append(s.Replace("`", "'", StringComparison.Ordinal)).Append("`\n");
            }
        }

        return md.ToString();
    }

    private static void List(StringBuilder md, string title, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        md.Append("\n**").Append(title).Append("**\n\n");
        foreach (string item in items)
        {
            md.Append("- ").Append(item).Append('\n');
        }
    }

    /// <summary>A table cell must not contain a pipe or a line break.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
