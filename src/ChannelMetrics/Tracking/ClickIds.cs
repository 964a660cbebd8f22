using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ChannelMetrics.Tracking;

/// <summary>The click identifiers that ad and social platforms append to landing URLs.</summary>
/// <remarks>Each value is one flag, so a set of kinds present fits in one value.</remarks>
[Flags]
public enum ClickIdKinds
{
    /// <summary>No click id.</summary>
    None = 0,

    /// <summary><c>gclid</c>: Google Ads.</summary>
    Gclid = 1 << 0,

    /// <summary><c>dclid</c>: Google Display &amp; Video 360 / Campaign Manager.</summary>
    Dclid = 1 << 1,

    /// <summary><c>gbraid</c>: Google Ads, app-to-web on iOS.</summary>
    Gbraid = 1 << 2,

    /// <summary><c>wbraid</c>: Google Ads, web-to-app on iOS.</summary>
    Wbraid = 1 << 3,

    /// <summary><c>fbclid</c>: Facebook and Instagram (Meta), paid or organic.</summary>
    Fbclid = 1 << 4,

    /// <summary><c>msclkid</c>: Microsoft Advertising.</summary>
    Msclkid = 1 << 5,

    /// <summary><c>li_fat_id</c>: LinkedIn.</summary>
    LiFatId = 1 << 6,

    /// <summary><c>ttclid</c>: TikTok.</summary>
    Ttclid = 1 << 7,

    /// <summary><c>twclid</c>: X (Twitter).</summary>
    Twclid = 1 << 8,

    /// <summary><c>rdt_cid</c>: Reddit.</summary>
    RdtCid = 1 << 9,

    /// <summary><c>epik</c>: Pinterest.</summary>
    Epik = 1 << 10,

    /// <summary><c>sccid</c>: Snapchat.</summary>
    Sccid = 1 << 11,

    /// <summary><c>igshid</c>: Instagram share links.</summary>
    Igshid = 1 << 12,
}

/// <summary>One click id as received: its kind and its value, kept exactly (click ids are case-sensitive).</summary>
/// <param name="Kind">The kind of click id; a single flag.</param>
/// <param name="Value">The decoded value, exactly as received.</param>
public readonly record struct ClickId(ClickIdKinds Kind, string Value)
{
    /// <summary>The query parameter name of this click id, for example <c>gclid</c>.</summary>
    public string ParameterName => ClickIdNames.NameOf(Kind);
}

/// <summary>An immutable set of click ids, at most one per kind, in <see cref="ClickIdKinds"/> order.</summary>
/// <remarks>Equal when the same kinds have the same (ordinal) values. Thread-safe.</remarks>
public sealed class ClickIds : IReadOnlyList<ClickId>, IEquatable<ClickIds>
{
    private readonly ClickId[] _items;

    private ClickIds(ClickId[] items, ClickIdKinds kinds)
    {
        _items = items;
        Kinds = kinds;
    }

    /// <summary>The empty set.</summary>
    public static ClickIds Empty { get; } = new([], ClickIdKinds.None);

    /// <summary>The kinds present.</summary>
    public ClickIdKinds Kinds { get; }

    /// <summary>The number of click ids.</summary>
    public int Count => _items.Length;

    /// <summary>The click id at <paramref name="index"/>, in <see cref="ClickIdKinds"/> order.</summary>
    /// <param name="index">Zero-based index.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public ClickId this[int index] => (uint)index < (uint)_items.Length
        ? _items[index]
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"The set holds {_items.Length} click ids.");

    /// <summary>Creates a set from click ids.</summary>
    /// <param name="clickIds">The click ids; each kind at most once.</param>
    /// <returns>The set, ordered by kind.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clickIds"/> or a value is null.</exception>
    /// <exception cref="ArgumentException">A kind is not a single defined flag, a value is empty, or a kind repeats.</exception>
    public static ClickIds Create(IEnumerable<ClickId> clickIds)
    {
        ArgumentNullException.ThrowIfNull(clickIds);
        var items = new List<ClickId>();
        ClickIdKinds kinds = ClickIdKinds.None;
        foreach (ClickId id in clickIds)
        {
            if (!ClickIdNames.IsSingleKind(id.Kind))
            {
                throw new ArgumentException($"'{id.Kind}' is not a single click id kind.", nameof(clickIds));
            }

            if (id.Value is null)
            {
                throw new ArgumentNullException(nameof(clickIds), $"The value of {ClickIdNames.NameOf(id.Kind)} is null.");
            }

            if (id.Value.Length == 0)
            {
                throw new ArgumentException($"The value of {ClickIdNames.NameOf(id.Kind)} is empty.", nameof(clickIds));
            }

            if ((kinds & id.Kind) != 0)
            {
                throw new ArgumentException($"{ClickIdNames.NameOf(id.Kind)} appears more than once.", nameof(clickIds));
            }

            kinds |= id.Kind;
            items.Add(id);
        }

        if (items.Count == 0)
        {
            return Empty;
        }

        items.Sort(static (a, b) => ((int)a.Kind).CompareTo((int)b.Kind));
        return new ClickIds([.. items], kinds);
    }

    /// <summary>Creates a set from click ids of distinct, single, valid kinds with non-empty values, in any order.</summary>
    internal static ClickIds FromValidated(ClickId[] items, ClickIdKinds kinds)
    {
        if (items.Length == 0)
        {
            return Empty;
        }

        // Insertion sort: at most 13 items.
        for (int i = 1; i < items.Length; i++)
        {
            ClickId item = items[i];
            int j = i - 1;
            while (j >= 0 && items[j].Kind > item.Kind)
            {
                items[j + 1] = items[j];
                j--;
            }

            items[j + 1] = item;
        }

        return new ClickIds(items, kinds);
    }

    /// <summary>True when a click id of <paramref name="kind"/> is present.</summary>
    /// <param name="kind">A single kind.</param>
    /// <returns>Whether it is present.</returns>
    public bool Contains(ClickIdKinds kind) => kind != ClickIdKinds.None && (Kinds & kind) == kind;

    /// <summary>Gets the value of the click id of <paramref name="kind"/>.</summary>
    /// <param name="kind">A single kind.</param>
    /// <param name="value">The value, when present.</param>
    /// <returns>Whether it is present.</returns>
    public bool TryGetValue(ClickIdKinds kind, [NotNullWhen(true)] out string? value)
    {
        foreach (ClickId id in _items)
        {
            if (id.Kind == kind)
            {
                value = id.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <inheritdoc/>
    public IEnumerator<ClickId> GetEnumerator() => ((IEnumerable<ClickId>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(ClickIds? other)
    {
        if (other is null || other.Kinds != Kinds)
        {
            return false;
        }

        for (int i = 0; i < _items.Length; i++)
        {
            if (!string.Equals(_items[i].Value, other._items[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ClickIds);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (ClickId id in _items)
        {
            hash.Add(id.Kind);
            hash.Add(id.Value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>The click ids as <c>name=value</c> pairs joined by <c>&amp;</c>, unencoded, for display.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Join('&', _items.Select(static id => id.ParameterName + "=" + id.Value));

    /// <summary>Equality of two sets.</summary>
    /// <param name="left">The first set.</param>
    /// <param name="right">The second set.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(ClickIds? left, ClickIds? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality of two sets.</summary>
    /// <param name="left">The first set.</param>
    /// <param name="right">The second set.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(ClickIds? left, ClickIds? right) => !(left == right);
}

/// <summary>Click id parameter names.</summary>
internal static class ClickIdNames
{
    private static readonly string[] s_names =
        ["gclid", "dclid", "gbraid", "wbraid", "fbclid", "msclkid", "li_fat_id", "ttclid", "twclid", "rdt_cid", "epik", "sccid", "igshid"];

    public static int Count => s_names.Length;

    public static string NameOf(ClickIdKinds kind) =>
        IsSingleKind(kind) ? s_names[System.Numerics.BitOperations.Log2((uint)kind)] : kind.ToString();

    public static bool IsSingleKind(ClickIdKinds kind) =>
        kind != ClickIdKinds.None && ((int)kind & ((int)kind - 1)) == 0 && (int)kind < (1 << s_names.Length);

    /// <summary>The kind whose name equals <paramref name="name"/> (ASCII case-insensitive), or None.</summary>
    public static ClickIdKinds Find(ReadOnlySpan<char> name)
    {
        ClickIdKinds candidate = Candidate(name);
        if (candidate == ClickIdKinds.None)
        {
            return ClickIdKinds.None;
        }

        string expected = NameOf(candidate);
        return name.SequenceEqual(expected) || name.Equals(expected, StringComparison.OrdinalIgnoreCase) ? candidate : ClickIdKinds.None;
    }

    /// <summary>The kind whose name is exactly <paramref name="name"/> (ordinal), or None.</summary>
    public static ClickIdKinds FindExact(ReadOnlySpan<char> name)
    {
        ClickIdKinds candidate = Candidate(name);
        return candidate != ClickIdKinds.None && name.SequenceEqual(NameOf(candidate)) ? candidate : ClickIdKinds.None;
    }

    /// <summary>
    /// The only kind <paramref name="name"/> can be, judged by its length and first letters, so an unrelated
    /// parameter costs one comparison at most.
    /// </summary>
    private static ClickIdKinds Candidate(ReadOnlySpan<char> name)
    {
        if (name.Length is < 4 or > 9)
        {
            return ClickIdKinds.None;
        }

        return (name.Length, name[0] | 0x20) switch
        {
            (5, 'g') => ClickIdKinds.Gclid,
            (5, 'd') => ClickIdKinds.Dclid,
            (6, 'g') => ClickIdKinds.Gbraid,
            (6, 'w') => ClickIdKinds.Wbraid,
            (6, 'f') => ClickIdKinds.Fbclid,
            (7, 'm') => ClickIdKinds.Msclkid,
            (9, 'l') => ClickIdKinds.LiFatId,
            (6, 't') => (name[1] | 0x20) == 't' ? ClickIdKinds.Ttclid : ClickIdKinds.Twclid,
            (7, 'r') => ClickIdKinds.RdtCid,
            (4, 'e') => ClickIdKinds.Epik,
            (5, 's') => ClickIdKinds.Sccid,
            (6, 'i') => ClickIdKinds.Igshid,
            _ => ClickIdKinds.None,
        };
    }
}
