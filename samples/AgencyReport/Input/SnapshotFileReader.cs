using System.Globalization;
using ChannelMetrics;
using ChannelMetrics.Metrics;

namespace AgencyReport.Input;

/// <summary>
/// Reads the per-month network metrics CSV (<c>period,network,followers,impressions,…</c>, columns
/// by name in any order) into <see cref="ChannelSnapshot"/>s. An empty cell is an unknown value,
/// never zero. A bad line is reported with its number and skipped.
/// </summary>
internal static class SnapshotFileReader
{
    /// <summary>The optional count columns and how each is set on a snapshot.</summary>
    private static readonly (string Column, Func<ChannelSnapshot, long?, ChannelSnapshot> Set)[] s_counts =
    [
        ("followers", static (s, v) => s with { Followers = v }),
        ("impressions", static (s, v) => s with { Impressions = v }),
        ("reach", static (s, v) => s with { Reach = v }),
        ("comments", static (s, v) => s with { Comments = v }),
        ("shares", static (s, v) => s with { Shares = v }),
        ("likes", static (s, v) => s with { Likes = v }),
        ("reposts", static (s, v) => s with { Reposts = v }),
        ("mentions", static (s, v) => s with { Mentions = v }),
        ("positive", static (s, v) => s with { PositiveCount = v }),
        ("neutral", static (s, v) => s with { NeutralCount = v }),
        ("negative", static (s, v) => s with { NegativeCount = v }),
    ];

    public static List<ChannelSnapshot> Read(string path, ICollection<InputProblem> problems)
    {
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path), problems);
    }

    /// <exception cref="InvalidDataException">The file has no header, or no period or network column.</exception>
    public static List<ChannelSnapshot> Read(TextReader reader, string fileName, ICollection<InputProblem> problems)
    {
        string header = reader.ReadLine() ?? throw new InvalidDataException($"{fileName} is empty: expected a header line starting 'period,network,'.");
        var fields = new List<string>();
        if (CsvLine.Split(header, fields) is { } headerError)
        {
            throw new InvalidDataException($"{fileName}: the header line is not valid CSV ({headerError}).");
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < fields.Count; i++)
        {
            columns.TryAdd(fields[i].Trim(), i);
        }

        foreach (string required in new[] { "period", "network" })
        {
            if (!columns.ContainsKey(required))
            {
                throw new InvalidDataException($"{fileName}: the header has no '{required}' column (found: {string.Join(", ", fields)}).");
            }
        }

        int width = fields.Count;
        var snapshots = new List<ChannelSnapshot>();
        var seen = new HashSet<(Period, string)>();
        long line = 1;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            string? problem = CsvLine.Split(text, fields);
            if (problem is null && fields.Count != width)
            {
                problem = $"expected {width} fields, found {fields.Count}";
            }

            ChannelSnapshot? snapshot = null;
            problem ??= Parse(fields, columns, out snapshot);
            if (problem is null && !seen.Add((snapshot!.Period, snapshot.Network.ToUpperInvariant())))
            {
                problem = $"a second row for {snapshot.Network} in {snapshot.Period}";
            }

            if (problem is not null)
            {
                problems.Add(new InputProblem(fileName, line, problem));
                continue;
            }

            snapshots.Add(snapshot!);
        }

        return snapshots;
    }

    private static string? Parse(List<string> fields, Dictionary<string, int> columns, out ChannelSnapshot? snapshot)
    {
        snapshot = null;
        string periodText = fields[columns["period"]].Trim();
        if (!Period.TryParse(periodText, out Period period))
        {
            return $"'{periodText}' is not a period (expected for example 2025-01)";
        }

        string network = fields[columns["network"]].Trim();
        if (network.Length == 0)
        {
            return "the network is empty";
        }

        var s = new ChannelSnapshot { Period = period, Network = network };
        foreach ((string column, Func<ChannelSnapshot, long?, ChannelSnapshot> set) in s_counts)
        {
            if (!columns.TryGetValue(column, out int index) || fields[index].Trim().Length == 0)
            {
                continue;
            }

            string cell = fields[index].Trim();
            if (!long.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) || value < 0)
            {
                return $"{column} '{cell}' is not a whole number of zero or more";
            }

            if (TrySet(ref s, x => set(x, value), column, cell) is { } rangeProblem)
            {
                return rangeProblem;
            }
        }

        if (Decimal(fields, columns, "spend", out decimal? spend) is { } spendProblem)
        {
            return spendProblem;
        }

        if (Decimal(fields, columns, "revenue", out decimal? revenue) is { } revenueProblem)
        {
            return revenueProblem;
        }

        if (Decimal(fields, columns, "hours", out decimal? hours) is { } hoursProblem)
        {
            return hoursProblem;
        }

        // Only the hours have an upper bound (spend and revenue were checked for sign above).
        if (TrySet(ref s, x => x with { Spend = spend, Revenue = revenue, HoursSpent = hours is decimal h ? (double)h : null }, "hours", hours?.ToString(CultureInfo.InvariantCulture) ?? "") is { } problem)
        {
            return problem;
        }

        snapshot = s;
        return null;
    }

    /// <summary>Applies a value the snapshot validates itself (counts up to 2⁶⁰, hours up to a billion): a value beyond is the line's problem.</summary>
    private static string? TrySet(ref ChannelSnapshot snapshot, Func<ChannelSnapshot, ChannelSnapshot> apply, string column, string cell)
    {
        try
        {
            snapshot = apply(snapshot);
            return null;
        }
        catch (ArgumentOutOfRangeException)
        {
            return $"{column} '{cell}' is out of range";
        }
    }

    private static string? Decimal(List<string> fields, Dictionary<string, int> columns, string column, out decimal? value)
    {
        value = null;
        if (!columns.TryGetValue(column, out int index) || fields[index].Trim().Length == 0)
        {
            return null;
        }

        string cell = fields[index].Trim();
        if (!decimal.TryParse(cell, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out decimal parsed) || parsed < 0)
        {
            return $"{column} '{cell}' is not a number of zero or more (use a dot for decimals)";
        }

        value = parsed;
        return null;
    }
}
