namespace ChannelMetrics.Tracking;

/// <summary>How serious a diagnostic is.</summary>
public enum UtmSeverity
{
    /// <summary>Something was repaired or is worth knowing; the tags are as intended.</summary>
    Info = 0,

    /// <summary>The tags are read, but reports will likely split or misfile them.</summary>
    Warning = 1,

    /// <summary>GA4 would not attribute the visit as the link's author intended.</summary>
    Error = 2,
}

/// <summary>
/// Stable diagnostic codes of <see cref="UtmParser"/> and <see cref="UtmLinter"/>. The numbers never change;
/// the text form is <c>UTM</c> followed by three digits (<see cref="UtmDiagnostic.Id"/>).
/// </summary>
public enum UtmDiagnosticCode
{
    /// <summary>UTM001: UTM parameters are present but <c>utm_source</c> is not (GA4 reports the source as (not set)).</summary>
    MissingSource = 1,

    /// <summary>UTM002: UTM parameters are present but <c>utm_medium</c> is not (GA4 then groups the visit as Unassigned or Direct).</summary>
    MissingMedium = 2,

    /// <summary>UTM003: a parameter name is not lower case (<c>UTM_SOURCE</c>); it is read, but GA4 matches names exactly.</summary>
    UppercaseKey = 3,

    /// <summary>UTM004: a parameter appears more than once; the first one wins, as in GA4.</summary>
    DuplicateParameter = 4,

    /// <summary>UTM005: a value has leading or trailing spaces.</summary>
    SurroundingWhitespace = 5,

    /// <summary>UTM006: a value mixes upper- and lower-case letters; GA4 is case-sensitive, so reports split.</summary>
    MixedCaseValue = 6,

    /// <summary>UTM007: a value still contains percent escapes after decoding (<c>spring%2520sale</c>): it was encoded twice.</summary>
    DoubleEncoded = 7,

    /// <summary>UTM008: UTM parameters appear only after <c>#</c> (including hash routers <c>#/signup?utm_…</c>); servers and GA4 do not read them.</summary>
    ParametersInFragment = 8,

    /// <summary>UTM009: a parameter name is prefixed by an HTML-escaped ampersand (<c>&amp;amp;utm_medium=</c>, <c>&amp;#038;</c>).</summary>
    HtmlEscapedSeparator = 9,

    /// <summary>UTM010: a <c>%</c> is not followed by two hex digits; it is kept literally.</summary>
    InvalidPercentEncoding = 10,

    /// <summary>UTM011: percent escapes do not form valid UTF-8; the bad bytes became U+FFFD.</summary>
    InvalidUtf8 = 11,

    /// <summary>UTM012: a parameter is present with an empty value; GA4 treats it as absent.</summary>
    EmptyValue = 12,

    /// <summary>UTM013: a non-ASCII question mark (<c>؟</c>, <c>？</c>) stands where <c>?</c> should start the query.</summary>
    NonAsciiQuestionMark = 13,

    /// <summary>UTM014: a parameter name has spaces around it (<c>utm_source =x</c>), so it is not recognised.</summary>
    SpaceAroundSeparator = 14,

    /// <summary>
    /// UTM015: a value holds an invisible character (a zero-width space, joiner, byte order mark, soft hyphen or
    /// direction mark: Unicode's format characters), so it looks like another value but is not (<c>​facebook</c>).
    /// </summary>
    InvisibleCharacter = 15,

    /// <summary>UTM020: lenient repair: spaces around <c>=</c> or <c>&amp;</c> were removed.</summary>
    RepairedSpaces = 20,

    /// <summary>UTM021: lenient repair: an HTML-escaped ampersand was read as a separator.</summary>
    RepairedHtmlEscapedSeparator = 21,

    /// <summary>UTM022: lenient repair: a non-ASCII question mark was read as <c>?</c>.</summary>
    RepairedQuestionMark = 22,

    /// <summary>UTM023: lenient repair: parameters after <c>#</c> were read.</summary>
    RepairedFragmentParameters = 23,

    /// <summary>UTM101: lint: a value is not lower case.</summary>
    NotLowercase = 101,

    /// <summary>UTM102: lint: the medium is not in the allowed list.</summary>
    MediumNotAllowed = 102,

    /// <summary>UTM103: lint: a value uses a word separator other than the policy's.</summary>
    WrongSeparator = 103,

    /// <summary>UTM104: lint: a field the policy requires is missing.</summary>
    RequiredFieldMissing = 104,

    /// <summary>UTM105: lint: the source is not a known network or an allowed source.</summary>
    UnknownSource = 105,
}

/// <summary>One finding about a tracking code: a stable code, a severity, a message and where it is.</summary>
/// <param name="Code">The stable code.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">A sentence for people.</param>
/// <param name="Position">Zero-based index in the parsed text (-1 when the finding is about the whole input).</param>
/// <param name="Parameter">The parameter concerned (for example <c>utm_source</c>), or null.</param>
public readonly record struct UtmDiagnostic(UtmDiagnosticCode Code, UtmSeverity Severity, string Message, int Position, string? Parameter)
{
    /// <summary>The text form of the code, for example <c>UTM004</c>.</summary>
    public string Id => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"UTM{(int)Code:D3}");
}
