using System.Globalization;
using ChannelMetrics.Decisions;
using ChannelMetrics.Experiments;
using ChannelMetrics.Funnel;
using ChannelMetrics.Goals;
using ChannelMetrics.Metrics;
using ChannelMetrics.Tracking;

namespace ChannelMetrics.Tests.Decisions;

/// <summary>
/// From raw landing URLs to a serialized report: events through the <see cref="FunnelAggregator"/> (first touch, monthly
/// buckets in Berlin time), snapshots, goals and experiments from JSON, then the engine and the report's JSON; and the
/// same table built the warehouse way (<see cref="UtmParser"/>, <see cref="SourceResolver"/>, <see cref="FunnelTable.FromRows"/>)
/// gives the same verdicts.
/// </summary>
public sealed class DecisionEndToEndTests
{
    private const string GoalsJson = """
        {
          "schemaVersion": 1,
          "name": "end-to-end",
          "goals": [
            { "id": "fb-visits", "metric": "visits", "target": 1500, "networks": [ "Facebook" ] },
            { "id": "fb-leads", "metric": "leads", "target": 30, "networks": [ "Facebook" ], "weight": 2 },
            { "id": "li-leads", "metric": "leads", "target": 25, "networks": [ "LinkedIn" ], "weight": 2 },
            { "id": "li-page-rate", "metric": "visitToLeadRate", "target": 0.03, "networks": [ "LinkedIn" ], "campaign": "company-page" },
            { "id": "tt-leads", "metric": "leads", "target": 10, "networks": [ "TikTok" ] }
          ]
        }
        """;

    private const string ExperimentsJson = """
        {
          "schemaVersion": 1,
          "experiments": [
            { "network": "TikTok", "kind": "contentFormat", "description": "Feature demos instead of sketches", "start": "2026-02-01", "end": "2026-04-30" },
            { "network": "TikTok", "kind": "postingTime", "description": "Evening posts", "start": "2026-05-01", "end": "2026-07-31" }
          ]
        }
        """;

    // Landing URLs as they arrive, messy sources included; every visitor of a source converts at the given rate.
    private static readonly (string Url, int Visits, double LeadRate)[] s_sources =
    [
        ("https://www.tallyfox.example/pricing?utm_source=fb&utm_medium=paid_social&utm_campaign=fb-ads", 900, 0.024),
        ("https://www.tallyfox.example/?utm_source=m.facebook.com&utm_medium=social&utm_campaign=fb-page", 900, 0.024),
        ("https://www.tallyfox.example/guide?utm_source=lnkd.in&utm_medium=paid_social&utm_campaign=li-ads-cfo-guide&li_fat_id=abc", 180, 0.095),
        ("https://www.tallyfox.example/?UTM_SOURCE=LinkedIn&utm_campaign=company-page", 100, 0.012),
        ("https://www.tallyfox.example/features?utm_source=google&utm_medium=cpc&utm_campaign=brand", 2000, 0.025),
        ("https://www.tallyfox.example/features", 700, 0.03),
    ];

    [Test]
    public void Evaluate_FromRawUrlsAndSnapshots_SerializedReportWithTheExpectedVerdicts()
    {
        var berlin = TimeZoneInfo.CreateCustomTimeZone("Berlin", TimeSpan.FromHours(1), "Berlin", "Berlin");
        var events = new List<(DateTimeOffset At, string Stage, string Visitor, string? Url)>();
        int id = 0;
        for (int month = 0; month < 12; month++)
        {
            var start = new DateTimeOffset(2025, 11, 1, 9, 0, 0, TimeSpan.FromHours(1)).AddMonths(month);
            foreach (var (url, visits, rate) in s_sources)
            {
                int leads = (int)Math.Round(visits * rate * Scenario.Wobble(month, url));
                for (int v = 0; v < visits; v++)
                {
                    string visitor = "V" + (id++).ToString(CultureInfo.InvariantCulture);
                    var at = start.AddMinutes(v * 7);
                    events.Add((at, "visit", visitor, url));
                    if (v < leads)
                    {
                        events.Add((at.AddDays(1), "lead", visitor, null));
                    }
                }
            }

            // TikTok fades from 600 to 160 visits a month and hardly converts.
            int tiktok = 600 - (month * 40);
            for (int v = 0; v < tiktok; v++)
            {
                string visitor = "T" + (id++).ToString(CultureInfo.InvariantCulture);
                events.Add((start.AddMinutes(v * 11), "visit", visitor, "https://www.tallyfox.example/?utm_source=tiktok&utm_campaign=tt-demos"));
                if (v % 250 == 0)
                {
                    events.Add((start.AddMinutes(v * 11).AddHours(2), "lead", visitor, null));
                }
            }
        }

        var aggregator = new FunnelAggregator(FunnelOptions.Default with { TimeZone = berlin, Attribution = AttributionModel.FirstTouch });
        foreach (var (at, stage, visitor, url) in events)
        {
            aggregator.Add(new FunnelEvent(at, stage == "visit" ? FunnelStage.Visit : FunnelStage.Lead, visitor, url));
        }

        var table = aggregator.ToTable();
        var snapshots = Enumerable.Range(0, 12).Select(m => new ChannelSnapshot
        {
            Period = Period.Month(2025, 11).Offset(m),
            Network = "TikTok",
            Spend = 1800m,
            HoursSpent = 35,
            Revenue = m % 4 == 0 ? 2400m : 0m,
        });
        var engine = new DecisionEngineBuilder { Policy = DecisionPolicy.Default with { HourlyRate = 60m } }.Build();
        var report = engine.Evaluate(table, snapshots, GoalSet.FromJson(GoalsJson), ExperimentLog.FromJson(ExperimentsJson), new DateOnly(2026, 11, 1));
        string json = report.ToJson();

        Assert.That(report.Networks.Select(n => n.Network), Is.EqualTo(new[] { "(direct)", "Facebook", "google", "LinkedIn", "TikTok" }));
        Assert.That(report.Network("LinkedIn").Verdict, Is.EqualTo(Verdict.Invest), report.Network("LinkedIn").Explain());
        Assert.That(report.Network("LinkedIn").Campaign("li-ads-cfo-guide").Verdict, Is.EqualTo(Verdict.Invest));
        Assert.That(report.Network("LinkedIn").Campaign("company-page").Verdict, Is.EqualTo(Verdict.Optimize));
        Assert.That(report.Network("Facebook").Verdict, Is.EqualTo(Verdict.Keep), report.Network("Facebook").Explain());
        Assert.That(report.Network("TikTok").Verdict, Is.EqualTo(Verdict.Cut), report.Network("TikTok").Explain());
        Assert.That(report.Network("(direct)").Verdict, Is.EqualTo(Verdict.InsufficientData));
        Assert.That(json, Does.Contain("\"network\": \"LinkedIn\"").And.Contain("\"code\": \"RoiNegative\"").And.Contain("\"verdict\": \"cut\""));
        Assert.That(DecisionReport.FromJson(json).ToJson(), Is.EqualTo(json));

        var warehouse = engine.Evaluate(Aggregate(events, berlin), snapshots, GoalSet.FromJson(GoalsJson), ExperimentLog.FromJson(ExperimentsJson), new DateOnly(2026, 11, 1));
        Assert.That(Verdicts(warehouse), Is.EqualTo(Verdicts(report)));
    }

    private static IEnumerable<string> Verdicts(DecisionReport report) =>
        report.Networks.SelectMany(n => n.Campaigns.Prepend(n)).Select(a => $"{a.Network}/{a.Campaign}: {a.Verdict}");

    private static FunnelTable Aggregate(List<(DateTimeOffset At, string Stage, string Visitor, string? Url)> events, TimeZoneInfo zone)
    {
        var touches = new Dictionary<string, (string Network, string Campaign)>();
        var counts = new Dictionary<(Period, string, string), long[]>();
        foreach (var (at, stage, visitor, url) in events.OrderBy(e => e.At))
        {
            if (url is not null)
            {
                var tags = UtmParser.Parse(url).Tags;
                var touch = tags.Source is null
                    ? (FunnelLabels.Direct, FunnelLabels.NotSet)
                    : (SourceResolver.Default.Resolve(tags.Source).Name, tags.Campaign ?? FunnelLabels.NotSet);
                touches.TryAdd(visitor, touch);
            }

            var (network, campaign) = touches[visitor];
            var key = (Period.Containing(at, PeriodGranularity.Month, zone), network, campaign);
            if (!counts.TryGetValue(key, out var c))
            {
                counts[key] = c = new long[3];
            }

            c[stage == "visit" ? 0 : 1]++;
        }

        return FunnelTable.FromRows(counts.Select(kv => new FunnelRecord(kv.Key.Item1, kv.Key.Item2, kv.Value[0], kv.Value[1], kv.Value[2], Campaign: kv.Key.Item3)));
    }
}
