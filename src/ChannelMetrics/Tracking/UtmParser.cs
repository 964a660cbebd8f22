using System.Buffers;

namespace ChannelMetrics.Tracking;

/// <summary>Reads UTM parameters and click ids from a landing URL, a path with a query, or a bare query.</summary>
/// <remarks>
/// <para>
/// Names and values are decoded exactly as <see cref="FormUrlEncoded"/> does. Names are matched
/// ASCII case-insensitively (an upper-case name is reported); for a repeated parameter the first one
/// wins, as in GA4. Values keep their text; an empty value counts as absent.
/// </para>
/// <para>
/// The input is a bare query when it starts with <c>?</c>, or when the text before its first <c>?</c> or
/// <c>#</c> contains <c>=</c> or <c>&amp;</c> and does not start with a URL scheme or <c>/</c>. Otherwise it
/// is a URL and its query is found by the URL Standard's rules (tabs and newlines removed, the query
/// starts after the first <c>?</c> and ends at <c>#</c>).
/// </para>
/// <para>All members are thread-safe and never throw on data.</para>
/// </remarks>
public static class UtmParser
{
    /// <summary>Parses <paramref name="urlOrQuery"/>.</summary>
    /// <param name="urlOrQuery">A full URL, a path with a query, or a bare query.</param>
    /// <param name="options">Strict (the default) or lenient.</param>
    /// <returns>The tags and the diagnostics, each with a stable code and a position in <paramref name="urlOrQuery"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="urlOrQuery"/> is null.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads", Justification = "The string overload is the documented entry point; the span overloads take the same parameters.")]
    public static UtmParseResult Parse(string urlOrQuery, UtmParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(urlOrQuery);
        return new FullReader(urlOrQuery, urlOrQuery, options ?? UtmParserOptions.Strict).Read();
    }

    /// <summary>Parses <paramref name="urlOrQuery"/> strictly.</summary>
    /// <param name="urlOrQuery">A full URL, a path with a query, or a bare query.</param>
    /// <returns>The tags and the diagnostics, each with a stable code and a position in <paramref name="urlOrQuery"/>.</returns>
    public static UtmParseResult Parse(ReadOnlySpan<char> urlOrQuery) => Parse(urlOrQuery, UtmParserOptions.Strict);

    /// <summary>Parses <paramref name="urlOrQuery"/>.</summary>
    /// <param name="urlOrQuery">A full URL, a path with a query, or a bare query.</param>
    /// <param name="options">Strict (when null) or lenient.</param>
    /// <returns>The tags and the diagnostics, each with a stable code and a position in <paramref name="urlOrQuery"/>.</returns>
    public static UtmParseResult Parse(ReadOnlySpan<char> urlOrQuery, UtmParserOptions? options)
    {
        var reader = new FullReader(null, urlOrQuery, options ?? UtmParserOptions.Strict);
        return reader.Read();
    }

    /// <summary>
    /// The allocation-free path: reads source, medium, campaign, content, term and the click-id kinds of
    /// <paramref name="urlOrQuery"/>, returning values interned in <paramref name="pool"/>.
    /// </summary>
    /// <param name="urlOrQuery">A full URL, a path with a query, or a bare query.</param>
    /// <param name="pool">Where values are interned. Not thread-safe: use one pool per thread or shard.</param>
    /// <returns>
    /// The values, decoded exactly as <see cref="Parse(ReadOnlySpan{char})"/> does in strict
    /// mode (same value for the same input), each string taken from <paramref name="pool"/>.
    /// </returns>
    /// <remarks>
    /// Allocates nothing once every value in the input has been seen by <paramref name="pool"/> (and the pool
    /// is under its <see cref="UtmValuePool.MaxCount"/>). No diagnostics are produced; use
    /// <see cref="Parse(ReadOnlySpan{char})"/> to explain a URL.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="pool"/> is null.</exception>
    public static UtmValues ParseInterned(ReadOnlySpan<char> urlOrQuery, UtmValuePool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ReadOnlySpan<char> text = UrlText.TrimControlsAndSpaces(urlOrQuery);
        char[]? rentedText = null;
        if (UrlText.ContainsTabOrNewline(text))
        {
            rentedText = ArrayPool<char>.Shared.Rent(text.Length);
            text = rentedText.AsSpan(0, UrlText.RemoveTabsAndNewlines(text, rentedText));
        }

        UrlText.Split(text, out Range queryRange, out _);
        ReadOnlySpan<char> query = text[queryRange];
        string? source = null, medium = null, campaign = null, content = null, term = null;
        int seen = 0;
        ClickIdKinds clickIds = ClickIdKinds.None;

        Span<char> buffer = pool.Scratch(Math.Max(query.Length, 64));

        // The same splitting as QueryPieceEnumerator (split on '&', skip empty pieces, split at the first '='),
        // written out so the hot loop carries no enumerator state.
        ReadOnlySpan<char> rest = query;
        while (!rest.IsEmpty)
        {
            int amp = rest.IndexOf('&');
            ReadOnlySpan<char> piece = amp < 0 ? rest : rest[..amp];
            rest = amp < 0 ? default : rest[(amp + 1)..];
            if (piece.IsEmpty)
            {
                continue;
            }

            int eq = piece.IndexOf('=');
            ReadOnlySpan<char> name = eq < 0 ? piece : piece[..eq];
            ReadOnlySpan<char> rawValue = eq < 0 ? default : piece[(eq + 1)..];
            int field = UtmKeys.Classify(name, buffer, out ClickIdKinds kind);
            if (field < 0)
            {
                if (kind != ClickIdKinds.None && !rawValue.IsEmpty)
                {
                    clickIds |= kind;
                }

                continue;
            }

            int bit = 1 << field;
            if ((seen & bit) != 0)
            {
                continue;
            }

            seen |= bit;
            if (field is not ((int)UtmField.Source or (int)UtmField.Medium or (int)UtmField.Campaign or (int)UtmField.Content or (int)UtmField.Term))
            {
                continue;
            }

            scoped ReadOnlySpan<char> value = rawValue;
            if (FormUrlEncoded.NeedsDecoding(value))
            {
                value = buffer[..FormUrlEncoded.DecodeCore(value, buffer, out _)];
            }

            string? interned = value.IsEmpty ? null : pool.Intern(value);
            switch ((UtmField)field)
            {
                case UtmField.Source: source = interned; break;
                case UtmField.Medium: medium = interned; break;
                case UtmField.Campaign: campaign = interned; break;
                case UtmField.Content: content = interned; break;
                default: term = interned; break;
            }
        }

        if (rentedText is not null)
        {
            ArrayPool<char>.Shared.Return(rentedText);
        }

        return new UtmValues(source, medium, campaign, content, term, clickIds);
    }
}
