using System.Diagnostics.CodeAnalysis;
using ChannelMetrics.Funnel;

namespace ChannelMetrics.Tests.Funnel;

public sealed class FunnelAggregatorOracleTests
{
    private const FunnelDimensions AllDimensions = FunnelDimensions.Network | FunnelDimensions.ChannelGroup
        | FunnelDimensions.Medium | FunnelDimensions.Campaign | FunnelDimensions.Content;

    private static readonly TimeZoneInfo UtcPlus2 = TimeZoneInfo.CreateCustomTimeZone("UTC+2", TimeSpan.FromHours(2), "UTC+2", "UTC+2");

    [SuppressMessage("Performance", "CA1859", Justification = "Test data.")]
    private static readonly Lazy<IReadOnlyList<TestEvent>> Million = new(() => FunnelOracle.Generate(1_000_000, seed: 20261126));

    [SuppressMessage("Performance", "CA1859", Justification = "Test data.")]
    private static readonly Lazy<IReadOnlyList<TestEvent>> Smaller = new(() => FunnelOracle.Generate(100_000, seed: 42));

    // A million events, grouped by the default dimensions (network, campaign) to keep the oracle's
    // LINQ within seconds; every dimension is checked on a smaller input below.
    [TestCase(AttributionModel.FirstTouch, 0)]
    [TestCase(AttributionModel.LastTouch, 0)]
    [TestCase(AttributionModel.LastNonDirectTouch, 0)]
    [TestCase(AttributionModel.FirstTouch, 1)]
    [TestCase(AttributionModel.LastTouch, 1)]
    [TestCase(AttributionModel.LastNonDirectTouch, 1)]
    public void ToTable_RandomEvents_EqualsOracle_ForEveryGranularity(AttributionModel model, int variant)
    {
        var events = variant == 0 ? Million.Value : Smaller.Value;
        var dimensions = variant == 0 ? FunnelOptions.Default.Dimensions : AllDimensions;
        var zones = new[] { UtcPlus2, TimeZoneInfo.Utc };
        {
            var credited = FunnelOracle.Credited(events, model, dimensions);

            // UTC+2 for every granularity; UTC as well for months, the usual report.
            foreach (var zone in zones)
            {
                var byDay = FunnelOracle.ByDay(events, credited, zone);
                foreach (var granularity in Enum.GetValues<PeriodGranularity>())
                {
                    if (zone == TimeZoneInfo.Utc && granularity != PeriodGranularity.Month)
                    {
                        continue;
                    }

                    var aggregator = new FunnelAggregator(FunnelOptions.Default with
                    {
                        Attribution = model,
                        Granularity = granularity,
                        TimeZone = zone,
                        Dimensions = dimensions,
                        MaxCampaignsPerNetwork = 100_000,
                    });
                    FunnelOracle.AddAll(aggregator, events);

                    var differences = FunnelOracle.Differences(FunnelOracle.Actual(aggregator.ToTable()), FunnelOracle.Expected(byDay, granularity, dimensions));

                    Assert.That(differences, Is.Empty, $"{model} {granularity} {zone.Id}");
                }
            }
        }
    }

    [Test]
    public void ToTable_ShuffledInput_SameTable()
    {
        var events = FunnelOracle.Generate(20_000, seed: 7);
        var shuffled = events.ToArray();
        new Random(3).Shuffle(shuffled);
        var sorted = events.OrderBy(e => e.Timestamp).ToArray();
        foreach (var model in Enum.GetValues<AttributionModel>())
        {
            var options = FunnelOptions.Default with { Attribution = model };
            var tables = new[] { events.ToArray(), shuffled, sorted }.Select(input =>
            {
                var aggregator = new FunnelAggregator(options);
                FunnelOracle.AddAll(aggregator, input);
                return aggregator.ToTable().Rows;
            }).ToArray();

            Assert.Multiple(() =>
            {
                Assert.That(tables[1], Is.EqualTo(tables[0]), model.ToString());
                Assert.That(tables[2], Is.EqualTo(tables[0]), model.ToString());
            });
        }
    }
}
