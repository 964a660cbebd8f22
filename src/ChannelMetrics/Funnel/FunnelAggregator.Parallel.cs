namespace ChannelMetrics.Funnel;

public sealed partial class FunnelAggregator
{
    private const int ProgressBatch = 1 << 16;

    /// <summary>
    /// Aggregates a large input on all cores: events are partitioned by visitor, so each visitor's
    /// attribution is resolved by one worker, and the partial results are combined into one table.
    /// </summary>
    /// <param name="events">The events, in any order.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="FunnelOptions.Default"/>.</param>
    /// <param name="progress">Receives progress about every 65,536 events per worker, and once at the end; may be <see langword="null"/>.</param>
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

        int count = events.Count;
        int workers = Math.Max(1, Math.Min(maxDegreeOfParallelism ?? Environment.ProcessorCount, (count / 4096) + 1));
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = workers };

        // Phase 1, in parallel over contiguous chunks: the worker of each event. Events without a visitor
        // carry no attribution state, so they are spread round-robin.
        var partition = new byte[count];
        if (workers > 1)
        {
            Parallel.For(0, workers, parallel, chunk =>
            {
                int from = (int)((long)count * chunk / workers), to = (int)((long)count * (chunk + 1) / workers);
                for (int i = from; i < to; i++)
                {
                    string? visitor = events[i].VisitorId;
                    uint hash = string.IsNullOrEmpty(visitor) ? (uint)i : (uint)string.GetHashCode(visitor.AsSpan());
                    partition[i] = (byte)(hash % (uint)workers);
                }
            });
        }

        // Phase 2: each worker aggregates its visitors' events and resolves their attribution.
        var sources = new ResolvedSource[workers];
        long processed = 0;
        Parallel.For(0, workers, parallel, worker =>
        {
            var aggregator = new FunnelAggregator(options);
            int pending = 0;
            for (int i = 0; i < count; i++)
            {
                if (partition[i] != worker)
                {
                    continue;
                }

                aggregator.Add(events[i]);
                if (++pending == ProgressBatch)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(new FunnelProgress(Interlocked.Add(ref processed, pending), count));
                    pending = 0;
                }
            }

            Interlocked.Add(ref processed, pending);
            sources[worker] = aggregator.ResolveSource();
        });

        progress?.Report(new FunnelProgress(count, count));
        var builder = new TableBuilder(options);
        foreach (var source in sources)
        {
            source.AddTo(builder);
        }

        return builder.Build();
    }
}
