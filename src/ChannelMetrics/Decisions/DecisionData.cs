using System.Globalization;
using ChannelMetrics.Funnel;
using ChannelMetrics.Metrics;

namespace ChannelMetrics.Decisions;

/// <summary>Funnel counts of one network or campaign, one slot per period of the evaluation range.</summary>
internal sealed class FunnelCounts
{
    public FunnelCounts(string name, int length)
    {
        Name = name;
        Visits = new long[length];
        Leads = new long[length];
        Customers = new long[length];
    }

    public string Name { get; }

    public long[] Visits { get; }

    public long[] Leads { get; }

    public long[] Customers { get; }

    /// <summary>The first slot with a non-zero count (negative when before the range), or <see langword="null"/>.</summary>
    public int? FirstActive { get; private set; }

    /// <summary>Adds a row's counts; a row before the range (negative slot) only moves <see cref="FirstActive"/>.</summary>
    public void Add(int slot, FunnelRow row)
    {
        if ((row.Visits | row.Leads | row.Customers) != 0 && (FirstActive is null || slot < FirstActive))
        {
            FirstActive = slot;
        }

        if (slot >= 0)
        {
            Visits[slot] = checked(Visits[slot] + row.Visits);
            Leads[slot] = checked(Leads[slot] + row.Leads);
            Customers[slot] = checked(Customers[slot] + row.Customers);
        }
    }
}

/// <summary>Everything known about one network over the evaluation range.</summary>
internal sealed class NetworkData
{
    public NetworkData(string name, int length)
    {
        Name = name;
        Funnel = new FunnelCounts(name, length);
        Snapshots = new ChannelSnapshot?[length];
    }

    public string Name { get; }

    public FunnelCounts Funnel { get; }

    /// <summary>The campaigns by name (ordinal), in first-row order; the assessor sorts the names.</summary>
    public Dictionary<string, FunnelCounts> Campaigns { get; } = new(StringComparer.Ordinal);

    public ChannelSnapshot?[] Snapshots { get; }

    /// <summary>The first slot with a snapshot (negative when before the range), or <see langword="null"/>.</summary>
    public int? FirstSnapshot { get; set; }
}

/// <summary>
/// The engine's seam over its input: the funnel table and the snapshots indexed once into per-network and per-campaign
/// arrays over the evaluation range (oldest period first, the evaluation period last), so that no rule scans rows again.
/// </summary>
internal sealed class DecisionData
{
    private readonly Func<string, string, Period, long?>? _sectionVisits;

    private DecisionData(Period start, int length, PeriodGranularity granularity, double confidence, decimal? hourlyRate, Func<string, string, Period, long?>? sectionVisits)
    {
        Start = start;
        Length = length;
        Granularity = granularity;
        Confidence = confidence;
        HourlyRate = hourlyRate;
        _sectionVisits = sectionVisits;
        Totals = new FunnelCounts(FunnelLabels.All, length);
    }

    public Period Start { get; }

    public int Length { get; }

    public Period End => Start.Offset(Length - 1);

    public PeriodGranularity Granularity { get; }

    public double Confidence { get; }

    public decimal? HourlyRate { get; }

    public bool HasSectionVisits => _sectionVisits is not null;

    public bool HasCampaigns { get; private set; }

    /// <summary>The first slot where funnel counts are known (inside the table's range); a slot outside is unknown, not zero.</summary>
    public int FunnelFirst { get; private set; }

    /// <summary>The last slot where funnel counts are known; below <see cref="FunnelFirst"/> when none is.</summary>
    public int FunnelLast { get; private set; } = -1;

    public FunnelCounts Totals { get; }

    public SortedDictionary<string, NetworkData> Networks { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<Evidence> Notes { get; } = [];

    public bool FunnelKnown(int slot) => slot >= FunnelFirst && slot <= FunnelLast;

    public long? SectionVisits(string network, string section, int slot) => _sectionVisits?.Invoke(network, section, Start.Offset(slot));

    public static DecisionData Build(
        FunnelTable funnel,
        IEnumerable<ChannelSnapshot> snapshots,
        Func<string, string, Period, long?>? sectionVisits,
        decimal? hourlyRate,
        Period evaluationPeriod,
        int lookback)
    {
        var list = snapshots as IReadOnlyList<ChannelSnapshot> ?? snapshots.ToArray();
        var granularity = evaluationPeriod.Granularity;
        var start = evaluationPeriod;
        if (funnel.Periods.Count > 0 && funnel.Periods[0] < start)
        {
            start = funnel.Periods[0];
        }

        foreach (var snapshot in list)
        {
            if (snapshot is not null && snapshot.Period.Granularity == granularity && snapshot.Period < start)
            {
                start = snapshot.Period;
            }
        }

        // Only the last `lookback` periods are read by any rule; older data only tell when a network started.
        // Never before the calendar's first period: data dated in year 1 (a blank date read as 0001-01-01) get a shorter window.
        var calendarStart = Period.Containing(DateOnly.MinValue, evaluationPeriod.Granularity);
        var earliest = calendarStart.PeriodsUntil(evaluationPeriod) < lookback - 1 ? calendarStart : evaluationPeriod.Offset(-(lookback - 1));
        if (start < earliest)
        {
            start = earliest;
        }

        int length = start.PeriodsUntil(evaluationPeriod) + 1;
        var data = new DecisionData(start, length, granularity, funnel.Confidence, hourlyRate, sectionVisits);
        data.HasCampaigns = (funnel.Dimensions & FunnelDimensions.Campaign) != 0;
        if (funnel.Periods.Count > 0)
        {
            data.FunnelFirst = start.PeriodsUntil(funnel.Periods[0]);
            data.FunnelLast = Math.Min(length - 1, start.PeriodsUntil(funnel.Periods[^1]));
        }

        int later = 0;
        NetworkData? network = null;
        Period period = default;
        int slot = 0;
        foreach (var row in funnel.Rows)
        {
            // Same granularity throughout, so comparing starts is comparing periods (and avoids Period.CompareTo's enum boxing).
            if (row.Period.Start > evaluationPeriod.Start)
            {
                later++;
                continue;
            }

            // Rows come sorted by period, then network: consecutive rows mostly share both, so skip the lookups then.
            if (row.Period != period)
            {
                period = row.Period;
                slot = start.PeriodsUntil(period);
            }

            if (network is null || !StringComparer.OrdinalIgnoreCase.Equals(network.Name, row.Network))
            {
                network = data.GetOrAdd(row.Network);
            }

            network.Funnel.Add(slot, row);
            data.Totals.Add(slot, row);
            if (data.HasCampaigns)
            {
                string campaign = row.Campaign ?? FunnelLabels.NotSet;
                if (!network.Campaigns.TryGetValue(campaign, out var counts))
                {
                    counts = new FunnelCounts(campaign, length);
                    network.Campaigns.Add(campaign, counts);
                }

                counts.Add(slot, row);
            }
        }

        // What the table says of its own input (skipped rows, folded campaigns, implausible dates) is news to the
        // report's reader too: the verdicts rest on that data. A table read from rows has a note per row: past three
        // of a kind, the first stands for the rest.
        foreach (var kind in funnel.Diagnostics.GroupBy(d => d.Code))
        {
            var notes = kind.ToList();
            if (notes.Count > 3)
            {
                data.Note(string.Create(CultureInfo.InvariantCulture, $"{notes[0].Message} And {notes.Count - 1} more like it."));
                continue;
            }

            foreach (var diagnostic in notes)
            {
                data.Note(diagnostic.Message);
            }
        }

        if (later > 0)
        {
            data.Note(string.Create(CultureInfo.InvariantCulture, $"{later} funnel rows after the evaluation period {evaluationPeriod} were left out."));
        }

        int laterSnapshots = 0;
        for (int i = 0; i < list.Count; i++)
        {
            var snapshot = list[i] ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Snapshot {i} is null."), nameof(snapshots));
            if (snapshot.Period.Granularity != granularity)
            {
                data.Note(string.Create(CultureInfo.InvariantCulture, $"Snapshot {i} ({snapshot.Network} {snapshot.Period}) is a {snapshot.Period.Granularity} period, the funnel is by {granularity}; left out."));
                continue;
            }

            if (snapshot.Period > evaluationPeriod)
            {
                laterSnapshots++;
                continue;
            }

            var owner = data.GetOrAdd(snapshot.Network);
            int at = start.PeriodsUntil(snapshot.Period);
            // A snapshot that knows nothing is no history: an all-empty row from a spreadsheet must not make a
            // network two months old look a year old, old enough to be cut.
            if ((owner.FirstSnapshot is null || at < owner.FirstSnapshot) && KnowsAnything(snapshot))
            {
                owner.FirstSnapshot = at;
            }

            if (at < 0)
            {
                continue;
            }

            if (owner.Snapshots[at] is not null)
            {
                data.Note(string.Create(CultureInfo.InvariantCulture, $"Snapshot {i} repeats {snapshot.Network} {snapshot.Period}; the first one is kept."));
                continue;
            }

            owner.Snapshots[at] = snapshot;
        }

        if (laterSnapshots > 0)
        {
            data.Note(string.Create(CultureInfo.InvariantCulture, $"{laterSnapshots} snapshots after the evaluation period {evaluationPeriod} were left out."));
        }

        return data;
    }

    public NetworkData GetOrAdd(string network)
    {
        if (!Networks.TryGetValue(network, out var data))
        {
            data = new NetworkData(network, Length);
            Networks.Add(network, data);
        }

        return data;
    }

    private void Note(string message) => Notes.Add(new Evidence { Code = EvidenceCodes.DataNote, Message = message });

    private static bool KnowsAnything(ChannelSnapshot s) =>
        s.Followers is not null || s.Impressions is not null || s.Reach is not null || s.Comments is not null || s.Shares is not null
        || s.Likes is not null || s.Reposts is not null || s.Mentions is not null || s.PositiveCount is not null
        || s.NeutralCount is not null || s.NegativeCount is not null || s.Spend is not null || s.HoursSpent is not null || s.Revenue is not null;
}
