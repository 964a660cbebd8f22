namespace ChannelMetrics.Statistics;

/// <summary>What kind of answer a <see cref="Projection"/> gave.</summary>
public enum ProjectionOutcome
{
    /// <summary>The series has too few values for a trend line; <see cref="ProjectionResult.Reason"/> says why.</summary>
    NotEnoughData = 0,

    /// <summary>The trend line is already at or past the target at the last period of the series.</summary>
    AlreadyReached = 1,

    /// <summary>The trend line reaches the target after <see cref="ProjectionResult.Periods"/> more periods.</summary>
    InPeriods = 2,

    /// <summary>The trend is flat or points away from the target, so at this trend it is never reached.</summary>
    NotAtThisTrend = 3,
}

/// <summary>Which side of the target counts as reaching it.</summary>
public enum TargetDirection
{
    /// <summary>The goal is to reach the target or more (followers, leads, visits).</summary>
    AtLeast = 0,

    /// <summary>The goal is to get down to the target or less (cost per lead, churn).</summary>
    AtMost = 1,
}

/// <summary>Which trend line a projection follows.</summary>
public enum TrendLineMethod
{
    /// <summary><see cref="SenSlope"/>: robust to outliers; needs 2 values.</summary>
    SenSlope = 0,

    /// <summary><see cref="LeastSquares"/>: ordinary least squares on the index; needs 3 values.</summary>
    LeastSquares = 1,
}

/// <summary>The answer of <see cref="Projection.PeriodsToReach"/>: when, at the current trend, a series reaches its target.</summary>
/// <remarks>Never NaN or infinite: every number is finite, and 0 where it does not apply.</remarks>
public readonly record struct ProjectionResult
{
    internal ProjectionResult(ProjectionOutcome outcome, double periods, double slope, double currentLevel, TrendLineMethod method, StatisticNotComputableReason reason)
    {
        Outcome = outcome;
        Periods = periods;
        Slope = slope;
        CurrentLevel = currentLevel;
        Method = method;
        Reason = reason;
    }

    /// <summary>Gets the kind of answer.</summary>
    public ProjectionOutcome Outcome { get; }

    /// <summary>Gets the (fractional) number of periods after the last period of the series until the trend line reaches the target; 0 unless <see cref="ProjectionOutcome.InPeriods"/>.</summary>
    public double Periods { get; }

    /// <summary>Gets <see cref="Periods"/> rounded up to whole periods (the first period whose trend value reaches the target), at most <see cref="int.MaxValue"/>.</summary>
    public int WholePeriods => Periods <= 0 ? 0 : Periods >= int.MaxValue ? int.MaxValue : (int)Math.Ceiling(Periods);

    /// <summary>Gets the trend slope per period that was used (0 with <see cref="ProjectionOutcome.NotEnoughData"/>).</summary>
    public double Slope { get; }

    /// <summary>Gets the trend line's value at the last period of the series (0 with <see cref="ProjectionOutcome.NotEnoughData"/>).</summary>
    public double CurrentLevel { get; }

    /// <summary>Gets the trend line method used.</summary>
    public TrendLineMethod Method { get; }

    /// <summary>Gets why there was not enough data, or <see cref="StatisticNotComputableReason.None"/>.</summary>
    public StatisticNotComputableReason Reason { get; }
}
