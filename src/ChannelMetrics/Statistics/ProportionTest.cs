namespace ChannelMetrics.Statistics;

/// <summary>Which test compared two proportions.</summary>
public enum ProportionTest
{
    /// <summary>The pooled two-proportion z test (normal approximation).</summary>
    TwoProportionZTest = 0,

    /// <summary>Fisher's exact test on the 2×2 table.</summary>
    FisherExact = 1,
}
