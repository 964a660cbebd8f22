namespace ChannelMetrics.Statistics;

/// <summary>Why a statistic could not be computed from the data it was given.</summary>
/// <remarks>
/// Statistics in this namespace never throw on bad data and never return NaN: when the data cannot support
/// an answer the result says so with one of these reasons and carries neutral values (p-value 1, no trend).
/// </remarks>
public enum StatisticNotComputableReason
{
    /// <summary>The statistic was computed.</summary>
    None = 0,

    /// <summary>Fewer (non-missing) values than the method's documented minimum.</summary>
    TooFewValues = 1,

    /// <summary>All values are equal (or all x values are equal), so there is no variation to test or fit.</summary>
    NoVariation = 2,

    /// <summary>A seasonal method was given fewer than two full cycles of the period, or no season with two values.</summary>
    TooFewSeasonCycles = 3,

    /// <summary>A group has no trials, so its rate is unknown.</summary>
    NoTrials = 4,

    /// <summary>The values are so large that the arithmetic overflowed the range of <see cref="double"/> (or, for counts, of a 64-bit integer).</summary>
    ValuesOutOfRange = 5,

    /// <summary>
    /// More values than the method can take: Sen's slope keeps every pair's slope, and more than 16,384 values have more
    /// pairs than fit in 1 GB; Fisher's exact test sums every table with the observed margins, and more than 16,777,216
    /// would take more than a second.
    /// </summary>
    TooManyValues = 6,
}
