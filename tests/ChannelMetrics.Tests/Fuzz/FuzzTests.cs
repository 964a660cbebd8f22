using System.Globalization;
using System.Text;
using ChannelMetrics.Funnel;
using ChannelMetrics.Tracking;

namespace ChannelMetrics.Tests.Fuzz;

/// <summary>
/// Random and hostile input through the parsers and the aggregator: nothing throws, nothing is lost, and the
/// fast paths agree with the plain ones.
/// </summary>
/// <remarks>
/// <c>dotnet test</c> (and CI) runs a bounded number of cases; set <c>CHANNELMETRICS_FUZZ_CASES</c> for a long
/// run, for example <c>CHANNELMETRICS_FUZZ_CASES=1000000 dotnet test --filter TestCategory=Fuzz</c>. Every
/// failure names its case number, and case n is generated from seed n alone, so it replays on its own.
/// </remarks>
[Category("Fuzz")]
public sealed class FuzzTests
{
    private const string CasesVariable = "CHANNELMETRICS_FUZZ_CASES";

    // Pieces people and tools actually put into links, plus the ones that break naive parsers: stray and
    // truncated escapes, overlong and invalid UTF-8, lone surrogates, control characters, separators in odd places.
    private static readonly string[] Pieces =
    [
        "https://", "http://", "shop.example.com", "/landing", "/p;x", "?", "??", "#", "&", "&&", "=", "==", ";", "+", " ", "\t", "\n",
        "utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term", "UTM_SOURCE", "utm_source ", "gclid", "fbclid",
        "facebook", "fb", "l.facebook.com", "lnkd.in", "t.co", "Instagram", "paid_social", "social", "cpc", "email",
        "%", "%2", "%zz", "%20", "%2B", "%26", "%3D", "%23", "%00", "%C3%A9", "%C3", "%E2%82", "%F0%9F%98%80", "%ED%A0%80", "%C0%AF", "%FF",
        "é", "日本", "\U0001F600", "\uD83D", "\uDE00", "\u0000", "\u200B", "\uFEFF", "\u00BB",
    ];

    private static int Cases(int bounded) =>
        int.TryParse(Environment.GetEnvironmentVariable(CasesVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out int cases) && cases > 0
            ? cases
            : bounded;

    private static string RandomLink(Random random)
    {
        var text = new StringBuilder();
        int pieces = random.Next(12);
        for (int i = 0; i < pieces; i++)
        {
            if (random.Next(8) == 0)
            {
                text.Append((char)random.Next(0x10000));
            }

            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return text.ToString();
    }

    [Test]
    public void UtmParser_RandomLinks_NeverThrow_AndEveryPathAgrees()
    {
        var pool = new UtmValuePool();
        for (int n = 0; n < Cases(20_000); n++)
        {
            string link = RandomLink(new Random(n));
            UtmParseResult result;
            try
            {
                result = UtmParser.Parse(link);
                _ = UtmParser.Parse(link, UtmParserOptions.Lenient);
            }
            catch (Exception e)
            {
                Assert.Fail($"case {n}: Parse threw {e.GetType().Name} on {Escape(link)}: {e.Message}");
                return;
            }

            var fromSpan = UtmParser.Parse(link.AsSpan());
            var interned = UtmParser.ParseInterned(link.AsSpan(), pool);
            if (result.Diagnostics.Any(d => d.Position < -1 || d.Position > link.Length)
                || !Equals(fromSpan.Tags, result.Tags)
                || interned.Source != result.Tags.Source || interned.Medium != result.Tags.Medium
                || interned.Campaign != result.Tags.Campaign || interned.Content != result.Tags.Content)
            {
                Assert.Fail($"case {n}: {Escape(link)} parsed as {result.Tags} (span: {fromSpan.Tags}; interned: {interned.Source}/{interned.Medium}/{interned.Campaign}/{interned.Content}); diagnostics {string.Join(", ", result.Diagnostics)}");
            }

            if (Utf16Text.HasLoneSurrogate(result.Tags.ToString()))
            {
                Assert.Fail($"case {n}: {Escape(link)} decoded to a lone surrogate: {Escape(result.Tags.ToString())}");
            }
        }
    }

    [Test]
    public void FunnelAggregator_RandomEvents_NeverThrow_LoseNothing_AndAddRangeEqualsAdd()
    {
        var zones = new[] { TimeZoneInfo.Utc, TimeZoneInfo.CreateCustomTimeZone("UTC+14", TimeSpan.FromHours(14), "UTC+14", "UTC+14"), TimeZoneInfo.CreateCustomTimeZone("UTC-12", TimeSpan.FromHours(-12), "UTC-12", "UTC-12"), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin") };
        int cases = Cases(300);
        for (int n = 0; n < cases; n++)
        {
            var random = new Random(n);
            var options = FunnelOptions.Default with
            {
                Granularity = (PeriodGranularity)random.Next(4),
                TimeZone = zones[random.Next(zones.Length)],
                Attribution = (AttributionModel)random.Next(3),
                Dimensions = FunnelDimensions.Network | (FunnelDimensions)(random.Next(16) << 1),
                MaxCampaignsPerNetwork = 1 + random.Next(5),
            };
            var events = Enumerable.Range(0, random.Next(200)).Select(_ => RandomEvent(random)).ToArray();

            FunnelTable one, range, parallel;
            try
            {
                var single = new FunnelAggregator(options);
                foreach (var e in events)
                {
                    single.Add(e);
                }

                var batched = new FunnelAggregator(options);
                batched.AddRange(events);
                one = single.ToTable();
                range = batched.ToTable();
                parallel = FunnelAggregator.AggregateParallel(events, options, maxDegreeOfParallelism: 2);
            }
            catch (Exception e)
            {
                Assert.Fail($"case {n} ({options.Granularity}, {options.TimeZone.Id}, {options.Attribution}): threw {e}");
                return;
            }

            var expected = (Visits: events.LongCount(e => e.Stage == FunnelStage.Visit), Leads: events.LongCount(e => e.Stage == FunnelStage.Lead), Customers: events.LongCount(e => e.Stage == FunnelStage.Customer));
            var counted = (Visits: one.Rows.Sum(r => r.Visits), Leads: one.Rows.Sum(r => r.Leads), Customers: one.Rows.Sum(r => r.Customers));
            Assert.Multiple(() =>
            {
                Assert.That(counted, Is.EqualTo(expected), $"case {n}: every event is counted once");
                Assert.That(range.Rows, Is.EqualTo(one.Rows), $"case {n}: AddRange equals Add one by one");
                Assert.That(parallel.Rows, Is.EqualTo(one.Rows), $"case {n}: parallel ingest equals one aggregator");
            });
        }
    }

    private static FunnelEvent RandomEvent(Random random)
    {
        // Instants anywhere in DateTimeOffset's range, with a bias to the edges and to one busy year.
        long ticks = random.Next(6) switch
        {
            0 => DateTimeOffset.MinValue.UtcTicks + random.NextInt64(TimeSpan.TicksPerDay * 2),
            1 => DateTimeOffset.MaxValue.UtcTicks - random.NextInt64(TimeSpan.TicksPerDay * 2),
            2 => random.NextInt64(DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks),
            _ => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks + random.NextInt64(TimeSpan.TicksPerDay * 365),
        };
        var timestamp = new DateTimeOffset(ticks, TimeSpan.Zero);
        var stage = (FunnelStage)random.Next(3);
        string? visitor = random.Next(4) switch
        {
            0 => null,
            1 => random.Next(2) == 0 ? string.Empty : " ",
            _ => "v" + random.Next(20).ToString(CultureInfo.InvariantCulture),
        };

        return random.Next(3) switch
        {
            0 => new FunnelEvent(timestamp, stage, visitor, random.Next(5) == 0 ? null : RandomLink(random), random.Next(3) == 0 ? RandomLink(random) : null),
            1 => new FunnelEvent(timestamp, stage, visitor, UtmParser.Parse(RandomLink(random)).Tags),
            _ => new FunnelEvent(timestamp, stage, visitor, new UtmTags { Source = RandomLink(random), Medium = RandomLink(random), Campaign = RandomLink(random), Content = RandomLink(random) }, random.Next(3) == 0 ? RandomLink(random) : null),
        };
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is < ' ' or > '~' ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString()));
}
