using System.Globalization;

namespace AgencyReport;

/// <summary>The demo's command line: where its inputs and outputs are.</summary>
internal sealed record ReportOptions
{
    public required string Events { get; init; }

    public required string Snapshots { get; init; }

    public required string Goals { get; init; }

    public required string Experiments { get; init; }

    public required string OutputDirectory { get; init; }

    /// <summary>The team's reporting time zone: an event belongs to the month it happened in, there.</summary>
    public string TimeZone { get; init; } = "Europe/Berlin";

    /// <summary>The evaluation date (first day after the last complete month); null = the month after the last event.</summary>
    public DateOnly? AsOf { get; init; }

    public bool ShowProgress { get; init; } = true;

    /// <summary>What an hour of the agency's time costs (EUR), so that ROI counts hours as well as spend; null = spend only.</summary>
    public decimal? HourlyRate { get; init; } = DefaultHourlyRate;

    public const decimal DefaultHourlyRate = 60m;

    /// <summary>The language of the Markdown, JSON texts and CSV (<c>en</c>, <c>ar</c>); null = English.</summary>
    public string? Language { get; init; }

    public const string Usage = """
        AgencyReport: a monthly agency report over funnel events, network snapshots, goals and experiments.

        Usage: dotnet run --project samples/AgencyReport [-- options]

          --events PATH        events CSV, plain or .gz (timestamp,stage,visitor_id,landing_url)
                               default: samples/data/events.csv.gz
          --snapshots PATH     per-month network metrics CSV      default: samples/data/snapshots.csv
          --goals PATH         goals JSON (GoalSet)               default: samples/data/goals.json
          --experiments PATH   experiment log JSON                default: samples/data/experiments.json
          --out DIR            where report.md, report.json, report.csv and report.html go
                               default: samples/AgencyReport/out
          --time-zone ID       reporting time zone (IANA or Windows id)   default: Europe/Berlin
          --as-of YYYY-MM-DD   evaluation date        default: the day after the last event's month
          --hourly-rate EUR    cost of an hour of the team's time, for ROI   default: 60 (0 = spend only)
          --language CODE      language (text, dates, numbers) of report.md: en or ar   default: en
          --no-progress        do not draw the progress line
          -h, --help           show this help

        With no options it runs on the bundled Tallyfox data set (see samples/data/README.md).
        """;

    /// <summary>Parses <paramref name="args"/>; relative default paths are resolved against <paramref name="repositoryRoot"/>.</summary>
    /// <returns>The options, or null with <paramref name="error"/> set (null error and null options = help was asked for).</returns>
    public static ReportOptions? Parse(IReadOnlyList<string> args, string repositoryRoot, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        error = null;
        string data = Path.Combine(repositoryRoot, "samples", "data");
        var options = new ReportOptions
        {
            Events = Path.Combine(data, "events.csv.gz"),
            Snapshots = Path.Combine(data, "snapshots.csv"),
            Goals = Path.Combine(data, "goals.json"),
            Experiments = Path.Combine(data, "experiments.json"),
            OutputDirectory = Path.Combine(repositoryRoot, "samples", "AgencyReport", "out"),
        };

        // Inputs named on the command line must exist; a missing default (an unbundled file) is only left out.
        var named = new List<(string Option, string Path)>();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg is "-h" or "--help" or "-?")
            {
                return null;
            }

            if (arg == "--no-progress")
            {
                options = options with { ShowProgress = false };
                continue;
            }

            // Accept both "--events path" and "--events=path".
            string name = arg;
            string? value = null;
            int eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                name = arg[..eq];
                value = arg[(eq + 1)..];
            }

            if (name is not ("--events" or "--snapshots" or "--goals" or "--experiments" or "--out" or "--time-zone" or "--as-of" or "--hourly-rate" or "--language"))
            {
                error = $"Unknown option '{arg}'. Run with --help to see the options.";
                return null;
            }

            if (value is null)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    error = $"Option {name} needs a value.";
                    return null;
                }

                value = args[++i];
            }

            if (value.Length == 0)
            {
                error = $"Option {name} needs a value.";
                return null;
            }

            switch (name)
            {
                case "--events":
                    options = options with { Events = value };
                    named.Add((name, value));
                    break;
                case "--snapshots":
                    options = options with { Snapshots = value };
                    named.Add((name, value));
                    break;
                case "--goals":
                    options = options with { Goals = value };
                    named.Add((name, value));
                    break;
                case "--experiments":
                    options = options with { Experiments = value };
                    named.Add((name, value));
                    break;
                case "--out":
                    if (File.Exists(value))
                    {
                        error = $"--out expects a folder, and '{value}' is a file.";
                        return null;
                    }

                    options = options with { OutputDirectory = value };
                    break;
                case "--time-zone":
                    options = options with { TimeZone = value };
                    break;
                case "--language":
                    if (!ChannelMetrics.Reporting.ReportOptions.AvailableLanguages.Contains(value, StringComparer.OrdinalIgnoreCase))
                    {
                        error = $"--language expects one of {string.Join(", ", ChannelMetrics.Reporting.ReportOptions.AvailableLanguages)}, not '{value}'.";
                        return null;
                    }

                    options = options with { Language = value.ToLowerInvariant() };
                    break;
                case "--hourly-rate":
                    if (!decimal.TryParse(value, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out decimal rate) || rate < 0)
                    {
                        error = $"--hourly-rate expects an amount of zero or more, such as 60 or 72.50, not '{value}'.";
                        return null;
                    }

                    options = options with { HourlyRate = rate == 0 ? null : rate };
                    break;
                default:
                    if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly asOf))
                    {
                        error = $"--as-of expects a date as YYYY-MM-DD, not '{value}'.";
                        return null;
                    }

                    if (asOf < FirstAsOf)
                    {
                        error = $"--as-of must be {FirstAsOf:yyyy-MM-dd} or later: the report judges the months before it.";
                        return null;
                    }

                    options = options with { AsOf = asOf };
                    break;
            }
        }

        foreach ((string option, string path) in named)
        {
            if (!File.Exists(path))
            {
                error = Directory.Exists(path) ? $"{option} expects a file, and '{path}' is a folder." : $"{option}: '{path}' does not exist.";
                return null;
            }
        }

        return options;
    }

    /// <summary>The first evaluation date with a whole month before it.</summary>
    private static readonly DateOnly FirstAsOf = new(1, 2, 1);

    /// <summary>The folder holding ChannelMetrics.sln, searched upwards from the current folder and then from the program's folder.</summary>
    public static string? FindRepositoryRoot()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ChannelMetrics.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
