using System.Globalization;
using System.Text;
using AgencyReport;
using ChannelMetrics.Experiments;
using ChannelMetrics.Goals;

// The agency demo: read a client's funnel events, network snapshots, goals and experiments, and
// write the monthly report (Markdown, JSON, HTML with a chart per network).
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
Console.OutputEncoding = Encoding.UTF8;

string root = ReportOptions.FindRepositoryRoot() ?? Directory.GetCurrentDirectory();
ReportOptions? options = ReportOptions.Parse(args, root, out string? error);
if (options is null)
{
    if (error is null)
    {
        Console.WriteLine(ReportOptions.Usage);
        return 0;
    }

    Console.Error.WriteLine(error);
    return 2;
}

try
{
    return AgencyReportRun.Run(options);
}
catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or TimeZoneNotFoundException
    or InvalidTimeZoneException or GoalSetFormatException or ExperimentLogFormatException)
{
    // Bad files are the user's to fix: say which and why, without a stack trace.
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
