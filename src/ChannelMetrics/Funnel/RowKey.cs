namespace ChannelMetrics.Funnel;

/// <summary>The period and dimension values that identify a <see cref="FunnelRow"/>.</summary>
internal readonly record struct RowKey(
    Period Period,
    string Network,
    string? ChannelGroup,
    string? Medium,
    string? Campaign,
    string? Content);

/// <summary>
/// Equality and the table's deterministic order for row keys: period, then network (case-insensitive,
/// as everywhere in the library), then channel group, medium, campaign and content (ordinal; a campaign's
/// case is part of its identity, as in GA4).
/// </summary>
internal sealed class RowKeyComparer : IEqualityComparer<RowKey>, IComparer<RowKey>
{
    public static readonly RowKeyComparer Instance = new();

    public bool Equals(RowKey x, RowKey y) =>
        x.Period == y.Period
        && StringComparer.OrdinalIgnoreCase.Equals(x.Network, y.Network)
        && string.Equals(x.ChannelGroup, y.ChannelGroup, StringComparison.Ordinal)
        && string.Equals(x.Medium, y.Medium, StringComparison.Ordinal)
        && string.Equals(x.Campaign, y.Campaign, StringComparison.Ordinal)
        && string.Equals(x.Content, y.Content, StringComparison.Ordinal);

    public int GetHashCode(RowKey obj) => HashCode.Combine(
        obj.Period,
        StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Network),
        obj.ChannelGroup is null ? 0 : StringComparer.Ordinal.GetHashCode(obj.ChannelGroup),
        obj.Medium is null ? 0 : StringComparer.Ordinal.GetHashCode(obj.Medium),
        obj.Campaign is null ? 0 : StringComparer.Ordinal.GetHashCode(obj.Campaign),
        obj.Content is null ? 0 : StringComparer.Ordinal.GetHashCode(obj.Content));

    public int Compare(RowKey x, RowKey y)
    {
        int c = x.Period.CompareTo(y.Period);
        if (c != 0)
        {
            return c;
        }

        c = CompareNetworks(x.Network, y.Network);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.ChannelGroup, y.ChannelGroup);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Medium, y.Medium);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Campaign, y.Campaign);
        return c != 0 ? c : string.CompareOrdinal(x.Content, y.Content);
    }

    /// <summary>Orders network names case-insensitively (equal names compare equal, as they are one network).</summary>
    public static int CompareNetworks(string x, string y) => StringComparer.OrdinalIgnoreCase.Compare(x, y);
}
