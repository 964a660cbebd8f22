namespace ChannelMetrics.Decisions;

/// <summary>
/// The stable codes of <see cref="Evidence.Code"/>. Reports localize a sentence from the code and the evidence's
/// structured fields, so a code's meaning and the fields it fills never change once released.
/// </summary>
public static class EvidenceCodes
{
    /// <summary>No goal applies: goals come first. No fields besides the subject.</summary>
    public const string GoalsMissing = "GoalsMissing";

    /// <summary>
    /// A network whose goals are all limited to some of its campaigns: the network as a whole has none to be judged on,
    /// and its campaigns are judged on theirs. Value: the number of those campaign goals.
    /// </summary>
    public const string CampaignGoalsOnly = "CampaignGoalsOnly";

    /// <summary>No funnel row and no snapshot for the subject up to the evaluation period.</summary>
    public const string NoData = "NoData";

    /// <summary>Fewer periods of data than <see cref="DecisionPolicy.MinimumPeriods"/>. Value: periods; ComparedWith: the policy minimum.</summary>
    public const string TooFewPeriods = "TooFewPeriods";

    /// <summary>Fewer visits in the window than <see cref="DecisionPolicy.MinimumVisits"/>. Value: visits; ComparedWith: the policy minimum; Periods: the window.</summary>
    public const string TooFewVisits = "TooFewVisits";

    /// <summary>A goal is met. GoalId, Metric; Value: the window average; ComparedWith: the target.</summary>
    public const string GoalMet = "GoalMet";

    /// <summary>A goal is not met yet but on track. GoalId, Metric, Value, ComparedWith: the target; Statistic: Sen slope; PValue: Mann-Kendall; Periods: periods to reach it.</summary>
    public const string GoalOnTrack = "GoalOnTrack";

    /// <summary>A goal is behind: the trend points towards the target but is not significant or too slow. Fields as <see cref="GoalOnTrack"/>.</summary>
    public const string GoalBehind = "GoalBehind";

    /// <summary>A goal is missed. GoalId, Metric; Value: the window average; ComparedWith: the target; Statistic: Sen slope when computable.</summary>
    public const string GoalMissed = "GoalMissed";

    /// <summary>No value of a goal's metric is known in the window. GoalId, Metric.</summary>
    public const string GoalUnknown = "GoalUnknown";

    /// <summary>The weighted share of the goals met is at least <see cref="DecisionPolicy.GoalsMetShare"/>. Value: the share; ComparedWith: the policy threshold.</summary>
    public const string GoalsMet = "GoalsMet";

    /// <summary>
    /// The goals other than sentiment are met (their weighted share at least <see cref="DecisionPolicy.GoalsMetShare"/>),
    /// said when sentiment turns while the rest goes well. Value: that share; ComparedWith: the policy threshold.
    /// </summary>
    public const string OtherGoalsMet = "OtherGoalsMet";

    /// <summary>The goals are missed, but some are partly met (weighted share at least <see cref="DecisionPolicy.PartlyMetShare"/>). Value and ComparedWith as <see cref="GoalsMet"/>.</summary>
    public const string GoalsPartlyMet = "GoalsPartlyMet";

    /// <summary>The goals are missed: the weighted share met is below <see cref="DecisionPolicy.PartlyMetShare"/>. Value and ComparedWith as <see cref="GoalsMet"/>.</summary>
    public const string GoalsNotMet = "GoalsNotMet";

    /// <summary>The visit→lead (Metric) or lead→customer rate is clearly above the peers'. Value with Interval; ComparedWith: peers' rate; Statistic: z (or Fisher); PValue; Probability: P(better).</summary>
    public const string ConversionAbovePeers = "ConversionAbovePeers";

    /// <summary>A conversion rate is clearly below the peers'. Fields as <see cref="ConversionAbovePeers"/>.</summary>
    public const string ConversionBelowPeers = "ConversionBelowPeers";

    /// <summary>A conversion rate is not clearly different from the peers'. Fields as <see cref="ConversionAbovePeers"/>.</summary>
    public const string ConversionInLine = "ConversionInLine";

    /// <summary>A conversion rate cannot be compared (no visits or leads on one side, or more leads than visits). Metric; Value when known.</summary>
    public const string ConversionNotComparable = "ConversionNotComparable";

    /// <summary>Its share of the peers' visits is below an even share: reach holds it back. Value: share of visits; ComparedWith: the even share (1 / number of subjects).</summary>
    public const string LowVolume = "LowVolume";

    /// <summary>It brings a large share of all visits. Value: the share with Interval; ComparedWith: <see cref="DecisionPolicy.TrafficDriverShare"/>.</summary>
    public const string TrafficShareHigh = "TrafficShareHigh";

    /// <summary>It brings a large share of a site section's visits. Section; Value: the share; ComparedWith: <see cref="DecisionPolicy.TrafficDriverShare"/>.</summary>
    public const string SectionShareHigh = "SectionShareHigh";

    /// <summary>Advice: a traffic driver is judged on its traffic goal, not on leads. GoalId of the traffic goal when there is one.</summary>
    public const string JudgeOnTrafficGoal = "JudgeOnTrafficGoal";

    /// <summary>A significant upward trend (Metric: visits, leads, or a goal's metric). Statistic: Sen slope per period; PValue: Mann-Kendall; Periods: the trend window.</summary>
    public const string TrendUp = "TrendUp";

    /// <summary>A significant downward trend. Fields as <see cref="TrendUp"/>.</summary>
    public const string TrendDown = "TrendDown";

    /// <summary>No significant trend in visits or leads. Fields as <see cref="TrendUp"/> for the visits series.</summary>
    public const string NoUpwardTrend = "NoUpwardTrend";

    /// <summary>The negative share of comments and mentions rises significantly. Value: latest share; Statistic: Sen slope; PValue: Mann-Kendall.</summary>
    public const string SentimentWorsening = "SentimentWorsening";

    /// <summary>Nothing was ever tried. Kinds: the experiment kinds to try.</summary>
    public const string NothingTried = "NothingTried";

    /// <summary>Experiments were tried, fewer than the policy asks before a Cut. Value: experiments; Periods: periods covered; ComparedWith: the policy minimum; Kinds: kinds not yet tried.</summary>
    public const string ExperimentsTooFew = "ExperimentsTooFew";

    /// <summary>Enough experiments were tried. Value: experiments; Periods: periods covered; Kinds: the kinds tried.</summary>
    public const string ExperimentsTried = "ExperimentsTried";

    /// <summary>The return on spend (and hours) is below <see cref="DecisionPolicy.RoiThreshold"/>. Value: ROI; ComparedWith: the threshold.</summary>
    public const string RoiNegative = "RoiNegative";

    /// <summary>The return is at or above the threshold. Value: ROI; ComparedWith: the threshold.</summary>
    public const string RoiPositive = "RoiPositive";

    /// <summary>ROI cannot be computed: revenue or cost unknown, or nothing was spent (a free network has no ROI, not an infinite one). It never counts as positive.</summary>
    public const string RoiNotComputable = "RoiNotComputable";

    /// <summary>A campaign without a goal of its own is held to its network's funnel goals (see <see cref="GoalStatus.Inherited"/>). Value: its share of the network's visits in the window, the scale of inherited count targets.</summary>
    public const string GoalInherited = "GoalInherited";

    /// <summary>The input had a problem that was worked around (a duplicate snapshot, a row of another granularity, data after the evaluation period). Message says what.</summary>
    public const string DataNote = "DataNote";
}

/// <summary>The <see cref="Evidence.Metric"/> names that are not goal metrics (goal metrics use their camelCase JSON name, such as <c>visitToLeadRate</c>).</summary>
public static class EvidenceMetrics
{
    /// <summary>Visits (count).</summary>
    public const string Visits = "visits";

    /// <summary>Leads (count).</summary>
    public const string Leads = "leads";

    /// <summary>Leads out of visits (rate).</summary>
    public const string VisitToLeadRate = "visitToLeadRate";

    /// <summary>Customers out of leads (rate).</summary>
    public const string LeadToCustomerRate = "leadToCustomerRate";

    /// <summary>The subject's share of its peers' visits (rate).</summary>
    public const string ShareOfVisits = "shareOfVisits";

    /// <summary>The subject's share of a site section's visits (rate).</summary>
    public const string SectionShare = "sectionShare";

    /// <summary>Negative share of comments and mentions (rate).</summary>
    public const string NegativeShare = "negativeShare";

    /// <summary>Return on investment: (revenue − cost) / cost.</summary>
    public const string Roi = "roi";

    /// <summary>A number of experiments.</summary>
    public const string Experiments = "experiments";

    /// <summary>A number of periods.</summary>
    public const string Periods = "periods";

    /// <summary>The weighted share of goals met.</summary>
    public const string GoalAttainment = "goalAttainment";
}
