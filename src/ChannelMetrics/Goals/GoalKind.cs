namespace ChannelMetrics.Goals;

/// <summary>What a team wants from a network; each kind has the metrics that measure it (see <see cref="GoalMetric"/>).</summary>
public enum GoalKind
{
    /// <summary>Bring visits to the site: visits, share of all visits, visits to a section such as the blog.</summary>
    Traffic = 0,

    /// <summary>Turn visits into leads: leads, visit→lead rate.</summary>
    Leads = 1,

    /// <summary>Turn leads into customers: customers, lead→customer rate, revenue.</summary>
    Customers = 2,

    /// <summary>Grow the audience: followers, follower growth, impressions, reach.</summary>
    Reach = 3,

    /// <summary>Get people to interact: mentions, comments, shares, likes, reposts, engagement rate.</summary>
    Engagement = 4,

    /// <summary>Be talked about well: positive, neutral and negative counts, negative share, net sentiment.</summary>
    Sentiment = 5,
}
