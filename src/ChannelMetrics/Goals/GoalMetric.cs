namespace ChannelMetrics.Goals;

/// <summary>
/// A metric a goal can target. Each one belongs to a <see cref="GoalKind"/> and has a <see cref="MetricValueType"/>
/// (see <see cref="GoalMetricExtensions"/>). All values are per period.
/// </summary>
public enum GoalMetric
{
    /// <summary>Visits from the network (Traffic, count).</summary>
    Visits = 0,

    /// <summary>The network's visits divided by all visits of the period (Traffic, rate).</summary>
    ShareOfVisits = 1,

    /// <summary>Visits from the network to a named section of the site, such as the blog (Traffic, count; the goal names the section).</summary>
    SectionVisits = 2,

    /// <summary>Leads from the network (Leads, count).</summary>
    Leads = 3,

    /// <summary>Leads divided by visits (Leads, rate).</summary>
    VisitToLeadRate = 4,

    /// <summary>Customers from the network (Customers, count).</summary>
    Customers = 5,

    /// <summary>Customers divided by leads (Customers, rate).</summary>
    LeadToCustomerRate = 6,

    /// <summary>Revenue attributed to the network (Customers, money).</summary>
    Revenue = 7,

    /// <summary>Followers, fans or subscribers at the end of the period (Reach, count).</summary>
    Followers = 8,

    /// <summary>Relative change of followers on the previous period (Reach, growth rate).</summary>
    FollowerGrowth = 9,

    /// <summary>Impressions (Reach, count).</summary>
    Impressions = 10,

    /// <summary>Distinct people reached (Reach, count).</summary>
    Reach = 11,

    /// <summary>Mentions of the brand (Engagement, count).</summary>
    Mentions = 12,

    /// <summary>Comments (Engagement, count).</summary>
    Comments = 13,

    /// <summary>Shares (Engagement, count).</summary>
    Shares = 14,

    /// <summary>Likes and reactions (Engagement, count).</summary>
    Likes = 15,

    /// <summary>Reposts (Engagement, count).</summary>
    Reposts = 16,

    /// <summary>Engagements per impression, or per person reached when impressions are unknown (Engagement, rate).</summary>
    EngagementRate = 17,

    /// <summary>Comments and mentions classified positive (Sentiment, count).</summary>
    PositiveCount = 18,

    /// <summary>Comments and mentions classified neutral (Sentiment, count).</summary>
    NeutralCount = 19,

    /// <summary>Comments and mentions classified negative (Sentiment, count).</summary>
    NegativeCount = 20,

    /// <summary>Negative / (positive + neutral + negative) (Sentiment, rate).</summary>
    NegativeShare = 21,

    /// <summary>(Positive − negative) / (positive + neutral + negative) (Sentiment, score in [−1, 1]).</summary>
    NetSentiment = 22,
}
