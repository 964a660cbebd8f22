using System.Globalization;
using ChannelMetrics.Funnel;

namespace ChannelMetrics.Benchmarks.Funnel;

/// <summary>The touch an event counts for, as the peers compute it: the resolved network and the campaign.</summary>
/// <remarks>
/// Matches the aggregator's default grouping (network and campaign): with no source the touch is direct,
/// <c>(direct)</c> / <c>(direct)</c>; a missing campaign of a non-direct touch is <c>(not set)</c>.
/// </remarks>
internal readonly record struct PeerTouch(string Network, string Campaign)
{
    public const string Direct = "(direct)";

    public const string NotSet = "(not set)";

    /// <summary>Orders touches by network, then campaign (ordinal): at one instant the greater touch is the later visit.</summary>
    public static readonly IComparer<PeerTouch> Ordinal = Comparer<PeerTouch>.Create(Compare);

    public bool IsDirect => string.Equals(Network, Direct, StringComparison.Ordinal);

    /// <summary>Gets the touch of a raw source (looked up in <paramref name="networks"/>) and campaign.</summary>
    public static PeerTouch Of(string? source, string? campaign, Dictionary<string, string> networks) =>
        string.IsNullOrWhiteSpace(source) ? new(Direct, string.IsNullOrWhiteSpace(campaign) ? Direct : campaign)
            : new(networks[source], string.IsNullOrWhiteSpace(campaign) ? NotSet : campaign);

    public static PeerTouch Of(RawEvent e, Dictionary<string, string> networks) => Of(e.Source, e.Campaign, networks);

    public static int Compare(PeerTouch x, PeerTouch y)
    {
        int c = string.CompareOrdinal(x.Network, y.Network);
        return c != 0 ? c : string.CompareOrdinal(x.Campaign, y.Campaign);
    }
}

/// <summary>One row of a funnel table in a form every method can produce: UTC month, network, campaign, counts.</summary>
internal readonly record struct PeerRow(int Year, int Month, string Network, string Campaign, long Visits, long Leads, long Customers)
{
    public static int Compare(PeerRow x, PeerRow y)
    {
        int c = x.Year.CompareTo(y.Year);
        c = c != 0 ? c : x.Month.CompareTo(y.Month);
        c = c != 0 ? c : string.CompareOrdinal(x.Network, y.Network);
        return c != 0 ? c : string.CompareOrdinal(x.Campaign, y.Campaign);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Year:D4}-{Month:D2} {Network} / {Campaign}: {Visits} visits, {Leads} leads, {Customers} customers");
}

/// <summary>An event reduced to what attribution needs: its instant, stage, visitor and own touch.</summary>
internal readonly record struct TouchedEvent(DateTimeOffset Timestamp, FunnelStage Stage, string? VisitorId, PeerTouch Touch);

/// <summary>One event with the touch it is credited to (visits: their own).</summary>
internal readonly record struct CreditedEvent(int Year, int Month, FunnelStage Stage, PeerTouch Own, PeerTouch Credited);

/// <summary>
/// Last non-direct touch attribution written with LINQ, as a developer would: group the visits by visitor
/// and order them, pick each conversion's credited visit, then <c>GroupBy</c> (month, network, campaign).
/// </summary>
/// <remarks>
/// A lead or customer is credited to the last non-direct visit of its visitor at or before it (the last
/// such visit if all are direct; at one instant the greater touch is the later); with no visitor id or no
/// visit at or before it, to its own touch. Shared by the from-records and from-URLs baselines.
/// </remarks>
internal static class LinqAttribution
{
    /// <summary>Attributes every event; <paramref name="events"/> is enumerated twice.</summary>
    public static IEnumerable<CreditedEvent> Attribute(IEnumerable<TouchedEvent> events)
    {
        var visitsByVisitor = events
            .Where(e => e.Stage == FunnelStage.Visit && !string.IsNullOrEmpty(e.VisitorId))
            .GroupBy(e => e.VisitorId!, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.OrderBy(v => v.Timestamp.UtcTicks).ThenBy(v => v.Touch, PeerTouch.Ordinal).ToList(),
                StringComparer.Ordinal);

        PeerTouch Credited(TouchedEvent e)
        {
            if (e.Stage == FunnelStage.Visit || string.IsNullOrEmpty(e.VisitorId) || !visitsByVisitor.TryGetValue(e.VisitorId, out var visits))
            {
                return e.Touch;
            }

            var before = visits.Where(v => v.Timestamp.UtcTicks <= e.Timestamp.UtcTicks).ToList();
            return before.Count == 0 ? e.Touch : before.LastOrDefault(v => !v.Touch.IsDirect, before[^1]).Touch;
        }

        return events.Select(e => new CreditedEvent(e.Timestamp.UtcDateTime.Year, e.Timestamp.UtcDateTime.Month, e.Stage, e.Touch, Credited(e)));
    }

    public static List<PeerRow> Group(IEnumerable<CreditedEvent> credited)
    {
        var rows = credited
            .GroupBy(e => (e.Year, e.Month, e.Credited))
            .Select(g => new PeerRow(
                g.Key.Year,
                g.Key.Month,
                g.Key.Credited.Network,
                g.Key.Credited.Campaign,
                g.LongCount(e => e.Stage == FunnelStage.Visit),
                g.LongCount(e => e.Stage == FunnelStage.Lead),
                g.LongCount(e => e.Stage == FunnelStage.Customer)))
            .ToList();
        rows.Sort(PeerRow.Compare);
        return rows;
    }
}

/// <summary>
/// The check each funnel benchmark runs in its setup at small sizes, so a peer that drifts from the
/// aggregator's table fails CI's Dry run instead of publishing numbers for different work.
/// </summary>
internal static class PeerCheck
{
    /// <summary>The largest input checked: the check runs every method once, which is slow at millions.</summary>
    public const int MaxEvents = 200_000;

    public static List<PeerRow> Rows(FunnelTable table)
    {
        var rows = table.Rows
            .Select(r => new PeerRow(r.Period.Start.Year, r.Period.Start.Month, r.Network, r.Campaign ?? string.Empty, r.Visits, r.Leads, r.Customers))
            .ToList();
        rows.Sort(PeerRow.Compare);
        return rows;
    }

    /// <summary>Throws naming the first method and row that differ from <paramref name="expected"/>.</summary>
    /// <exception cref="InvalidOperationException">A method's rows differ.</exception>
    public static void SameRows(string benchmark, string expectedMethod, List<PeerRow> expected, params (string Method, List<PeerRow> Rows)[] methods)
    {
        foreach (var (method, rows) in methods)
        {
            for (int i = 0; i < Math.Max(rows.Count, expected.Count); i++)
            {
                PeerRow? actual = i < rows.Count ? rows[i] : null, wanted = i < expected.Count ? expected[i] : null;
                if (actual != wanted)
                {
                    throw new InvalidOperationException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{benchmark}.{method} differs from {expectedMethod} at row {i} of {expected.Count}: {actual?.ToString() ?? "(no row)"} instead of {wanted?.ToString() ?? "(no row)"}."));
                }
            }
        }
    }

    /// <summary>Throws unless attribution changed at least one conversion's touch: otherwise the check proves nothing about it.</summary>
    /// <exception cref="InvalidOperationException">No conversion was credited to another touch.</exception>
    public static void Attributed(string benchmark, List<CreditedEvent> credited)
    {
        int moved = credited.Count(e => e.Stage != FunnelStage.Visit && e.Credited != e.Own);
        if (moved == 0)
        {
            throw new InvalidOperationException($"{benchmark}: no conversion is credited to a touch other than its own, so the data does not exercise attribution.");
        }
    }
}
