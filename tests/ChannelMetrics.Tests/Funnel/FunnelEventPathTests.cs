using ChannelMetrics.Funnel;
using ChannelMetrics.Tracking;

namespace ChannelMetrics.Tests.Funnel;

public sealed class FunnelEventPathTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    private static readonly FunnelOptions AllDimensions = FunnelOptions.Default with
    {
        Dimensions = FunnelDimensions.Network | FunnelDimensions.ChannelGroup | FunnelDimensions.Medium | FunnelDimensions.Campaign | FunnelDimensions.Content,
    };

    private static string Rows(FunnelTable table) => string.Join("; ", table.Rows.Select(r =>
        $"{r.Network}|{r.ChannelGroup}|{r.Medium}|{r.Campaign}|{r.Content} {r.Visits}/{r.Leads}/{r.Customers}"));

    [Test]
    public void Add_LandingUrl_ResolvesNetworkAndChannel()
    {
        var a = new FunnelAggregator(AllDimensions);
        a.Add(new FunnelEvent(T0, FunnelStage.Visit, "v1", "https://shop.example/?utm_source=fb&utm_medium=paid_social&utm_campaign=spring&utm_content=video"));
        a.Add(new FunnelEvent(T0.AddHours(1), FunnelStage.Lead, "v1", landingUrl: null));

        Assert.That(Rows(a.ToTable()), Is.EqualTo("Facebook|Paid Social|paid_social|spring|video 1/1/0"));
    }

    [Test]
    public void Add_ReferrerOnly_IsTheReferrersNetwork()
    {
        var a = new FunnelAggregator(FunnelOptions.Default with { Dimensions = FunnelDimensions.Network | FunnelDimensions.ChannelGroup });
        a.Add(new FunnelEvent(T0, FunnelStage.Visit, null, "https://shop.example/pricing", "https://l.facebook.com/"));
        a.Add(new FunnelEvent(T0, FunnelStage.Visit, null, "https://shop.example/", (string?)null));

        Assert.That(Rows(a.ToTable()), Is.EqualTo("(direct)|Direct||| 1/0/0; Facebook|Organic Social||| 1/0/0"));
    }

    [Test]
    public void Add_ParsedTags_SameAsUrl()
    {
        var fromUrl = new FunnelAggregator(AllDimensions);
        var fromTags = new FunnelAggregator(AllDimensions);
        const string Url = "/landing?utm_source=linkedin&utm_medium=social&utm_campaign=b2b&gclid=abc";
        fromUrl.Add(new FunnelEvent(T0, FunnelStage.Visit, "v", Url));
        fromTags.Add(new FunnelEvent(T0, FunnelStage.Visit, "v", UtmParser.Parse(Url).Tags));

        Assert.That(fromTags.ToTable().Rows, Is.EqualTo(fromUrl.ToTable().Rows));
    }

    [Test]
    public void Add_SpanFields_SameAsEvents()
    {
        var events = FunnelOracle.Generate(2_000, seed: 11, visitors: 50, spanDays: 60);
        var bySpan = new FunnelAggregator();
        var byEvent = new FunnelAggregator();
        foreach (var e in events)
        {
            string url = Url(e);
            bySpan.Add(e.Timestamp, e.Stage, e.Visitor.AsSpan(), url.AsSpan(), e.Referrer.AsSpan());
            byEvent.Add(new FunnelEvent(e.Timestamp, e.Stage, e.Visitor, url, e.Referrer));
        }

        Assert.That(bySpan.ToTable().Rows, Is.EqualTo(byEvent.ToTable().Rows));
    }

    [TestCase(AttributionModel.FirstTouch)]
    [TestCase(AttributionModel.LastTouch)]
    [TestCase(AttributionModel.LastNonDirectTouch)]
    public void AddRange_Columns_SameAsAddByIds(AttributionModel model)
    {
        var options = FunnelOptions.Default with { Attribution = model };
        var events = FunnelOracle.Generate(3_000, seed: 29, visitors: 200, spanDays: 90);
        var byColumns = new FunnelAggregator(options);
        var oneByOne = new FunnelAggregator(options);
        var (timestamps, stages, visitors, touches) = Columns(byColumns, events);
        foreach (var e in events)
        {
            oneByOne.Add(e.Timestamp, e.Stage, oneByOne.InternVisitor(e.Visitor), FunnelOracle.Feed(oneByOne, e));
        }

        // Twice, the second time after Clear, to cover the reused storage.
        byColumns.AddRange(timestamps, stages, visitors, touches);
        byColumns.Clear();
        byColumns.AddRange(timestamps, stages, visitors, touches);

        Assert.Multiple(() =>
        {
            Assert.That(byColumns.ToTable().Rows, Is.EqualTo(oneByOne.ToTable().Rows));
            Assert.That(byColumns.EventCount, Is.EqualTo(events.Count));
        });
    }

    [Test]
    public void AddRange_Columns_BadCall_ThrowsAndAddsNothing()
    {
        var a = new FunnelAggregator();
        var other = new FunnelAggregator();
        var touch = a.InternTouch("Facebook", "social", "spring", null, null);
        var visitor = a.InternVisitor("v");
        // Ids beyond what this aggregator issued (ids are indexes: a smaller one would be one of its own).
        other.InternVisitor("x");
        var foreignVisitor = other.InternVisitor("y");
        other.InternTouch("TikTok", "social", "launch", null, null);
        var foreignTouch = other.InternTouch("LinkedIn", "social", "b2b", null, null);
        DateTimeOffset[] twoInstants = [T0, T0];
        FunnelStage[] twoVisits = [FunnelStage.Visit, FunnelStage.Visit];

        Assert.Multiple(() =>
        {
            Assert.That(() => a.AddRange(twoInstants, [FunnelStage.Visit], [visitor, visitor], [touch, touch]), Throws.ArgumentException.With.Property("ParamName").EqualTo("stages"));
            Assert.That(() => a.AddRange(twoInstants, twoVisits, [visitor], [touch, touch]), Throws.ArgumentException.With.Property("ParamName").EqualTo("visitors"));
            Assert.That(() => a.AddRange(twoInstants, twoVisits, [visitor, visitor], [touch]), Throws.ArgumentException.With.Property("ParamName").EqualTo("touches"));
            Assert.That(() => a.AddRange(twoInstants, twoVisits, [visitor, foreignVisitor], [touch, touch]), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("visitors"));
            Assert.That(() => a.AddRange(twoInstants, twoVisits, [visitor, visitor], [touch, foreignTouch]), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("touches"));
            Assert.That(() => a.AddRange(twoInstants, [FunnelStage.Visit, (FunnelStage)3], [visitor, visitor], [touch, touch]), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("stages"));
            Assert.That(() => a.AddRange(twoInstants, [(FunnelStage)(-1), FunnelStage.Visit], [visitor, visitor], [touch, touch]), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });

        // The first event of each bad call was valid: nothing may have been added before the check failed.
        Assert.That(a.EventCount, Is.Zero);
        a.AddRange([], [], [], []);
        Assert.That(a.ToTable().Rows, Is.Empty);
    }

    [Test]
    public void AddRange_Columns_SteadyState_AllocatesNothing()
    {
        var a = new FunnelAggregator();
        var (timestamps, stages, visitors, touches) = Columns(a, FunnelOracle.Generate(5_000, seed: 5, visitors: 300, spanDays: 120));

        // Warm up: Clear keeps the storage grown here, so the measured runs of the same events must not allocate.
        a.AddRange(timestamps, stages, visitors, touches);

        Assert.That(Allocations.LeastOfThreeRuns(() =>
        {
            a.Clear();
            a.AddRange(timestamps, stages, visitors, touches);
        }), Is.Zero);
    }

    private static (DateTimeOffset[] Timestamps, FunnelStage[] Stages, FunnelVisitorId[] Visitors, FunnelTouchId[] Touches) Columns(FunnelAggregator a, List<TestEvent> events) => (
        [.. events.Select(e => e.Timestamp)],
        [.. events.Select(e => e.Stage)],
        [.. events.Select(e => a.InternVisitor(e.Visitor))],
        [.. events.Select(e => FunnelOracle.Feed(a, e))]);

    [Test]
    public void Add_SpanFields_SteadyState_AllocatesNothing()
    {
        var a = new FunnelAggregator();
        var urls = new[]
        {
            "https://shop.example/?utm_source=facebook&utm_medium=paid_social&utm_campaign=spring%20sale&fbclid=x1",
            "https://shop.example/blog?utm_source=lnkd.in&utm_medium=social&utm_campaign=b2b",
            "https://shop.example/",
        };
        var visitors = Enumerable.Range(0, 64).Select(i => "contact-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        void Run(int count)
        {
            for (int i = 0; i < count; i++)
            {
                var stage = (i % 10) switch { 0 => FunnelStage.Lead, 1 => FunnelStage.Customer, _ => FunnelStage.Visit };
                a.Add(T0.AddMinutes(i % 9000), stage, visitors[i % visitors.Length].AsSpan(), urls[i % urls.Length].AsSpan(), i % 7 == 0 ? "https://t.co/abc".AsSpan() : default);
            }
        }

        // Warm-up as in FunnelAggregatorTests: Clear keeps the room the same events need again.
        Run(9_000);

        Assert.That(Allocations.LeastOfThreeRuns(() =>
        {
            a.Clear();
            Run(9_000);
        }), Is.Zero);
    }

    [TestCase(AttributionModel.LastNonDirectTouch, FunnelDimensions.Network | FunnelDimensions.Campaign)]
    [TestCase(AttributionModel.LastTouch, FunnelDimensions.Network | FunnelDimensions.ChannelGroup | FunnelDimensions.Medium | FunnelDimensions.Campaign | FunnelDimensions.Content)]
    [TestCase(AttributionModel.FirstTouch, FunnelDimensions.Network | FunnelDimensions.Content)]
    public void AddRange_EqualsAddOneByOne(AttributionModel model, FunnelDimensions dimensions)
    {
        var events = MixedEvents(60_000, seed: 17);
        var options = FunnelOptions.Default with { Attribution = model, Dimensions = dimensions, Granularity = PeriodGranularity.Day };
        var one = new FunnelAggregator(options);
        foreach (var e in events)
        {
            one.Add(e);
        }

        var range = new FunnelAggregator(options);
        range.AddRange(events.AsSpan(0, 12_345));
        range.AddRange(events.AsSpan(12_345));

        Assert.Multiple(() =>
        {
            Assert.That(range.ToTable().Rows, Is.EqualTo(one.ToTable().Rows));
            Assert.That(range.EventCount, Is.EqualTo(events.Length));
        });
    }

    [Test]
    public void AddRange_SteadyState_AllocatesNothing()
    {
        var a = new FunnelAggregator();
        var events = MixedEvents(1_000, seed: 3);

        // Warm-up: every visitor, value and period seen and record storage grown; Clear keeps that room.
        a.AddRange(events);

        Assert.That(Allocations.LeastOfThreeRuns(() =>
        {
            a.Clear();
            a.AddRange(events);
        }), Is.Zero);
    }

    [Test]
    public void SmallAggregation_KeepsItsCachesSmall()
    {
        // Caches start small and grow only while they miss: an app that aggregates many small inputs (one
        // per client, per shard) must not pay megabytes for each. The first run loads the shared lists.
        long Run()
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var a = new FunnelAggregator(AllDimensions);
            a.Add(new FunnelEvent(T0, FunnelStage.Visit, "v1", "https://shop.example/?utm_source=fb&utm_campaign=spring"));
            a.AddRange([new FunnelEvent(T0.AddHours(1), FunnelStage.Lead, "v1", new UtmTags { Source = "fb", Campaign = "spring" })]);
            Assert.That(a.ToTable().Rows, Has.Count.EqualTo(1));
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Run();

        Assert.That(Run(), Is.LessThan(256 * 1024));
    }

    [Test]
    public void AggregateParallel_ArrayListOrAnyList_EqualsSingleAggregator()
    {
        var events = MixedEvents(40_000, seed: 23);
        var single = new FunnelAggregator();
        single.AddRange(events);
        var expected = single.ToTable().Rows;

        Assert.Multiple(() =>
        {
            Assert.That(FunnelAggregator.AggregateParallel(events, maxDegreeOfParallelism: 2).Rows, Is.EqualTo(expected));
            Assert.That(FunnelAggregator.AggregateParallel(events.ToList(), maxDegreeOfParallelism: 3).Rows, Is.EqualTo(expected));
            Assert.That(FunnelAggregator.AggregateParallel(Array.AsReadOnly(events), maxDegreeOfParallelism: 2).Rows, Is.EqualTo(expected));
            Assert.That(FunnelAggregator.AggregateParallel(Array.AsReadOnly(events), maxDegreeOfParallelism: 1).Rows, Is.EqualTo(expected));
        });
    }

    /// <summary>
    /// Oracle events in all three shapes (landing URL, parsed tags shared per URL, referrer only), with half of
    /// the visitor ids as fresh copies of the string, so lookups compare characters as well as references.
    /// </summary>
    private static FunnelEvent[] MixedEvents(int count, int seed)
    {
        var tags = new Dictionary<string, UtmTags>(StringComparer.Ordinal);
        return FunnelOracle.Generate(count, seed, visitors: count / 8, spanDays: 90).Select((e, i) =>
        {
            string? visitor = e.Visitor is not null && i % 2 == 0 ? new string(e.Visitor.AsSpan()) : e.Visitor;
            string url = Url(e);
            switch (i % 3)
            {
                case 0:
                    return new FunnelEvent(e.Timestamp, e.Stage, visitor, url, e.Referrer);
                case 1:
                    if (!tags.TryGetValue(url, out var parsed))
                    {
                        parsed = UtmParser.Parse(url).Tags;
                        tags.Add(url, parsed);
                    }

                    return new FunnelEvent(e.Timestamp, e.Stage, visitor, parsed, e.Referrer);
                default:
                    return new FunnelEvent(e.Timestamp, e.Stage, visitor, e.Source is null ? null : url, e.Referrer);
            }
        }).ToArray();
    }

    [Test]
    public void FunnelEvent_BadStageOrNullTags_Throw()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new FunnelEvent(T0, (FunnelStage)3, null, "x"), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new FunnelEvent(T0, FunnelStage.Lead, null, (UtmTags)null!), Throws.ArgumentNullException);
        });
    }

    [Test]
    public void FunnelEvent_Equality_IsByValue()
    {
        var a = new FunnelEvent(T0, FunnelStage.Lead, "v", "?utm_source=x");
        var b = new FunnelEvent(T0, FunnelStage.Lead, "v", "?utm_source=x");

        Assert.Multiple(() =>
        {
            Assert.That(a == b, Is.True);
            Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
            Assert.That(a != new FunnelEvent(T0, FunnelStage.Visit, "v", "?utm_source=x"), Is.True);
        });
    }

    [Test]
    public void AggregateParallel_EqualsSingleAggregator_AndReportsProgress()
    {
        var events = FunnelOracle.Generate(150_000, seed: 5, visitors: 20_000).Select(e => new FunnelEvent(e.Timestamp, e.Stage, e.Visitor, Url(e), e.Referrer)).ToArray();
        foreach (var model in Enum.GetValues<AttributionModel>())
        {
            var options = FunnelOptions.Default with { Attribution = model, Granularity = PeriodGranularity.Week };
            var single = new FunnelAggregator(options);
            foreach (var e in events)
            {
                single.Add(e);
            }

            var reports = new List<FunnelProgress>();
            var progress = new SynchronousProgress(reports);
            var parallel = FunnelAggregator.AggregateParallel(events, options, progress, maxDegreeOfParallelism: 3);

            Assert.Multiple(() =>
            {
                Assert.That(parallel.Rows, Is.EqualTo(single.ToTable().Rows), model.ToString());
                Assert.That(reports, Is.Not.Empty);
                Assert.That(reports[^1], Is.EqualTo(new FunnelProgress(events.Length, events.Length)));
            });
        }
    }

    [Test]
    public void AggregateParallel_Canceled_Throws()
    {
        var events = Enumerable.Range(0, 200_000).Select(i => new FunnelEvent(T0, FunnelStage.Visit, null, "?utm_source=fb")).ToArray();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.That(() => FunnelAggregator.AggregateParallel(events, cancellationToken: cancel.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void AggregateParallel_CanceledBeforeTheStart_ThrowsEvenForNoEvents()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.That(() => FunnelAggregator.AggregateParallel([], cancellationToken: cancel.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [TestCase(1)]
    [TestCase(4)]
    public void AggregateParallel_Progress_OneCallAtATime_RisingToTheTotalOnce(int workers)
    {
        // 100,000 events per worker: each reports on its own thread before the end.
        var events = Enumerable.Range(0, 400_000).Select(i => new FunnelEvent(T0.AddMinutes(i % 5_000), FunnelStage.Visit, "v" + (i % 50_000), "?utm_source=fb")).ToArray();
        var progress = new UnguardedProgress();

        FunnelAggregator.AggregateParallel(events, progress: progress, maxDegreeOfParallelism: workers);

        Assert.Multiple(() =>
        {
            Assert.That(progress.MostAtOnce, Is.EqualTo(1), "a handler without a lock is never called twice at once");
            Assert.That(progress.Reports.Select(r => r.Processed), Is.Ordered.Ascending.And.Unique);
            Assert.That(progress.Reports[^1], Is.EqualTo(new FunnelProgress(events.Length, events.Length)));
            Assert.That(progress.Reports, Has.Count.GreaterThan(1));
        });
    }

    [Test]
    public void AggregateParallel_Empty_IsEmptyTable()
    {
        Assert.That(FunnelAggregator.AggregateParallel([]).Rows, Is.Empty);
    }

    [Test]
    public void AggregateParallel_SmallInput_AllocatesForItsSizeOnly()
    {
        var events = Enumerable.Range(0, 50).Select(i => new FunnelEvent(T0.AddMinutes(i), FunnelStage.Visit, "v" + (i % 7), "?utm_source=fb")).ToArray();
        var readOnly = Array.AsReadOnly(events);

        // Fewer than 4,096 events take one worker, on the calling thread: its allocations are all counted.
        long arrayBytes = Allocations.LeastOfThreeRuns(() => FunnelAggregator.AggregateParallel(events));
        long readOnlyBytes = Allocations.LeastOfThreeRuns(() => FunnelAggregator.AggregateParallel(readOnly));

        // A copy buffer of 65,536 events, as before, was 3.7 MB per call whatever the input's size.
        Assert.Multiple(() =>
        {
            Assert.That(FunnelAggregator.AggregateParallel(readOnly).Rows, Is.EqualTo(FunnelAggregator.AggregateParallel(events).Rows));
            Assert.That(arrayBytes, Is.LessThan(1 << 20), "bytes allocated for an array");
            Assert.That(readOnlyBytes, Is.LessThan(1 << 20), "bytes allocated for a read-only list");
        });
    }

    internal static string Url(TestEvent e)
    {
        var parts = new List<string>();
        if (e.Source is not null)
        {
            parts.Add("utm_source=" + Uri.EscapeDataString(e.Source));
        }

        if (e.Medium is not null)
        {
            parts.Add("utm_medium=" + Uri.EscapeDataString(e.Medium));
        }

        if (e.Campaign is not null)
        {
            parts.Add("utm_campaign=" + Uri.EscapeDataString(e.Campaign));
        }

        if (e.Content is not null)
        {
            parts.Add("utm_content=" + Uri.EscapeDataString(e.Content));
        }

        return "https://shop.example/landing?" + string.Join('&', parts);
    }

    /// <summary>A handler as people write them, with no lock: it counts how many of its calls overlap.</summary>
    private sealed class UnguardedProgress : IProgress<FunnelProgress>
    {
        private readonly Lock _gate = new();
        private int _inside;

        public List<FunnelProgress> Reports { get; } = [];

        public int MostAtOnce { get; private set; }

        public void Report(FunnelProgress value)
        {
            int inside = Interlocked.Increment(ref _inside);

            // Only the count of overlaps is guarded: a racing read-modify-write could lose the very overlap it measures.
            lock (_gate)
            {
                MostAtOnce = Math.Max(MostAtOnce, inside);
            }

            Thread.SpinWait(20_000);
            Reports.Add(value);
            Interlocked.Decrement(ref _inside);
        }
    }

    private sealed class SynchronousProgress(List<FunnelProgress> reports) : IProgress<FunnelProgress>
    {
        public void Report(FunnelProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
