using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ChannelMetrics.Tracking;

/// <summary>
/// The WHATWG URL Standard's <c>application/x-www-form-urlencoded</c> parser, to the letter, and the
/// URL Standard's rules for finding the query of a URL.
/// </summary>
/// <remarks>
/// <para>
/// The parser splits on <c>&amp;</c>, skips empty pieces, splits each piece at its first <c>=</c>, turns
/// <c>+</c> into a space, percent-decodes bytes (a <c>%</c> not followed by two hex digits stays literal)
/// and decodes the bytes as UTF-8 with U+FFFD for each maximal invalid subsequence. A byte order mark is
/// kept, and so are the order of the pairs and duplicate names.
/// </para>
/// <para>
/// The standard parses bytes; a .NET string is first UTF-8 encoded, which turns a lone surrogate into
/// U+FFFD, exactly as a browser's <c>URLSearchParams</c> does with a JavaScript string.
/// </para>
/// <para>All members are thread-safe and never throw on data.</para>
/// </remarks>
public static class FormUrlEncoded
{
    // Runs of percent-encoded bytes are decoded through this buffer; a longer run is decoded in chunks,
    // carrying an incomplete UTF-8 sequence (at most 3 bytes) over to the next chunk.
    private const int ByteChunk = 64;

    /// <summary>Parses <paramref name="input"/> as an <c>application/x-www-form-urlencoded</c> string.</summary>
    /// <param name="input">The encoded text, without a leading <c>?</c> (a <c>?</c> is part of the first name).</param>
    /// <returns>The name-value pairs in input order, duplicates included.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Parse(input.AsSpan());
    }

    /// <summary>Parses <paramref name="input"/> as an <c>application/x-www-form-urlencoded</c> string.</summary>
    /// <param name="input">The encoded text, without a leading <c>?</c> (a <c>?</c> is part of the first name).</param>
    /// <returns>The name-value pairs in input order, duplicates included.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(ReadOnlySpan<char> input)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var pieces = new QueryPieceEnumerator(input);
        while (pieces.MoveNext())
        {
            QueryPiece piece = pieces.Current;
            pairs.Add(new KeyValuePair<string, string>(Decode(piece.Name), Decode(piece.Value)));
        }

        return pairs;
    }

    /// <summary>
    /// Finds the query of <paramref name="url"/> by the URL Standard's rules and parses it.
    /// </summary>
    /// <param name="url">An absolute or relative URL. Leading and trailing C0 controls and spaces are
    /// ignored and ASCII tabs and newlines are removed, as the URL parser does.</param>
    /// <returns>The pairs of the query (the text after the first <c>?</c> up to the first <c>#</c>);
    /// empty when the URL has no query, including when the first <c>?</c> is inside the fragment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseUrlQuery(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        string clean = UrlText.RemoveTabsAndNewlines(UrlText.TrimControlsAndSpaces(url.AsSpan())).ToString();
        return UrlText.TryGetUrlQuery(clean, out Range query) ? Parse(clean.AsSpan()[query]) : [];
    }

    /// <summary>
    /// Decodes one name or value of an <c>application/x-www-form-urlencoded</c> string into
    /// <paramref name="destination"/>.
    /// </summary>
    /// <param name="encoded">The encoded name or value (the text between separators).</param>
    /// <param name="destination">Where the decoded text goes; decoding never makes text longer, so a
    /// destination at least as long as <paramref name="encoded"/> always suffices.</param>
    /// <returns>The number of characters written to <paramref name="destination"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="encoded"/>.</exception>
    public static int Decode(ReadOnlySpan<char> encoded, Span<char> destination)
    {
        if (destination.Length < encoded.Length)
        {
            throw new ArgumentException("The destination must be at least as long as the encoded text.", nameof(destination));
        }

        return DecodeCore(encoded, destination, out _);
    }

    /// <summary>
    /// Encodes <paramref name="value"/> with the URL Standard's <c>application/x-www-form-urlencoded</c> serializer:
    /// ASCII alphanumerics and <c>*-._</c> stay, a space becomes <c>+</c>, everything else is percent-encoded UTF-8.
    /// </summary>
    /// <param name="value">The name or value.</param>
    /// <returns>The encoded text; <see cref="Parse(string)"/> decodes it back (a lone surrogate comes back as U+FFFD).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 16);
        AppendEncoded(builder, value);
        return builder.ToString();
    }

    internal static void AppendEncoded(StringBuilder builder, ReadOnlySpan<char> value)
    {
        Span<byte> utf8 = stackalloc byte[4];
        foreach (Rune rune in value.EnumerateRunes())
        {
            int scalar = rune.Value;
            if (scalar == ' ')
            {
                builder.Append('+');
            }
            else if (scalar < 0x80 && (char.IsAsciiLetterOrDigit((char)scalar) || scalar is '*' or '-' or '.' or '_'))
            {
                builder.Append((char)scalar);
            }
            else
            {
                int length = rune.EncodeToUtf8(utf8);
                for (int i = 0; i < length; i++)
                {
                    builder.Append('%').Append(HexDigits[utf8[i] >> 4]).Append(HexDigits[utf8[i] & 0xF]);
                }
            }
        }
    }

    private const string HexDigits = "0123456789ABCDEF";

    internal static string Decode(ReadOnlySpan<char> encoded) => DecodeWithProblems(encoded, out _);

    internal static string DecodeWithProblems(ReadOnlySpan<char> encoded, out DecodeProblems problems)
    {
        problems = DecodeProblems.None;
        if (encoded.IsEmpty)
        {
            return string.Empty;
        }

        if (!NeedsDecoding(encoded))
        {
            return encoded.ToString();
        }

        char[]? rented = null;
        Span<char> buffer = encoded.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(encoded.Length));
        int written = DecodeCore(encoded, buffer, out problems);
        string result = buffer[..written].ToString();
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>True when decoding could change the text: a '+', a '%' or a surrogate is present.</summary>
    /// <remarks>
    /// One vectorized pass: text of ASCII other than '%' and '+' decodes to itself. Anything else (including
    /// non-ASCII, which browsers rarely send unescaped) goes through the decoder, which is exact for all input.
    /// </remarks>
    internal static bool NeedsDecoding(ReadOnlySpan<char> encoded) => encoded.IndexOfAnyExcept(s_unchanged) >= 0;

    private static readonly SearchValues<char> s_unchanged = SearchValues.Create(BuildUnchanged());

    private static string BuildUnchanged()
    {
        var builder = new StringBuilder(128);
        for (char c = '\0'; c < (char)0x80; c++)
        {
            if (c is not ('%' or '+'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Decodes into <paramref name="destination"/> (at least as long as <paramref name="encoded"/>).</summary>
    /// <param name="encoded">The encoded text.</param>
    /// <param name="destination">The output buffer.</param>
    /// <param name="problems">What was repaired on the way, for diagnostics.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    internal static int DecodeCore(ReadOnlySpan<char> encoded, Span<char> destination, out DecodeProblems problems)
    {
        problems = DecodeProblems.None;
        int written = 0;
        int i = 0;
        while (i < encoded.Length)
        {
            char c = encoded[i];
            if (c == '%' && IsPercentEscape(encoded, i))
            {
                DecodePercentRun(encoded, ref i, destination, ref written, ref problems);
                continue;
            }

            if (c == '%')
            {
                problems |= DecodeProblems.InvalidPercent;
                destination[written++] = '%';
            }
            else if (c == '+')
            {
                destination[written++] = ' ';
            }
            else if (char.IsHighSurrogate(c) && i + 1 < encoded.Length && char.IsLowSurrogate(encoded[i + 1]))
            {
                destination[written++] = c;
                destination[written++] = encoded[i + 1];
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                // UTF-8 encoding a lone surrogate gives U+FFFD.
                problems |= DecodeProblems.InvalidUtf8;
                destination[written++] = '\uFFFD';
            }
            else
            {
                destination[written++] = c;
            }

            i++;
        }

        return written;
    }

    /// <summary>Decodes a whole run of %XX escapes at once: together they may form multi-byte UTF-8 sequences.</summary>
    private static void DecodePercentRun(ReadOnlySpan<char> encoded, ref int i, Span<char> destination, ref int written, ref DecodeProblems problems)
    {
        Span<byte> bytes = stackalloc byte[ByteChunk];
        int count = 0;
        while (i < encoded.Length && encoded[i] == '%' && IsPercentEscape(encoded, i))
        {
            if (count == bytes.Length)
            {
                written += DecodeBytes(bytes, ref count, destination[written..], isFinalBlock: false, ref problems);
            }

            bytes[count++] = (byte)((HexValue(encoded[i + 1]) << 4) | HexValue(encoded[i + 2]));
            i += 3;
        }

        written += DecodeBytes(bytes, ref count, destination[written..], isFinalBlock: true, ref problems);
    }

    private static int DecodeBytes(Span<byte> bytes, ref int count, Span<char> destination, bool isFinalBlock, ref DecodeProblems problems)
    {
        // Invalid sequences become U+FFFD per maximal subpart (Unicode best practice, as the Encoding Standard).
        // A decoded U+FFFD that was not spelled EF BF BD in the input marks invalid UTF-8.
        ReadOnlySpan<byte> input = bytes[..count];
        Utf8.ToUtf16(input, destination, out int read, out int written, replaceInvalidSequences: true, isFinalBlock);
        if (destination[..written].Contains('\uFFFD') && CountReplacementChars(destination[..written]) != CountEncodedReplacementChars(input[..read]))
        {
            problems |= DecodeProblems.InvalidUtf8;
        }

        int left = count - read;
        input[read..].CopyTo(bytes);
        count = left;
        return written;
    }

    private static int CountReplacementChars(ReadOnlySpan<char> text) => text.Count('\uFFFD');

    private static int CountEncodedReplacementChars(ReadOnlySpan<byte> bytes) => bytes.Count([(byte)0xEF, (byte)0xBF, (byte)0xBD]);

    private static bool IsPercentEscape(ReadOnlySpan<char> text, int index) =>
        index + 2 < text.Length && char.IsAsciiHexDigit(text[index + 1]) && char.IsAsciiHexDigit(text[index + 2]);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

/// <summary>What decoding had to repair, so that parsers can report it.</summary>
[Flags]
internal enum DecodeProblems
{
    None = 0,
    InvalidPercent = 1,
    InvalidUtf8 = 2,
}

/// <summary>One piece of a form-urlencoded string: the raw name and value and where the piece starts.</summary>
internal readonly ref struct QueryPiece
{
    public QueryPiece(ReadOnlySpan<char> name, ReadOnlySpan<char> value, int start, bool hasEquals)
    {
        Name = name;
        Value = value;
        Start = start;
        HasEquals = hasEquals;
    }

    public ReadOnlySpan<char> Name { get; }

    public ReadOnlySpan<char> Value { get; }

    public int Start { get; }

    public bool HasEquals { get; }

    public int ValueStart => HasEquals ? Start + Name.Length + 1 : Start + Name.Length;
}

/// <summary>Splits a form-urlencoded string on '&amp;', skipping empty pieces, and each piece at its first '='.</summary>
internal ref struct QueryPieceEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private int _next;
    private QueryPiece _current;

    public QueryPieceEnumerator(ReadOnlySpan<char> text)
    {
        _text = text;
        _next = 0;
        _current = default;
    }

    public readonly QueryPiece Current => _current;

    public bool MoveNext()
    {
        while (_next < _text.Length)
        {
            int start = _next;
            ReadOnlySpan<char> rest = _text[start..];
            int amp = rest.IndexOf('&');
            ReadOnlySpan<char> piece = amp < 0 ? rest : rest[..amp];
            _next = amp < 0 ? _text.Length : start + amp + 1;
            if (piece.IsEmpty)
            {
                continue;
            }

            int eq = piece.IndexOf('=');
            _current = eq < 0
                ? new QueryPiece(piece, default, start, hasEquals: false)
                : new QueryPiece(piece[..eq], piece[(eq + 1)..], start, hasEquals: true);
            return true;
        }

        return false;
    }
}
