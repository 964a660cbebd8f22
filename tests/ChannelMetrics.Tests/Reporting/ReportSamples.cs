using System.Globalization;
using ChannelMetrics.Funnel;

namespace ChannelMetrics.Tests.Reporting;

/// <summary>Small tables shared by the reporting tests.</summary>
internal static class ReportSamples
{
    public static readonly Period Jan = Period.Month(2026, 1);
    public static readonly Period Feb = Period.Month(2026, 2);

    /// <summary>Two months, two networks, campaign names that need quoting and escaping, and an undefined rate.</summary>
    public static FunnelTable Tricky() => FunnelTable.FromRows(
    [
        new(Jan, "Facebook", 200, 10, 2, Campaign: "spring, \"big\" sale"),
        new(Jan, "X (Twitter)", 0, 0, 0, Campaign: "=HYPERLINK(\"http://evil\")"),
        new(Feb, "Facebook", 100, 5, 1, Campaign: "a|b\nc"),
        new(Feb, "X (Twitter)", 40, 2, 0, Campaign: "brand"),
    ]);

    /// <summary>One network, no campaign dimension.</summary>
    public static FunnelTable Plain() => FunnelTable.FromRows(
    [
        new(Jan, "LinkedIn", 1234, 50, 5),
        new(Feb, "LinkedIn", 800, 40, 8),
    ]);

    public static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string RateFields(Rate rate) => rate.Value is { } v
        ? $"{R(v)},{R(rate.Interval!.Value.Lower)},{R(rate.Interval.Value.Upper)}"
        : ",,";
}
