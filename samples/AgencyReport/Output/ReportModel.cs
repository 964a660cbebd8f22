namespace AgencyReport.Output;

/// <summary>A rate with its interval, in [0, 1]; null value = undefined (no denominator).</summary>
internal sealed record RateView(double? Value, double? Lower, double? Upper, string? WhyUndefined = null);

/// <summary>The trend of one monthly series: Mann-Kendall and Sen slope, or why it could not be computed.</summary>
internal sealed record TrendView(string Metric, string Direction, double? Tau, double? PValue, double? SenSlopePerMonth, string? Note = null);

/// <summary>One row of a network's campaign table.</summary>
internal sealed record CampaignView(string Campaign, long Visits, long Leads, long Customers, RateView VisitToLead, string? Verdict = null, string? Reason = null);

/// <summary>One month of a network's funnel.</summary>
internal sealed record MonthView(string Period, long Visits, long Leads, long Customers, RateView VisitToLead);

/// <summary>A network's section of the report.</summary>
internal sealed record NetworkView(
    string Network,
    long Visits,
    long Leads,
    long Customers,
    RateView VisitToLead,
    double ShareOfVisits,
    IReadOnlyList<MonthView> Months,
    IReadOnlyList<CampaignView> Campaigns,
    IReadOnlyList<TrendView> Trends,
    NetworkChartData Chart)
{
    public string? Verdict { get; init; }

    public string? Confidence { get; init; }

    public string? Role { get; init; }

    /// <summary>The network's part in one site section's traffic (the blog), as a sentence; null when it sent none.</summary>
    public string? Section { get; init; }

    public IReadOnlyList<string> Evidence { get; init; } = [];

    public IReadOnlyList<string> Goals { get; init; } = [];
}

/// <summary>Everything the demo writes, in the order a reader reads it.</summary>
internal sealed record ReportModel(
    string Title,
    string Subtitle,
    IReadOnlyList<string> Notes,
    IReadOnlyList<NetworkView> Networks,
    double PortfolioVisitToLead)
{
    /// <summary>Input lines skipped, as "file, line N: why" (first few only) and their total.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    public long SkippedTotal { get; init; }
}
