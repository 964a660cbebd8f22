using System.Runtime.CompilerServices;

namespace ChannelMetrics.Funnel;

/// <summary>An append-only buffer of records that keeps its room when cleared.</summary>
/// <typeparam name="T">The record type.</typeparam>
/// <remarks>A mutable struct: keep it in a field or an array element and call it in place, never by copy.</remarks>
internal struct RecordBuffer<T>
{
    private T[]? _items;
    private int _count;

    public readonly ReadOnlySpan<T> Items => _items.AsSpan(0, _count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(in T item)
    {
        var items = _items;
        if (items is not null && (uint)_count < (uint)items.Length)
        {
            items[_count++] = item;
        }
        else
        {
            Grow(item);
        }
    }

    public void Clear() => _count = 0;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(in T item)
    {
        Array.Resize(ref _items, Math.Max(16, (_items?.Length ?? 0) * 2));
        _items[_count++] = item;
    }
}
