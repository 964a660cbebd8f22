using System.Net;
using System.Text;

namespace AgencyReport.Output;

/// <summary>
/// Writes the report as one self-contained HTML file: styles inline, charts embedded as SVG data
/// URIs (each image keeps its own element ids, and nothing is fetched when the page is opened, so it
/// works offline and as an e-mail attachment).
/// </summary>
internal static class HtmlPage
{
    public static string Write(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var html = new StringBuilder(1 << 20);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(model.Title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(E(model.Title)).Append("</h1>\n<p class=\"sub\">").Append(E(model.Subtitle)).Append("</p>\n");

        foreach (string note in model.Notes)
        {
            html.Append("<p class=\"note\">").Append(E(note)).Append("</p>\n");
        }

        bool verdicts = model.Networks.Any(n => n.Verdict is not null);
        html.Append("<h2>Summary</h2>\n<table>\n<thead><tr><th>Network</th>");
        if (verdicts)
        {
            html.Append("<th>Verdict</th>");
        }

        html.Append("<th class=\"n\">Visits</th><th class=\"n\">Share</th><th class=\"n\">Leads</th><th class=\"n\">Customers</th><th>Visit→lead (95% interval)</th><th>Visits trend</th></tr></thead>\n<tbody>\n");
        foreach (NetworkView n in model.Networks)
        {
            html.Append("<tr><td><a href=\"#").Append(Anchor(n.Network)).Append("\">").Append(E(n.Network)).Append("</a></td>");
            if (verdicts)
            {
                html.Append("<td>").Append(Badge(n.Verdict)).Append("</td>");
            }

            html.Append("<td class=\"n\">").Append(Format.Count(n.Visits)).Append("</td><td class=\"n\">").Append(Format.Percent(n.ShareOfVisits))
                .Append("</td><td class=\"n\">").Append(Format.Count(n.Leads)).Append("</td><td class=\"n\">").Append(Format.Count(n.Customers))
                .Append("</td><td>").Append(E(Format.Rate(n.VisitToLead))).Append("</td><td>")
                .Append(E(Format.Trend(n.Trends.FirstOrDefault(t => t.Metric == "visits")))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n<p class=\"small\">All sources together: visit→lead ")
            .Append(Format.Percent(model.PortfolioVisitToLead, 2)).Append(". Trends: Mann-Kendall test (τ, two-sided p) and Sen's slope over the monthly series.</p>\n");

        foreach (NetworkView n in model.Networks)
        {
            WriteNetwork(html, n);
        }

        if (model.SkippedTotal > 0)
        {
            html.Append("<h2>Input lines skipped</h2>\n<p>").Append(Format.Count(model.SkippedTotal)).Append(" line(s) could not be read and were left out:</p>\n<ul>\n");
            foreach (string s in model.Skipped)
            {
                html.Append("<li><code>").Append(E(s)).Append("</code></li>\n");
            }

            html.Append("</ul>\n");
            if (model.SkippedTotal > model.Skipped.Count)
            {
                html.Append("<p>… and ").Append(Format.Count(model.SkippedTotal - model.Skipped.Count)).Append(" more.</p>\n");
            }
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void WriteNetwork(StringBuilder html, NetworkView n)
    {
        html.Append("<section id=\"").Append(Anchor(n.Network)).Append("\">\n<h2>").Append(E(n.Network));
        if (n.Verdict is not null)
        {
            html.Append(' ').Append(Badge(n.Verdict));
        }

        html.Append("</h2>\n<p class=\"facts\">")
            .Append(Format.Count(n.Visits)).Append(" visits (").Append(Format.Percent(n.ShareOfVisits)).Append(" of all), ")
            .Append(Format.Count(n.Leads)).Append(" leads, ").Append(Format.Count(n.Customers)).Append(" customers; visit→lead ")
            .Append(E(Format.Rate(n.VisitToLead)));
        if (n.Section is not null)
        {
            html.Append("; ").Append(E(n.Section));
        }

        if (n.Role is not null)
        {
            html.Append("; role: ").Append(E(n.Role));
        }

        if (n.Confidence is not null)
        {
            html.Append("; confidence: ").Append(E(n.Confidence));
        }

        html.Append("</p>\n");
        AppendList(html, "Why", n.Evidence);
        AppendList(html, "Goals", n.Goals);

        html.Append("<figure>\n").Append(Svg(NetworkChart.VolumeSvg(n.Chart), $"{n.Network}: visits and leads per month"))
            .Append(Svg(NetworkChart.ConversionSvg(n.Chart), $"{n.Network}: visit to lead conversion per month with trend lines"));
        if (n.Chart.Sentiment is not null)
        {
            html.Append(Svg(NetworkChart.SentimentSvg(n.Chart), $"{n.Network}: negative share of comments and mentions per month"));
        }

        html.Append("</figure>\n");

        if (n.Trends.Count > 0)
        {
            html.Append("<p class=\"small\">");
            foreach (TrendView t in n.Trends)
            {
                html.Append("<b>").Append(E(t.Metric)).Append("</b>: ").Append(E(Format.Trend(t))).Append(". ");
            }

            html.Append("</p>\n");
        }

        if (n.Campaigns.Count > 0)
        {
            bool verdicts = n.Campaigns.Any(c => c.Verdict is not null);
            html.Append("<h3>Campaigns</h3>\n<table>\n<thead><tr><th>Campaign</th>");
            if (verdicts)
            {
                html.Append("<th>Verdict</th>");
            }

            html.Append("<th class=\"n\">Visits</th><th class=\"n\">Leads</th><th class=\"n\">Customers</th><th>Visit→lead (95% interval)</th></tr></thead>\n<tbody>\n");
            foreach (CampaignView c in n.Campaigns)
            {
                html.Append("<tr><td>").Append(E(c.Campaign)).Append("</td>");
                if (verdicts)
                {
                    html.Append("<td>").Append(Badge(c.Verdict));
                    if (c.Reason is not null)
                    {
                        html.Append("<div class=\"small\">").Append(E(c.Reason)).Append("</div>");
                    }

                    html.Append("</td>");
                }

                html.Append("<td class=\"n\">").Append(Format.Count(c.Visits)).Append("</td><td class=\"n\">").Append(Format.Count(c.Leads))
                    .Append("</td><td class=\"n\">").Append(Format.Count(c.Customers)).Append("</td><td>").Append(E(Format.Rate(c.VisitToLead))).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("<details><summary>Funnel by month</summary>\n<table>\n<thead><tr><th>Month</th><th class=\"n\">Visits</th><th class=\"n\">Leads</th><th class=\"n\">Customers</th><th>Visit→lead (95% interval)</th></tr></thead>\n<tbody>\n");
        foreach (MonthView m in n.Months)
        {
            html.Append("<tr><td>").Append(E(m.Period)).Append("</td><td class=\"n\">").Append(Format.Count(m.Visits)).Append("</td><td class=\"n\">")
                .Append(Format.Count(m.Leads)).Append("</td><td class=\"n\">").Append(Format.Count(m.Customers)).Append("</td><td>")
                .Append(E(Format.Rate(m.VisitToLead))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</details>\n</section>\n");
    }

    private static void AppendList(StringBuilder html, string title, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        html.Append("<h3>").Append(E(title)).Append("</h3>\n<ul>\n");
        foreach (string item in items)
        {
            html.Append("<li>").Append(E(item)).Append("</li>\n");
        }

        html.Append("</ul>\n");
    }

    private static string Svg(string svg, string alt) =>
        $"<img width=\"{NetworkChart.Width}\" height=\"{NetworkChart.Height}\" alt=\"{E(alt)}\" src=\"data:image/svg+xml;base64,{Convert.ToBase64String(Encoding.UTF8.GetBytes(svg))}\">\n";

    private static string Badge(string? verdict) =>
        verdict is null ? "" : $"<span class=\"verdict v-{verdict.ToLowerInvariant()}\">{E(verdict)}</span>";

    public static string Anchor(string network)
    {
        var id = new StringBuilder("n-");
        foreach (char c in network)
        {
            id.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        return id.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Css = """
        body { font-family: -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #222; background: #f6f7f9; margin: 0; }
        main { max-width: 960px; margin: 0 auto; padding: 24px; background: #fff; }
        h1 { margin-bottom: 4px; } .sub { color: #555; margin-top: 0; }
        h2 { border-bottom: 1px solid #ddd; padding-bottom: 4px; margin-top: 40px; }
        table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 8px 0 16px; }
        th, td { border-bottom: 1px solid #e5e5e5; padding: 5px 8px; text-align: left; vertical-align: top; }
        th { background: #f0f2f5; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 12px 0; } figure img { display: block; max-width: 100%; height: auto; margin-bottom: 8px; }
        .small { font-size: 13px; color: #555; } .note { background: #fff8e1; border-left: 4px solid #f0b400; padding: 8px 12px; }
        .facts { font-size: 15px; }
        .verdict { display: inline-block; padding: 2px 10px; border-radius: 12px; font-size: 13px; font-weight: 600; color: #fff; background: #777; vertical-align: middle; }
        .v-invest { background: #1a7f37; } .v-keep { background: #2f6fde; } .v-optimize { background: #b7791f; }
        .v-experiment { background: #8250df; } .v-reduce { background: #d4631a; } .v-cut { background: #cf222e; }
        .v-insufficientdata { background: #8c959f; }
        details summary { cursor: pointer; color: #2f6fde; }
        """;
}
