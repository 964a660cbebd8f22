using System.Text;
using ChannelMetrics.Goals;

namespace ChannelMetrics.Tests.Goals;

public sealed class GoalSetTests
{
    private static GoalSet FullSet() => GoalSet.Create(
    [
        Goal.Create("fb-visits", GoalMetric.Visits, GoalTarget.Absolute(1500), networks: ["Facebook"], description: "Biggest source of visits"),
        Goal.Create("x-blog", GoalMetric.SectionVisits, GoalTarget.Absolute(1000), networks: ["X (Twitter)"], weight: 2, section: "blog"),
        Goal.Create("li-rate", GoalMetric.VisitToLeadRate, GoalTarget.Absolute(0.04), networks: ["LinkedIn"], campaign: "li-ads-cfo-guide", deadline: new DateOnly(2026, 12, 31)),
        Goal.Create("ig-growth", GoalMetric.Followers, GoalTarget.GrowthPerPeriod(0.01), networks: ["Instagram", "Threads"], weight: 0.5),
        Goal.Create("all-negative", GoalMetric.NegativeShare, GoalTarget.Absolute(0.1), GoalDirection.AtMost),
        Goal.Create("all-net", GoalMetric.NetSentiment, GoalTarget.Absolute(-0.25)),
        Goal.Create("tt-revenue", GoalMetric.Revenue, GoalTarget.Absolute(1234.5678), networks: ["TikTok"]),
    ], "Tallyfox");

    private const string Valid = """
        { "schemaVersion": 1, "goals": [
          { "id": "a", "metric": "visits", "target": 10 },
          { "id": "b", "metric": "leads", "target": 2, "networks": ["LinkedIn"] },
          { "id": "c", "metric": "visitToLeadRate", "target": 0.05 }
        ] }
        """;

    [Test]
    public void RoundTrip_LosesNothing()
    {
        var set = FullSet();

        var json = set.ToJson();
        var back = GoalSet.FromJson(json);

        Assert.Multiple(() =>
        {
            Assert.That(back, Is.EqualTo(set));
            Assert.That(back.Goals.Select(g => g.ToString()), Is.EqualTo(set.Goals.Select(g => g.ToString())));
            Assert.That(back.ToJson(), Is.EqualTo(json));
        });
    }

    [Test]
    public void RoundTrip_ThroughStream()
    {
        var set = FullSet();
        using var stream = new MemoryStream();
        set.WriteJson(stream);
        stream.Position = 0;

        Assert.That(GoalSet.FromJson(stream), Is.EqualTo(set));
    }

    [Test]
    public void ToJson_IsCamelCaseWithSchemaVersionAndStringEnums()
    {
        var json = FullSet().ToJson();

        Assert.Multiple(() =>
        {
            Assert.That(json, Does.StartWith("{\n  \"schemaVersion\": 1,").Or.StartWith("{\r\n  \"schemaVersion\": 1,"));
            Assert.That(json, Does.Contain("\"metric\": \"visitToLeadRate\""));
            Assert.That(json, Does.Contain("\"direction\": \"atMost\""));
            Assert.That(json, Does.Contain("\"targetForm\": \"growthPerPeriod\""));
            Assert.That(json, Does.Contain("\"deadline\": \"2026-12-31\""));
            Assert.That(json, Does.Not.Contain("null"));
        });
    }

    [Test]
    public void ToJson_WritesNonAsciiTextAsIs()
    {
        var set = GoalSet.Create([Goal.Create("ar", GoalMetric.Leads, GoalTarget.Absolute(5), description: "عملاء محتملون من \"لينكدإن\"")], "Café Noir's goals");

        var json = set.ToJson();

        Assert.Multiple(() =>
        {
            Assert.That(json, Does.Contain("عملاء محتملون"));
            Assert.That(json, Does.Contain("Café Noir's goals"));
            Assert.That(json, Does.Contain("\\\"لينكدإن\\\""));
            Assert.That(GoalSet.FromJson(json), Is.EqualTo(set));
        });
    }

    [Test]
    public void FromJson_Defaults_AllNetworksAtLeastWeightOne()
    {
        var goal = GoalSet.FromJson(Valid).Goals[0];

        Assert.Multiple(() =>
        {
            Assert.That(goal.AppliesToAllNetworks, Is.True);
            Assert.That(goal.Direction, Is.EqualTo(GoalDirection.AtLeast));
            Assert.That(goal.Target, Is.EqualTo(GoalTarget.Absolute(10)));
            Assert.That(goal.Weight, Is.EqualTo(1));
        });
    }

    [Test]
    public void FromJson_CommentsTrailingCommasAndEnumCase_Accepted()
    {
        const string json = """
            // Acme goals
            { "schemaVersion": 1, "goals": [ { "id": "a", "metric": "NegativeShare", "target": 0.1, "direction": "ATMOST", }, ], }
            """;

        Assert.That(GoalSet.FromJson(json).Goals[0].Direction, Is.EqualTo(GoalDirection.AtMost));
    }

    [TestCase("""{ "schemaVersion": 1, "goals": [ { "id": "a", "metric": "visits", "target": 1 }, { "id": "b", "metric": "vists", "target": 1 } ] }""", "$.goals[1].metric", "unknown metric \"vists\"")]
    [TestCase("""{ "schemaVersion": 1, "goals": [ { "id": "a", "metric": "visitToLead", "target": 0.1 } ] }""", "$.goals[0].metric", "unknown metric \"visitToLead\" (did you mean \"visitToLeadRate\"?)")]
    [TestCase("""{ "schemaVersion": 1, "goals": [ { "id": "a", "metric": "visits", "target": -3 } ] }""", "$.goals[0].target", "negative target -3")]
    [TestCase("""{ "schemaVersion": 1, "goals": [ { "id": "a", "metric": "visits", "target": 1 }, { "id": "b", "metric": "leads", "target": 1 }, { "id": "c", "metric": "visitToLeadRate", "target": 4 } ] }""", "$.goals[2].target", "rate above 1")]
    [TestCase("""{ "schemaVersion": 1, "goals": [ { "id": "a", "metric": "visits", "target": 1, "networks": [] } ] }""", "$.goals[0].networks", "empty network list")]
    [TestCase("""{ "schemaVersion": 1, "goals": [ { "id": "a", "metric": "visits", "target": 1, "networks": ["Facebook", " "] } ] }""", "$.goals[0].networks[1]", "non-empty network name")]
    [TestCase("""{ "schemaVersion": 1, "goals": [ { "id": "a", "metric": "visits", "target": 1 }, { "id": "A", "metric": "leads", "target": 1 } ] }""", "$.goals[1].id", "duplicate goal id \"A\"")]
    [TestCase("""{ "schemaVersion": 2, "goals": [] }""", "$.schemaVersion", "unsupported schema version 2; expected 1")]
    [TestCase("""{ "schemaVersion": "1", "goals": [] }""", "$.schemaVersion", "unsupported schema version")]
    [TestCase("""{ "goals": [] }""", "$.schemaVersion", "missing schema version")]
    [TestCase("""[ 1, 2 ]""", "$", "expected a JSON object")]
    [TestCase("""{ "schemaVersion": 1 }""", "$.goals", "expected an array of goals")]
    [TestCase("""{ "schemaVersion": 1, "goals": [ null ] }""", "$.goals[0]", "found null")]
    [TestCase("""{ "schemaVersion": 1, "goals": [ { "metric": "visits", "target": 1 } ] }""", "$.goals[0].id", "non-empty goal id")]
    [TestCase("""{ "schemaVersion": 1, "goals": [ { "id": "a", "target": 1 } ] }""", "$.goals[0].metric", "missing metric")]
    [TestCase("""{ "schemaVersion": 1, "goals": [ { "id": "a", "metric": "visits" } ] }""", "$.goals[0].target", "missing target")]
    [TestCase("""{ "schemaVersion": 1, "goals": [ { "id": "a", "metric": "visits", "target": "lots" } ] }""", "$.goals[0].target", "wrong type (line 1, byte ")]
    [TestCase("""{ "schemaVersion": 1, "goals": [ { "id": "a", "metric": "visits", "target": 1, "direction": "up" } ] }""", "$.goals[0].direction", "expected atLeast or atMost")]
    [TestCase("""{ "schemaVersion": 1, "goals": [ { "id": "a", "metric": "visits", "target": 1, "targetForm": "percent" } ] }""", "$.goals[0].targetForm", "expected absolute or growthPerPeriod")]
    [TestCase("""{ "schemaVersion": 1, "goals": [ { "id": "a", "metric": "engagementRate", "target": 0.1, "targetForm": "growthPerPeriod" } ] }""", "$.goals[0].targetForm", "count and money metrics")]
    [TestCase("""{ "schemaVersion": 1, "goals": [ { "id": "a", "metric": "visits", "target": -2, "targetForm": "growthPerPeriod" } ] }""", "$.goals[0].target", "below -1")]
    [TestCase("""{ "schemaVersion": 1, "goals": [ { "id": "a", "metric": "visits", "target": 1e400 } ] }""", "$.goals[0].target", "expected a finite number")]
    [TestCase("""{ "schemaVersion": 1, "goals": [ { "id": "a", "metric": "visits", "target": 1e309, "targetForm": "growthPerPeriod" } ] }""", "$.goals[0].target", "expected a finite number")]
    [TestCase("""{ "schemaVersion": 1, "goals": [ { "id": "a", "metric": "sectionVisits", "target": 1 } ] }""", "$.goals[0].section", "name of the site section")]
    [TestCase("""{ "schemaVersion": 1, "goals": [ { "id": "a", "metric": "visits", "target": 1, "weight": 0 } ] }""", "$.goals[0].weight", "greater than 0")]
    [TestCase("""{ "schemaVersion": 1, "goals": [ { "id": "a", "metric": "visits", "target": 1, "deadline": "2026-02-30" } ] }""", "$.goals[0].deadline", "expected a date such as \"2026-06-30\"")]
    [TestCase("""{ "schemaVersion": 1, "goals": [ { "id": "a", "metric": "visits", "taget": 1 } ] }""", "$.goals[0].taget", "unknown property \"taget\"")]
    [TestCase("""{ "schemaVersion": 1, "goals": [ { "id": "a", "metric": "visits", "target": 1, "networks": "Facebook" } ] }""", "$.goals[0].networks", "expected an array")]
    [TestCase("""{ "schemaVersion": 1, "goals": [ { "id": 7, "metric": "visits", "target": 1 } ] }""", "$.goals[0].id", "expected a string")]
    [TestCase("""{ "schemaVersion": 1, "goals": [ { "id": "a", "metric": "visits", "target": 1 } """, "$", "malformed JSON")]
    [TestCase("", "$", "malformed JSON")]
    public void FromJson_Invalid_ThrowsNamingPathAndExpectation(string json, string path, string message)
    {
        var exception = Assert.Throws<GoalSetFormatException>(() => GoalSet.FromJson(json));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.JsonPath, Is.EqualTo(path));
            Assert.That(exception.Message, Does.StartWith(path + ": "));
            Assert.That(exception.Message, Does.Contain(message));
            Assert.That(exception, Is.InstanceOf<FormatException>());
        });
    }

    [Test]
    public void FromJson_WrongTypeOnLaterLine_ReportsTheFileLine()
    {
        const string json = "// goals\n{ \"schemaVersion\": 1, \"goals\": [\n  { \"id\": \"a\", \"metric\": \"visits\", \"target\": \"lots\" } ] }";

        Assert.That(() => GoalSet.FromJson(json), Throws.InstanceOf<GoalSetFormatException>().With.Message.StartsWith("$.goals[0].target: a value of the wrong type (line 3, byte ").And.Message.EndsWith("expected a number"));
    }

    [Test]
    public void FromJson_Utf8BomStream_IsRead()
    {
        using var stream = new MemoryStream([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Valid)]);

        Assert.That(GoalSet.FromJson(stream).Goals, Has.Count.EqualTo(3));
    }

    [Test]
    public void FromJson_Stream_InvalidReportsPath()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("""{ "schemaVersion": 1, "goals": [ { "id": "a", "metric": "likes", "target": -1 } ] }"""));

        Assert.That(() => GoalSet.FromJson(stream), Throws.InstanceOf<GoalSetFormatException>().With.Message.StartsWith("$.goals[0].target: negative target"));
    }

    [Test]
    public void ForNetwork_ReturnsAllNetworkGoalsAndListedOnes()
    {
        var set = FullSet();

        Assert.Multiple(() =>
        {
            Assert.That(set.ForNetwork("linkedin").Select(g => g.Id), Is.EqualTo(new[] { "li-rate", "all-negative", "all-net" }));
            Assert.That(set.ForNetwork("THREADS").Select(g => g.Id), Is.EqualTo(new[] { "ig-growth", "all-negative", "all-net" }));
            Assert.That(set.ForNetwork("Reddit").Select(g => g.Id), Is.EqualTo(new[] { "all-negative", "all-net" }));
            Assert.That(set.ForCampaign("LinkedIn", "li-ads-cfo-guide").Select(g => g.Id), Is.EqualTo(new[] { "li-rate" }));
            Assert.That(set.ForCampaign("LinkedIn", "company-page"), Is.Empty);
        });
    }

    [Test]
    public void Create_DuplicateIdsOrNullGoal_Throw()
    {
        var goal = Goal.Create("a", GoalMetric.Visits, GoalTarget.Absolute(1));
        Assert.Multiple(() =>
        {
            Assert.That(() => GoalSet.Create([goal, Goal.Create("A", GoalMetric.Leads, GoalTarget.Absolute(1))]), Throws.ArgumentException.With.Message.Contains("Duplicate goal id"));
            Assert.That(() => GoalSet.Create([goal, null!]), Throws.ArgumentException);
        });
    }

    [Test]
    public void TryGetGoal_FindsIgnoringCase()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FullSet().TryGetGoal("FB-VISITS", out var goal), Is.True);
            Assert.That(goal!.Metric, Is.EqualTo(GoalMetric.Visits));
            Assert.That(FullSet().TryGetGoal("nope", out _), Is.False);
        });
    }

    [Test]
    public void Empty_RoundTrips()
    {
        Assert.Multiple(() =>
        {
            Assert.That(GoalSet.FromJson(GoalSet.Empty.ToJson()), Is.EqualTo(GoalSet.Empty));
            Assert.That(GoalSet.Empty.ToString(), Is.EqualTo("goal set: 0 goals"));
        });
    }
}
