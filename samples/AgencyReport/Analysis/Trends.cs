using AgencyReport.Output;
using ChannelMetrics.Funnel;
using ChannelMetrics.Statistics;

namespace AgencyReport.Analysis;

/// <summary>Month-over-month trends of a network's funnel, with the library's short-series statistics.</summary>
internal static class Trends
{
    /// <summary>Mann-Kendall and Sen slope of visits, leads and the visit→lead rate (in percentage points).</summary>
    /// <remarks>
    /// The series start at the network's first month with visits: the months before a network was
    /// used are not zeros to test (they would make any new network look "rising").
    /// </remarks>
    public static IReadOnlyList<TrendView> Of(FunnelTable table, string network)
    {
        ArgumentNullException.ThrowIfNull(table);
        double[] visits = Series(table, FunnelMetric.Visits, network, 1);
        int start = FirstActive(visits);
        return
        [
            Trend("visits", visits[start..]),
            Trend("leads", Series(table, FunnelMetric.Leads, network, 1)[start..]),
            Trend("visit→lead rate (pt)", Series(table, FunnelMetric.VisitToLead, network, 100)[start..]),
        ];
    }

    private static int FirstActive(double[] visits)
    {
        for (int i = 0; i < visits.Length; i++)
        {
            if (visits[i] > 0)
            {
                return i;
            }
        }

        return visits.Length;
    }

    /// <summary>The Sen and least-squares lines through a monthly rate series (percent; null = no visits that month, skipped).</summary>
    public static IReadOnlyList<TrendLine> Lines(IReadOnlyList<double?> ratePercent)
    {
        ArgumentNullException.ThrowIfNull(ratePercent);
        int start = 0;
        while (start < ratePercent.Count && ratePercent[start] is null)
        {
            start++;
        }

        double[] series = new double[ratePercent.Count - start];
        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = start; i < ratePercent.Count; i++)
        {
            series[i - start] = ratePercent[i] ?? double.NaN;
            if (ratePercent[i] is double v)
            {
                xs.Add(i);
                ys.Add(v);
            }
        }

        var lines = new List<TrendLine>(2);
        SenSlopeResult sen = SenSlope.Estimate(series);
        if (sen.IsComputable && series.Length >= MannKendall.MinimumCount)
        {
            // The estimate is in positions of the trimmed series; the chart counts from the table's first month.
            lines.Add(new TrendLine($"Sen slope trend ({Format.SignedNumber(sen.Slope)} pt/month)", sen.Intercept - (sen.Slope * start), sen.Slope) { From = start });
        }

        LeastSquaresResult ols = LeastSquares.Fit(xs.ToArray(), ys.ToArray());
        if (ols.IsComputable)
        {
            lines.Add(new TrendLine($"Least-squares trend ({Format.SignedNumber(ols.Slope)} pt/month)", ols.Intercept, ols.Slope) { From = start });
        }

        return lines;
    }

    private static double[] Series(FunnelTable table, FunnelMetric metric, string network, double scale)
    {
        IReadOnlyList<FunnelSeriesPoint> points = table.Series(metric, network).Points;
        double[] values = new double[points.Count];
        for (int i = 0; i < values.Length; i++)
        {
            // An undefined rate (a month without visits) is a gap, which both tests skip, not a zero.
            values[i] = points[i].Value is double v ? v * scale : double.NaN;
        }

        return values;
    }

    private static TrendView Trend(string metric, double[] series)
    {
        MannKendallResult mk = MannKendall.Test(series);
        SenSlopeResult sen = SenSlope.Estimate(series);
        if (!mk.IsComputable)
        {
            string why = mk.Reason == StatisticNotComputableReason.TooFewValues
                ? $"only {series.Length} month(s); the test needs {MannKendall.MinimumCount}"
                : mk.Reason.ToString();
            return new TrendView(metric, "not computable", null, null, null, why);
        }

        string direction = mk.Trend switch
        {
            TrendDirection.Increasing => "rising",
            TrendDirection.Decreasing => "falling",
            _ => "no significant trend",
        };
        return new TrendView(metric, direction, mk.Tau, mk.PValue, sen.IsComputable ? sen.Slope : null);
    }
}
