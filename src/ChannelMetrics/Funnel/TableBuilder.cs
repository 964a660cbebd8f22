using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ChannelMetrics.Funnel;

/// <summary>
/// Turns resolved counts per (period, touch) from one or more aggregators into a <see cref="FunnelTable"/>:
/// folds each network's campaign tail into <c>(other)</c>, projects touches onto the chosen dimensions
/// and sums.
/// </summary>
internal sealed class TableBuilder
{
    private readonly FunnelOptions _options;
    private readonly List<(Period[] Periods, TouchKey[] Touches, CellMap Counts)> _sources = [];
    private readonly HashSet<(string Network, string Campaign)> _guardFolded = [];

    public TableBuilder(FunnelOptions options) => _options = options;

    public void AddSource(Period[] periods, TouchKey[] touches, CellMap counts) => _sources.Add((periods, touches, counts));

    public void AddGuardFolded((string Network, string Campaign) campaign) => _guardFolded.Add(campaign);

    public FunnelTable Build()
    {
        var dimensions = _options.Dimensions;
        var folded = (dimensions & FunnelDimensions.Campaign) != 0 ? FoldedCampaigns() : null;
        int foldedCount = folded?.Count ?? 0;
        foreach (var (network, campaign) in _guardFolded)
        {
            if (folded is null || !folded.Contains((NetworkKey(network), campaign)))
            {
                foldedCount++;
            }
        }

        // Project every touch onto the table's dimensions: group ids shared by all sources.
        var groupIds = new Dictionary<RowKey, int>(RowKeyComparer.Instance);
        var groups = new List<RowKey>();
        var periodIds = new Dictionary<Period, int>();
        var periods = new List<Period>();
        var maps = new List<(int[] Periods, int[] Groups)>(_sources.Count);
        foreach (var source in _sources)
        {
            var periodMap = new int[source.Periods.Length];
            for (int p = 0; p < periodMap.Length; p++)
            {
                if (!periodIds.TryGetValue(source.Periods[p], out periodMap[p]))
                {
                    periodMap[p] = periods.Count;
                    periodIds.Add(source.Periods[p], periods.Count);
                    periods.Add(source.Periods[p]);
                }
            }

            var groupMap = new int[source.Touches.Length];
            for (int t = 0; t < groupMap.Length; t++)
            {
                var key = Project(source.Touches[t], dimensions, folded);
                if (!groupIds.TryGetValue(key, out groupMap[t]))
                {
                    groupMap[t] = groups.Count;
                    groupIds.Add(key, groups.Count);
                    groups.Add(key);
                }
            }

            maps.Add((periodMap, groupMap));
        }

        // The table's order (period, then the row key) is ranked once per distinct period and group, and the
        // counts are summed under (period rank, group rank): the key order is then the table's order, with no
        // string compared per row. Groups are distinct under the comparer, so the ranks give exactly its order.
        var periodOrder = SortedOrder(periods, static (a, b) => a.CompareTo(b));
        var groupOrder = SortedOrder(groups, RowKeyComparer.Instance.Compare);
        var periodRank = RankOf(periodOrder);
        var groupRank = RankOf(groupOrder);
        var sums = new CellMap();
        for (int s = 0; s < _sources.Count; s++)
        {
            var (periodMap, groupMap) = maps[s];
            foreach (var (key, visits, leads, customers) in _sources[s].Counts.Cells())
            {
                sums.Add(CellMap.KeyOf(periodRank[periodMap[CellMap.PeriodOf(key)]], groupRank[groupMap[CellMap.IdOf(key)]]), visits, leads, customers);
            }
        }

        var rows = new List<FunnelRow>();
        foreach (var (key, visits, leads, customers) in sums.CellsInKeyOrder())
        {
            var group = groups[groupOrder[CellMap.IdOf(key)]];
            rows.Add(new FunnelRow(group with { Period = periods[periodOrder[CellMap.PeriodOf(key)]] }, visits, leads, customers, _options.Confidence));
        }

        var diagnostics = new List<FunnelDiagnostic>();
        if (foldedCount != 0)
        {
            diagnostics.Add(new(
                FunnelDiagnosticCode.CampaignsFolded,
                -1,
                string.Format(CultureInfo.InvariantCulture, "{0} campaigns beyond the {1} largest of their network were folded into {2}.", foldedCount, _options.MaxCampaignsPerNetwork, FunnelLabels.Other)));
        }

        if (ImplausibleDates(rows) is { } implausible)
        {
            diagnostics.Add(implausible);
        }

        return FunnelTable.CreateSorted(_options.Granularity, dimensions, _options.Confidence, [.. rows], foldedCount, [.. diagnostics]);
    }

    /// <summary>
    /// One note for the counts in periods where missing timestamps land (see <see cref="FunnelTable.IsImplausible"/>):
    /// an export that read blank dates as 0001-01-01 is otherwise only visible as series thousands of periods long.
    /// </summary>
    private static FunnelDiagnostic? ImplausibleDates(List<FunnelRow> rows)
    {
        long visits = 0, leads = 0, customers = 0;
        var periods = new List<Period>();
        foreach (var row in rows)
        {
            if (FunnelTable.IsImplausible(row.Period))
            {
                visits = checked(visits + row.Visits);
                leads = checked(leads + row.Leads);
                customers = checked(customers + row.Customers);

                // Rows are in period order: a new period is a change from the last one.
                if (periods.Count == 0 || periods[^1] != row.Period)
                {
                    periods.Add(row.Period);
                }
            }
        }

        return periods.Count == 0
            ? null
            : new FunnelDiagnostic(
                FunnelDiagnosticCode.ImplausibleDate,
                -1,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} visits, {1} leads and {2} customers are dated {3}, {4}; they are counted as dated, and the table's periods run from {5} to {6}.",
                    visits,
                    leads,
                    customers,
                    periods.Count <= 3 ? string.Join(", ", periods) : string.Join(", ", periods.Take(3)) + string.Format(CultureInfo.InvariantCulture, " and {0} more periods", periods.Count - 3),
                    FunnelTable.ImplausibleWhere,
                    rows[0].Period,
                    rows[^1].Period));
    }

    /// <summary>Returns the indexes of the items in sorted order.</summary>
    private static int[] SortedOrder<T>(List<T> items, Comparison<T> comparison)
    {
        var order = new int[items.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => comparison(items[a], items[b]));
        return order;
    }

    /// <summary>Inverts a sorted order: the rank of each item.</summary>
    private static int[] RankOf(int[] order)
    {
        var rank = new int[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            rank[order[i]] = i;
        }

        return rank;
    }

    private static RowKey Project(in TouchKey touch, FunnelDimensions dimensions, HashSet<(string, string)>? folded) => new(
        default,
        touch.Network,
        (dimensions & FunnelDimensions.ChannelGroup) != 0 ? touch.ChannelGroup : null,
        (dimensions & FunnelDimensions.Medium) != 0 ? touch.Medium : null,
        (dimensions & FunnelDimensions.Campaign) == 0 ? null
            : folded!.Contains((NetworkKey(touch.Network), touch.Campaign)) ? FunnelLabels.Other : touch.Campaign,
        (dimensions & FunnelDimensions.Content) != 0 ? touch.Content : null);

    // Networks are one network whatever their case: rank and fold them under one key.
    [SuppressMessage("Globalization", "CA1308:Normalize strings to uppercase", Justification = "A lookup key, never shown; lower case matches the normalised hosts.")]
    private static string NetworkKey(string network) => network.ToLowerInvariant();

    /// <summary>
    /// Chooses, per network, the campaigns beyond the largest <see cref="FunnelOptions.MaxCampaignsPerNetwork"/>
    /// by total events (visits + leads + customers, ties by name), from the totals, so the choice does
    /// not depend on input order or on how the input was split.
    /// </summary>
    private HashSet<(string, string)> FoldedCampaigns()
    {
        var totals = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        foreach (var (_, touches, counts) in _sources)
        {
            var perTouch = new long[touches.Length];
            foreach (var (key, visits, leads, customers) in counts.Cells())
            {
                ref long total = ref perTouch[CellMap.IdOf(key)];
                total = checked(total + visits + leads + customers);
            }

            for (int t = 0; t < touches.Length; t++)
            {
                string network = NetworkKey(touches[t].Network);
                if (!totals.TryGetValue(network, out var campaigns))
                {
                    campaigns = new Dictionary<string, long>(StringComparer.Ordinal);
                    totals.Add(network, campaigns);
                }

                campaigns.TryGetValue(touches[t].Campaign, out long sum);
                campaigns[touches[t].Campaign] = checked(sum + perTouch[t]);
            }
        }

        var folded = new HashSet<(string, string)>();
        int keep = _options.MaxCampaignsPerNetwork;
        foreach (var (network, campaigns) in totals)
        {
            // Only campaigns with events compete, and (other) is no campaign: it takes no kept place. A touch interned
            // without events (before a Clear, or a conversion credited elsewhere) is not a campaign the table folds.
            var ranked = campaigns.Where(c => c.Value > 0 && !string.Equals(c.Key, FunnelLabels.Other, StringComparison.Ordinal)).ToList();
            if (ranked.Count <= keep)
            {
                continue;
            }

            ranked.Sort(static (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
            for (int i = keep; i < ranked.Count; i++)
            {
                folded.Add((network, ranked[i].Key));
            }
        }

        return folded;
    }
}

[StackTraceHidden]
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void UnknownStage(FunnelStage stage) =>
        throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown funnel stage.");

    [DoesNotReturn]
    public static void ForeignId(string name) =>
        throw new ArgumentOutOfRangeException(name, "The id is beyond those this aggregator issued: it comes from another aggregator.");
}
