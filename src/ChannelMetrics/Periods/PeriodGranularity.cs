namespace ChannelMetrics;

/// <summary>The length of a reporting <see cref="Period"/>.</summary>
public enum PeriodGranularity
{
    /// <summary>One calendar day.</summary>
    Day = 0,

    /// <summary>One ISO 8601 week, Monday to Sunday, numbered within its ISO week-year.</summary>
    Week = 1,

    /// <summary>One calendar month.</summary>
    Month = 2,

    /// <summary>One calendar quarter (January–March, April–June, July–September, October–December).</summary>
    Quarter = 3,
}
