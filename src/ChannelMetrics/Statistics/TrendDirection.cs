namespace ChannelMetrics.Statistics;

/// <summary>The direction of a trend or a level shift.</summary>
public enum TrendDirection
{
    /// <summary>No trend at the chosen significance, or the test could not be computed.</summary>
    NoTrend = 0,

    /// <summary>Values tend to rise over time.</summary>
    Increasing = 1,

    /// <summary>Values tend to fall over time.</summary>
    Decreasing = 2,
}
