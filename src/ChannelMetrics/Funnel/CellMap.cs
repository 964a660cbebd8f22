using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace ChannelMetrics.Funnel;

/// <summary>
/// Counts per (period slot, touch or group id), with the three stage counts side by side: dense rows per
/// period while the period × id grid is small, an open-addressing hash table once it is not.
/// </summary>
/// <remarks>
/// <para>The usual report (a year of months, a few thousand touches) fits a dense grid of a few megabytes,
/// where counting one event is one array increment, as fast as a hand-written flat array. Day periods
/// with many campaigns would explode a dense grid (400 days × 80,000 touches × 3 counters is 770 MB)
/// while real data fills a small fraction of it, so past <see cref="MaxDenseCells"/> cells the map
/// moves its counts into a hash table (linear probing, load at most 1/2, one cache line per probe) and
/// stays there.</para>
/// <para>A cell exists once any of its counts is non-zero; keys are stored plus one in the hash table so
/// that a zero key marks an empty slot.</para>
/// </remarks>
internal sealed class CellMap
{
    // 1M cells × 3 counters × 8 bytes = 24 MB: beyond that a sparse table is smaller for real data.
    private const int MaxDenseCells = 1 << 20;

    // Dense mode: _rows[period][(id * 3) + stage]; rows grow to _idCapacity on demand.
    private long[]?[]? _rows = [];
    private int _idCapacity = 64;

    // Sparse mode (once _rows is null).
    private Cell[] _cells = [];
    private int _count;
    private int _mask;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long KeyOf(int period, int id) => ((long)period << 32) | (uint)id;

    public static int PeriodOf(long key) => (int)(key >> 32);

    public static int IdOf(long key) => (int)key;

    /// <summary>Gets a value indicating whether the counts are still in dense rows (not yet in the hash table).</summary>
    public bool IsDense => _rows is not null;

    /// <summary>Gets the number of cells with a non-zero count.</summary>
    public int Count
    {
        get
        {
            if (_rows is null)
            {
                return _count;
            }

            int count = 0;
            foreach (var _ in Cells())
            {
                count++;
            }

            return count;
        }
    }

    /// <summary>Returns the counter of one stage (0 visits, 1 leads, 2 customers) of a cell, adding the cell if new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref long Counter(long key, int stage)
    {
        var rows = _rows;
        if (rows is not null)
        {
            int period = PeriodOf(key), id = IdOf(key);
            int index = (id * 3) + stage;
            if ((uint)period < (uint)rows.Length && rows[period] is { } row && (uint)index < (uint)row.Length)
            {
                return ref row[index];
            }

            return ref GrowDense(key, stage);
        }

        return ref SparseCounter(key, stage);
    }

    /// <summary>
    /// Reads the hash-table slot of a cell (without adding the cell), so that a later <see cref="Counter"/>
    /// finds it in cache. Only once the map is sparse: a dense counter gains nothing from it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Warm(long key)
    {
        Debug.Assert(_rows is null, "Warm is for the hash table only.");
        return _cells[Hash(key + 1) & _mask].Key;
    }

    /// <summary>Adds counts to a cell (checked: merged counts can be large).</summary>
    public void Add(long key, long visits, long leads, long customers)
    {
        if ((visits | leads | customers) == 0)
        {
            return;
        }

        ref long v = ref Counter(key, 0);
        v = checked(v + visits);
        ref long l = ref Unsafe.Add(ref v, 1);
        l = checked(l + leads);
        ref long c = ref Unsafe.Add(ref v, 2);
        c = checked(c + customers);
    }

    public void Clear()
    {
        if (_rows is not null)
        {
            foreach (var row in _rows)
            {
                if (row is not null)
                {
                    Array.Clear(row);
                }
            }
        }
        else
        {
            Array.Clear(_cells);
            _count = 0;
        }
    }

    public CellMap Clone()
    {
        var clone = new CellMap { _idCapacity = _idCapacity, _count = _count, _mask = _mask, _cells = (Cell[])_cells.Clone() };
        if (_rows is not null)
        {
            clone._rows = new long[]?[_rows.Length];
            for (int p = 0; p < _rows.Length; p++)
            {
                clone._rows[p] = (long[]?)_rows[p]?.Clone();
            }
        }
        else
        {
            clone._rows = null;
        }

        return clone;
    }

    /// <summary>Enumerates the cells with a non-zero count (key, visits, leads, customers).</summary>
    public IEnumerable<(long Key, long Visits, long Leads, long Customers)> Cells()
    {
        if (_rows is not null)
        {
            for (int p = 0; p < _rows.Length; p++)
            {
                if (_rows[p] is not { } row)
                {
                    continue;
                }

                for (int i = 0; i < row.Length; i += 3)
                {
                    if ((row[i] | row[i + 1] | row[i + 2]) != 0)
                    {
                        yield return (KeyOf(p, i / 3), row[i], row[i + 1], row[i + 2]);
                    }
                }
            }

            yield break;
        }

        var cells = _cells;
        for (int i = 0; i < cells.Length; i++)
        {
            if (cells[i].Key != 0)
            {
                yield return (cells[i].Key - 1, cells[i].Visits, cells[i].Leads, cells[i].Customers);
            }
        }
    }

    /// <summary>Enumerates the cells with a non-zero count sorted by key (period, then id).</summary>
    public IEnumerable<(long Key, long Visits, long Leads, long Customers)> CellsInKeyOrder()
    {
        // Dense rows are enumerated period by period, ids ascending: already in key order.
        if (_rows is not null)
        {
            return Cells();
        }

        var sorted = Cells().ToArray();
        Array.Sort(sorted, static (a, b) => a.Key.CompareTo(b.Key));
        return sorted;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ref long GrowDense(long key, int stage)
    {
        int period = PeriodOf(key), id = IdOf(key);
        var rows = _rows!;
        int periods = Math.Max(rows.Length, period + 1);
        int capacity = _idCapacity;
        while (capacity <= id)
        {
            capacity *= 2;
        }

        if ((long)periods * capacity > MaxDenseCells)
        {
            ToSparse();
            return ref SparseCounter(key, stage);
        }

        if (periods > rows.Length)
        {
            Array.Resize(ref rows, Math.Max(periods, Math.Min(rows.Length * 2, MaxDenseCells / capacity)));
            _rows = rows;
        }

        _idCapacity = capacity;
        ref var row = ref rows[period];
        if (row is null)
        {
            row = new long[capacity * 3];
        }
        else if (row.Length < capacity * 3)
        {
            Array.Resize(ref row, capacity * 3);
        }

        return ref row[(id * 3) + stage];
    }

    private void ToSparse()
    {
        var cells = Cells().ToList();
        _rows = null;
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1024, cells.Count * 4));
        _cells = new Cell[size];
        _mask = size - 1;
        _count = 0;
        foreach (var (key, visits, leads, customers) in cells)
        {
            Add(key, visits, leads, customers);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref long SparseCounter(long key, int stage)
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
            return ref SparseCounter(stored - 1, stage);
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
