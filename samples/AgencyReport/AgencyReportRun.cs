using System.Diagnostics;
using System.Globalization;
using AgencyReport.Analysis;
using AgencyReport.Input;
using AgencyReport.Output;
using ChannelMetrics;
using ChannelMetrics.Experiments;
using ChannelMetrics.Funnel;
using ChannelMetrics.Goals;
using ChannelMetrics.Metrics;
using ChannelMetrics.Decisions;
using ChannelMetrics.Reporting;

namespace AgencyReport;

/// <summary>The demo's steps, in order: read, aggregate, analyse, print, write.</summary>
internal static class AgencyReportRun
{
    /// <summary>How many skipped lines are printed one by one; the rest are counted.</summary>
    private const int ProblemsShown = 10;

    /// <summary>How many skipped lines report.html lists; it says how many more there were.</summary>
    private const int SkippedListed = 50;

    public static int Run(ReportOptions options)
    {
        TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        Console.WriteLine("ChannelMetrics agency report");
        Console.WriteLine($"  events       {options.Events}");
        Console.WriteLine($"  snapshots    {options.Snapshots}");
        Console.WriteLine($"  goals        {options.Goals}");
        Console.WriteLine($"  experiments  {options.Experiments}");
        Console.WriteLine($"  time zone    {zone.Id}; attribution: first touch");
        Console.WriteLine();

        var problems = new List<InputProblem>();
        var sections = new SectionCounter(zone);
        FunnelTable table = Aggregate(options, zone, problems, sections, out long events);
        IReadOnlyList<SectionVisits> sectionVisits = sections.ToList();
        if (table.Periods.Count == 0)
        {
            PrintProblems(problems);
            Console.Error.WriteLine($"error: {options.Events} holds no readable event, so there is nothing to report.");
            return 1;
        }

        List<ChannelSnapshot> snapshots = File.Exists(options.Snapshots) ? SnapshotFileReader.Read(options.Snapshots, problems) : [];
        GoalSet goals = File.Exists(options.Goals) ? ReadJson(options.Goals, GoalSet.FromJson) : GoalSet.Empty;
        ExperimentLog experiments = File.Exists(options.Experiments) ? ReadJson(options.Experiments, ExperimentLog.FromJson) : ExperimentLog.Empty;
        PrintProblems(problems);

        Period first = table.Periods[0];
        Period last = table.Periods[^1];
        DateOnly asOf = options.AsOf ?? last.Next().Start;
        Console.WriteLine($"  {snapshots.Count:N0} snapshots, {goals.Goals.Count:N0} goals, {experiments.Experiments.Count:N0} experiments; {table.Periods.Count} months {first} to {last}; evaluated as of {asOf:yyyy-MM-dd}.");
        if (asOf <= first.Start || asOf > last.Next().Start)
        {
            Console.WriteLine($"  note: the data run from {first} to {last}, so an evaluation as of {asOf:yyyy-MM-dd} judges months {(asOf <= first.Start ? "before" : "after")} them, with no data.");
        }
        Console.WriteLine();

        DecisionEngine engine = new DecisionEngineBuilder { Policy = DecisionPolicy.Default with { HourlyRate = options.HourlyRate } }.Build();
        // The dataset carries the blog visits counted per network, so section goals (X's blog traffic) are judged too.
        var dataset = ChannelDataset.Create(table, snapshots, sectionVisits, options.HourlyRate);
        DecisionReport decisions = engine.Evaluate(dataset, goals, experiments, asOf);
        ReportModel model = BuildModel(table, options, zone, problems, events, snapshots.Count, goals, experiments, asOf);
        model = model with { Networks = Verdicts.Apply(SectionShares(model.Networks, sectionVisits, "blog"), decisions) };
        model = model with { Networks = model.Networks.Select(n => Sentiment(n, table, snapshots, decisions)).ToList() };
        PrintSummary(model);

        // Markdown, JSON and CSV come from the library's report writers; the HTML page with its charts is the sample's.
        Directory.CreateDirectory(options.OutputDirectory);
        // The text's language brings its dates and numbers: an Arabic report should not name its months in English.
        var text = new ChannelMetrics.Reporting.ReportOptions
        {
            Language = options.Language,
            Culture = options.Language is null or "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(options.Language),
        };
        var outputs = new List<string>();
        foreach (ReportWriter writer in new ReportWriter[] { new MarkdownReportWriter(text), new JsonReportWriter(text), new CsvReportWriter(text) })
        {
            string path = Path.Combine(options.OutputDirectory, "report" + writer.FileExtension);
            using (FileStream file = File.Create(path))
            {
                writer.Write(decisions, table, file);
            }

            outputs.Add(path);
        }

        string html = Path.Combine(options.OutputDirectory, "report.html");
        File.WriteAllText(html, HtmlPage.Write(model));
        outputs.Add(html);
        Console.WriteLine();
        Console.WriteLine("Wrote:");
        foreach (string path in outputs)
        {
            Console.WriteLine($"  {Path.GetFullPath(path)}  ({new FileInfo(path).Length:N0} bytes)");
        }

        return 0;
    }

    private static FunnelTable Aggregate(ReportOptions options, TimeZoneInfo zone, List<InputProblem> problems, SectionCounter sections, out long events)
    {
        var aggregator = new FunnelAggregator(FunnelOptions.Default with
        {
            Granularity = PeriodGranularity.Month,
            TimeZone = zone,
            Attribution = AttributionModel.FirstTouch,
            Dimensions = FunnelDimensions.Network | FunnelDimensions.Campaign,
        });

        var progress = new ConsoleProgress("reading events", options.ShowProgress);
        var clock = Stopwatch.StartNew();
        var last = default(ReadProgress);
        var tracker = new Progress(progress, p => last = p);
        events = 0;
        foreach (EventRecord e in EventFileReader.Read(options.Events, problems, tracker))
        {
            // The span path: the aggregator parses the tracking code and interns every value it has seen before.
            aggregator.Add(e.Timestamp, e.Stage, e.VisitorId, e.LandingUrl);
            if (e.Stage == FunnelStage.Visit)
            {
                sections.AddVisit(e.Timestamp, e.LandingUrl);
            }

            events++;
        }

        progress.Complete(last, clock.Elapsed);
        return aggregator.ToTable();
    }

    /// <summary>Forwards reports to the console line and remembers the last one.</summary>
    private sealed class Progress(ConsoleProgress console, Action<ReadProgress> remember) : IProgress<ReadProgress>
    {
        public void Report(ReadProgress value)
        {
            remember(value);
            console.Report(value);
        }
    }

    /// <summary>Reads a JSON input, naming the file in the error: goals and experiments would otherwise fail alike.</summary>
    private static T ReadJson<T>(string path, Func<string, T> parse)
    {
        try
        {
            return parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is GoalSetFormatException or ExperimentLogFormatException)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    private static void PrintProblems(List<InputProblem> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }

        Console.WriteLine($"  {problems.Count:N0} input line(s) skipped:");
        foreach (InputProblem p in problems.Take(ProblemsShown))
        {
            Console.WriteLine($"    {p}");
        }

        if (problems.Count > ProblemsShown)
        {
            Console.WriteLine($"    … and {problems.Count - ProblemsShown:N0} more (report.html lists the first {SkippedListed}).");
        }
    }

    private static ReportModel BuildModel(
        FunnelTable table,
        ReportOptions options,
        TimeZoneInfo zone,
        List<InputProblem> problems,
        long events,
        int snapshots,
        GoalSet goals,
        ExperimentLog experiments,
        DateOnly asOf)
    {
        long visits = 0;
        long leads = 0;
        foreach (FunnelSummary s in table.TotalsByNetwork())
        {
            visits += s.Visits;
            leads += s.Leads;
        }

        double portfolio = visits == 0 ? 0 : (double)leads / visits;
        var networks = table.TotalsByNetwork()
            .OrderByDescending(s => s.Visits)
            .ThenBy(s => s.Network, StringComparer.OrdinalIgnoreCase)
            .Select(s => ReportBuilder.Network(table, s, portfolio, Trends.Of, Trends.Lines))
            .ToList();

        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"Inputs: {events:N0} events from {Path.GetFileName(options.Events)}, {snapshots:N0} monthly snapshots, {goals.Goals.Count} goals and {experiments.Experiments.Count} experiments. Months in {zone.Id}; leads and customers credited to the visitor's first touch; intervals are 95 % Wilson intervals."),
        };

        return new ReportModel(
            // The client is named in its goal set ("name"); the report takes its title from there.
            $"{goals.Name ?? "Channels"}: social networks report",
            $"{table.Periods[0]} to {table.Periods[^1]}, evaluated as of {asOf:yyyy-MM-dd}. Generated by the ChannelMetrics AgencyReport sample.",
            notes,
            networks,
            portfolio)
        {
            Skipped = problems.Take(SkippedListed).Select(p => p.ToString()).ToList(),
            SkippedTotal = problems.Count,
        };
    }

    /// <summary>Adds to each network how many visits it sent to a site section, and its share of them.</summary>
    private static List<NetworkView> SectionShares(IReadOnlyList<NetworkView> networks, IReadOnlyList<SectionVisits> sectionVisits, string section)
    {
        long total = sectionVisits.Where(s => s.Section == section).Sum(s => s.Visits);
        return networks.Select(n =>
        {
            long own = sectionVisits.Where(s => s.Section == section && string.Equals(s.Network, n.Network, StringComparison.OrdinalIgnoreCase)).Sum(s => s.Visits);
            return total == 0 || own == 0 ? n : n with { Section = $"{own:N0} visits to the {section} ({Format.Percent((double)own / total)} of all {section} visits)" };
        }).ToList();
    }

    /// <summary>
    /// Adds the sentiment panel to a network whose verdict rests on sentiment (a sentiment goal, or
    /// sentiment evidence): the negative share per month, its Sen trend and the goal's ceiling.
    /// </summary>
    private static NetworkView Sentiment(NetworkView view, FunnelTable table, List<ChannelSnapshot> snapshots, DecisionReport decisions)
    {
        ChannelAssessment? assessment = decisions.Networks.FirstOrDefault(a => string.Equals(a.Network, view.Network, StringComparison.OrdinalIgnoreCase));
        GoalStatus? goal = assessment?.GoalStatuses.FirstOrDefault(g => g.Metric == GoalMetric.NegativeShare);
        bool matters = goal is not null || (assessment?.Evidence.Any(e => e.Code == EvidenceCodes.SentimentWorsening) ?? false);
        if (!matters)
        {
            return view;
        }

        var byPeriod = snapshots.Where(s => string.Equals(s.Network, view.Network, StringComparison.OrdinalIgnoreCase)).ToDictionary(s => s.Period);
        var shares = table.Periods.Select(p => byPeriod.TryGetValue(p, out ChannelSnapshot? s) ? s.NegativeShare().Value * 100 : null).ToList();
        if (shares.Count(v => v is not null) < 3)
        {
            return view;
        }

        var series = new SentimentSeries(shares, Trends.Lines(shares).Take(1).ToList(), goal is { Direction: GoalDirection.AtMost } ? goal.Target * 100 : null);
        return view with { Chart = view.Chart with { Sentiment = series } };
    }

    private static void PrintSummary(ReportModel model)
    {
        bool verdicts = model.Networks.Any(n => n.Verdict is not null);
        string header = $"{"Network",-16} {"Visits",9} {"Share",7} {"Leads",7} {"Cust.",6}  {"Visit→lead [95% interval]",-27} {"Visits trend",-40}" + (verdicts ? " Verdict" : "");
        Console.WriteLine(header);
        Console.WriteLine(new string('-', header.Length));
        foreach (NetworkView n in model.Networks)
        {
            TrendView? trend = n.Trends.FirstOrDefault(t => t.Metric == "visits");
            string trendText = trend is null ? "n/a" : trend.Tau is null ? trend.Direction : $"{trend.Direction} (p {Format.PValue(trend.PValue)}, {Format.SignedNumber(trend.SenSlopePerMonth)}/mo)";
            Console.WriteLine($"{Truncate(n.Network, 16),-16} {Format.Count(n.Visits),9} {Format.Percent(n.ShareOfVisits),7} {Format.Count(n.Leads),7} {Format.Count(n.Customers),6}  {Format.Rate(n.VisitToLead),-27} {trendText,-40}" + (verdicts ? " " + n.Verdict : ""));
            foreach (CampaignView c in n.Campaigns.Where(c => c.Verdict is not null && n.Campaigns.Count > 1))
            {
                Console.WriteLine($"  └ {Truncate(c.Campaign, 22),-22} {Format.Count(c.Visits),7} visits {Format.Count(c.Leads),5} leads  {Format.Rate(c.VisitToLead),-27} {c.Verdict}");
            }
        }

        Console.WriteLine($"All sources: visit→lead {Format.Percent(model.PortfolioVisitToLead, 2)}.");
    }

    private static string Truncate(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
