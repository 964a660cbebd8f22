using ChannelMetrics.Goals;

namespace ChannelMetrics.Tests.Goals;

public sealed class GoalMetricTests
{
    [TestCase(GoalMetric.Visits, GoalKind.Traffic, MetricValueType.Count, "visits")]
    [TestCase(GoalMetric.ShareOfVisits, GoalKind.Traffic, MetricValueType.Rate, "shareOfVisits")]
    [TestCase(GoalMetric.SectionVisits, GoalKind.Traffic, MetricValueType.Count, "sectionVisits")]
    [TestCase(GoalMetric.Leads, GoalKind.Leads, MetricValueType.Count, "leads")]
    [TestCase(GoalMetric.VisitToLeadRate, GoalKind.Leads, MetricValueType.Rate, "visitToLeadRate")]
    [TestCase(GoalMetric.Customers, GoalKind.Customers, MetricValueType.Count, "customers")]
    [TestCase(GoalMetric.LeadToCustomerRate, GoalKind.Customers, MetricValueType.Rate, "leadToCustomerRate")]
    [TestCase(GoalMetric.Revenue, GoalKind.Customers, MetricValueType.Money, "revenue")]
    [TestCase(GoalMetric.Followers, GoalKind.Reach, MetricValueType.Count, "followers")]
    [TestCase(GoalMetric.FollowerGrowth, GoalKind.Reach, MetricValueType.GrowthRate, "followerGrowth")]
    [TestCase(GoalMetric.Impressions, GoalKind.Reach, MetricValueType.Count, "impressions")]
    [TestCase(GoalMetric.Reach, GoalKind.Reach, MetricValueType.Count, "reach")]
    [TestCase(GoalMetric.Mentions, GoalKind.Engagement, MetricValueType.Count, "mentions")]
    [TestCase(GoalMetric.Comments, GoalKind.Engagement, MetricValueType.Count, "comments")]
    [TestCase(GoalMetric.Shares, GoalKind.Engagement, MetricValueType.Count, "shares")]
    [TestCase(GoalMetric.Likes, GoalKind.Engagement, MetricValueType.Count, "likes")]
    [TestCase(GoalMetric.Reposts, GoalKind.Engagement, MetricValueType.Count, "reposts")]
    [TestCase(GoalMetric.EngagementRate, GoalKind.Engagement, MetricValueType.Rate, "engagementRate")]
    [TestCase(GoalMetric.PositiveCount, GoalKind.Sentiment, MetricValueType.Count, "positiveCount")]
    [TestCase(GoalMetric.NeutralCount, GoalKind.Sentiment, MetricValueType.Count, "neutralCount")]
    [TestCase(GoalMetric.NegativeCount, GoalKind.Sentiment, MetricValueType.Count, "negativeCount")]
    [TestCase(GoalMetric.NegativeShare, GoalKind.Sentiment, MetricValueType.Rate, "negativeShare")]
    [TestCase(GoalMetric.NetSentiment, GoalKind.Sentiment, MetricValueType.Score, "netSentiment")]
    public void Metric_HasKindTypeAndJsonName(GoalMetric metric, GoalKind kind, MetricValueType type, string jsonName)
    {
        Assert.Multiple(() =>
        {
            Assert.That(metric.GetKind(), Is.EqualTo(kind));
            Assert.That(metric.GetValueType(), Is.EqualTo(type));
            Assert.That(metric.ToJsonName(), Is.EqualTo(jsonName));
            Assert.That(GoalMetricExtensions.MetricsOf(kind), Does.Contain(metric));
        });
    }

    [Test]
    public void All_ListsEveryEnumValueOnce()
    {
        Assert.That(GoalMetricExtensions.All, Is.EqualTo(Enum.GetValues<GoalMetric>()));
    }

    [Test]
    public void EveryKind_HasMetrics()
    {
        foreach (var kind in Enum.GetValues<GoalKind>())
        {
            Assert.That(GoalMetricExtensions.MetricsOf(kind), Is.Not.Empty, kind.ToString());
        }
    }

    [Test]
    public void JsonNames_AreTheCamelCaseEnumNames()
    {
        foreach (var metric in GoalMetricExtensions.All)
        {
            string name = metric.ToString();
            Assert.That(metric.ToJsonName(), Is.EqualTo(char.ToLowerInvariant(name[0]) + name[1..]));
        }
    }

    [Test]
    public void UndefinedMetric_Throws()
    {
        Assert.That(() => ((GoalMetric)99).GetKind(), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
