namespace ChannelMetrics.Goals;

/// <summary>The unit of a <see cref="GoalMetric"/>, which fixes what a target may be.</summary>
public enum MetricValueType
{
    /// <summary>A count per period (visits, leads, followers): zero or more.</summary>
    Count = 0,

    /// <summary>A rate in [0, 1] (visit→lead rate, negative share).</summary>
    Rate = 1,

    /// <summary>A relative change per period (0.05 = +5 % on the previous period): −1 or more.</summary>
    GrowthRate = 2,

    /// <summary>A signed score in [−1, 1] (net sentiment).</summary>
    Score = 3,

    /// <summary>An amount of money per period, currency-agnostic: zero or more.</summary>
    Money = 4,
}
