using System.Buffers;
using System.Globalization;
using System.Text;

namespace ChannelMetrics.Tracking;

/// <summary>The full parser behind <see cref="UtmParser.Parse(ReadOnlySpan{char}, UtmParserOptions?)"/>.</summary>
/// <remarks>
/// Works on a cleaned copy of the input (C0/space trimmed, tabs and newlines removed and, when lenient,
/// HTML-escaped separators and non-ASCII question marks repaired) with a map from each cleaned position
/// back to the original input, so diagnostics point into what the caller passed.
/// </remarks>
internal sealed class FullReader
{
    private const char ArabicQuestionMark = '\u061F';
    private const char FullwidthQuestionMark = '\uFF1F';

    private static readonly SearchValues<char> s_asciiUpper = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    private static readonly SearchValues<char> s_asciiLower = SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    private readonly string _text;
    private readonly int[]? _map;
    private readonly int _offset;
    private readonly bool _repair;
    private List<UtmDiagnostic>? _diagnostics;
    private ClickId[]? _clickIds;
    private int _clickIdCount;
    private FieldValues _values;
    private int _seenFields;
    private ClickIdKinds _seenClickIds;

    public FullReader(string? inputString, ReadOnlySpan<char> input, UtmParserOptions options)
    {
        _repair = options.Repair;
        int start = 0;
        while (start < input.Length && input[start] <= ' ')
        {
            start++;
        }

        int end = input.Length;
        while (end > start && input[end - 1] <= ' ')
        {
            end--;
        }

        // Most input needs no cleaning: then positions only shift by the trimmed start, and no map is built.
        ReadOnlySpan<char> trimmed = input[start..end];
        bool needsCopy = UrlText.ContainsTabOrNewline(trimmed) ||
            (_repair && (trimmed.Contains("&amp;", StringComparison.OrdinalIgnoreCase) || trimmed.Contains("&#", StringComparison.Ordinal)));
        if (!needsCopy)
        {
            _text = inputString is not null && start == 0 && end == input.Length ? inputString : trimmed.ToString();
            _offset = start;
            return;
        }

        var text = new StringBuilder(input.Length);
        var map = new List<int>(input.Length + 1);

        for (int i = start; i < end; i++)
        {
            char c = input[i];
            if (c is '\t' or '\n' or '\r')
            {
                continue;
            }

            if (_repair && c == '&' && TryMatchHtmlAmpersand(input[i..end], out int length))
            {
                AddRepair(UtmDiagnosticCode.RepairedHtmlEscapedSeparator, i, null, $"Read the HTML-escaped ampersand '{input.Slice(i, length)}' as '&'.");
                text.Append('&');
                map.Add(i);
                i += length - 1;
                continue;
            }

            text.Append(c);
            map.Add(i);
        }

        map.Add(end);
        _text = text.ToString();
        _map = [.. map];
    }

    private int Map(int position) => _map is null ? position + _offset : _map[position];

    public UtmParseResult Read()
    {
        string text = _text;
        if (_repair)
        {
            text = RepairQuestionMark(text);
        }

        UrlText.Split(text, out Range queryRange, out Range fragmentRange);
        (int queryStart, _) = queryRange.GetOffsetAndLength(text.Length);
        ReadOnlySpan<char> query = text.AsSpan()[queryRange];
        if (!_repair && query.IsEmpty)
        {
            ReportNonAsciiQuestionMark(text);
        }

        ReadPieces(query, queryStart, fromFragment: false);
        ReadFragment(text, fragmentRange, query);

        bool anyUtm = _seenFields != 0;
        if (anyUtm && _values[(int)UtmField.Source] is null)
        {
            Add(UtmDiagnosticCode.MissingSource, UtmSeverity.Error, -1, "utm_source",
                "UTM parameters are present without utm_source; GA4 reports the source as (not set).");
        }

        if (anyUtm && _values[(int)UtmField.Medium] is null)
        {
            Add(UtmDiagnosticCode.MissingMedium, UtmSeverity.Error, -1, "utm_medium",
                "UTM parameters are present without utm_medium; GA4 then groups the visit as Unassigned (or Direct).");
        }

        var tags = new UtmTags
        {
            Source = _values[0],
            Medium = _values[1],
            Campaign = _values[2],
            Term = _values[3],
            Content = _values[4],
            Id = _values[5],
            SourcePlatform = _values[6],
            CreativeFormat = _values[7],
            MarketingTactic = _values[8],
            ClickIds = _clickIds is null ? ClickIds.Empty : ClickIds.FromValidated(_clickIds.Length == _clickIdCount ? _clickIds : _clickIds[.._clickIdCount], _seenClickIds),
        };
        return new UtmParseResult(_seenFields == 0 && _clickIds is null ? UtmTags.Empty : tags, _diagnostics is null ? [] : _diagnostics.AsReadOnly());
    }

    private static bool TryMatchHtmlAmpersand(ReadOnlySpan<char> text, out int length)
    {
        foreach (string escape in (ReadOnlySpan<string>)["&amp;", "&#038;", "&#38;", "&#x26;"])
        {
            if (text.StartsWith(escape, StringComparison.OrdinalIgnoreCase))
            {
                length = escape.Length;
                return true;
            }
        }

        length = 0;
        return false;
    }

    private string RepairQuestionMark(string text)
    {
        int hash = text.IndexOf('#', StringComparison.Ordinal);
        ReadOnlySpan<char> beforeHash = hash < 0 ? text : text.AsSpan(0, hash);
        if (beforeHash.Contains('?'))
        {
            return text;
        }

        int mark = beforeHash.IndexOfAny(ArabicQuestionMark, FullwidthQuestionMark);
        if (mark < 0)
        {
            return text;
        }

        AddRepair(UtmDiagnosticCode.RepairedQuestionMark, Map(mark), null, $"Read the non-ASCII question mark '{text[mark]}' as '?'.");
        return string.Concat(text.AsSpan(0, mark), "?", text.AsSpan(mark + 1));
    }

    private void ReportNonAsciiQuestionMark(string text)
    {
        int hash = text.IndexOf('#', StringComparison.Ordinal);
        ReadOnlySpan<char> beforeHash = hash < 0 ? text : text.AsSpan(0, hash);
        int mark = beforeHash.IndexOfAny(ArabicQuestionMark, FullwidthQuestionMark);
        if (mark >= 0 && beforeHash[(mark + 1)..].Contains('='))
        {
            Add(UtmDiagnosticCode.NonAsciiQuestionMark, UtmSeverity.Warning, Map(mark), null,
                $"The non-ASCII question mark '{text[mark]}' does not start a query, so the parameters after it are not read.");
        }
    }

    private void ReadFragment(string text, Range fragmentRange, ReadOnlySpan<char> query)
    {
        (int fragmentStart, int fragmentLength) = fragmentRange.GetOffsetAndLength(text.Length);
        if (fragmentLength == 0)
        {
            return;
        }

        ReadOnlySpan<char> fragment = text.AsSpan(fragmentStart, fragmentLength);
        if (!_repair && query.EndsWith('&') && (fragment.StartsWith("038;", StringComparison.Ordinal) || fragment.StartsWith("38;", StringComparison.Ordinal)
            || fragment.StartsWith("x26;", StringComparison.OrdinalIgnoreCase)))
        {
            // "?a=b&#038;utm_medium=c" (or &#38;, &#x26;): the URL parser ends the query at '#'.
            Add(UtmDiagnosticCode.HtmlEscapedSeparator, UtmSeverity.Warning, Map(fragmentStart - 2), null,
                "An HTML-escaped ampersand ('&#038;', '&#38;' or '&#x26;') ends the query at '#', so the parameters after it are not read.");
        }

        // A hash router puts its own query after the fragment's '?'; otherwise the fragment itself may hold pairs.
        int question = fragment.IndexOf('?');
        int offset = question >= 0 ? question + 1 : 0;
        ReadPieces(fragment[offset..], fragmentStart + offset, fromFragment: true);
    }

    private void ReadPieces(ReadOnlySpan<char> query, int queryStart, bool fromFragment)
    {
        var pieces = new QueryPieceEnumerator(query);
        while (pieces.MoveNext())
        {
            QueryPiece piece = pieces.Current;
            ReadPiece(piece, queryStart, fromFragment);
        }
    }

    private void ReadPiece(QueryPiece piece, int queryStart, bool fromFragment)
    {
        // Fast path: a name spelled exactly as a known parameter needs no decoding, case or space checks.
        int field = UtmKeys.FindExact(piece.Name);
        ClickIdKinds clickKind = field < 0 ? ClickIdNames.FindExact(piece.Name) : ClickIdKinds.None;
        if (field < 0 && clickKind == ClickIdKinds.None)
        {
            ReadPieceSlow(piece, queryStart, fromFragment);
            return;
        }

        bool trimValue = _repair && StartsOrEndsWithSpace(piece.Value);
        if (trimValue)
        {
            string shown = piece.Name.ToString();
            AddRepair(UtmDiagnosticCode.RepairedSpaces, Map(queryStart + piece.Start), shown, $"Removed spaces around '=' or '&' in '{shown}'.");
        }

        ReadRecognised(piece, queryStart, fromFragment, field, clickKind, piece.Name, DecodeProblems.None, trimValue);
    }

    private void ReadPieceSlow(QueryPiece piece, int queryStart, bool fromFragment)
    {
        int position = Map(queryStart + piece.Start);

        // Only a name with escapes (rare) becomes a new string; other names are read in place.
        ReadOnlySpan<char> name = piece.Name;
        DecodeProblems nameProblems = DecodeProblems.None;
        if (FormUrlEncoded.NeedsDecoding(name))
        {
            name = FormUrlEncoded.DecodeWithProblems(piece.Name, out nameProblems);
        }

        bool trimValue = false;
        if (_repair)
        {
            ReadOnlySpan<char> trimmedName = name.Trim(' ');
            if (IsKnownName(trimmedName) && (trimmedName.Length != name.Length || StartsOrEndsWithSpace(piece.Value)))
            {
                string shown = trimmedName.ToString();
                AddRepair(UtmDiagnosticCode.RepairedSpaces, position, shown, $"Removed spaces around '=' or '&' in '{shown}'.");
                name = trimmedName;
                trimValue = true;
            }
        }

        int field = UtmKeys.Find(name);
        ClickIdKinds clickKind = field < 0 ? ClickIdNames.Find(name) : ClickIdKinds.None;
        if (field < 0 && clickKind == ClickIdKinds.None)
        {
            ReportUnrecognisedName(name, position);
            return;
        }

        ReadRecognised(piece, queryStart, fromFragment, field, clickKind, name, nameProblems, trimValue);
    }

    private void ReadRecognised(
        QueryPiece piece, int queryStart, bool fromFragment, int field, ClickIdKinds clickKind, ReadOnlySpan<char> name, DecodeProblems nameProblems, bool trimValue)
    {
        int position = Map(queryStart + piece.Start);
        string canonical = field >= 0 ? UtmKeys.Names[field] : ClickIdNames.NameOf(clickKind);
        if (fromFragment)
        {
            // The query wins over the fragment: a parameter already read there is left alone.
            bool alreadyRead = field >= 0 ? (_seenFields & (1 << field)) != 0 : (_seenClickIds & clickKind) != 0;
            if (alreadyRead)
            {
                return;
            }

            if (!_repair)
            {
                Add(UtmDiagnosticCode.ParametersInFragment, UtmSeverity.Warning, position, canonical,
                    $"{canonical} comes after '#', so servers and GA4 do not read it.");
                return;
            }

            AddRepair(UtmDiagnosticCode.RepairedFragmentParameters, position, canonical, $"Read {canonical} from after '#'.");
        }

        if (!name.SequenceEqual(canonical))
        {
            Add(UtmDiagnosticCode.UppercaseKey, UtmSeverity.Warning, position, canonical,
                $"The parameter name '{name}' is not lower case; it is read as {canonical}, but GA4 matches names exactly.");
        }

        string value = FormUrlEncoded.DecodeWithProblems(piece.Value, out DecodeProblems valueProblems);
        if (trimValue)
        {
            value = value.Trim(' ');
        }

        ReportDecodeProblems(nameProblems | valueProblems, position, canonical);
        if (field >= 0)
        {
            ReadField(field, canonical, value, position, Map(queryStart + piece.ValueStart));
        }
        else
        {
            ReadClickId(clickKind, canonical, value, position);
        }
    }

    private void ReadField(int field, string canonical, string value, int position, int valuePosition)
    {
        int bit = 1 << field;
        if ((_seenFields & bit) != 0)
        {
            Add(UtmDiagnosticCode.DuplicateParameter, UtmSeverity.Warning, position, canonical,
                $"{canonical} appears more than once; the first one is used, as GA4 does.");
            return;
        }

        _seenFields |= bit;
        if (value.Length == 0)
        {
            Add(UtmDiagnosticCode.EmptyValue, UtmSeverity.Warning, position, canonical, $"{canonical} is empty, which GA4 treats as absent.");
            return;
        }

        _values[field] = value;
        if (value[0] == ' ' || value[^1] == ' ' || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            Add(UtmDiagnosticCode.SurroundingWhitespace, UtmSeverity.Warning, valuePosition, canonical,
                $"The value of {canonical} has leading or trailing spaces.");
        }

        if (IndexOfInvisible(value) is int invisible and >= 0)
        {
            Add(UtmDiagnosticCode.InvisibleCharacter, UtmSeverity.Warning, valuePosition, canonical,
                $"The value of {canonical} holds an invisible character (U+{(Rune.TryGetRuneAt(value, invisible, out var rune) ? rune.Value : value[invisible]):X4}), so it differs from the value it looks like.");
        }

        if (HasMixedCase(value))
        {
            Add(UtmDiagnosticCode.MixedCaseValue, UtmSeverity.Warning, valuePosition, canonical,
                $"The value of {canonical} mixes upper- and lower-case letters; GA4 is case-sensitive, so reports split.");
        }

        if (LooksPercentEncoded(value))
        {
            Add(UtmDiagnosticCode.DoubleEncoded, UtmSeverity.Warning, valuePosition, canonical,
                $"The value of {canonical} still contains percent escapes after decoding; it was encoded twice.");
        }
    }

    /// <summary>The index of the first format character (zero-width space, BOM, soft hyphen, direction mark), or -1.</summary>
    private static int IndexOfInvisible(string value)
    {
        // They are all outside ASCII, which most values never leave.
        for (int i = value.AsSpan().IndexOfAnyExceptInRange((char)0, (char)0x7F); i >= 0 && i < value.Length; i++)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(value, i) == UnicodeCategory.Format)
            {
                return i;
            }
        }

        return -1;
    }

    private void ReadClickId(ClickIdKinds kind, string canonical, string value, int position)
    {
        if (value.Length == 0)
        {
            Add(UtmDiagnosticCode.EmptyValue, UtmSeverity.Warning, position, canonical, $"{canonical} is empty and is ignored.");
            return;
        }

        if ((_seenClickIds & kind) != 0)
        {
            Add(UtmDiagnosticCode.DuplicateParameter, UtmSeverity.Warning, position, canonical,
                $"{canonical} appears more than once; the first one is used.");
            return;
        }

        _seenClickIds |= kind;
        _clickIds ??= new ClickId[1];
        if (_clickIdCount == _clickIds.Length)
        {
            Array.Resize(ref _clickIds, _clickIdCount * 2);
        }

        _clickIds[_clickIdCount++] = new ClickId(kind, value);
    }

    private void ReportUnrecognisedName(ReadOnlySpan<char> span, int position)
    {
        if (_repair)
        {
            return;
        }

        if (span.StartsWith("amp;", StringComparison.OrdinalIgnoreCase) && IsKnownName(span[4..]))
        {
            Add(UtmDiagnosticCode.HtmlEscapedSeparator, UtmSeverity.Warning, position, null,
                $"The parameter name '{span}' starts with an HTML-escaped ampersand ('&amp;'), so it is not read.");
        }
        else if (span.Trim(' ').Length != span.Length && IsKnownName(span.Trim(' ')))
        {
            Add(UtmDiagnosticCode.SpaceAroundSeparator, UtmSeverity.Warning, position, null,
                $"The parameter name '{span}' has spaces around it, so it is not read.");
        }
    }

    private void ReportDecodeProblems(DecodeProblems problems, int position, string canonical)
    {
        if ((problems & DecodeProblems.InvalidPercent) != 0)
        {
            Add(UtmDiagnosticCode.InvalidPercentEncoding, UtmSeverity.Warning, position, canonical,
                $"{canonical} contains a '%' not followed by two hex digits; it is kept literally.");
        }

        if ((problems & DecodeProblems.InvalidUtf8) != 0)
        {
            Add(UtmDiagnosticCode.InvalidUtf8, UtmSeverity.Warning, position, canonical,
                $"{canonical} contains bytes that are not valid UTF-8; they were replaced by U+FFFD.");
        }
    }

    private static bool StartsOrEndsWithSpace(ReadOnlySpan<char> raw) =>
        !raw.IsEmpty && (raw[0] is ' ' or '+' || raw[^1] is ' ' or '+' || raw.StartsWith("%20", StringComparison.Ordinal) || raw.EndsWith("%20", StringComparison.Ordinal));

    private static bool IsKnownName(ReadOnlySpan<char> name) => UtmKeys.Find(name) >= 0 || ClickIdNames.Find(name) != ClickIdKinds.None;

    private static bool HasMixedCase(string value)
    {
        // Vectorized for ASCII letters; only text with non-ASCII characters is walked.
        ReadOnlySpan<char> span = value;
        bool upper = span.IndexOfAny(s_asciiUpper) >= 0;
        bool lower = span.IndexOfAny(s_asciiLower) >= 0;
        if ((upper && lower) || Ascii.IsValid(span))
        {
            return upper && lower;
        }

        foreach (char c in span)
        {
            upper |= char.IsUpper(c);
            lower |= char.IsLower(c);
        }

        return upper && lower;
    }

    private static bool LooksPercentEncoded(string value)
    {
        for (int i = value.IndexOf('%', StringComparison.Ordinal); i >= 0 && i + 2 < value.Length; i = value.IndexOf('%', i + 1))
        {
            if (char.IsAsciiHexDigit(value[i + 1]) && char.IsAsciiHexDigit(value[i + 2]))
            {
                return true;
            }
        }

        return false;
    }

    private void AddRepair(UtmDiagnosticCode code, int position, string? parameter, string message) =>
        (_diagnostics ??= []).Add(new UtmDiagnostic(code, UtmSeverity.Info, message, position, parameter));

    private void Add(UtmDiagnosticCode code, UtmSeverity severity, int position, string? parameter, string message) =>
        (_diagnostics ??= []).Add(new UtmDiagnostic(code, severity, message, position, parameter));
}

/// <summary>The nine UTM values, inline in the reader (no separate array).</summary>
[System.Runtime.CompilerServices.InlineArray(UtmKeys.FieldCount)]
internal struct FieldValues
{
    private string? _element;
}
