namespace ChannelMetrics.Tracking;

/// <summary>The URL Standard's rules for cleaning a URL string and finding its query and fragment.</summary>
internal static class UrlText
{
    /// <summary>Removes leading and trailing C0 controls and spaces (U+0000 to U+0020), as the URL parser does.</summary>
    public static ReadOnlySpan<char> TrimControlsAndSpaces(ReadOnlySpan<char> text)
    {
        int start = 0;
        while (start < text.Length && text[start] <= ' ')
        {
            start++;
        }

        int end = text.Length;
        while (end > start && text[end - 1] <= ' ')
        {
            end--;
        }

        return text[start..end];
    }

    public static bool ContainsTabOrNewline(ReadOnlySpan<char> text) => text.IndexOfAny('\t', '\n', '\r') >= 0;

    /// <summary>Removes every ASCII tab and newline; allocates only when there is one.</summary>
    public static ReadOnlySpan<char> RemoveTabsAndNewlines(ReadOnlySpan<char> text)
    {
        if (!ContainsTabOrNewline(text))
        {
            return text;
        }

        char[] buffer = new char[text.Length];
        int written = RemoveTabsAndNewlines(text, buffer);
        return buffer.AsSpan(0, written);
    }

    /// <summary>Copies <paramref name="text"/> without ASCII tabs and newlines; returns the length written.</summary>
    public static int RemoveTabsAndNewlines(ReadOnlySpan<char> text, Span<char> destination)
    {
        int written = 0;
        foreach (char c in text)
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                destination[written++] = c;
            }
        }

        return written;
    }

    /// <summary>
    /// Maps a position in the text without tabs and newlines back to the position in the original text.
    /// </summary>
    public static int MapToOriginal(ReadOnlySpan<char> original, int cleanedPosition)
    {
        int seen = 0;
        for (int i = 0; i < original.Length; i++)
        {
            if (original[i] is '\t' or '\n' or '\r')
            {
                continue;
            }

            if (seen == cleanedPosition)
            {
                return i;
            }

            seen++;
        }

        return original.Length;
    }

    /// <summary>
    /// The query of a URL: after the first '?' that comes before any '#', up to the first '#' after it.
    /// </summary>
    public static bool TryGetUrlQuery(ReadOnlySpan<char> url, out Range query)
    {
        int questionOrHash = url.IndexOfAny('?', '#');
        if (questionOrHash < 0 || url[questionOrHash] == '#')
        {
            query = default;
            return false;
        }

        int start = questionOrHash + 1;
        int hash = url[start..].IndexOf('#');
        query = new Range(start, hash < 0 ? url.Length : start + hash);
        return true;
    }

    /// <summary>
    /// Splits a full URL, a path with a query or a bare query into its query and fragment.
    /// </summary>
    /// <remarks>
    /// The input is a bare query when it starts with '?', or when the text before its first '?' or '#'
    /// contains '=' or '&amp;' and does not start with a URL scheme or '/'. Otherwise it is a URL, and its
    /// query follows the URL Standard. Ranges are relative to <paramref name="text"/>.
    /// </remarks>
    public static void Split(ReadOnlySpan<char> text, out Range query, out Range fragment)
    {
        // One scan finds the first '?' or '#'; a second finds the '#' after a '?'.
        int mark = text.IndexOfAny('?', '#');
        int hash = mark < 0 ? -1 : text[mark] == '#' ? mark : text[mark..].IndexOf('#') is int h and >= 0 ? mark + h : -1;
        int end = hash < 0 ? text.Length : hash;
        fragment = hash < 0 ? new Range(text.Length, text.Length) : new Range(hash + 1, text.Length);
        ReadOnlySpan<char> head = mark < 0 ? text : text[..mark];
        if (IsBareQuery(text, head))
        {
            int start = text.Length > 0 && text[0] == '?' ? 1 : 0;
            query = new Range(start, end);
            return;
        }

        query = mark < 0 || text[mark] == '#' ? new Range(end, end) : new Range(mark + 1, end);
    }

    /// <summary>True when <see cref="Split"/> reads <paramref name="text"/> as a bare query.</summary>
    public static bool IsBareQuery(ReadOnlySpan<char> text)
    {
        int mark = text.IndexOfAny('?', '#');
        return IsBareQuery(text, mark < 0 ? text : text[..mark]);
    }

    /// <summary>True when the input is a bare query; <paramref name="head"/> is the text before its first '?' or '#'.</summary>
    private static bool IsBareQuery(ReadOnlySpan<char> text, ReadOnlySpan<char> head)
    {
        if (text.IsEmpty || text[0] == '#')
        {
            return false;
        }

        if (text[0] == '?')
        {
            return true;
        }

        if (text[0] == '/' || StartsWithScheme(head))
        {
            return false;
        }

        return head.IndexOfAny('=', '&') >= 0;
    }

    /// <summary>True when the text starts with <c>scheme:</c> (ASCII alpha, then alphanumerics, '+', '-', '.').</summary>
    public static bool StartsWithScheme(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        for (int i = 1; i < text.Length; i++)
        {
            char c = text[i];
            if (c == ':')
            {
                return true;
            }

            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return false;
    }
}
