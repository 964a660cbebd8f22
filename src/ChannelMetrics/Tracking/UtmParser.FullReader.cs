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

    private readonly string _text;
    private readonly int[] _map;
    private readonly bool _repair;
    private readonly List<UtmDiagnostic> _diagnostics = [];
    private readonly string?[] _values = new string?[UtmKeys.FieldCount];
    private readonly List<ClickId> _clickIds = [];
    private int _seenFields;
    private ClickIdKinds _seenClickIds;

    public FullReader(ReadOnlySpan<char> input, UtmParserOptions options)
    {
        _repair = options.Repair;
        var text = new StringBuilder(input.Length);
        var map = new List<int>(input.Length + 1);
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
            ClickIds = ClickIds.Create(_clickIds),
        };
        return new UtmParseResult(_seenFields == 0 && _clickIds.Count == 0 ? UtmTags.Empty : tags, _diagnostics);
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

        AddRepair(UtmDiagnosticCode.RepairedQuestionMark, _map[mark], null, $"Read the non-ASCII question mark '{text[mark]}' as '?'.");
        return string.Concat(text.AsSpan(0, mark), "?", text.AsSpan(mark + 1));
    }

    private void ReportNonAsciiQuestionMark(string text)
    {
        int hash = text.IndexOf('#', StringComparison.Ordinal);
        ReadOnlySpan<char> beforeHash = hash < 0 ? text : text.AsSpan(0, hash);
        int mark = beforeHash.IndexOfAny(ArabicQuestionMark, FullwidthQuestionMark);
        if (mark >= 0 && beforeHash[(mark + 1)..].Contains('='))
        {
            Add(UtmDiagnosticCode.NonAsciiQuestionMark, UtmSeverity.Warning, _map[mark], null,
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
        if (!_repair && query.EndsWith('&') && (fragment.StartsWith("038;", StringComparison.Ordinal) || fragment.StartsWith("38;", StringComparison.Ordinal)))
        {
            // "?a=b&#038;utm_medium=c": the URL parser ends the query at '#'.
            Add(UtmDiagnosticCode.HtmlEscapedSeparator, UtmSeverity.Warning, _map[fragmentStart - 2], null,
                "An HTML-escaped ampersand '&#038;' ends the query at '#', so the parameters after it are not read.");
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
        int position = _map[queryStart + piece.Start];
        string name = FormUrlEncoded.DecodeWithProblems(piece.Name, out DecodeProblems nameProblems);
        string value = FormUrlEncoded.DecodeWithProblems(piece.Value, out DecodeProblems valueProblems);
        if (_repair)
        {
            string trimmedName = name.Trim(' ');
            string trimmedValue = value.Trim(' ');
            if ((trimmedName.Length != name.Length || trimmedValue.Length != value.Length) && IsKnownName(trimmedName))
            {
                AddRepair(UtmDiagnosticCode.RepairedSpaces, position, trimmedName, $"Removed spaces around '=' or '&' in '{trimmedName}'.");
                name = trimmedName;
                value = trimmedValue;
            }
        }

        int field = UtmKeys.Find(name);
        ClickIdKinds clickKind = field < 0 ? ClickIdNames.Find(name) : ClickIdKinds.None;
        if (field < 0 && clickKind == ClickIdKinds.None)
        {
            ReportUnrecognisedName(name, position);
            return;
        }

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

        if (!string.Equals(name, canonical, StringComparison.Ordinal))
        {
            Add(UtmDiagnosticCode.UppercaseKey, UtmSeverity.Warning, position, canonical,
                $"The parameter name '{name}' is not lower case; it is read as {canonical}, but GA4 matches names exactly.");
        }

        ReportDecodeProblems(nameProblems | valueProblems, position, canonical);
        if (field >= 0)
        {
            ReadField(field, canonical, value, position, _map[queryStart + piece.ValueStart]);
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
        _clickIds.Add(new ClickId(kind, value));
    }

    private void ReportUnrecognisedName(string name, int position)
    {
        if (_repair)
        {
            return;
        }

        ReadOnlySpan<char> span = name;
        if (span.StartsWith("amp;", StringComparison.OrdinalIgnoreCase) && IsKnownName(span[4..]))
        {
            Add(UtmDiagnosticCode.HtmlEscapedSeparator, UtmSeverity.Warning, position, null,
                $"The parameter name '{name}' starts with an HTML-escaped ampersand ('&amp;'), so it is not read.");
        }
        else if (span.Trim(' ').Length != span.Length && IsKnownName(span.Trim(' ')))
        {
            Add(UtmDiagnosticCode.SpaceAroundSeparator, UtmSeverity.Warning, position, null,
                $"The parameter name '{name}' has spaces around it, so it is not read.");
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

    private static bool IsKnownName(ReadOnlySpan<char> name) => UtmKeys.Find(name) >= 0 || ClickIdNames.Find(name) != ClickIdKinds.None;

    private static bool HasMixedCase(string value)
    {
        bool upper = false, lower = false;
        foreach (char c in value)
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
        _diagnostics.Add(new UtmDiagnostic(code, UtmSeverity.Info, message, position, parameter));

    private void Add(UtmDiagnosticCode code, UtmSeverity severity, int position, string? parameter, string message) =>
        _diagnostics.Add(new UtmDiagnostic(code, severity, message, position, parameter));
}
