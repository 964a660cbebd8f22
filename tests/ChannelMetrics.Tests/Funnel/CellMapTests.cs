using ChannelMetrics.Funnel;

namespace ChannelMetrics.Tests.Funnel;

public sealed class CellMapTests
{
    [TestCase(40, 200, true)]
    [TestCase(400, 3_000, false)]
    public void Counts_EqualADictionary_DenseAndAfterTurningSparse(int periods, int ids, bool staysDense)
    {
        // 400 day periods × 3,000 touches outgrows the dense grid (1M cells) part way, so the second case checks
        // the move to the hash table and everything after it.
        var random = new Random(periods * ids);
        var map = new CellMap();
        var expected = new Dictionary<long, long[]>();
        CellMap? cloneBefore = null;
        Dictionary<long, long[]>? expectedBefore = null;
        for (int i = 0; i < 200_000; i++)
        {
            // Ids grow over time, as touches are interned while events arrive.
            int id = random.Next(1 + (int)((long)ids * i / 200_000));
            long key = CellMap.KeyOf(random.Next(periods), id);
            int stage = random.Next(3);
            if (i % 1_000 == 0)
            {
                long visits = random.Next(5), leads = random.Next(5), customers = random.Next(5);
                map.Add(key, visits, leads, customers);
                Expect(expected, key, 0, visits);
                Expect(expected, key, 1, leads);
                Expect(expected, key, 2, customers);
            }
            else
            {
                map.Counter(key, stage)++;
                Expect(expected, key, stage, 1);
            }

            if (i == 100_000)
            {
                cloneBefore = map.Clone();
                expectedBefore = expected.ToDictionary(p => p.Key, p => (long[])p.Value.Clone());
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(Contents(map), Is.EqualTo(Contents(expected)));
            Assert.That(map.CellsInKeyOrder(), Is.EqualTo(Contents(expected)), "sorted by key, dense or sparse");
            Assert.That(map.Count, Is.EqualTo(expected.Count(p => p.Value.Any(v => v != 0))));
            Assert.That(map.IsDense, Is.EqualTo(staysDense));
            Assert.That(Contents(cloneBefore!), Is.EqualTo(Contents(expectedBefore!)), "a clone is independent of later counts");
        });

        map.Clear();
        map.Counter(CellMap.KeyOf(1, 2), 1)++;
        Assert.That(Contents(map), Is.EqualTo(new[] { (CellMap.KeyOf(1, 2), 0L, 1L, 0L) }));
    }

    [Test]
    public void Add_AllZero_AddsNoCell()
    {
        var map = new CellMap();
        map.Add(CellMap.KeyOf(3, 4), 0, 0, 0);

        Assert.Multiple(() =>
        {
            Assert.That(map.Count, Is.Zero);
            Assert.That(map.Cells(), Is.Empty);
        });
    }

    private static void Expect(Dictionary<long, long[]> expected, long key, int stage, long count)
    {
        if (!expected.TryGetValue(key, out var counts))
        {
            counts = new long[3];
            expected.Add(key, counts);
        }

        counts[stage] += count;
    }

    private static List<(long Key, long Visits, long Leads, long Customers)> Contents(CellMap map) =>
        [.. map.Cells().OrderBy(c => c.Key)];

    private static List<(long Key, long Visits, long Leads, long Customers)> Contents(Dictionary<long, long[]> expected) =>
        [.. expected.Where(p => p.Value.Any(v => v != 0)).Select(p => (p.Key, p.Value[0], p.Value[1], p.Value[2])).OrderBy(c => c.Item1)];
}
