using System.Numerics;
using System.Runtime.CompilerServices;

namespace ChannelMetrics.Funnel;

/// <summary>
/// Counts per (period slot, touch or group id): an open-addressing hash table with the three stage counts
/// stored inline, so counting one event costs one probe into one cache line.
/// </summary>
/// <remarks>
/// A dense period × touch matrix would be faster by a hair but explodes for day periods with many
/// campaigns (400 days × 80,000 touches × 3 counters is 770 MB); real data fills a small fraction of it.
/// Keys are stored plus one so that a zero key marks an empty slot. Linear probing, load at most 1/2.
/// </remarks>
internal sealed class CellMap
{
    private Cell[] _cells;
    private int _count;
    private int _mask;

    public CellMap(int capacity = 1024)
    {
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2));
        _cells = new Cell[size];
        _mask = size - 1;
    }

    public int Count => _count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long KeyOf(int period, int id) => ((long)period << 32) | (uint)id;

    public static int PeriodOf(long key) => (int)(key >> 32);

    public static int IdOf(long key) => (int)key;

    /// <summary>Returns the counter of one stage (0 visits, 1 leads, 2 customers) of a cell, adding the cell if new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref long Counter(long key, int stage)
    {
        long stored = key + 1;
        int i = Hash(stored) & _mask;
        while (true)
        {
            ref var cell = ref _cells[i];
            if (cell.Key == stored)
            {
                return ref Unsafe.Add(ref cell.Visits, stage);
            }

            if (cell.Key == 0)
            {
                return ref AddNew(stored, stage, i);
            }

            i = (i + 1) & _mask;
        }
    }

    /// <summary>Adds counts to a cell (checked: merged counts can be large).</summary>
    public void Add(long key, long visits, long leads, long customers)
    {
        ref long v = ref Counter(key, 0);
        v = checked(v + visits);
        ref long l = ref Unsafe.Add(ref v, 1);
        l = checked(l + leads);
        ref long c = ref Unsafe.Add(ref v, 2);
        c = checked(c + customers);
    }

    public void Clear()
    {
        Array.Clear(_cells);
        _count = 0;
    }

    public CellMap Clone()
    {
        var clone = new CellMap(16) { _cells = (Cell[])_cells.Clone(), _count = _count, _mask = _mask };
        return clone;
    }

    /// <summary>Enumerates the filled cells (key, visits, leads, customers) in slot order.</summary>
    public IEnumerable<(long Key, long Visits, long Leads, long Customers)> Cells()
    {
        var cells = _cells;
        for (int i = 0; i < cells.Length; i++)
        {
            if (cells[i].Key != 0)
            {
                yield return (cells[i].Key - 1, cells[i].Visits, cells[i].Leads, cells[i].Customers);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(long key)
    {
        // Fibonacci hashing spreads the (period, id) pairs, whose low bits are small dense integers.
        return (int)((ulong)(key * -7046029254386353131L) >> 32);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ref long AddNew(long stored, int stage, int slot)
    {
        if ((_count + 1) * 2 > _cells.Length)
        {
            Grow();
            return ref Counter(stored - 1, stage);
        }

        _count++;
        ref var cell = ref _cells[slot];
        cell.Key = stored;
        return ref Unsafe.Add(ref cell.Visits, stage);
    }

    private void Grow()
    {
        var old = _cells;
        _cells = new Cell[old.Length * 2];
        _mask = _cells.Length - 1;
        foreach (var cell in old)
        {
            if (cell.Key != 0)
            {
                int i = Hash(cell.Key) & _mask;
                while (_cells[i].Key != 0)
                {
                    i = (i + 1) & _mask;
                }

                _cells[i] = cell;
            }
        }
    }

    private struct Cell
    {
        public long Key;
        public long Visits;
        public long Leads;
        public long Customers;
    }
}
