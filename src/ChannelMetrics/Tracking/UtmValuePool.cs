namespace ChannelMetrics.Tracking;

/// <summary>
/// Interns decoded UTM values (and normalised sources) so that the hot path hands out the same string
/// instance for the same text, allocating only the first time a text is seen.
/// </summary>
/// <remarks>
/// <para>
/// Lookups use a span-keyed view of the dictionary (<c>GetAlternateLookup&lt;ReadOnlySpan&lt;char&gt;&gt;</c>), so
/// a value decoded into a stack buffer is found without creating a string. Comparison is ordinal: values
/// keep their case.
/// </para>
/// <para>
/// Not thread-safe: use one pool per thread or shard (strings from different pools are equal by value,
/// just not the same instance). Once <see cref="MaxCount"/> values are held, new values are returned as
/// fresh, un-pooled strings, so hostile input cannot grow the pool without bound.
/// </para>
/// </remarks>
public sealed class UtmValuePool
{
    private readonly Dictionary<string, string> _values;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Creates an empty pool.</summary>
    /// <param name="maxCount">The most values the pool keeps; 65,536 by default.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> is less than 1.</exception>
    public UtmValuePool(int maxCount = 65_536)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        MaxCount = maxCount;
        _values = new Dictionary<string, string>(StringComparer.Ordinal);
        _lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The most values the pool keeps.</summary>
    public int MaxCount { get; }

    /// <summary>The number of values held.</summary>
    public int Count => _values.Count;

    /// <summary>Returns the pooled string equal to <paramref name="value"/>, adding it if new.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The pooled string; <see cref="string.Empty"/> for empty text.</returns>
    public string Intern(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return string.Empty;
        }

        if (_lookup.TryGetValue(value, out string? pooled))
        {
            return pooled;
        }

        string created = value.ToString();
        if (_values.Count < MaxCount)
        {
            _values.Add(created, created);
        }

        return created;
    }

    /// <summary>Returns the pooled string equal to <paramref name="value"/>, adding <paramref name="value"/> itself if new.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The pooled string.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public string Intern(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return string.Empty;
        }

        if (_values.TryGetValue(value, out string? pooled))
        {
            return pooled;
        }

        if (_values.Count < MaxCount)
        {
            _values.Add(value, value);
        }

        return value;
    }

    /// <summary>Removes every value.</summary>
    public void Clear() => _values.Clear();
}
