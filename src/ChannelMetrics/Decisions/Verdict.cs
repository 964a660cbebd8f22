namespace ChannelMetrics.Decisions;

/// <summary>What the team should do with a network or a campaign.</summary>
/// <remarks>The default value is <see cref="InsufficientData"/>, so an unset verdict never reads as advice.</remarks>
public enum Verdict
{
    /// <summary>There is not enough to judge: no goal (or, for a network, goals only for some of its campaigns), too few periods, or no data. Says what is missing.</summary>
    InsufficientData = 0,

    /// <summary>Put more in: it converts clearly better than its peers, and reach (not quality) holds it back.</summary>
    Invest = 1,

    /// <summary>Carry on as now: it meets its goals, or it does the job its role asks of it.</summary>
    Keep = 2,

    /// <summary>Keep it but fix one thing: the weak funnel stage, the sentiment, or the cost.</summary>
    Optimize = 3,

    /// <summary>Not really tried yet: run the experiments named in the evidence before judging it.</summary>
    Experiment = 4,

    /// <summary>Spend less time on it: its goals are missed, but not everything says stop.</summary>
    Reduce = 5,

    /// <summary>Stop: goals missed and not on track, no upward trend, no better than the rest, experiments tried, and no positive return.</summary>
    Cut = 6,
}

/// <summary>The job a network (or a campaign within its network) does, judged from its share of traffic, its conversion and its goals.</summary>
public enum NetworkRole
{
    /// <summary>Too little traffic to tell (fewer visits in the window than <see cref="DecisionPolicy.MinimumVisits"/>), or no data.</summary>
    Minor = 0,

    /// <summary>Converts visits to leads clearly better than its peers.</summary>
    Converter = 1,

    /// <summary>
    /// Brings a large share of the traffic (at least <see cref="DecisionPolicy.TrafficDriverShare"/> of all visits, or of a
    /// site section such as the blog) but converts clearly worse than its peers: it should be judged on its traffic goal.
    /// </summary>
    TrafficDriver = 2,

    /// <summary>Most of its goal weight is on reach or engagement (followers, impressions, mentions): it builds the audience.</summary>
    ReachBuilder = 3,

    /// <summary>None of the above stands out: it brings traffic and converts about as well as its peers.</summary>
    Balanced = 4,
}

/// <summary>How a goal stands at the evaluation date.</summary>
public enum GoalProgress
{
    /// <summary>No value of the goal's metric is known in the evaluation window.</summary>
    Unknown = 0,

    /// <summary>The window's average meets the target, or a significant trend towards it already reaches it at the last period.</summary>
    Met = 1,

    /// <summary>Not met yet, but a significant trend towards the target reaches it before the deadline (or within the projection horizon).</summary>
    OnTrack = 2,

    /// <summary>
    /// Not met; the trend points towards the target and either is significant but reaches it only after the deadline (or the
    /// projection horizon), or would reach it in time but is not significant.
    /// </summary>
    Behind = 3,

    /// <summary>Not met, and no trend gives a reason to expect it: flat, pointing away, or too weak and too slow (or the deadline has passed).</summary>
    Missed = 4,
}

/// <summary>How firmly the data support acting on a verdict.</summary>
/// <remarks>
/// A coarse, documented scale rather than a number, because the verdicts combine several tests and no single probability
/// describes them honestly. Any verdict on a history shorter than <see cref="DecisionPolicy.MinimumPeriodsBeforeCut"/>
/// is <see cref="Low"/>.
/// </remarks>
public enum ConfidenceLevel
{
    /// <summary>
    /// The verdict is about missing data (<see cref="Verdict.InsufficientData"/>, or <see cref="Verdict.Experiment"/> because
    /// of too few visits), or the history is shorter than <see cref="DecisionPolicy.MinimumPeriodsBeforeCut"/>.
    /// </summary>
    Low = 0,

    /// <summary>
    /// The verdict rests on an estimate without a significance test (an ROI figure), on a trend that does not yet meet the
    /// goals, or on the absence of a specific problem (an <see cref="Verdict.Experiment"/> with no significant decline).
    /// </summary>
    Medium = 1,

    /// <summary>
    /// The deciding evidence is a significant rate comparison or trend (Invest, traffic driver, sentiment, a weak stage,
    /// a significant decline), goals clearly met (Keep), or every condition of a <see cref="Verdict.Cut"/> or
    /// <see cref="Verdict.Reduce"/>.
    /// </summary>
    High = 2,
}

/// <summary>What a <see cref="Verdict.Optimize"/> (or a traffic-driver <see cref="Verdict.Keep"/>) asks the team to work on.</summary>
public enum OptimizationFocus
{
    /// <summary>Nothing in particular.</summary>
    None = 0,

    /// <summary>Turning visits into leads: the visit→lead rate is clearly below the peers'.</summary>
    VisitToLead = 1,

    /// <summary>Turning leads into customers: the lead→customer rate is clearly below the peers'.</summary>
    LeadToCustomer = 2,

    /// <summary>The traffic itself: judge it on its traffic goal, or grow the visits of an improving network.</summary>
    Traffic = 3,

    /// <summary>What people say: the negative share of comments and mentions is rising.</summary>
    Sentiment = 4,

    /// <summary>The cost: the return on spend and hours is below <see cref="DecisionPolicy.RoiThreshold"/>.</summary>
    Cost = 5,
}

/// <summary>What an <see cref="Evidence"/> item's value was compared with.</summary>
public enum ComparisonBasis
{
    /// <summary>The goal's target (for a campaign inheriting a count goal, the network target scaled by the campaign's share of visits).</summary>
    Target = 0,

    /// <summary>The rest of the portfolio: every other network (or source) in the data, pooled.</summary>
    Portfolio = 1,

    /// <summary>The other campaigns of the same network, pooled.</summary>
    OtherCampaigns = 2,

    /// <summary>The same series in earlier periods (a trend).</summary>
    PreviousPeriods = 3,

    /// <summary>A threshold of the <see cref="DecisionPolicy"/> (minimum periods, visits, experiments, ROI threshold).</summary>
    Policy = 4,
}

/// <summary>How the goals of a network are weighted against each other.</summary>
public enum GoalWeighting
{
    /// <summary>Each goal counts with its <see cref="Goals.Goal.Weight"/> (1 unless the goal set says otherwise).</summary>
    GoalWeight = 0,

    /// <summary>Every goal counts the same, whatever its weight.</summary>
    Equal = 1,
}
