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
    // A small direct-mapped cache of recent values in front of the dictionary: a hit costs one vectorized
    // comparison instead of hashing the whole value.
    private const int RecentSlots = 256;

    private readonly Dictionary<string, string> _values;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly string?[] _recent = new string?[RecentSlots];
    private char[] _scratch = new char[256];

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

        int slot = Slot(value);
        string? recent = _recent[slot];
        if (recent is not null && value.SequenceEqual(recent))
        {
            return recent;
        }

        if (_lookup.TryGetValue(value, out string? pooled))
        {
            _recent[slot] = pooled;
            return pooled;
        }

        string created = value.ToString();
        if (_values.Count < MaxCount)
        {
            _values.Add(created, created);
            _recent[slot] = created;
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

    /// <summary>
    /// A scratch buffer of at least <paramref name="length"/> characters for decoding before interning; the pool
    /// is single-threaded, so one buffer serves every call and nothing is zeroed or rented per call.
    /// </summary>
    internal char[] Scratch(int length)
    {
        if (_scratch.Length < length)
        {
            _scratch = new char[Math.Max(length, _scratch.Length * 2)];
        }

        return _scratch;
    }

    /// <summary>Removes every value.</summary>
    public void Clear()
    {
        _values.Clear();
        Array.Clear(_recent);
    }

    private static int Slot(ReadOnlySpan<char> value) =>
        ((value.Length * 7) + (value[0] * 31) + (value[^1] * 17) + value[value.Length >> 1]) & (RecentSlots - 1);
}
