namespace ChannelMetrics.Goals;

/// <summary>What each <see cref="GoalMetric"/> measures: its goal kind and its unit.</summary>
public static class GoalMetricExtensions
{
    // One row per metric, in enum order: the single place that says which kind and unit a metric has
    // and how it is spelled in JSON (camelCase, so no enum reflection is needed under NativeAOT).
    private static readonly (GoalKind Kind, MetricValueType Type, string JsonName)[] s_table =
    [
        (GoalKind.Traffic, MetricValueType.Count, "visits"),
        (GoalKind.Traffic, MetricValueType.Rate, "shareOfVisits"),
        (GoalKind.Traffic, MetricValueType.Count, "sectionVisits"),
        (GoalKind.Leads, MetricValueType.Count, "leads"),
        (GoalKind.Leads, MetricValueType.Rate, "visitToLeadRate"),
        (GoalKind.Customers, MetricValueType.Count, "customers"),
        (GoalKind.Customers, MetricValueType.Rate, "leadToCustomerRate"),
        (GoalKind.Customers, MetricValueType.Money, "revenue"),
        (GoalKind.Reach, MetricValueType.Count, "followers"),
        (GoalKind.Reach, MetricValueType.GrowthRate, "followerGrowth"),
        (GoalKind.Reach, MetricValueType.Count, "impressions"),
        (GoalKind.Reach, MetricValueType.Count, "reach"),
        (GoalKind.Engagement, MetricValueType.Count, "mentions"),
        (GoalKind.Engagement, MetricValueType.Count, "comments"),
        (GoalKind.Engagement, MetricValueType.Count, "shares"),
        (GoalKind.Engagement, MetricValueType.Count, "likes"),
        (GoalKind.Engagement, MetricValueType.Count, "reposts"),
        (GoalKind.Engagement, MetricValueType.Rate, "engagementRate"),
        (GoalKind.Sentiment, MetricValueType.Count, "positiveCount"),
        (GoalKind.Sentiment, MetricValueType.Count, "neutralCount"),
        (GoalKind.Sentiment, MetricValueType.Count, "negativeCount"),
        (GoalKind.Sentiment, MetricValueType.Rate, "negativeShare"),
        (GoalKind.Sentiment, MetricValueType.Score, "netSentiment"),
    ];

    /// <summary>Gets every defined metric, in declaration order.</summary>
    public static IReadOnlyList<GoalMetric> All { get; } = Enumerable.Range(0, s_table.Length).Select(i => (GoalMetric)i).ToArray();

    /// <summary>Returns the goal kind <paramref name="metric"/> measures.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>Its goal kind.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="metric"/> is not defined.</exception>
    public static GoalKind GetKind(this GoalMetric metric) => Row(metric).Kind;

    /// <summary>Returns the unit of <paramref name="metric"/>.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>Its value type.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="metric"/> is not defined.</exception>
    public static MetricValueType GetValueType(this GoalMetric metric) => Row(metric).Type;

    /// <summary>Returns the metrics that measure <paramref name="kind"/>.</summary>
    /// <param name="kind">The goal kind.</param>
    /// <returns>Its metrics, in declaration order.</returns>
    public static IReadOnlyList<GoalMetric> MetricsOf(GoalKind kind) => All.Where(m => s_table[(int)m].Kind == kind).ToArray();

    /// <summary>Returns the camelCase name used in JSON, for example "visitToLeadRate".</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>Its JSON name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="metric"/> is not defined.</exception>
    public static string ToJsonName(this GoalMetric metric) => Row(metric).JsonName;

    internal static bool TryParseJsonName(string name, out GoalMetric metric)
    {
        for (int i = 0; i < s_table.Length; i++)
        {
            if (string.Equals(s_table[i].JsonName, name, StringComparison.OrdinalIgnoreCase))
            {
                metric = (GoalMetric)i;
                return true;
            }
        }

        metric = default;
        return false;
    }

    internal static string JsonNames => string.Join(", ", s_table.Select(r => r.JsonName));

    private static (GoalKind Kind, MetricValueType Type, string JsonName) Row(GoalMetric metric)
    {
        if ((uint)metric >= (uint)s_table.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown goal metric.");
        }

        return s_table[(int)metric];
    }
}
