namespace ChannelMetrics.Funnel;

/// <summary>Why a <see cref="Rate"/> has no value.</summary>
public enum RateUndefinedReason
{
    /// <summary>The rate has a value.</summary>
    None = 0,

    /// <summary>There were no trials (for example no visits in the period), so nothing can be said.</summary>
    NoTrials = 1,

    /// <summary>
    /// There were more successes than trials, which happens with real data (leads attributed to a
    /// network in a month with fewer visits from it); the ratio is not a proportion, so no rate is given.
    /// </summary>
    SuccessesExceedTrials = 2,
}
