namespace ChannelMetrics.Metrics;

/// <summary>Why a <see cref="MetricValue"/> holds no number.</summary>
public enum NotComputableReason
{
    /// <summary>The value is known, or (for <c>default(MetricValue)</c>) was never computed.</summary>
    None = 0,

    /// <summary>An input the formula needs is unknown (unknown is not zero).</summary>
    MissingInput = 1,

    /// <summary>The formula divides by a quantity that is zero, such as ROI of a network that cost nothing.</summary>
    ZeroDenominator = 2,

    /// <summary>The formula compares with the previous period, and there is none.</summary>
    NoPreviousPeriod = 3,
}
