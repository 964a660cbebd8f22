using System.Collections;

namespace ChannelMetrics;

/// <summary>
/// Every period from a first one, none skipped, computed when read: a table whose rows lie centuries apart (a
/// missing timestamp read as the year 1, beside this year's data) must not hold a period per day in between.
/// </summary>
internal sealed class PeriodRange : IReadOnlyList<Period>
{
    private readonly Period _first;

    private PeriodRange(Period first, int count)
    {
        _first = first;
        Count = count;
    }

    public static PeriodRange Empty { get; } = new(default, 0);

    public int Count { get; }

    public Period this[int index] => (uint)index < (uint)Count
        ? _first.Offset(index)
        : throw new ArgumentOutOfRangeException(nameof(index), index, "The index is outside the range of periods.");

    /// <summary>The periods from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static PeriodRange Between(Period first, Period last) => new(first, first.PeriodsUntil(last) + 1);

    public IEnumerator<Period> GetEnumerator()
    {
        var period = _first;
        for (int i = 0; i < Count; i++)
        {
            yield return period;

            // Not past the last one: the period after 9999-12-31's does not exist.
            if (i + 1 < Count)
            {
                period = period.Next();
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
