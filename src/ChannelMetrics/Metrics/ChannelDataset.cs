using ChannelMetrics.Funnel;
using ChannelMetrics.Goals;

namespace ChannelMetrics.Metrics;

/// <summary>
/// A <see cref="FunnelTable"/> joined with per-network <see cref="ChannelSnapshot"/>s (and optional section visit
/// counts) on period and network: every series a decision needs, per network, and per campaign for funnel metrics.
/// </summary>
/// <remarks>
/// <para>The dataset's <see cref="Periods"/> run from the earliest to the latest period of either side, none skipped.
/// A period missing from one side is a gap (<see langword="null"/>) in that side's series, never a zero: funnel
/// metrics are unknown outside the funnel table's range and before the network's (or campaign's) first row in the
/// table (it was not tracked yet: a network that started two months ago has two periods of data, not two years of
/// zeros), and all unknown for a network the table never saw; snapshot metrics are unknown in a period without a
/// snapshot for the network. After its first row, a period without a row counts as zero visits, as
/// <see cref="FunnelTable"/> documents (a network that stopped bringing visits really brought none).</para>
/// <para>An empty dataset (no funnel row, snapshot or section count) gives empty series.</para>
/// <para>Snapshots describe a network as a whole, so snapshot and cost metrics asked for a campaign are all gaps.</para>
/// <para>Bad input rows (duplicates, another granularity) are skipped and reported in <see cref="Diagnostics"/>,
/// never thrown. Network names compare ignoring case and surrounding white space (snapshots and section counts store
/// them trimmed, as <see cref="FunnelTable.FromRows"/> does); campaigns are matched ignoring case against the table's
/// names. Immutable and thread-safe.</para>
/// </remarks>
public sealed class ChannelDataset
{
    private readonly Dictionary<(string Network, Period Period), ChannelSnapshot> _snapshots;
    private readonly Dictionary<(string Network, string Section, Period Period), long> _sections;
    private readonly PeriodRange _periods;
    private readonly int _funnelOffset;

    private ChannelDataset(
        FunnelTable funnel,
        Dictionary<(string, Period), ChannelSnapshot> snapshots,
        Dictionary<(string, string, Period), long> sections,
        PeriodGranularity granularity,
        decimal? hourlyRate,
        ChannelDatasetDiagnostic[] diagnostics)
    {
        Funnel = funnel;
        _snapshots = snapshots;
        _sections = sections;
        Granularity = granularity;
        HourlyRate = hourlyRate;
        Diagnostics = Array.AsReadOnly(diagnostics);

        // The funnel's range is its first and last period: reading every period in between would cost as much as
        // the range is long, however few rows it has.
        var funnelEnds = funnel.Periods.Count == 0 ? [] : new[] { funnel.Periods[0], funnel.Periods[^1] };
        var starts = snapshots.Keys.Select(k => k.Item2).Concat(sections.Keys.Select(k => k.Item3)).Concat(funnelEnds).ToList();
        _periods = starts.Count == 0 ? PeriodRange.Empty : PeriodRange.Between(starts.Min(), starts.Max());

        _funnelOffset = funnel.Periods.Count > 0 && _periods.Count > 0 ? _periods[0].PeriodsUntil(funnel.Periods[0]) : 0;
        var networks = new SortedSet<string>(funnel.Networks, StringComparer.OrdinalIgnoreCase);
        foreach (var key in snapshots.Keys)
        {
            networks.Add(key.Item1);
        }

        foreach (var key in sections.Keys)
        {
            networks.Add(key.Item1);
        }

        Networks = Array.AsReadOnly(networks.ToArray());
    }

    /// <summary>Gets the funnel table.</summary>
    public FunnelTable Funnel { get; }

    /// <summary>Gets the period granularity of the dataset (the funnel table's, or the first snapshot's when the table is empty).</summary>
    public PeriodGranularity Granularity { get; }

    /// <summary>Gets the hourly rate at which hours spent count towards cost, or <see langword="null"/> to count spend only.</summary>
    public decimal? HourlyRate { get; }

    /// <summary>Gets every period from the earliest to the latest of either side, none skipped.</summary>
    public IReadOnlyList<Period> Periods => _periods;

    /// <summary>Gets the networks of either side, sorted ignoring case (funnel-only sources such as "(direct)" included).</summary>
    public IReadOnlyList<string> Networks { get; }

    /// <summary>Gets the notes about input rows that were skipped or merged.</summary>
    public IReadOnlyList<ChannelDatasetDiagnostic> Diagnostics { get; }

    /// <summary>Joins a funnel table with snapshots and, optionally, section visit counts.</summary>
    /// <param name="funnel">The funnel table.</param>
    /// <param name="snapshots">Per period × network snapshots, at most one per pair (later duplicates are skipped and reported).</param>
    /// <param name="sectionVisits">Visits per period × network × site section, for section goals; <see langword="null"/> when not counted.</param>
    /// <param name="hourlyRate">What an hour of the team costs, to count hours spent in cost and ROI; <see langword="null"/> to count spend only.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="funnel"/> or <paramref name="snapshots"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A snapshot is <see langword="null"/> (a bad call, not bad data).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hourlyRate"/> is negative.</exception>
    public static ChannelDataset Create(FunnelTable funnel, IEnumerable<ChannelSnapshot> snapshots, IEnumerable<SectionVisits>? sectionVisits = null, decimal? hourlyRate = null)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        ArgumentNullException.ThrowIfNull(snapshots);
        if (hourlyRate is decimal rate)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(rate, nameof(hourlyRate));
        }

        var list = snapshots.ToList();
        PeriodGranularity? granularity = funnel.Periods.Count > 0 ? funnel.Granularity : list.FirstOrDefault(s => s is not null)?.Period.Granularity;
        var diagnostics = new List<ChannelDatasetDiagnostic>();
        var byKey = new Dictionary<(string, Period), ChannelSnapshot>(KeyComparer.Instance);
        for (int i = 0; i < list.Count; i++)
        {
            var snapshot = list[i];
            if (snapshot is null)
            {
                throw new ArgumentException(FormattableString.Invariant($"Snapshot {i} is null."), nameof(snapshots));
            }

            if (snapshot.Period.Granularity != granularity)
            {
                diagnostics.Add(new(ChannelDatasetDiagnosticCode.MixedGranularity, i, FormattableString.Invariant($"Snapshot {i} ({snapshot.Network} {snapshot.Period}) is a {snapshot.Period.Granularity} period, the dataset is by {granularity}; skipped.")));
            }
            else if (!byKey.TryAdd((snapshot.Network, snapshot.Period), snapshot))
            {
                diagnostics.Add(new(ChannelDatasetDiagnosticCode.DuplicateSnapshot, i, FormattableString.Invariant($"Snapshot {i} repeats {snapshot.Network} {snapshot.Period}; skipped, the first one is kept.")));
            }
        }

        var sections = new Dictionary<(string, string, Period), long>(SectionKeyComparer.Instance);
        int index = -1;
        foreach (var count in sectionVisits ?? [])
        {
            index++;
            if (string.IsNullOrWhiteSpace(count.Network) || string.IsNullOrWhiteSpace(count.Section) || count.Visits < 0)
            {
                diagnostics.Add(new(ChannelDatasetDiagnosticCode.InvalidSectionVisits, index, FormattableString.Invariant($"Section count {index} has a blank network or section, or negative visits ({count.Visits}); skipped.")));
                continue;
            }

            // Only a valid count may decide the granularity: a blank first row must not skip every real one.
            granularity ??= count.Period.Granularity;
            if (count.Period.Granularity != granularity)
            {
                diagnostics.Add(new(ChannelDatasetDiagnosticCode.MixedGranularity, index, FormattableString.Invariant($"Section count {index} is a {count.Period.Granularity} period, the dataset is by {granularity}; skipped.")));
            }
            else
            {
                var key = (count.Network.Trim(), count.Section, count.Period);
                if (sections.TryGetValue(key, out long earlier))
                {
                    if (long.MaxValue - earlier < count.Visits)
                    {
                        diagnostics.Add(new(ChannelDatasetDiagnosticCode.InvalidSectionVisits, index, FormattableString.Invariant($"Section count {index} repeats {count.Network} {count.Section} {count.Period}, and adding it would overflow a 64-bit count; skipped.")));
                        continue;
                    }

                    sections[key] = earlier + count.Visits;
                    diagnostics.Add(new(ChannelDatasetDiagnosticCode.DuplicateSectionVisits, index, FormattableString.Invariant($"Section count {index} repeats {count.Network} {count.Section} {count.Period}; added to the earlier count.")));
                }
                else
                {
                    sections.Add(key, count.Visits);
                }
            }
        }

        return new ChannelDataset(funnel, byKey, sections, granularity ?? PeriodGranularity.Month, hourlyRate, [.. diagnostics]);
    }

    /// <summary>Returns the snapshot of <paramref name="network"/> for <paramref name="period"/>, if there is one.</summary>
    /// <param name="network">The network (ignoring case and surrounding white space).</param>
    /// <param name="period">The period.</param>
    /// <returns>The snapshot, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    public ChannelSnapshot? Snapshot(string network, Period period)
    {
        ArgumentNullException.ThrowIfNull(network);
        network = network.Trim();
        return _snapshots.GetValueOrDefault((network, period));
    }

    /// <summary>Returns the campaigns of <paramref name="network"/> in the funnel table, sorted; empty when the table is not grouped by campaign.</summary>
    /// <param name="network">The network (ignoring case and surrounding white space).</param>
    /// <returns>The campaign names.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<string> Campaigns(string network)
    {
        ArgumentNullException.ThrowIfNull(network);
        network = network.Trim();
        return (Funnel.Dimensions & FunnelDimensions.Campaign) == 0
            ? []
            : Funnel.Campaigns(network).Select(c => c.Campaign!).ToArray();
    }

    /// <summary>
    /// Returns the first period with data for <paramref name="network"/>: its first funnel row or snapshot (or, with a
    /// <paramref name="campaign"/>, the campaign's first funnel row); <see langword="null"/> when there is none.
    /// </summary>
    /// <param name="network">The network (ignoring case and surrounding white space).</param>
    /// <param name="campaign">A campaign (ignoring case), or <see langword="null"/> for the whole network.</param>
    /// <returns>The first period with data, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    public Period? FirstPeriod(string network, string? campaign = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        network = network.Trim();
        if (campaign is not null)
        {
            return ResolveCampaign(network, campaign) is string resolved ? Funnel.FirstPeriod(network, resolved) : null;
        }

        Period? first = Funnel.FirstPeriod(network, null);
        foreach (var key in _snapshots.Keys)
        {
            if (StringComparer.OrdinalIgnoreCase.Equals(key.Network, network) && (first is null || key.Period < first))
            {
                first = key.Period;
            }
        }

        return first;
    }

    /// <summary>Returns the series a goal is evaluated on for <paramref name="network"/>: its metric, campaign filter and section.</summary>
    /// <param name="goal">The goal.</param>
    /// <param name="network">The network (ignoring case and surrounding white space).</param>
    /// <returns>The series over <see cref="Periods"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public MetricSeries SeriesFor(Goal goal, string network)
    {
        ArgumentNullException.ThrowIfNull(goal);
        return Series(goal.Metric, network, goal.Campaign, goal.Section);
    }

    /// <summary>Returns <paramref name="metric"/> over <see cref="Periods"/> for a network, or one of its campaigns.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="network">The network (ignoring case and surrounding white space).</param>
    /// <param name="campaign">A campaign (ignoring case) for funnel metrics, or <see langword="null"/> for the whole network.</param>
    /// <param name="section">The site section, for <see cref="GoalMetric.SectionVisits"/> only.</param>
    /// <returns>
    /// The series, <see langword="null"/> where unknown. Funnel metrics (visits, leads, customers, their rates and the share
    /// of all visits) come from the funnel table; section visits from the section counts (gaps where none was given);
    /// the rest from the snapshots. Rates are gaps where undefined (no visits, no leads, no sentiment counted).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="metric"/> is <see cref="GoalMetric.SectionVisits"/> and <paramref name="section"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="metric"/> is not defined.</exception>
    public MetricSeries Series(GoalMetric metric, string network, string? campaign = null, string? section = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        network = network.Trim();
        switch (metric)
        {
            case GoalMetric.Visits:
                return FunnelSeries(FunnelMetric.Visits, network, campaign);
            case GoalMetric.Leads:
                return FunnelSeries(FunnelMetric.Leads, network, campaign);
            case GoalMetric.Customers:
                return FunnelSeries(FunnelMetric.Customers, network, campaign);
            case GoalMetric.VisitToLeadRate:
                return FunnelSeries(FunnelMetric.VisitToLead, network, campaign);
            case GoalMetric.LeadToCustomerRate:
                return FunnelSeries(FunnelMetric.LeadToCustomer, network, campaign);
            case GoalMetric.ShareOfVisits:
                return ShareOfVisits(network, campaign);
            case GoalMetric.SectionVisits:
                ArgumentException.ThrowIfNullOrWhiteSpace(section);
                return campaign is null ? Build(p => _sections.TryGetValue((network, section, p), out long v) ? v : null) : Gaps();
            case GoalMetric.FollowerGrowth:
                return Series(GoalMetric.Followers, network, campaign).GrowthRates();
            default:
                if ((uint)metric > (uint)GoalMetric.NetSentiment)
                {
                    throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown goal metric.");
                }

                return campaign is null ? Build(p => _snapshots.TryGetValue((network, p), out var s) ? s.ValueOf(metric) : null) : Gaps();
        }
    }

    /// <summary>Returns a cost metric of <paramref name="network"/> over <see cref="Periods"/>, with cost counting hours at <see cref="HourlyRate"/>.</summary>
    /// <param name="metric">The cost metric.</param>
    /// <param name="network">The network (ignoring case and surrounding white space).</param>
    /// <returns>The series; a gap where the value is not computable (see <see cref="ChannelSnapshot"/> for why, period by period).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="metric"/> is not defined.</exception>
    public MetricSeries Series(CostMetric metric, string network)
    {
        ArgumentNullException.ThrowIfNull(network);
        network = network.Trim();
        if ((uint)metric > (uint)CostMetric.Roi)
        {
            throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown cost metric.");
        }

        var visits = Series(GoalMetric.Visits, network);
        var leads = Series(GoalMetric.Leads, network);
        var customers = Series(GoalMetric.Customers, network);
        return Build((p, i) =>
        {
            if (!_snapshots.TryGetValue((network, p), out var s))
            {
                return null;
            }

            var value = metric switch
            {
                CostMetric.Cost => s.Cost(HourlyRate),
                CostMetric.CostPerVisit => s.CostPerVisit(ToCount(visits.Values[i]), HourlyRate),
                CostMetric.CostPerLead => s.CostPerLead(ToCount(leads.Values[i]), HourlyRate),
                CostMetric.CostPerCustomer => s.CostPerCustomer(ToCount(customers.Values[i]), HourlyRate),
                _ => s.Roi(HourlyRate),
            };
            return value.Value;
        });
    }

    /// <summary>
    /// Returns the ROI of <paramref name="network"/> over a window: (Σ revenue − Σ cost) / Σ cost over the periods of the
    /// window where both revenue and cost are known, with cost counting hours at <see cref="HourlyRate"/>.
    /// </summary>
    /// <param name="network">The network (ignoring case and surrounding white space).</param>
    /// <param name="from">The first period, or <see langword="null"/> for the dataset's first.</param>
    /// <param name="to">The last period, or <see langword="null"/> for the dataset's last.</param>
    /// <returns>The ROI; not computable when no period has both revenue and cost, or the summed cost is zero.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A bound is not a period of the dataset's <see cref="Granularity"/>.</exception>
    public MetricValue Roi(string network, Period? from = null, Period? to = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        foreach (var (bound, name) in (ReadOnlySpan<(Period?, string)>)[(from, nameof(from)), (to, nameof(to))])
        {
            if (bound is { } b && b.Granularity != Granularity)
            {
                throw new ArgumentException($"The dataset is by {Granularity}; a {b.Granularity} period cannot bound it.", name);
            }
        }

        network = network.Trim();
        double revenue = 0, cost = 0;
        int periods = 0;
        foreach (var period in _periods)
        {
            if ((from is Period f && period < f) || (to is Period t && period > t) || !_snapshots.TryGetValue((network, period), out var s))
            {
                continue;
            }

            if (s.Revenue is decimal r && s.Cost(HourlyRate).TryGetValue(out double c))
            {
                revenue += (double)r;
                cost += c;
                periods++;
            }
        }

        if (periods == 0)
        {
            return MetricValue.NotComputable(NotComputableReason.MissingInput, $"no period has both the revenue and the cost of {network}");
        }

        // A cost next to nothing (hours of 1e-300 at a rate) makes the ROI overflow: as undefined as a cost of zero.
        double roi = cost == 0 ? 0 : (revenue - cost) / cost;
        return cost == 0 || !double.IsFinite(roi)
            ? MetricValue.NotComputable(NotComputableReason.ZeroDenominator, $"{network} cost {(cost == 0 ? "nothing" : "next to nothing")} over the window{(HourlyRate is null ? " (hours not costed)" : "")}: ROI is undefined, not infinite")
            : MetricValue.Known(roi);
    }

    private static long? ToCount(double? value) => value is double v ? (long)v : null;

    private MetricSeries FunnelSeries(FunnelMetric metric, string network, string? campaign)
    {
        if (campaign is not null)
        {
            campaign = ResolveCampaign(network, campaign);
            if (campaign is null)
            {
                return Gaps();
            }
        }

        if (Funnel.FirstPeriod(network, campaign) is not Period first)
        {
            return Gaps();
        }

        var points = Funnel.Series(metric, network, campaign).Points;
        return FromFunnel(i => points[i].Period >= first ? points[i].Value : null);
    }

    private MetricSeries ShareOfVisits(string network, string? campaign)
    {
        var part = FunnelSeries(FunnelMetric.Visits, network, campaign);
        var all = Funnel.Series(FunnelMetric.Visits).Points;
        return FromFunnel(i => all[i].Value is double total && total > 0 && part.Values[i + _funnelOffset] is double v ? v / total : null);
    }

    // Maps a funnel-table index to the dataset's periods: outside the table's range the funnel value is unknown.
    private MetricSeries FromFunnel(Func<int, double?> valueAtFunnelIndex)
    {
        int length = Funnel.Periods.Count;
        return Build((_, i) => i - _funnelOffset is int j && j >= 0 && j < length ? valueAtFunnelIndex(j) : null);
    }

    private string? ResolveCampaign(string network, string campaign)
    {
        if ((Funnel.Dimensions & FunnelDimensions.Campaign) == 0)
        {
            return null;
        }

        // The table keeps campaigns apart by exact name: an exact match wins over one that differs only in case.
        string? ignoringCase = null;
        foreach (var summary in Funnel.Campaigns(network))
        {
            if (string.Equals(summary.Campaign, campaign, StringComparison.Ordinal))
            {
                return summary.Campaign;
            }

            if (ignoringCase is null && string.Equals(summary.Campaign, campaign, StringComparison.OrdinalIgnoreCase))
            {
                ignoringCase = summary.Campaign;
            }
        }

        return ignoringCase;
    }

    private MetricSeries Gaps() => Build(static _ => null);

    private MetricSeries Build(Func<Period, double?> value) => Build((p, _) => value(p));

    private MetricSeries Build(Func<Period, int, double?> value)
    {
        if (_periods.Count == 0)
        {
            return MetricSeries.Empty(Period.Containing(new DateOnly(2000, 1, 1), Granularity));
        }

        var values = new double?[_periods.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = value(_periods[i], i);
        }

        return MetricSeries.Create(_periods[0], values);
    }

    private sealed class KeyComparer : IEqualityComparer<(string Network, Period Period)>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals((string Network, Period Period) x, (string Network, Period Period) y) =>
            x.Period == y.Period && StringComparer.OrdinalIgnoreCase.Equals(x.Network, y.Network);

        public int GetHashCode((string Network, Period Period) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Network), obj.Period);
    }

    private sealed class SectionKeyComparer : IEqualityComparer<(string Network, string Section, Period Period)>
    {
        public static readonly SectionKeyComparer Instance = new();

        public bool Equals((string Network, string Section, Period Period) x, (string Network, string Section, Period Period) y) =>
            x.Period == y.Period && StringComparer.OrdinalIgnoreCase.Equals(x.Network, y.Network) && StringComparer.OrdinalIgnoreCase.Equals(x.Section, y.Section);

        public int GetHashCode((string Network, string Section, Period Period) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Network), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Section), obj.Period);
    }
}
