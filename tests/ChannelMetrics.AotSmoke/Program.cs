using ChannelMetrics;
using ChannelMetrics.Statistics;

// Runs the library's main path under NativeAOT and exits non-zero when any answer is wrong.
var failures = new List<string>();

void Check(bool condition, string what)
{
    if (!condition)
    {
        failures.Add(what);
    }
}

var zone = TimeZoneInfo.CreateCustomTimeZone("UTC+2", TimeSpan.FromHours(2), "UTC+2", "UTC+2");
var february = Period.Containing(new DateTimeOffset(2026, 1, 31, 23, 30, 0, TimeSpan.Zero), PeriodGranularity.Month, zone);
Check(february == Period.Month(2026, 2), "period bucketing in a time zone");

var wilson = Proportions.Wilson(81, 263);
Check(wilson.Lower > 0.25 && wilson.Upper < 0.37, "Wilson interval");

foreach (var failure in failures)
{
    Console.Error.WriteLine($"AOT smoke failed: {failure}");
}

Console.WriteLine(failures.Count == 0 ? "AOT smoke: all checks passed" : $"AOT smoke: {failures.Count} checks failed");
return failures.Count == 0 ? 0 : 1;
