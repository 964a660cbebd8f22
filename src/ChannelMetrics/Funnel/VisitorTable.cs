using System.Numerics;
using System.Runtime.CompilerServices;

namespace ChannelMetrics.Funnel;

/// <summary>
/// Interns visitor ids to dense indexes: an open-addressing table whose slots hold the id's hash, index
/// and string, so a lookup costs one cache line when the caller passes the very string it stored, and the
/// hash can be computed ahead of the lookup (see <see cref="FunnelAggregator.AddRange(ReadOnlySpan{FunnelEvent})"/>).
/// </summary>
/// <remarks>
/// A <see cref="Dictionary{TKey, TValue}"/> keyed by string costs three dependent cache misses per lookup
/// on a million visitors (bucket, entry, key string); here the slot carries everything but the characters,
/// which are compared only when the reference differs. Hashes are the runtime's randomized string hash:
/// visitor ids come from data, and a crafted input must not be able to pile them onto one slot.
/// Linear probing, load at most 2/3.
/// </remarks>
internal sealed class VisitorTable
{
    private Slot[] _slots = new Slot[64];
    private int _mask = 63;
    private int _count;

    public int Count => _count;

    /// <summary>Returns the ids in index order; allocates, and is only needed to merge aggregators.</summary>
    /// <remarks>The slots hold the ids: keeping a second array of them would cost 8 bytes per visitor on every call.</remarks>
    public string[] NamesByIndex()
    {
        var names = new string[_count];
        foreach (var slot in _slots)
        {
            if (slot.Name is not null)
            {
                names[slot.Index] = slot.Name;
            }
        }

        return names;
    }

    /// <summary>Makes room for <paramref name="capacity"/> visitors in all, so that filling the table never rehashes.</summary>
    public void Reserve(int capacity)
    {
        // Load at most 2/3, as Add keeps it.
        long slots = ((long)capacity * 3 / 2) + 1;
        if (slots > _slots.Length)
        {
            Resize((int)BitOperations.RoundUpToPowerOf2((uint)Math.Min(slots, 1 << 30)));
        }
    }

    /// <summary>Hashes a visitor id; never 0, so that 0 can stand for "no visitor" among precomputed hashes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Hash(ReadOnlySpan<char> visitorId)
    {
        int hash = string.GetHashCode(visitorId);
        return hash == 0 ? 1 : hash;
    }

    /// <summary>Reads the slot a hash starts probing at, so that a later <see cref="IndexOf"/> finds it in cache.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Warm(int hash) => _slots[hash & _mask].Index;

    /// <summary>Returns the index of a visitor id, adding it if new.</summary>
    /// <param name="visitorId">The id, not empty; ignored when <paramref name="stored"/> is given.</param>
    /// <param name="hash">Its <see cref="Hash"/>.</param>
    /// <param name="stored">
    /// The id as a string when the caller has one (it is stored as is), or <see langword="null"/>. Its characters
    /// are read only when a slot with the same hash holds another instance.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(ReadOnlySpan<char> visitorId, int hash, string? stored)
    {
        var slots = _slots;
        int i = hash & _mask;
        while (true)
        {
            ref var slot = ref slots[i];
            if (slot.Name is null)
            {
                return Add(stored ?? visitorId.ToString(), hash, i);
            }

            if (slot.Hash == hash && (stored is not null ? string.Equals(slot.Name, stored, StringComparison.Ordinal) : visitorId.SequenceEqual(slot.Name)))
            {
                return slot.Index;
            }

            i = (i + 1) & _mask;
        }
    }

    private int Add(string visitorId, int hash, int slot)
    {
        if ((_count + 1) * 3 > _slots.Length * 2)
        {
            Resize(_slots.Length * 2);
            slot = hash & _mask;
            while (_slots[slot].Name is not null)
            {
                slot = (slot + 1) & _mask;
            }
        }

        int index = _count++;
        _slots[slot] = new Slot(visitorId, hash, index);
        return index;
    }

    private void Resize(int size)
    {
        var old = _slots;
        _slots = new Slot[size];
        _mask = size - 1;
        foreach (var slot in old)
        {
            if (slot.Name is not null)
            {
                int i = slot.Hash & _mask;
                while (_slots[i].Name is not null)
                {
                    i = (i + 1) & _mask;
                }

                _slots[i] = slot;
            }
        }
    }

    private readonly record struct Slot(string? Name, int Hash, int Index);
}
