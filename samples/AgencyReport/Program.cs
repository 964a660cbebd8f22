using System.Globalization;
using ChannelMetrics;
using ChannelMetrics.Statistics;

// The agency demo grows with each capability of the library; today it shows reporting periods
// and the conversion-rate intervals every report is built on.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var zone = TimeZoneInfo.CreateCustomTimeZone("UTC+2", TimeSpan.FromHours(2), "UTC+2", "UTC+2");
var lateEvening = new DateTimeOffset(2026, 1, 31, 23, 30, 0, TimeSpan.Zero);
Console.WriteLine($"An event at {lateEvening:u} belongs to {Period.Containing(lateEvening, PeriodGranularity.Month, zone)} for a team in UTC+2.");

foreach (var (network, leads, visits) in new[] { ("LinkedIn", 81L, 263L), ("Facebook", 95L, 2_950L) })
{
    var interval = Proportions.Wilson(leads, visits);
    Console.WriteLine($"{network}: {leads}/{visits} visits became leads, 95% interval {interval.Lower:P1} to {interval.Upper:P1}");
}
