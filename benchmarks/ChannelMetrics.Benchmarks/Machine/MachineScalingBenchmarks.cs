using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace ChannelMetrics.Benchmarks.Machine;

/// <summary>
/// How much two cores speed up three kinds of work on the machine that runs the benchmarks: arithmetic in
/// registers, independent random reads from main memory, and a chain of dependent reads. Each pair does the
/// same total work on one core (the baseline of its category) and split over two threads.
/// </summary>
/// <remarks>
/// The funnel's parallel ingest (<see cref="Funnel.FunnelParallelBenchmarks"/>) spends most of its time waiting
/// for main memory: its visitor tables, URL caches, stored visits and events are far larger than the caches.
/// Two cores cannot speed it up more than they speed up random reads on the same machine, so this class
/// measures that ceiling next to it. On a virtual machine, two virtual cores may share one physical core's
/// caches or memory bandwidth with each other or with other guests.
/// </remarks>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class MachineScalingBenchmarks
{
    // 256 MB of ints: far beyond any cache, as the funnel's tables are.
    private const int TableBits = 26;
    private const int ComputeSteps = 1 << 28;
    private const int ReadSteps = 1 << 25;
    private const int ChaseSteps = 1 << 24;

    private int[] _next = [];

    [GlobalSetup]
    public void Setup()
    {
        // One cycle through every slot (Sattolo's shuffle), so a chase never closes a loop short enough to
        // stay in a cache.
        _next = new int[1 << TableBits];
        for (int i = 0; i < _next.Length; i++)
        {
            _next[i] = i;
        }

        var random = new Random(20261206);
        for (int i = _next.Length - 1; i > 0; i--)
        {
            int j = random.Next(i);
            (_next[i], _next[j]) = (_next[j], _next[i]);
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Compute")]
    public long OneCoreCompute() => Compute(1, ComputeSteps);

    [Benchmark]
    [BenchmarkCategory("Compute")]
    public long TwoCoresCompute() => OnTwoCores(seed => Compute(seed, ComputeSteps / 2));

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("IndependentReads")]
    public long OneCoreIndependentReads() => IndependentReads(1, ReadSteps);

    [Benchmark]
    [BenchmarkCategory("IndependentReads")]
    public long TwoCoresIndependentReads() => OnTwoCores(seed => IndependentReads(seed, ReadSteps / 2));

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("DependentReads")]
    public long OneCoreDependentReads() => DependentReads(1, ChaseSteps);

    [Benchmark]
    [BenchmarkCategory("DependentReads")]
    public long TwoCoresDependentReads() => OnTwoCores(seed => DependentReads(seed, ChaseSteps / 2));

    private static long OnTwoCores(Func<int, long> work)
    {
        long first = 0, second = 0;
        Parallel.Invoke(() => first = work(1), () => second = work(2));
        return first + second;
    }

    /// <summary>A xorshift generator: every step depends on the last, and nothing leaves the registers.</summary>
    private static long Compute(int seed, int steps)
    {
        ulong x = (ulong)seed * 0x9E3779B97F4A7C15UL;
        for (int i = 0; i < steps; i++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
        }

        return (long)x;
    }

    /// <summary>Reads at addresses that do not depend on what was read, so many misses are in flight at once.</summary>
    private long IndependentReads(int seed, int steps)
    {
        var next = _next;
        long sum = 0;
        uint x = (uint)seed * 2654435761U;
        for (int i = 0; i < steps; i++)
        {
            // A linear congruential step; its high bits pick the slot (its low bits repeat too soon).
            x = (x * 1664525U) + 1013904223U;
            sum += next[x >> (32 - TableBits)];
        }

        return sum;
    }

    /// <summary>Follows the cycle: each read's address is the previous read's value, one miss at a time.</summary>
    private long DependentReads(int seed, int steps)
    {
        var next = _next;
        int at = seed * 7919;
        for (int i = 0; i < steps; i++)
        {
            at = next[at];
        }

        return at;
    }
}
