using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ChannelMetrics.Funnel;

public sealed partial class FunnelAggregator
{
    private const int ProgressBatch = 1 << 16;

    // Bits of the sketch that estimates the number of distinct visitors (128 KB per chunk of phase 1).
    private const int DistinctBits = 1 << 20;

    /// <summary>
    /// Aggregates a large input on all cores: events are partitioned by visitor, so each visitor's
    /// attribution is resolved by one worker, and the partial results are combined into one table.
    /// </summary>
    /// <param name="events">The events, in any order.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="FunnelOptions.Default"/>.</param>
    /// <param name="progress">
    /// Receives progress about every 65,536 events per worker, and the total once at the end; may be <see langword="null"/>.
    /// Calls come one at a time (from the workers' threads when there are several) and their count never goes down,
    /// so a handler needs no lock of its own.
    /// </param>
    /// <param name="maxDegreeOfParallelism">The most workers to use; <see langword="null"/> for one per processor.</param>
    /// <param name="cancellationToken">Stops the work; checked about every 65,536 events.</param>
    /// <returns>The same table as adding every event to one aggregator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is invalid; the exception names the property.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is less than 1.</exception>
    /// <exception cref="OperationCanceledException">The token was canceled.</exception>
    public static FunnelTable AggregateParallel(
        IReadOnlyList<FunnelEvent> events,
        FunnelOptions? options = null,
        IProgress<FunnelProgress>? progress = null,
        int? maxDegreeOfParallelism = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        options ??= FunnelOptions.Default;
        options.Validate();
        if (maxDegreeOfParallelism is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "At least one worker is needed.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        int count = events.Count;
        // At most 255 workers: the routing table stores one byte per event.
        int workers = Math.Max(1, Math.Min(Math.Min(maxDegreeOfParallelism ?? Environment.ProcessorCount, byte.MaxValue), (count / 4096) + 1));
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = workers };
        var sources = new ResolvedSource[workers];
        long processed = 0;
        long reported = -1;
        var gate = new Lock();
        void Report(int pending)
        {
            long done = Interlocked.Add(ref processed, pending);
            if (progress is null)
            {
                return;
            }

            // Workers report from their own threads: one call at a time, and a count overtaken by another worker's
            // report is dropped rather than reported after it.
            lock (gate)
            {
                if (done > reported)
                {
                    reported = done;
                    progress.Report(new FunnelProgress(done, count));
                }
            }
        }

        if (workers == 1)
        {
            var aggregator = new FunnelAggregator(options);
            // Only a list that is neither an array nor a List<T> is copied into the buffer (see Slice).
            var buffer = events is FunnelEvent[] or List<FunnelEvent> ? [] : new FunnelEvent[Math.Min(ProgressBatch, count)];
            for (int from = 0; from < count; from += ProgressBatch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int length = Math.Min(ProgressBatch, count - from);
                aggregator.AddRange(Slice(events, from, length, buffer));
                Report(length);
            }

            sources[0] = aggregator.ResolveSource();
        }
        else
        {
            // Phase 1, in parallel over contiguous chunks: hash each visitor id once (the hash picks the worker,
            // and the worker's visitor table reuses it) and route the event. Events without a visitor carry no
            // attribution state, so they are spread round-robin. The routing arrays are pooled: allocating tens
            // of megabytes per call would set off full collections that mark the caller's whole input while the
            // workers run.
            var hashes = ArrayPool<int>.Shared.Rent(count);
            var partition = ArrayPool<byte>.Shared.Rent(count);
            var seen = new ulong[workers][];
            try
            {
                int warmed = 0;
                Parallel.For(0, workers, parallel, chunk =>
                {
                    int from = (int)((long)count * chunk / workers), to = (int)((long)count * (chunk + 1) / workers);
                    var buffer = new FunnelEvent[AddBlock];
                    var sketch = seen[chunk] = NewDistinctSketch();
                    int warm = 0;
                    for (int offset = from; offset < to; offset += AddBlock)
                    {
                        int length = Math.Min(AddBlock, to - offset);
                        var block = Slice(events, offset, length, buffer);
                        warm += HashVisitors(block, hashes.AsSpan(offset, length));
                        for (int k = 0; k < length; k++)
                        {
                            int hash = hashes[offset + k];
                            if (hash == 0)
                            {
                                partition[offset + k] = (byte)((offset + k) % workers);
                                continue;
                            }

                            // The high bits pick the worker: the low bits pick the slot in the worker's table.
                            partition[offset + k] = (byte)(((ulong)(uint)hash * (uint)workers) >> 32);
                            MarkDistinct(sketch, hash);
                        }
                    }

                    // The touching reads must not be optimised away.
                    Interlocked.Add(ref warmed, warm);
                });

                int visitorsPerWorker = EstimateDistinct(seen) / workers;

                // Phase 2: each worker gathers its events into blocks, aggregates them and resolves their attribution.
                Parallel.For(0, workers, parallel, worker =>
                {
                    var aggregator = new FunnelAggregator(options);
                    aggregator.ReserveVisitors(visitorsPerWorker + (visitorsPerWorker / 32));
                    var block = new FunnelEvent[AddBlock];
                    var blockHashes = new int[AddBlock];
                    var array = events as FunnelEvent[];
                    int filled = 0, pending = 0;
                    for (int i = 0; i < count; i++)
                    {
                        if (partition[i] != worker)
                        {
                            continue;
                        }

                        block[filled] = array is not null ? array[i] : events[i];
                        blockHashes[filled] = hashes[i];
                        if (++filled == AddBlock)
                        {
                            aggregator.AddHashed(block, blockHashes);
                            filled = 0;
                            pending += AddBlock;
                            if (pending >= ProgressBatch)
                            {
                                cancellationToken.ThrowIfCancellationRequested();
                                Report(pending);
                                pending = 0;
                            }
                        }
                    }

                    aggregator.AddHashed(block.AsSpan(0, filled), blockHashes.AsSpan(0, filled));
                    Interlocked.Add(ref processed, pending + filled);
                    sources[worker] = aggregator.ResolveSource();
                });
            }
            finally
            {
                ArrayPool<int>.Shared.Return(hashes);
                ArrayPool<byte>.Shared.Return(partition);
            }
        }

        // The total, unless the last batch already reported it (one worker).
        Report(0);
        var builder = new TableBuilder(options);
        foreach (var source in sources)
        {
            source.AddTo(builder);
        }

        return builder.Build();
    }

    /// <summary>A sketch for <see cref="EstimateDistinct"/>: one bit per hash value modulo its size.</summary>
    internal static ulong[] NewDistinctSketch() => new ulong[DistinctBits / 64];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void MarkDistinct(ulong[] sketch, int hash) => sketch[(hash & (DistinctBits - 1)) >> 6] |= 1UL << (hash & 63);

    /// <summary>
    /// Estimates how many distinct visitor hashes set the bits of the sketches (linear counting: with m bits
    /// of which z are still zero, about m·ln(m/z) distinct values set them), so each worker's visitor table
    /// can be sized once instead of rehashing a million entries as it doubles. Only a hint: a low estimate
    /// means the table grows as usual.
    /// </summary>
    internal static int EstimateDistinct(ulong[][] sketches)
    {
        long zeros = 0;
        for (int word = 0; word < DistinctBits / 64; word++)
        {
            ulong union = 0;
            foreach (var sketch in sketches)
            {
                union |= sketch[word];
            }

            zeros += 64 - BitOperations.PopCount(union);
        }

        // A full sketch says "more than it can count": leave the tables to grow.
        return zeros == 0 ? 0 : (int)Math.Min(int.MaxValue / 2, DistinctBits * Math.Log((double)DistinctBits / zeros));
    }

    /// <summary>Events [from, from + length) as a span: the array's or list's own memory, or a copy in <paramref name="buffer"/>.</summary>
    private static ReadOnlySpan<FunnelEvent> Slice(IReadOnlyList<FunnelEvent> events, int from, int length, FunnelEvent[] buffer)
    {
        switch (events)
        {
            case FunnelEvent[] array:
                return array.AsSpan(from, length);
            case List<FunnelEvent> list:
                return CollectionsMarshal.AsSpan(list).Slice(from, length);
            default:
                for (int i = 0; i < length; i++)
                {
                    buffer[i] = events[from + i];
                }

                return buffer.AsSpan(0, length);
        }
    }
}
