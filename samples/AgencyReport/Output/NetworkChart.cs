using System.Globalization;
using ScottPlot;

namespace AgencyReport.Output;

/// <summary>A straight trend line over month positions 0..n-1: value = <see cref="Intercept"/> + <see cref="Slope"/> × position.</summary>
internal sealed record TrendLine(string Label, double Intercept, double Slope)
{
    /// <summary>The first month position the line is drawn from (a network that started late has no line before).</summary>
    public int From { get; init; }
}

/// <summary>Everything one network's chart shows, already computed: counts per month, rates in percent with their interval, trend lines.</summary>
internal sealed record NetworkChartData(
    string Network,
    IReadOnlyList<string> MonthLabels,
    IReadOnlyList<double> Visits,
    IReadOnlyList<double> Leads,
    IReadOnlyList<double?> RatePercent,
    IReadOnlyList<(double Lower, double Upper)?> RateIntervalPercent,
    IReadOnlyList<TrendLine> RateTrends,
    double? PortfolioRatePercent)
{
    /// <summary>The negative share of comments and mentions per month, when sentiment matters to the verdict.</summary>
    public SentimentSeries? Sentiment { get; init; }
}

/// <summary>Negative share per month in percent (null = unknown), its trend lines, and the goal's ceiling if any.</summary>
internal sealed record SentimentSeries(IReadOnlyList<double?> NegativeSharePercent, IReadOnlyList<TrendLine> Trends, double? CeilingPercent);

/// <summary>
/// Draws a network's two panels with ScottPlot (volume per month; visit→lead conversion with its
/// interval and trend lines) as SVG documents. SVG keeps the page sharp at any zoom and lets the
/// browser draw the text with its own fonts, so nothing depends on the fonts of the machine that
/// wrote the report.
/// </summary>
internal static class NetworkChart
{
    public const int Width = 900;
    public const int Height = 320;

    private static readonly Color s_visits = Color.FromHex("#1f77b4");
    private static readonly Color s_leads = Color.FromHex("#ff7f0e");
    private static readonly Color s_rate = Color.FromHex("#2ca02c");
    /// <summary>The chart font: Liberation Sans, bundled with the sample (SIL OFL 1.1).</summary>
    /// <remarks>
    /// Bundled rather than looked up, so that the charts come out the same on every machine, text
    /// included, even on a server with no fonts installed (where a system lookup finds nothing and
    /// every label silently disappears). Liberation Sans has the metrics of Arial, so the SVG's
    /// glyph positions also fit a viewer that draws the text with Arial or Helvetica instead.
    /// </remarks>
    private const string FontName = "Liberation Sans";

    private const string SvgFontFamily = FontName + ", Arial, Helvetica, sans-serif";

    private static readonly Lazy<string> s_font = new(() =>
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fonts", "LiberationSans-Regular.ttf");
        if (File.Exists(path))
        {
            // Titles ask for bold; the regular face serves both, so no title depends on a system font.
            Fonts.AddFontFile(FontName, path, bold: false, italic: false);
            Fonts.AddFontFile(FontName, path, bold: true, italic: false);
            return FontName;
        }

        // Without the bundled file (a trimmed copy of the sample), take a common sans-serif family the machine has.
        string[] installed = SkiaSharp.SKFontManager.Default.FontFamilies.ToArray();
        foreach (string wanted in new[] { FontName, "DejaVu Sans", "Arial", "Helvetica", "Segoe UI", "Noto Sans" })
        {
            if (Array.Exists(installed, f => f.Equals(wanted, StringComparison.OrdinalIgnoreCase)))
            {
                return wanted;
            }
        }

        return Fonts.Default;
    });

    private static readonly Color[] s_trends = [Color.FromHex("#d62728"), Color.FromHex("#7f7f7f")];

    public static string VolumeSvg(NetworkChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var plot = new Plot();
        double[] xs = Positions(data.Visits.Count);
        var visits = plot.Add.Scatter(xs, data.Visits.ToArray(), s_visits);
        visits.LegendText = "Visits (left axis)";
        visits.LineWidth = 2;
        visits.MarkerSize = 6;

        var leads = plot.Add.Scatter(xs, data.Leads.ToArray(), s_leads);
        leads.LegendText = "Leads (right axis)";
        leads.LineWidth = 2;
        leads.MarkerSize = 6;
        leads.MarkerShape = MarkerShape.FilledSquare;
        leads.Axes.YAxis = plot.Axes.Right;

        plot.Title($"{data.Network}: visits and leads per month");
        plot.Axes.Left.Label.Text = "Visits";
        plot.Axes.Right.Label.Text = "Leads";
        plot.Axes.Bottom.Label.Text = "Month";
        MonthTicks(plot, data.MonthLabels);
        plot.Axes.SetLimitsY(0, Math.Max(1, Max(data.Visits)) * 1.15, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, Math.Max(1, Max(data.Leads)) * 1.15, plot.Axes.Right);
        plot.Axes.SetLimitsX(-0.5, Math.Max(1, xs.Length) - 0.5);
        return Finish(plot);
    }

    public static string ConversionSvg(NetworkChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var plot = new Plot();
        var xs = new List<double>();
        var ys = new List<double>();
        var below = new List<double>();
        var above = new List<double>();
        for (int i = 0; i < data.RatePercent.Count; i++)
        {
            // A month without visits has no rate: it is left out, not drawn as zero.
            if (data.RatePercent[i] is double rate && data.RateIntervalPercent[i] is { } interval)
            {
                xs.Add(i);
                ys.Add(rate);
                below.Add(rate - interval.Lower);
                above.Add(interval.Upper - rate);
            }
        }

        double top = 1;
        if (xs.Count > 0)
        {
            var bars = plot.Add.ErrorBar(xs, ys, above);
            bars.YErrorNegative = below;
            bars.YErrorPositive = above;
            bars.Color = s_rate.WithAlpha(0.55);
            bars.LegendText = "95% Wilson interval";
            var points = plot.Add.ScatterPoints(xs.ToArray(), ys.ToArray(), s_rate);
            points.MarkerSize = 7;
            points.LegendText = "Visit→lead rate";
            for (int i = 0; i < ys.Count; i++)
            {
                top = Math.Max(top, ys[i] + above[i]);
            }
        }

        int n = data.RatePercent.Count;
        for (int t = 0; t < data.RateTrends.Count; t++)
        {
            TrendLine trend = data.RateTrends[t];
            var line = plot.Add.Line(trend.From, trend.Intercept + (trend.Slope * trend.From), n - 1, trend.Intercept + (trend.Slope * (n - 1)));
            line.LineWidth = 2.5f;
            line.Color = s_trends[t % s_trends.Length];
            line.LinePattern = t == 0 ? LinePattern.Solid : LinePattern.Dashed;
            line.MarkerSize = 0;
            line.LegendText = trend.Label;
        }

        if (data.PortfolioRatePercent is double portfolio)
        {
            var average = plot.Add.HorizontalLine(portfolio, 1.5f, Color.FromHex("#9467bd"), LinePattern.Dotted);
            average.LegendText = string.Create(CultureInfo.InvariantCulture, $"All sources: {portfolio:0.0}%");
            top = Math.Max(top, portfolio);
        }

        plot.Title($"{data.Network}: visit→lead conversion");
        plot.Axes.Left.Label.Text = "Visit→lead rate (%)";
        plot.Axes.Bottom.Label.Text = "Month";
        MonthTicks(plot, data.MonthLabels);
        plot.Axes.SetLimitsY(0, top * 1.15);
        plot.Axes.SetLimitsX(-0.5, Math.Max(1, n) - 0.5);
        return Finish(plot);
    }

    public static string SentimentSvg(NetworkChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        SentimentSeries sentiment = data.Sentiment ?? throw new ArgumentException("The chart data has no sentiment series.", nameof(data));
        var plot = new Plot();
        var xs = new List<double>();
        var ys = new List<double>();
        double top = 1;
        for (int i = 0; i < sentiment.NegativeSharePercent.Count; i++)
        {
            // An unknown month (sentiment not collected) is left out, not drawn as zero.
            if (sentiment.NegativeSharePercent[i] is double v)
            {
                xs.Add(i);
                ys.Add(v);
                top = Math.Max(top, v);
            }
        }

        var points = plot.Add.Scatter(xs.ToArray(), ys.ToArray(), Color.FromHex("#d62728"));
        points.LineWidth = 2;
        points.MarkerSize = 6;
        points.LegendText = "Negative share of comments and mentions";
        int n = sentiment.NegativeSharePercent.Count;
        foreach (TrendLine trend in sentiment.Trends.Take(1))
        {
            var line = plot.Add.Line(trend.From, trend.Intercept + (trend.Slope * trend.From), n - 1, trend.Intercept + (trend.Slope * (n - 1)));
            line.LineWidth = 2;
            line.Color = Color.FromHex("#7f7f7f");
            line.LinePattern = LinePattern.Dashed;
            line.MarkerSize = 0;
            line.LegendText = trend.Label;
        }

        if (sentiment.CeilingPercent is double ceiling)
        {
            var goal = plot.Add.HorizontalLine(ceiling, 1.5f, Color.FromHex("#9467bd"), LinePattern.Dotted);
            goal.LegendText = string.Create(CultureInfo.InvariantCulture, $"Goal: at most {ceiling:0.#}%");
            top = Math.Max(top, ceiling);
        }

        plot.Title($"{data.Network}: sentiment");
        plot.Axes.Left.Label.Text = "Negative share (%)";
        plot.Axes.Bottom.Label.Text = "Month";
        MonthTicks(plot, data.MonthLabels);
        plot.Axes.SetLimitsY(0, top * 1.15);
        plot.Axes.SetLimitsX(-0.5, Math.Max(1, n) - 0.5);
        return Finish(plot);
    }

    /// <summary>Legend below the data (it never hides a point), and a sans-serif font the machine has.</summary>
    private static string Finish(Plot plot)
    {
        plot.ShowLegend(Edge.Bottom);
        plot.Font.Set(s_font.Value);
        string svg = plot.GetSvgXml(Width, Height);
        return svg.Replace($"font-family=\"{FontName}\"", $"font-family=\"{SvgFontFamily}\"", StringComparison.Ordinal);
    }

    private static double[] Positions(int count)
    {
        double[] xs = new double[count];
        for (int i = 0; i < count; i++)
        {
            xs[i] = i;
        }

        return xs;
    }

    private static double Max(IReadOnlyList<double> values)
    {
        double max = 0;
        foreach (double v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }

    /// <summary>One tick per month, labelled every second or third month so labels never collide.</summary>
    private static void MonthTicks(Plot plot, IReadOnlyList<string> labels)
    {
        int every = labels.Count <= 12 ? 1 : labels.Count <= 24 ? 2 : 3;
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < labels.Count; i++)
        {
            if (i % every == 0)
            {
                ticks.AddMajor(i, labels[i]);
            }
            else
            {
                ticks.AddMinor(i);
            }
        }

        plot.Axes.Bottom.TickGenerator = ticks;
    }
}
