namespace ChannelMetrics.Tests.Funnel;

/// <summary>Measures managed allocations of a steady-state action on the current thread.</summary>
internal static class Allocations
{
    /// <summary>
    /// Runs the action three times and returns the fewest bytes one run allocated. Rarely, a single run of an
    /// allocation-free loop was seen to report about 100 KB, once, from something outside the code under test
    /// (most likely the runtime recompiling the hot loop mid-run); an allocation of the code under test
    /// happens in every run, so the least of three still shows it.
    /// </summary>
    public static long LeastOfThreeRuns(Action action)
    {
        long least = long.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            action();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
