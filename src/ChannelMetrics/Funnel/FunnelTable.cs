using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ChannelMetrics.Goals;
using ChannelMetrics.Reporting;

namespace ChannelMetrics.Funnel;

/// <summary>
/// An immutable funnel table: rows of period × dimensions → visits, leads and customers, with the
/// queries a report needs (totals by network, campaigns of a network, series, shares).
/// </summary>
/// <remarks>
/// <para>Rows are sorted by period, then network (case-insensitive), channel group, medium, campaign and
/// content (ordinal), so two tables built from the same data list their rows in the same order.</para>
/// <para>The table's period range runs from its first to its last period. Within that range a period in
/// which a network has no row is a period with zero visits, leads and customers for it; periods outside the
/// range are unknown and never reported.</para>
/// <para>Network names are compared case-insensitively; campaign and other dimension values ordinally.</para>
/// <para>The total of each count over the whole table fits in 64 bits (<see cref="FromRows"/> skips a row that would
/// pass it, and an aggregator holds at most <see cref="long.MaxValue"/> events), so no query's sum can overflow.</para>
/// <para>Instances are immutable and safe to share between threads.</para>
/// </remarks>
public sealed class FunnelTable
{
    /// <summary>The schema version of the JSON this library reads and writes (<see cref="ToJson"/>, <see cref="FromJson(string)"/>).</summary>
    public const int CurrentSchemaVersion = 1;

    private static readonly DateOnly PlausibleFrom = new(1970, 1, 2);

    private readonly FunnelRow[] _rows;
    private readonly PeriodRange _periods;

    private FunnelTable(
        PeriodGranularity granularity,
        FunnelDimensions dimensions,
        double confidence,
        FunnelRow[] rows,
        int foldedCampaignCount,
        FunnelDiagnostic[] diagnostics)
    {
        Granularity = granularity;
        Dimensions = dimensions | FunnelDimensions.Network;
        Confidence = confidence;
        _rows = rows;
        Rows = Array.AsReadOnly(rows);
        FoldedCampaignCount = foldedCampaignCount;
        Diagnostics = Array.AsReadOnly(diagnostics);

        // Rows are sorted by period first, so the range is first row to last row.
        _periods = rows.Length == 0 ? PeriodRange.Empty : PeriodRange.Between(rows[0].Period, rows[^1].Period);

        // A set first, then one sort: far cheaper than a sorted set when rows repeat a few networks.
        var networks = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            networks.Add(row.Network);
        }

        var sorted = networks.ToArray();
        Array.Sort(sorted, StringComparer.OrdinalIgnoreCase);
        Networks = Array.AsReadOnly(sorted);
    }

    /// <summary>Gets the granularity of the table's periods.</summary>
    public PeriodGranularity Granularity { get; }

    /// <summary>Gets the dimensions the rows are grouped by (always including <see cref="FunnelDimensions.Network"/>).</summary>
    public FunnelDimensions Dimensions { get; }

    /// <summary>Gets the confidence level of every rate's interval.</summary>
    public double Confidence { get; }

    /// <summary>Gets the rows, in the table's deterministic order.</summary>
    public IReadOnlyList<FunnelRow> Rows { get; }

    /// <summary>Gets every period from the first to the last period with a row, none skipped; empty for an empty table.</summary>
    public IReadOnlyList<Period> Periods => _periods;

    /// <summary>Gets the distinct network names, sorted case-insensitively.</summary>
    public IReadOnlyList<string> Networks { get; }

    /// <summary>Gets how many distinct campaigns were folded into <c>(other)</c> by the per-network cap.</summary>
    public int FoldedCampaignCount { get; }

    /// <summary>Gets the notes about the input: skipped or merged rows, folded campaigns, implausible dates.</summary>
    public IReadOnlyList<FunnelDiagnostic> Diagnostics { get; }

    /// <summary>
    /// Builds a table from rows aggregated elsewhere, such as a warehouse export.
    /// </summary>
    /// <param name="rows">The rows. Bad rows are skipped and reported in <see cref="Diagnostics"/>, never thrown.</param>
    /// <param name="confidence">The two-sided confidence level of the rates' intervals.</param>
    /// <returns>The table.</returns>
    /// <remarks>
    /// <para>A row is skipped when its network is empty, a count is negative, its period's granularity
    /// differs from the table's, or adding it to a duplicate would overflow. Rows repeating the
    /// period and dimensions of an earlier row are added to it (and reported). Rows dated before 1970-01-02 or
    /// in the year 9999, usually a missing date (<c>default(Period)</c> is the day 0001-01-01), are kept and
    /// reported (<see cref="FunnelDiagnosticCode.ImplausibleDate"/>), in the period of the table's granularity that
    /// holds their start when theirs differs. The table's granularity is the first valid row's with a plausible
    /// date, else the first valid row's; month for no valid row. <see cref="Diagnostics"/> are in row order.</para>
    /// <para>Networks are matched ignoring case and surrounding white space; a network spelled several ways gets one
    /// spelling in every row, whatever the input order: the one carrying the most visits (then the ordinally first).</para>
    /// <para>The table groups by every dimension that at least one valid row carries; rows without a value for
    /// such a dimension get <c>(not set)</c>. Leads may exceed visits (attribution moves conversions between
    /// periods and networks); the affected rates are then undefined, never above 1.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is not strictly between 0 and 1.</exception>
    public static FunnelTable FromRows(IEnumerable<FunnelRecord> rows, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ValidateConfidence(confidence, nameof(confidence));

        var diagnostics = new List<FunnelDiagnostic>();
        var valid = new List<(int Index, FunnelRecord Row)>();
        int index = -1;
        foreach (var row in rows)
        {
            index++;
            if (string.IsNullOrWhiteSpace(row.Network))
            {
                diagnostics.Add(new(FunnelDiagnosticCode.MissingNetwork, index, Invariant($"Row {index} has no network; skipped.")));
            }
            else if (row.Visits < 0 || row.Leads < 0 || row.Customers < 0)
            {
                diagnostics.Add(new(FunnelDiagnosticCode.NegativeCount, index, Invariant($"Row {index} has a negative count ({row.Visits} visits, {row.Leads} leads, {row.Customers} customers); skipped.")));
            }
            else
            {
                valid.Add((index, row));
            }
        }

        // A blank period read as default(Period) is a day in 0001: it must not make a monthly export a daily table
        // whose every real row is then skipped. The first valid row with a plausible date decides.
        int decides = Math.Max(0, valid.FindIndex(v => !IsImplausible(v.Row.Period)));
        var granularity = valid.Count == 0 ? PeriodGranularity.Month : valid[decides].Row.Period.Granularity;
        var accepted = new List<(int Index, FunnelRecord Row)>(valid.Count);
        var dimensions = FunnelDimensions.Network;
        foreach (var (rowIndex, row) in valid)
        {
            var period = row.Period;
            if (period.Granularity != granularity)
            {
                if (!IsImplausible(period))
                {
                    diagnostics.Add(new(FunnelDiagnosticCode.MixedGranularity, rowIndex, Invariant($"Row {rowIndex} is a {period.Granularity} period, the table is by {granularity}; skipped.")));
                    continue;
                }

                period = Period.Containing(period.Start, granularity);
            }

            if (IsImplausible(row.Period))
            {
                string moved = period == row.Period ? string.Empty : Invariant($" in {period}");
                diagnostics.Add(new(FunnelDiagnosticCode.ImplausibleDate, rowIndex, Invariant($"Row {rowIndex} is dated {row.Period}, {ImplausibleWhere}; kept{moved}.")));
            }

            dimensions |= (row.ChannelGroup is null ? 0 : FunnelDimensions.ChannelGroup)
                | (row.Medium is null ? 0 : FunnelDimensions.Medium)
                | (row.Campaign is null ? 0 : FunnelDimensions.Campaign)
                | (row.Content is null ? 0 : FunnelDimensions.Content);
            accepted.Add((rowIndex, row with { Period = period }));
        }

        var spelling = NetworkSpellings(accepted);
        var sums = new Dictionary<RowKey, (long Visits, long Leads, long Customers)>(RowKeyComparer.Instance);
        var total = (Visits: 0L, Leads: 0L, Customers: 0L);
        foreach (var (rowIndex, row) in accepted)
        {
            // Every sum a query, a report or a decision makes is part of the table's total: keeping that total within
            // 64 bits keeps every one of them (and every merged cell) from overflowing.
            if (!TryAddToTotal(ref total, row.Visits, row.Leads, row.Customers))
            {
                diagnostics.Add(new(FunnelDiagnosticCode.CountOverflow, rowIndex, Invariant($"Row {rowIndex} would take the table's total beyond a 64-bit count; skipped.")));
                continue;
            }

            var key = new RowKey(
                row.Period,
                spelling[row.Network.Trim()],
                Dimension(dimensions, FunnelDimensions.ChannelGroup, row.ChannelGroup),
                Dimension(dimensions, FunnelDimensions.Medium, row.Medium),
                Dimension(dimensions, FunnelDimensions.Campaign, row.Campaign),
                Dimension(dimensions, FunnelDimensions.Content, row.Content));
            if (sums.TryGetValue(key, out var sum))
            {
                sums[key] = (sum.Visits + row.Visits, sum.Leads + row.Leads, sum.Customers + row.Customers);
                diagnostics.Add(new(FunnelDiagnosticCode.DuplicateRow, rowIndex, Invariant($"Row {rowIndex} repeats {key.Period} {key.Network}; its counts were added to the earlier row.")));
            }
            else
            {
                sums.Add(key, (row.Visits, row.Leads, row.Customers));
            }
        }

        var result = new FunnelRow[sums.Count];
        int i = 0;
        foreach (var (key, sum) in sums)
        {
            result[i++] = new FunnelRow(key, sum.Visits, sum.Leads, sum.Customers, confidence);
        }

        // In input order: the checks above run in passes, and a row's notes belong together.
        return Create(granularity, dimensions, confidence, result, 0, [.. diagnostics.OrderBy(d => d.RowIndex)]);
    }

    /// <summary>
    /// Reads a table written by <see cref="ToJson"/> or <see cref="Reporting.JsonReportWriter"/>, for example one
    /// aggregated from a large export and stored, to be queried or evaluated later without aggregating again.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>A table with the same content as the one written (it writes the same JSON): rows, dimensions, confidence, folded campaign count and diagnostics.</returns>
    /// <remarks>
    /// What a table derives from its rows (<c>periods</c>, <c>networks</c>, the rates) may be present and is computed
    /// again, never read. Every other field is checked: a row's period must have the table's granularity, its counts
    /// must be zero or more, it carries a value exactly for the dimensions the table is grouped by, and no two rows
    /// share a period and dimensions. Comments and trailing commas are allowed.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="FunnelTableFormatException">The JSON is malformed, of an unsupported schema version, or invalid; the message names the JSON path.</exception>
    public static FunnelTable FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FunnelTableJson.Read(JsonReading.FromString(json));
    }

    /// <summary>Reads a table from UTF-8 JSON written by <see cref="WriteJson"/>, <see cref="ToJson"/> or <see cref="Reporting.JsonReportWriter"/>.</summary>
    /// <param name="utf8Json">The stream to read to its end.</param>
    /// <returns>A table with the same content as the one written (see <see cref="FromJson(string)"/>).</returns>
    /// <remarks>The checks are those of <see cref="FromJson(string)"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="FunnelTableFormatException">The JSON is malformed, of an unsupported schema version, or invalid; the message names the JSON path.</exception>
    public static FunnelTable FromJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return FunnelTableJson.Read(JsonReading.ReadAll(utf8Json));
    }

    /// <summary>
    /// Writes the table as indented JSON with <c>schemaVersion</c> <see cref="CurrentSchemaVersion"/>: the document
    /// <see cref="Reporting.JsonReportWriter"/> writes for a table, with each row's rates and the table's periods.
    /// </summary>
    /// <returns>The JSON text; <see cref="FromJson(string)"/> reads it back to a table with the same content (tables compare by reference; compare their JSON).</returns>
    public string ToJson() => JsonSerializer.Serialize(JsonNames.Funnel(this), ReportJson.Info<FunnelTableDocument>());

    /// <summary>Writes the table as indented UTF-8 JSON, as <see cref="ToJson"/> does.</summary>
    /// <param name="utf8Json">The stream to write to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    public void WriteJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        JsonSerializer.Serialize(utf8Json, JsonNames.Funnel(this), ReportJson.Info<FunnelTableDocument>());
    }

    /// <summary>Creates a table from distinct rows in any order (sorts them in place).</summary>
    internal static FunnelTable Create(
        PeriodGranularity granularity,
        FunnelDimensions dimensions,
        double confidence,
        FunnelRow[] rows,
        int foldedCampaignCount,
        FunnelDiagnostic[] diagnostics)
    {
        Array.Sort(rows, static (a, b) => RowKeyComparer.Instance.Compare(a.Key, b.Key));
        return new FunnelTable(granularity, dimensions, confidence, rows, foldedCampaignCount, diagnostics);
    }

    /// <summary>Creates a table from distinct rows already in the table's order (see <see cref="RowKeyComparer"/>).</summary>
    internal static FunnelTable CreateSorted(
        PeriodGranularity granularity,
        FunnelDimensions dimensions,
        double confidence,
        FunnelRow[] rows,
        int foldedCampaignCount,
        FunnelDiagnostic[] diagnostics)
    {
        Debug.Assert(IsSorted(rows), "Rows must be in the table's order.");
        return new FunnelTable(granularity, dimensions, confidence, rows, foldedCampaignCount, diagnostics);
    }

    private static bool IsSorted(FunnelRow[] rows)
    {
        for (int i = 1; i < rows.Length; i++)
        {
            if (RowKeyComparer.Instance.Compare(rows[i - 1].Key, rows[i].Key) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns the totals of each network over a range of periods, sorted by network.</summary>
    /// <param name="from">The first period included, or <see langword="null"/> for the table's first.</param>
    /// <param name="to">The last period included, or <see langword="null"/> for the table's last.</param>
    /// <returns>One summary per network with a row in the range.</returns>
    /// <exception cref="ArgumentException">A bound's granularity differs from the table's.</exception>
    public IReadOnlyList<FunnelSummary> TotalsByNetwork(Period? from = null, Period? to = null)
    {
        ValidateBound(from, nameof(from));
        ValidateBound(to, nameof(to));
        var sums = new SortedDictionary<string, (long V, long L, long C)>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in _rows)
        {
            if (InRange(row.Period, from, to))
            {
                sums.TryGetValue(row.Network, out var s);
                sums[row.Network] = Add(s, row);
            }
        }

        var result = new List<FunnelSummary>(sums.Count);
        foreach (var (network, s) in sums)
        {
            result.Add(new FunnelSummary(network, null, s.V, s.L, s.C, Confidence));
        }

        return result;
    }

    /// <summary>Returns the totals of each campaign of one network over a range of periods, sorted by campaign.</summary>
    /// <param name="network">The network (ignoring case and surrounding white space).</param>
    /// <param name="from">The first period included, or <see langword="null"/> for the table's first.</param>
    /// <param name="to">The last period included, or <see langword="null"/> for the table's last.</param>
    /// <returns>One summary per campaign; empty when the network has no row in the range.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A bound's granularity differs from the table's.</exception>
    /// <exception cref="InvalidOperationException">The table is not grouped by campaign.</exception>
    public IReadOnlyList<FunnelSummary> Campaigns(string network, Period? from = null, Period? to = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        network = network.Trim();
        ValidateBound(from, nameof(from));
        ValidateBound(to, nameof(to));
        if ((Dimensions & FunnelDimensions.Campaign) == 0)
        {
            throw new InvalidOperationException("The table is not grouped by campaign; include FunnelDimensions.Campaign.");
        }

        var sums = new SortedDictionary<string, (long V, long L, long C)>(StringComparer.Ordinal);
        string? name = null;
        foreach (var row in _rows)
        {
            if (InRange(row.Period, from, to) && StringComparer.OrdinalIgnoreCase.Equals(row.Network, network))
            {
                name ??= row.Network;
                sums.TryGetValue(row.Campaign!, out var s);
                sums[row.Campaign!] = Add(s, row);
            }
        }

        var result = new List<FunnelSummary>(sums.Count);
        foreach (var (campaign, s) in sums)
        {
            result.Add(new FunnelSummary(name!, campaign, s.V, s.L, s.C, Confidence));
        }

        return result;
    }

    /// <summary>
    /// Returns one row per period of the table (first to last, none skipped) with the totals of all
    /// networks, one network, or one campaign within a network; periods without data have zero counts.
    /// </summary>
    /// <param name="network">The network (ignoring case and surrounding white space), or <see langword="null"/> for all networks.</param>
    /// <param name="campaign">The campaign (ordinal), or <see langword="null"/> for all campaigns.</param>
    /// <returns>The rows, in period order; their <see cref="FunnelRow.Network"/> is <c>(all)</c> for all networks, and
    /// other dimensions are <see langword="null"/> except the campaign asked for.</returns>
    /// <exception cref="InvalidOperationException">A campaign is asked for but the table is not grouped by campaign.</exception>
    public IReadOnlyList<FunnelRow> PeriodTotals(string? network = null, string? campaign = null)
    {
        if (campaign is not null && (Dimensions & FunnelDimensions.Campaign) == 0)
        {
            throw new InvalidOperationException("The table is not grouped by campaign; include FunnelDimensions.Campaign.");
        }

        network = network?.Trim();
        var sums = new (long V, long L, long C)[_periods.Count];
        string label = network ?? FunnelLabels.All;
        bool found = false;
        foreach (var row in _rows)
        {
            if ((network is null || StringComparer.OrdinalIgnoreCase.Equals(row.Network, network))
                && (campaign is null || string.Equals(row.Campaign, campaign, StringComparison.Ordinal)))
            {
                if (network is not null && !found)
                {
                    label = row.Network;
                    found = true;
                }

                int slot = _periods[0].PeriodsUntil(row.Period);
                sums[slot] = Add(sums[slot], row);
            }
        }

        var result = new FunnelRow[_periods.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var key = new RowKey(_periods[i], label, null, null, campaign, null);
            result[i] = new FunnelRow(key, sums[i].V, sums[i].L, sums[i].C, Confidence);
        }

        return result;
    }

    /// <summary>Returns a metric over every period of the table, for all networks, one network, or one campaign.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="network">The network (ignoring case and surrounding white space), or <see langword="null"/> for all networks.</param>
    /// <param name="campaign">The campaign (ordinal), or <see langword="null"/> for all campaigns.</param>
    /// <returns>
    /// The series over <see cref="Periods"/>: counts are 0 in periods without data; a rate is a gap
    /// (<see langword="null"/>) in a period where it is undefined.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="metric"/> is not defined.</exception>
    /// <exception cref="InvalidOperationException">A campaign is asked for but the table is not grouped by campaign.</exception>
    public FunnelSeries Series(FunnelMetric metric, string? network = null, string? campaign = null)
    {
        if (!Enum.IsDefined(metric))
        {
            throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown funnel metric.");
        }

        var totals = PeriodTotals(network, campaign);
        var points = new FunnelSeriesPoint[totals.Count];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = new FunnelSeriesPoint(totals[i].Period, totals[i].GetValue(metric));
        }

        // Labelled as PeriodTotals labels its rows: with the table's spelling of the network, not the caller's.
        return new FunnelSeries(metric, network is null ? null : totals.Count > 0 ? totals[0].Network : network.Trim(), campaign, points);
    }

    /// <summary>Returns a network's share of the total of a count metric over a range of periods, as a rate with its interval.</summary>
    /// <param name="metric">A count metric: <see cref="FunnelMetric.Visits"/>, <see cref="FunnelMetric.Leads"/> or <see cref="FunnelMetric.Customers"/>.</param>
    /// <param name="network">The network (ignoring case and surrounding white space).</param>
    /// <param name="from">The first period included, or <see langword="null"/> for the table's first.</param>
    /// <param name="to">The last period included, or <see langword="null"/> for the table's last.</param>
    /// <returns>The network's count out of all networks' count; undefined when the total is 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="metric"/> is a rate, or a bound's granularity differs from the table's.</exception>
    public Rate ShareOfTotal(FunnelMetric metric, string network, Period? from = null, Period? to = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        network = network.Trim();
        if (metric is not (FunnelMetric.Visits or FunnelMetric.Leads or FunnelMetric.Customers))
        {
            throw new ArgumentException("A share of total needs a count metric: Visits, Leads or Customers.", nameof(metric));
        }

        ValidateBound(from, nameof(from));
        ValidateBound(to, nameof(to));
        long part = 0;
        long total = 0;
        foreach (var row in _rows)
        {
            if (InRange(row.Period, from, to))
            {
                long value = metric switch
                {
                    FunnelMetric.Visits => row.Visits,
                    FunnelMetric.Leads => row.Leads,
                    _ => row.Customers,
                };
                total = checked(total + value);
                if (StringComparer.OrdinalIgnoreCase.Equals(row.Network, network))
                {
                    part = checked(part + value);
                }
            }
        }

        return Rate.Of(part, total, Confidence);
    }

    /// <summary>Where <see cref="IsImplausible"/> periods are, in words for a diagnostic.</summary>
    internal const string ImplausibleWhere = "before 1970-01-02 or in the year 9999, where a missing timestamp lands (0001-01-01, Unix time 0, DateTimeOffset.MaxValue)";

    /// <summary>
    /// Whether a period holds the dates that a missing or default timestamp is read as: 0001-01-01, Unix time 0 in
    /// any time zone (1969-12-31 to 1970-01-01), <see cref="DateTimeOffset.MaxValue"/>. Marketing data has none.
    /// </summary>
    internal static bool IsImplausible(Period period) => period.Start < PlausibleFrom || period.Start.Year == 9999;

    internal static void ValidateConfidence(double confidence, string name)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(name, confidence, "The confidence level must be strictly between 0 and 1.");
        }
    }

    /// <summary>
    /// One spelling per network for the whole table, whatever the rows' order: the one with the most visits, then the
    /// ordinally first. Rows spelling a network in different cases ("LinkedIn", "linkedin") are one network, and
    /// keeping the first row's spelling made the name in every report depend on the export's row order.
    /// </summary>
    /// <returns>Each network, ignoring case, with the spelling to use.</returns>
    private static Dictionary<string, string> NetworkSpellings(List<(int Index, FunnelRecord Row)> rows)
    {
        var visits = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (_, row) in rows)
        {
            string name = row.Network.Trim();
            // Saturating: the table's total is checked later, per row, and a ranking needs no exact sum.
            visits.TryGetValue(name, out long sum);
            visits[name] = long.MaxValue - sum >= row.Visits ? sum + row.Visits : long.MaxValue;
        }

        var spelling = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, count) in visits)
        {
            if (!spelling.TryGetValue(name, out string? current) || count > visits[current] || (count == visits[current] && string.CompareOrdinal(name, current) < 0))
            {
                spelling[name] = name;
            }
        }

        return spelling;
    }

    private static string? Dimension(FunnelDimensions dimensions, FunnelDimensions which, string? value) =>
        (dimensions & which) == 0 ? null : value ?? FunnelLabels.NotSet;

    /// <summary>
    /// The period of the first row of a network (ignoring case), or of one of its campaigns (ordinal); <see langword="null"/>
    /// when there is none. Before it the network was not tracked yet: its zeros there are not data.
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="campaign">A campaign, or <see langword="null"/> for the whole network.</param>
    /// <param name="plausible">Whether to pass over rows dated where a missing timestamp lands (see <see cref="IsImplausible"/>):
    /// a report listing periods from one such row would list thousands of empty ones.</param>
    internal Period? FirstPeriod(string network, string? campaign, bool plausible = false)
    {
        // Rows are sorted by period first, so the first match is the earliest.
        foreach (var row in _rows)
        {
            if (StringComparer.OrdinalIgnoreCase.Equals(row.Network, network) && (campaign is null || string.Equals(row.Campaign, campaign, StringComparison.Ordinal))
                && !(plausible && IsImplausible(row.Period)))
            {
                return row.Period;
            }
        }

        return null;
    }

    /// <summary>Adds counts to a table's total, unless one of its sums would pass <see cref="long.MaxValue"/>.</summary>
    internal static bool TryAddToTotal(ref (long Visits, long Leads, long Customers) total, long visits, long leads, long customers)
    {
        if (long.MaxValue - total.Visits < visits || long.MaxValue - total.Leads < leads || long.MaxValue - total.Customers < customers)
        {
            return false;
        }

        total = (total.Visits + visits, total.Leads + leads, total.Customers + customers);
        return true;
    }

    private static (long V, long L, long C) Add((long V, long L, long C) sum, FunnelRow row) =>
        (checked(sum.V + row.Visits), checked(sum.L + row.Leads), checked(sum.C + row.Customers));

    private static bool InRange(Period period, Period? from, Period? to) =>
        (from is null || period >= from.Value) && (to is null || period <= to.Value);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private void ValidateBound(Period? bound, string name)
    {
        if (bound is { } b && b.Granularity != Granularity)
        {
            throw new ArgumentException($"The table is by {Granularity}; a {b.Granularity} period cannot bound it.", name);
        }
    }
}
