using System.Globalization;
using ChannelMetrics;
using ChannelMetrics.Funnel;

namespace AgencyReport.Output;

/// <summary>Turns the library's results (funnel table, trends, verdicts) into the model the writers print.</summary>
internal static class ReportBuilder
{
    public static RateView View(Rate rate) =>
        rate.Value is double v && rate.Interval is { } i
            ? new RateView(v, i.Lower, i.Upper)
            : new RateView(null, null, null, rate.Reason == RateUndefinedReason.NoTrials ? "no visits" : rate.Reason.ToString());

    public static string MonthLabel(Period period) =>
        period.Start.ToString("MMM yy", CultureInfo.InvariantCulture);

    /// <summary>A network's section without verdicts: totals, months, campaigns, chart data and trends.</summary>
    public static NetworkView Network(FunnelTable table, FunnelSummary summary, double portfolioRate, Func<FunnelTable, string, IReadOnlyList<TrendView>>? trends, Func<IReadOnlyList<double?>, IReadOnlyList<TrendLine>>? trendLines)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(summary);
        IReadOnlyList<FunnelRow> months = table.PeriodTotals(summary.Network);
        var monthViews = new List<MonthView>(months.Count);
        var labels = new List<string>(months.Count);
        var visits = new List<double>(months.Count);
        var leads = new List<double>(months.Count);
        var rates = new List<double?>(months.Count);
        var intervals = new List<(double, double)?>(months.Count);
        foreach (FunnelRow row in months)
        {
            Rate rate = row.VisitToLead;
            monthViews.Add(new MonthView(row.Period.ToString(), row.Visits, row.Leads, row.Customers, View(rate)));
            labels.Add(MonthLabel(row.Period));
            visits.Add(row.Visits);
            leads.Add(row.Leads);
            rates.Add(rate.Value * 100);
            intervals.Add(rate.Interval is { } i ? (i.Lower * 100, i.Upper * 100) : null);
        }

        var campaigns = new List<CampaignView>();
        if ((table.Dimensions & FunnelDimensions.Campaign) != 0)
        {
            foreach (FunnelSummary c in table.Campaigns(summary.Network).OrderByDescending(c => c.Visits).ThenBy(c => c.Campaign, StringComparer.Ordinal))
            {
                campaigns.Add(new CampaignView(c.Campaign ?? FunnelLabels.NotSet, c.Visits, c.Leads, c.Customers, View(c.VisitToLead)));
            }
        }

        var chart = new NetworkChartData(summary.Network, labels, visits, leads, rates, intervals, trendLines?.Invoke(rates) ?? [], portfolioRate * 100);
        return new NetworkView(
            summary.Network,
            summary.Visits,
            summary.Leads,
            summary.Customers,
            View(summary.VisitToLead),
            table.ShareOfTotal(FunnelMetric.Visits, summary.Network).Value ?? 0,
            monthViews,
            campaigns,
            trends?.Invoke(table, summary.Network) ?? [],
            chart);
    }
}
