namespace ChannelMetrics.Funnel;

/// <summary>
/// A row aggregated elsewhere (for example a warehouse export), the input of
/// <see cref="FunnelTable.FromRows(IEnumerable{FunnelRecord}, double)"/>.
/// </summary>
/// <param name="Period">The reporting period.</param>
/// <param name="Network">The network name (compared case-insensitively).</param>
/// <param name="Visits">The number of visits, 0 or more.</param>
/// <param name="Leads">The number of leads, 0 or more (it may exceed the visits).</param>
/// <param name="Customers">The number of customers, 0 or more (it may exceed the leads).</param>
/// <param name="ChannelGroup">The channel group, or <see langword="null"/>.</param>
/// <param name="Medium">The medium, or <see langword="null"/>.</param>
/// <param name="Campaign">The campaign, or <see langword="null"/>.</param>
/// <param name="Content">The content, or <see langword="null"/>.</param>
public readonly record struct FunnelRecord(
    Period Period,
    string Network,
    long Visits,
    long Leads,
    long Customers,
    string? ChannelGroup = null,
    string? Medium = null,
    string? Campaign = null,
    string? Content = null);
