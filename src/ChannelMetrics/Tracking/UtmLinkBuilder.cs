using System.Text;

namespace ChannelMetrics.Tracking;

/// <summary>Puts UTM tags on a link.</summary>
/// <remarks>Thread-safe; never throws on data.</remarks>
public static class UtmLinkBuilder
{
    /// <summary>
    /// Returns <paramref name="url"/> with its UTM parameters and click ids replaced by those of
    /// <paramref name="tags"/>; its other parameters (kept byte for byte, in order) and its fragment stay.
    /// </summary>
    /// <param name="url">A URL, a path with a query, or a bare query. Tabs and newlines are dropped and
    /// surrounding spaces trimmed, as the URL parser does.</param>
    /// <param name="tags">The tags; a field that is null is not written.</param>
    /// <returns>
    /// The link. Values are encoded with the form-urlencoded serializer (space as <c>+</c>, UTF-8 percent escapes),
    /// so <see cref="UtmParser.Parse(string, UtmParserOptions?)"/> gives back exactly <paramref name="tags"/>
    /// for any tags whose strings are well-formed UTF-16 (a lone surrogate can only come back as U+FFFD).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> or <paramref name="tags"/> is null.</exception>
    public static string Build(string url, UtmTags tags)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(tags);
        ReadOnlySpan<char> text = UrlText.RemoveTabsAndNewlines(UrlText.TrimControlsAndSpaces(url));
        UrlText.Split(text, out Range queryRange, out Range fragmentRange);
        (int queryStart, int queryLength) = queryRange.GetOffsetAndLength(text.Length);
        (int fragmentStart, int fragmentLength) = fragmentRange.GetOffsetAndLength(text.Length);
        bool hasFragment = fragmentStart > 0 && text[fragmentStart - 1] == '#';
        bool hasQuestionMark = queryStart > 0 && text[queryStart - 1] == '?';
        int baseEnd = hasQuestionMark ? queryStart - 1 : queryStart;

        var result = new StringBuilder(text.Length + 128);
        result.Append(text[..baseEnd]);
        var query = new StringBuilder(queryLength + 128);
        var pieces = new QueryPieceEnumerator(text.Slice(queryStart, queryLength));
        while (pieces.MoveNext())
        {
            QueryPiece piece = pieces.Current;
            string name = FormUrlEncoded.Decode(piece.Name);
            if (UtmKeys.Find(name) >= 0 || ClickIdNames.Find(name) != ClickIdKinds.None)
            {
                continue;
            }

            AppendSeparator(query);
            query.Append(text.Slice(queryStart + piece.Start, piece.HasEquals ? piece.Name.Length + 1 + piece.Value.Length : piece.Name.Length));
        }

        for (int field = 0; field < UtmKeys.FieldCount; field++)
        {
            string? value = tags.Get((UtmField)field);
            if (value is not null)
            {
                AppendPair(query, UtmKeys.Names[field], value);
            }
        }

        foreach (ClickId clickId in tags.ClickIds)
        {
            AppendPair(query, clickId.ParameterName, clickId.Value);
        }

        bool bareQuery = queryStart == 0 && !hasQuestionMark && queryLength > 0;
        if (query.Length > 0)
        {
            // A bare query stays bare unless its first piece went and the next one reads as a path or a URL
            // ("utm_source=a&/landing" without its tag is "/landing&…"): then only a '?' keeps it a query.
            string rebuilt = query.ToString();
            if (!bareQuery || !UrlText.IsBareQuery(rebuilt))
            {
                result.Append('?');
            }

            result.Append(rebuilt);
        }

        if (hasFragment)
        {
            result.Append('#').Append(text.Slice(fragmentStart, fragmentLength));
        }

        return result.ToString();
    }

    private static void AppendPair(StringBuilder query, string name, string value)
    {
        AppendSeparator(query);
        query.Append(name).Append('=');
        FormUrlEncoded.AppendEncoded(query, value);
    }

    private static void AppendSeparator(StringBuilder query)
    {
        if (query.Length > 0)
        {
            query.Append('&');
        }
    }
}
