using System.Runtime.CompilerServices;

namespace ChannelMetrics.Funnel;

/// <summary>An append-only sequence of records stored in chunks, which keeps its chunks when cleared.</summary>
/// <typeparam name="T">The record type.</typeparam>
/// <remarks>
/// <para>Growing never copies what is stored and leaves no garbage: on exports of millions of events a
/// doubling array copied tens of megabytes and, through the large-object heap, set off full collections
/// that marked the caller's whole input.</para>
/// <para>A mutable struct: keep it in a field or an array element and call it in place, never by copy.</para>
/// </remarks>
internal struct RecordChunks<T>
{
    private const int FirstChunkLength = 64;
    // 16,384 records (256 KB of 16-byte records): large enough that a chunk switch is rare, small enough
    // that a bucket of a mid-sized input does not reserve much more than it uses.
    private const int MaxChunkLength = 1 << 14;

    private T[][]? _chunks;
    private int _chunkCount;    // chunks in use; the last one is the tail
    private int _allocated;     // chunks allocated, kept across Clear
    private T[]? _tail;
    private int _tailCount;
    private int _fullCount;     // records in the chunks before the tail

    /// <summary>Gets how many records are stored.</summary>
    public readonly int Count => _fullCount + _tailCount;

    /// <summary>Gets how many chunks are in use.</summary>
    public readonly int ChunkCount => _chunkCount;

    /// <summary>Gets the records of one chunk, in the order they were appended.</summary>
    /// <param name="index">The chunk, below <see cref="ChunkCount"/>.</param>
    private readonly ReadOnlySpan<T> Chunk(int index) =>
        index == _chunkCount - 1 ? _tail.AsSpan(0, _tailCount) : _chunks![index];

    /// <summary>Enumerates the chunks in use, each as a span of its records: <c>foreach (var chunk in records)</c>.</summary>
    public readonly ChunkEnumerator GetEnumerator() => new(this);

    /// <summary>Appends a record to be written in place, through the returned reference.</summary>
    /// <remarks>
    /// Writing the fields in place saves building the record on the stack and copying it: that copy reads
    /// the record back with one wide load from several narrow stores, which the processor cannot forward,
    /// so the load waits until every older store (a counter or record that missed the cache) is written.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref T AppendSlot()
    {
        var tail = _tail;
        int count = _tailCount;
        if (tail is not null && (uint)count < (uint)tail.Length)
        {
            _tailCount = count + 1;
            return ref tail[count];
        }

        return ref AppendToNewChunk();
    }

    public void Clear()
    {
        _chunkCount = 0;
        _tail = null;
        _tailCount = 0;
        _fullCount = 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ref T AppendToNewChunk()
    {
        _fullCount += _tailCount;
        if (_chunkCount == _allocated)
        {
            if (_chunks is null || _allocated == _chunks.Length)
            {
                Array.Resize(ref _chunks, Math.Max(4, _allocated * 2));
            }

            // Chunks grow with the sequence, so a small aggregator stays small.
            _chunks[_allocated++] = new T[Math.Min(MaxChunkLength, FirstChunkLength << Math.Min(_chunkCount, 16))];
        }

        _tail = _chunks![_chunkCount++];
        _tailCount = 1;
        return ref _tail[0];
    }

    /// <summary>Enumerates the chunks of a <see cref="RecordChunks{T}"/>.</summary>
    public struct ChunkEnumerator
    {
        private readonly RecordChunks<T> _records;
        private int _index;

        internal ChunkEnumerator(in RecordChunks<T> records)
        {
            _records = records;
            _index = -1;
        }

        public readonly ReadOnlySpan<T> Current => _records.Chunk(_index);

        public bool MoveNext() => ++_index < _records.ChunkCount;
    }
}
