using ChannelMetrics.Funnel;

namespace ChannelMetrics.Tests.Funnel;

/// <summary>The aggregator's internal stores: record chunks, the visitor table and the distinct-visitor sketch.</summary>
public sealed class FunnelStorageTests
{
    [Test]
    public void RecordChunks_KeepEveryRecordInOrder_AndReuseTheirChunksAfterClear()
    {
        var chunks = default(RecordChunks<long>);
        for (long i = 0; i < 100_000; i++)
        {
            chunks.AppendSlot() = i;
        }

        Assert.Multiple(() =>
        {
            Assert.That(chunks.Count, Is.EqualTo(100_000));
            Assert.That(chunks.ChunkCount, Is.GreaterThan(1), "the records span several chunks");
            Assert.That(Flatten(chunks), Is.EqualTo(Enumerable.Range(0, 100_000).Select(i => (long)i)));
        });

        long allocated = Allocations.LeastOfThreeRuns(() =>
        {
            chunks.Clear();
            for (long i = 0; i < 70_000; i++)
            {
                chunks.AppendSlot() = -i;
            }
        });

        Assert.Multiple(() =>
        {
            Assert.That(allocated, Is.Zero, "a cleared sequence refills the chunks it kept");
            Assert.That(chunks.Count, Is.EqualTo(70_000));
            Assert.That(Flatten(chunks), Is.EqualTo(Enumerable.Range(0, 70_000).Select(i => -(long)i)));
        });

        chunks.Clear();
        Assert.That(chunks.ChunkCount, Is.Zero);
    }

    [TestCase(0)]
    [TestCase(1_000)]
    [TestCase(50_000)]
    public void VisitorTable_Reserved_InternsLikeAGrowingTable(int reserved)
    {
        var table = new VisitorTable();
        table.Reserve(reserved);
        var ids = Enumerable.Range(0, 20_000).Select(i => "visitor-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var first = ids.Select(id => table.IndexOf(id, VisitorTable.Hash(id), id)).ToArray();

        // Looked up again through a different string of the same characters, and through the span path.
        var again = ids.Select(id => new string(id.AsSpan())).Select(id => table.IndexOf(id, VisitorTable.Hash(id), null)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(Enumerable.Range(0, ids.Length)));
            Assert.That(again, Is.EqualTo(first));
            Assert.That(table.Count, Is.EqualTo(ids.Length));
            Assert.That(table.NamesByIndex(), Is.EqualTo(ids));
        });
    }

    [TestCase(1_000)]
    [TestCase(100_000)]
    [TestCase(1_000_000)]
    public void EstimateDistinct_IsWithinAFewPercent_OverlappingSketches(int distinct)
    {
        // Two chunks of phase 1 see the visitors many times each; a third of them turn up in both chunks.
        var sketches = new[] { FunnelAggregator.NewDistinctSketch(), FunnelAggregator.NewDistinctSketch() };
        var random = new Random(distinct);
        var draws = Enumerable.Range(0, distinct * 3).Select(_ => random.Next(distinct)).ToArray();
        for (int i = 0; i < draws.Length; i++)
        {
            int chunk = draws[i] % 3 == 2 ? i % 2 : draws[i] % 3;
            string id = "contact-" + draws[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
            FunnelAggregator.MarkDistinct(sketches[chunk], VisitorTable.Hash(id));
        }

        // Visitors never drawn cannot be counted: the expectation is the number actually drawn.
        int seen = draws.Distinct().Count();
        Assert.That(FunnelAggregator.EstimateDistinct(sketches), Is.EqualTo(seen).Within(3).Percent);
    }

    [Test]
    public void EstimateDistinct_EmptyOrFullSketch_IsZero_SoTablesGrowAsUsual()
    {
        var empty = FunnelAggregator.NewDistinctSketch();
        var full = FunnelAggregator.NewDistinctSketch();
        Array.Fill(full, ulong.MaxValue);
        Assert.Multiple(() =>
        {
            Assert.That(FunnelAggregator.EstimateDistinct([empty]), Is.Zero);
            Assert.That(FunnelAggregator.EstimateDistinct([empty, full]), Is.Zero);
        });
    }

    private static List<long> Flatten(RecordChunks<long> chunks)
    {
        var all = new List<long>();
        foreach (var chunk in chunks)
        {
            all.AddRange(chunk.ToArray());
        }

        return all;
    }
}
