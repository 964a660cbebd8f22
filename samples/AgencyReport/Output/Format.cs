using System.Globalization;

namespace AgencyReport.Output;

/// <summary>Number formatting shared by the writers: invariant culture, so reports read the same on every machine.</summary>
internal static class Format
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public static string Count(long value) => value.ToString("N0", s_invariant);

    public static string Percent(double? value, int decimals = 1) =>
        value is double v ? (v * 100).ToString("F" + decimals.ToString(s_invariant), s_invariant) + "%" : "n/a";

    public static string Rate(RateView rate) =>
        rate.Value is null
            ? "n/a" + (rate.WhyUndefined is null ? "" : " (" + rate.WhyUndefined + ")")
            : rate.Lower is double lo && rate.Upper is double hi
                ? $"{Percent(rate.Value)} [{Percent(lo)} – {Percent(hi)}]"
                : Percent(rate.Value);

    public static string Number(double? value, string format = "0.###") =>
        value is double v ? v.ToString(format, s_invariant) : "n/a";

    public static string PValue(double? p) =>
        p switch
        {
            null => "n/a",
            < 0.001 => "< 0.001",
            double v => v.ToString("0.000", s_invariant),
        };

    public static string Trend(TrendView? trend) =>
        trend is null
            ? "n/a"
            : trend.Tau is null
                ? trend.Direction + (trend.Note is null ? "" : $" ({trend.Note})")
                : $"{trend.Direction} (τ {Number(trend.Tau, "0.00")}, p {PValue(trend.PValue)}, Sen {SignedNumber(trend.SenSlopePerMonth)}/month)";

    /// <summary>A slope with its sign; small ones keep more decimals so they do not print as "-0".</summary>
    public static string SignedNumber(double? value) =>
        value is double v
            ? (v >= 0 ? "+" : "") + v.ToString(Math.Abs(v) >= 10 ? "0" : Math.Abs(v) >= 1 ? "0.0" : Math.Abs(v) >= 0.1 ? "0.00" : "0.000", s_invariant)
            : "n/a";
}
