using System.Text.Json;
using ChannelMetrics.Decisions;
using WebApi.Requests;

namespace ChannelMetrics.Tests.Samples;

public sealed class EvaluateRequestsTests
{
    private static readonly DecisionEngine s_engine = new DecisionEngineBuilder().Build();

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    /// <summary>Eight months of two networks: LinkedIn converts far better than Facebook, and only Facebook has no goal.</summary>
    private static List<FunnelRowJson> Rows()
    {
        var rows = new List<FunnelRowJson>();
        for (int m = 1; m <= 8; m++)
        {
            string period = $"2026-{m:00}";
            rows.Add(new FunnelRowJson(period, "LinkedIn", "ads", 300 + (m * 5), 24 + m, 4));
            rows.Add(new FunnelRowJson(period, "Facebook", "page", 2_000 + (m * 10), 40, 5));
        }

        return rows;
    }

    private const string Goals = """
        { "schemaVersion": 1, "goals": [ { "id": "li-leads", "metric": "leads", "target": 20, "direction": "atLeast", "networks": [ "LinkedIn" ] } ] }
        """;

    [Test]
    public void Evaluate_ValidRows_ReturnsAVerdictPerNetwork()
    {
        var outcome = EvaluateRequests.Evaluate(new EvaluateRequest { Rows = Rows(), Goals = Json(Goals) }, s_engine);

        Assert.That(outcome.Problem, Is.Null);
        DecisionReport report = outcome.Value!.Report;
        Assert.That(report.EvaluationDate, Is.EqualTo(new DateOnly(2026, 9, 1)));
        var verdicts = report.Networks.ToDictionary(n => n.Network, n => n.Verdict);
        Assert.That(verdicts["Facebook"], Is.EqualTo(Verdict.InsufficientData), "no goal was set for Facebook");
        Assert.That(verdicts["LinkedIn"], Is.Not.EqualTo(Verdict.InsufficientData));
    }

    [Test]
    public void Evaluate_BadRowsSnapshotsAndGoals_ListsEveryProblemWithItsPlace()
    {
        var rows = Rows();
        rows[1] = rows[1] with { Period = "2026-13" };
        rows[2] = rows[2] with { Visits = -5 };
        var request = new EvaluateRequest
        {
            Rows = rows,
            Snapshots = [new SnapshotJson("2026-01", "LinkedIn", Followers: -1), new SnapshotJson("January", "LinkedIn")],
            Goals = Json("""{ "schemaVersion": 1, "goals": [ { "id": "x", "metric": "leads", "target": -3, "direction": "atLeast" } ] }"""),
        };

        var outcome = EvaluateRequests.Evaluate(request, s_engine);

        Assert.That(outcome.Value, Is.Null);
        var errors = (IReadOnlyList<string>)outcome.Extensions["errors"]!;
        Assert.That(errors, Has.Count.EqualTo(5), string.Join("\n", errors));
        Assert.That(errors[0], Does.StartWith("rows[1].period: '2026-13'"));
        Assert.That(errors[1], Does.StartWith("rows[2]: "));
        Assert.That(errors[2], Does.StartWith("snapshots[0]: ").And.Contain("Followers"));
        Assert.That(errors[3], Does.StartWith("snapshots[1].period: 'January'"));
        Assert.That(errors[4], Does.StartWith("goals: ").And.Contain("$.goals[0]"));
    }

    [Test]
    public void Evaluate_RowWithoutACount_Is400NotZero()
    {
        var rows = Rows();
        rows[3] = rows[3] with { Leads = null };
        rows[5] = rows[5] with { Visits = 1 };
        rows.Add(rows[5]);

        var outcome = EvaluateRequests.Evaluate(new EvaluateRequest { Rows = rows }, s_engine);

        var errors = (IReadOnlyList<string>)outcome.Extensions["errors"]!;
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Value, Is.Null);
            Assert.That(errors[0], Does.StartWith("rows[3]: visits, leads and customers are all required"));
            Assert.That(errors[1], Is.EqualTo("rows[16]: repeats the period, network and campaign of an earlier row; send each once."), "the row index skips the refused row 3");
        });
    }

    [TestCase("""{ "rows": [ { "period": "2026-01", "network": "LinkedIn", "visit": 310, "leads": 25, "customers": 4 } ] }""", "visit")]
    [TestCase("""{ "row": [] }""", "row")]
    [TestCase("""{ "events": [ { "timestamp": "2026-01-01T00:00:00Z", "stage": "visit", "url": "x" } ] }""", "url")]
    public void Deserialize_UnknownMember_IsRefusedByName(string json, string member)
    {
        Assert.That(
            () => JsonSerializer.Deserialize<EvaluateRequest>(json, JsonSerializerOptions.Web),
            Throws.TypeOf<JsonException>().With.Message.Contains(member));
    }

    [Test]
    public void Evaluate_DateInTheFirstMonthOfTheCalendar_Is400()
    {
        var rows = new List<FunnelRowJson> { new("0001-01", "LinkedIn", null, 100, 5, 1) };

        var atFirstMonth = EvaluateRequests.Evaluate(new EvaluateRequest { Rows = rows, EvaluationDate = new DateOnly(1, 1, 1) }, s_engine);
        var afterIt = EvaluateRequests.Evaluate(new EvaluateRequest { Rows = rows }, s_engine);

        Assert.Multiple(() =>
        {
            Assert.That(atFirstMonth.Problem, Does.StartWith("evaluationDate: 0001-01-01"));
            Assert.That(afterIt.Value, Is.Not.Null, "rows in year 1 are evaluated, as of the month after them");
        });
    }

    [Test]
    public void Evaluate_NoRows_Is400SayingWhatToSend()
    {
        Assert.That(EvaluateRequests.Evaluate(null, s_engine).Problem, Does.Contain("'rows'"));
        Assert.That(EvaluateRequests.Evaluate(new EvaluateRequest { Rows = [] }, s_engine).Problem, Does.Contain("'rows'"));
    }

    /// <summary>Four months of raw events: LinkedIn visitors convert one in five, Facebook visitors one in fifty.</summary>
    private static List<EventJson> Events()
    {
        var events = new List<EventJson>();
        for (int i = 0; i < 2_000; i++)
        {
            bool linkedIn = i % 5 == 0;
            var when = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.FromHours(1)).AddHours(i * 1.4);
            string url = linkedIn ? "https://x.example/?utm_source=lnkd.in&utm_medium=paid_social&utm_campaign=ads" : "https://x.example/?utm_source=fb&utm_medium=social&utm_campaign=page";
            events.Add(new EventJson(when.ToString("O", System.Globalization.CultureInfo.InvariantCulture), "visit", $"v{i}", url));
            if (i % (linkedIn ? 25 : 50) == 0 || (linkedIn && i % 25 == 5))
            {
                events.Add(new EventJson(when.AddMinutes(5).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), "Lead", $"v{i}", null));
            }
        }

        return events;
    }

    [Test]
    public void Evaluate_RawEvents_AreAggregatedInTheTimeZoneAndJudged()
    {
        var outcome = EvaluateRequests.Evaluate(
            new EvaluateRequest { Events = Events(), TimeZone = "Europe/Berlin", Attribution = "firstTouch", Goals = Json(Goals) },
            s_engine);

        Assert.That(outcome.Problem, Is.Null, outcome.Problem);
        Evaluation evaluation = outcome.Value!;
        Assert.That(evaluation.Funnel.Networks, Is.EquivalentTo(new[] { "Facebook", "LinkedIn" }));
        Assert.That(evaluation.Funnel.TotalsByNetwork().Sum(t => t.Visits), Is.EqualTo(2_000));
        Assert.That(evaluation.Funnel.Periods[0], Is.EqualTo(Period.Month(2026, 1)));
        Assert.That(evaluation.Report.Networks.Single(n => n.Network == "LinkedIn").Verdict, Is.Not.EqualTo(Verdict.InsufficientData));
    }

    [Test]
    public void Evaluate_BadEvents_ListsEachWithItsIndex()
    {
        var events = Events();
        events[3] = events[3] with { Timestamp = "2026-01-01T10:00:00" };
        events[4] = events[4] with { Stage = "signup" };
        var request = new EvaluateRequest { Events = events, TimeZone = "Mars/Olympus", Attribution = "7" };

        var errors = (IReadOnlyList<string>)EvaluateRequests.Evaluate(request, s_engine).Extensions["errors"]!;

        Assert.That(errors, Has.Count.EqualTo(4), string.Join("\n", errors));
        Assert.That(errors[0], Does.StartWith("timeZone: 'Mars/Olympus'"));
        Assert.That(errors[1], Does.StartWith("attribution: '7'"));
        Assert.That(errors[2], Does.StartWith("events[3].timestamp: "));
        Assert.That(errors[3], Does.StartWith("events[4].stage: 'signup'"));
    }

    [TestCase("firstTouch, lastTouch")]
    [TestCase(" 2")]
    [TestCase("0")]
    public void Evaluate_AttributionOtherThanAModelName_Is400(string attribution)
    {
        var outcome = EvaluateRequests.Evaluate(new EvaluateRequest { Events = Events(), Attribution = attribution }, s_engine);

        Assert.That(outcome.Problem, Does.StartWith($"attribution: '{attribution}'"));
    }

    [TestCase("12:00 +01:00")]
    [TestCase("12:00:00Z")]
    public void Evaluate_TimestampWithoutADate_Is400(string timestamp)
    {
        var events = Events();
        events[0] = events[0] with { Timestamp = timestamp };

        var outcome = EvaluateRequests.Evaluate(new EvaluateRequest { Events = events }, s_engine);

        Assert.That(outcome.Problem, Does.StartWith("events[0].timestamp: "));
    }

    [Test]
    public void Evaluate_EventsInTheCalendarsLastMonth_AreEvaluatedNot500()
    {
        var request = new EvaluateRequest { Events = [new EventJson("9999-12-31T12:00:00Z", "visit", "v1", "?utm_source=facebook")] };

        var outcome = EvaluateRequests.Evaluate(request, s_engine);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Problem, Is.Null, outcome.Problem);
            Assert.That(outcome.Value!.Report.EvaluationDate, Is.EqualTo(DateOnly.MaxValue));
            // December 9999 has no period after it to be evaluated from: left out, and said so.
            Assert.That(outcome.Value.Report.DataNotes.Select(n => n.Message), Has.Some.Contains("after the evaluation period 9999-11"));
        });
    }

    [Test]
    public void Evaluate_RowWithAnImplausibleDate_IsEvaluatedAndNoted_AsTheTableKeepsIt()
    {
        var rows = Rows();
        rows.Add(new FunnelRowJson("1970-01", "Reddit", null, 40, 2, 0));

        var outcome = EvaluateRequests.Evaluate(new EvaluateRequest { Rows = rows }, s_engine);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Problem, Is.Null, outcome.Problem);
            Assert.That(outcome.Value!.Report.DataNotes.Select(n => n.Message), Has.Some.Contains("is dated 1970-01, before 1970-01-02"));
        });
    }

    [Test]
    public void Evaluate_BothEventsAndRows_Is400()
    {
        Assert.That(EvaluateRequests.Evaluate(new EvaluateRequest { Events = Events(), Rows = Rows() }, s_engine).Problem, Does.Contain("either 'events'"));
    }

    [Test]
    public void Evaluate_SameRequestTwice_GivesTheSameJson()
    {
        var request = new EvaluateRequest { Rows = Rows(), Goals = Json(Goals), EvaluationDate = new DateOnly(2026, 9, 1) };

        string first = EvaluateRequests.Evaluate(request, s_engine).Value!.Report.ToJson();
        string second = EvaluateRequests.Evaluate(request, s_engine).Value!.Report.ToJson();

        Assert.That(second, Is.EqualTo(first));
    }
}
