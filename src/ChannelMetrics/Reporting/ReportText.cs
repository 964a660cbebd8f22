using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ChannelMetrics.Reporting;

/// <summary>A placeholder value for <see cref="ReportText.Format(string, ReadOnlySpan{TextArg})"/>.</summary>
/// <param name="Name">The placeholder's name.</param>
/// <param name="Value">The formatted value.</param>
/// <param name="Count">The number the value shows, when a template may choose its plural form by it; <see langword="null"/> for text or "n/a".</param>
internal readonly record struct TextArg(string Name, string Value, long? Count = null);

/// <summary>
/// The report text of one language: templates from the embedded <c>Reporting/Resources/ReportText.&lt;language&gt;.json</c>
/// files with named placeholders (<c>{network}</c>), culture-aware numbers and dates, and bidi isolation for
/// right-to-left languages.
/// </summary>
/// <remarks>
/// <para>
/// Why embedded JSON rather than .resx and satellite assemblies: a <see cref="System.Resources.ResourceManager"/> finds
/// a satellite only through a <see cref="CultureInfo"/>, and an application running with <c>InvariantGlobalization</c>
/// (common for NativeAOT and containers) cannot create <c>ar</c> at all, so it could never get Arabic text. Here the
/// language is a plain tag (<see cref="ReportOptions.Language"/>, else the culture's name), looked up as
/// <c>ar-EG</c> → <c>ar</c> → <c>en</c>; a key missing from a translation falls back the same way. Reading a manifest
/// resource with <see cref="Utf8JsonReader"/> needs no reflection, so it is trimming- and NativeAOT-safe. Adding a
/// language is still adding one file: <c>ReportText.fr.json</c>.
/// </para>
/// <para>
/// Placeholders are named rather than numbered so a translator can reorder them and see what each one is. A count
/// that a noun follows chooses its form in the style of ICU's MessageFormat, by the language's
/// <see cref="PluralRules"/>: <c>{visits, plural, one {# visit} other {# visits}}</c>, where <c>#</c> is the value
/// (and <c>=0 {no visits}</c> picks an exact count);
/// a value that is no number (n/a) takes the <c>other</c> form. The
/// direction comes from the <c>TextDirection</c> text, not from the culture's data, so Arabic is still marked
/// right to left under invariant globalization.
/// </para>
/// </remarks>
internal sealed class ReportText
{
    /// <summary>FIRST STRONG ISOLATE: starts a run whose direction the bidi algorithm decides from its own first letter.</summary>
    internal const char FirstStrongIsolate = '\u2068';

    /// <summary>POP DIRECTIONAL ISOLATE: ends the run started by <see cref="FirstStrongIsolate"/>.</summary>
    internal const char PopDirectionalIsolate = '\u2069';

    internal const string NeutralLanguage = "en";

    private const string ResourcePrefix = "ChannelMetrics.Reporting.ReportText.";

    // The invariant culture stands for English, but writes a percentage as "5.0 %"; English writes "5.0%".
    private static readonly NumberFormatInfo s_englishNumbers = CreateEnglishNumbers();

    private static readonly ConcurrentDictionary<string, Dictionary<string, string>?> s_catalogs = new(StringComparer.Ordinal);

    private readonly Dictionary<string, string>[] _chain;
    private readonly string? _variant;
    private readonly DateTimeFormatInfo _dates;
    private readonly NumberFormatInfo _numbers;

    /// <param name="culture">The culture of numbers and dates.</param>
    /// <param name="language">The language of the text, or <see langword="null"/> for the culture's.</param>
    /// <param name="granularity">The report's periods: a text with a variant for them (<c>PerPeriod.Month</c>:
    /// "{value} per month") is used before the generic one ("{value} per period").</param>
    internal ReportText(CultureInfo culture, string? language = null, PeriodGranularity? granularity = null)
    {
        Culture = culture;
        _variant = granularity is { } g ? "." + g.ToString() : null;
        _chain = Chain(language ?? culture.Name, out string resolved);
        Language = resolved;
        _numbers = culture.Name.Length == 0 ? s_englishNumbers : culture.NumberFormat;
        IsRightToLeft = string.Equals(Get("TextDirection"), "rtl", StringComparison.OrdinalIgnoreCase);
        _dates = GregorianDates(culture);
    }

    /// <summary>Gets the languages with a text file, neutral first (for example <c>en</c>, <c>ar</c>).</summary>
    internal static IReadOnlyList<string> AvailableLanguages { get; } = Array.AsReadOnly(FindLanguages());

    /// <summary>Gets the most specific language with a text file that the request resolved to.</summary>
    internal string Language { get; }

    /// <summary>Gets the culture whose text and formats this is.</summary>
    internal CultureInfo Culture { get; }

    /// <summary>Gets whether the language is written right to left.</summary>
    internal bool IsRightToLeft { get; }

    /// <summary>Returns the text of a key (in this culture, else its parent's, else English).</summary>
    internal string Get(string key) =>
        TryGet(key) ?? throw new InvalidOperationException($"The report text '{key}' is missing from ReportText.en.json.");

    /// <summary>Returns the text of a key, or <see langword="null"/> when no language file has it.</summary>
    internal string? TryGet(string key)
    {
        // Language before variant: Arabic's generic text beats English's text for months.
        string? variant = _variant is null ? null : key + _variant;
        foreach (var catalog in _chain)
        {
            if ((variant is not null && catalog.TryGetValue(variant, out var text)) || catalog.TryGetValue(key, out text))
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>Returns the texts of one language file, or <see langword="null"/> when there is none.</summary>
    internal static Dictionary<string, string>? Catalog(string language) =>
        Known(language) is { } file ? s_catalogs.GetOrAdd(file, static name => Load(name)) : null;

    // Language tags ignore case but resource names do not: a file is found, and cached, under its own spelling, so
    // "EN" neither misses the English file nor hides it from later requests.
    private static string? Known(string language)
    {
        foreach (string available in AvailableLanguages)
        {
            if (string.Equals(available, language, StringComparison.OrdinalIgnoreCase))
            {
                return available;
            }
        }

        return null;
    }

    /// <summary>Fills a template's named placeholders; in a right-to-left language each value is isolated.</summary>
    internal string Format(string key, params ReadOnlySpan<TextArg> args) => Fill(key, Get(key), IsRightToLeft, args);

    /// <summary>Fills a template's named placeholders without isolating the values.</summary>
    internal string FormatPlain(string key, params ReadOnlySpan<TextArg> args) => Fill(key, Get(key), false, args);

    /// <summary>Wraps a value in FSI … PDI when the text is right to left, so a Latin name or a number keeps its own order.</summary>
    internal string Isolate(string value) => IsRightToLeft ? string.Concat(FirstStrongIsolate.ToString(), value, PopDirectionalIsolate.ToString()) : value;

    internal string Count(long value) => value.ToString("N0", _numbers);

    /// <summary>
    /// A value with its confidence interval: "5.0% [3.8%, 6.5%]". The bounds are separated by the language's list
    /// separator, or by a semicolon where the culture writes decimals with that very character: German numbers in
    /// English text would otherwise read "[2,2 %, 2,9 %]", four numbers.
    /// </summary>
    internal string WithInterval(string value, string lower, string upper)
    {
        string separator = Get("ListSeparator");
        var mark = separator.AsSpan().Trim();
        if (mark.SequenceEqual(_numbers.NumberDecimalSeparator) || mark.SequenceEqual(_numbers.PercentDecimalSeparator))
        {
            separator = "; ";
        }

        return FormatPlain("RateWithInterval", new("value", value), new("lower", lower), new("upper", upper), new("separator", separator));
    }

    internal string Percent(double value, int digits = 1) => value.ToString(digits == 1 ? "P1" : "P" + digits.ToString(CultureInfo.InvariantCulture), _numbers);

    /// <summary>A level such as a confidence as a percentage without needless decimals: 95%, 97.5%.</summary>
    internal string Level(double value) => value.ToString("#0.##%", _numbers);

    internal string Decimal(double value, int digits) => value.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), _numbers);

    /// <summary>A number below 1 with up to three decimals and no trailing zeros: 0.2, 0.01, 0.005.</summary>
    internal string Fraction(double value) => value.ToString("0.###", _numbers);

    internal string Date(DateOnly date) => date.ToString(Culture.Name.Length == 0 ? "d MMMM yyyy" : _dates.LongDatePattern, _dates);

    /// <summary>A period as people name it: <c>March 2026</c>, <c>Q1 2026</c>, <c>Week 5, 2026</c>, <c>5 March 2026</c>.</summary>
    internal string PeriodLabel(Period period)
    {
        var start = period.Start;
        switch (period.Granularity)
        {
            case PeriodGranularity.Day:
                return Date(start);
            case PeriodGranularity.Month:
                // The invariant culture's year-month pattern is "yyyy MMMM"; English readers expect "March 2026".
                string pattern = Culture.Name.Length == 0 ? "MMMM yyyy" : _dates.YearMonthPattern;
                return start.ToString(pattern, _dates);
            case PeriodGranularity.Week:
                var monday = start.ToDateTime(TimeOnly.MinValue);
                return FormatPlain(
                    "PeriodWeek",
                    new TextArg("week", ISOWeek.GetWeekOfYear(monday).ToString(Culture)),
                    new TextArg("year", ISOWeek.GetYear(monday).ToString(Culture)));
            default:
                return FormatPlain(
                    "PeriodQuarter",
                    new TextArg("quarter", (((start.Month - 1) / 3) + 1).ToString(Culture)),
                    new TextArg("year", start.Year.ToString(Culture)));
        }
    }

    /// <summary>Finds the placeholder names of a template, in order (for the resource consistency tests).</summary>
    internal static IReadOnlyList<string> PlaceholdersOf(string template)
    {
        var names = new List<string>();
        int i = 0;
        while ((i = template.IndexOf('{', i)) >= 0)
        {
            int end = ClosingBrace(template, i);
            if (end < 0)
            {
                break;
            }

            var inner = template.AsSpan(i + 1, end - i - 1);
            int comma = inner.IndexOf(',');
            names.Add((comma < 0 ? inner : inner[..comma]).Trim().ToString());
            i = end + 1;
        }

        return names;
    }

    /// <summary>The catalogs to search: the language, its parents (<c>ar-EG</c> → <c>ar</c>), then English.</summary>
    private static Dictionary<string, string>[] Chain(string language, out string resolved)
    {
        var chain = new List<Dictionary<string, string>>(3);
        resolved = NeutralLanguage;
        string tag = language.Replace('_', '-');
        while (tag.Length > 0)
        {
            if (Known(tag) is { } known && Catalog(known) is { } catalog && !string.Equals(known, NeutralLanguage, StringComparison.Ordinal))
            {
                if (chain.Count == 0)
                {
                    resolved = known;
                }

                chain.Add(catalog);
            }

            int dash = tag.LastIndexOf('-');
            tag = dash < 0 ? string.Empty : tag[..dash];
        }

        chain.Add(Catalog(NeutralLanguage) ?? throw new InvalidOperationException("ReportText.en.json is not embedded in the assembly."));
        return [.. chain];
    }

    private static Dictionary<string, string>? Load(string language)
    {
        using var stream = typeof(ReportText).Assembly.GetManifestResourceStream(ResourcePrefix + language + ".json");
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var reader = new Utf8JsonReader(
            buffer.GetBuffer().AsSpan(0, (int)buffer.Length),
            new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new InvalidOperationException($"ReportText.{language}.json must hold one JSON object of \"key\": \"text\".");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string key = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new InvalidOperationException($"ReportText.{language}.json: the value of \"{key}\" must be a string.");
            }

            texts[key] = reader.GetString()!;
        }

        return texts;
    }

    private static string[] FindLanguages()
    {
        var languages = new List<string> { NeutralLanguage };
        foreach (var name in typeof(ReportText).Assembly.GetManifestResourceNames())
        {
            if (name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            {
                string language = name[ResourcePrefix.Length..^".json".Length];
                if (!string.Equals(language, NeutralLanguage, StringComparison.OrdinalIgnoreCase))
                {
                    languages.Add(language);
                }
            }
        }

        languages.Sort(1, languages.Count - 1, StringComparer.OrdinalIgnoreCase);
        return [.. languages];
    }

    private static NumberFormatInfo CreateEnglishNumbers()
    {
        var numbers = (NumberFormatInfo)CultureInfo.InvariantCulture.NumberFormat.Clone();
        numbers.PercentPositivePattern = 1; // n%
        numbers.PercentNegativePattern = 1; // -n%
        return NumberFormatInfo.ReadOnly(numbers);
    }

    internal string Fill(string key, string template, bool isolate, ReadOnlySpan<TextArg> args)
    {
        var text = new StringBuilder(template.Length + 32);
        int i = 0;
        while (i < template.Length)
        {
            int open = template.IndexOf('{', i);
            if (open < 0)
            {
                text.Append(template, i, template.Length - i);
                break;
            }

            int close = ClosingBrace(template, open);
            if (close < 0)
            {
                throw new InvalidOperationException($"The report text '{key}' has an unclosed placeholder.");
            }

            text.Append(template, i, open - i);
            var inner = template.AsSpan(open + 1, close - open - 1);
            int comma = inner.IndexOf(',');
            var name = (comma < 0 ? inner : inner[..comma]).Trim();
            TextArg? found = null;
            foreach (var arg in args)
            {
                if (name.SequenceEqual(arg.Name))
                {
                    found = arg;
                    break;
                }
            }

            if (found is not { } value)
            {
                throw new InvalidOperationException($"The report text '{key}' uses the placeholder {{{name}}}, which the writer does not supply.");
            }

            string shown = isolate ? string.Concat(FirstStrongIsolate.ToString(), value.Value, PopDirectionalIsolate.ToString()) : value.Value;
            if (comma < 0)
            {
                text.Append(shown);
            }
            else
            {
                string category = value.Count is { } count ? PluralRules.Category(Language, count) : "other";
                var form = PluralForm(key, inner[(comma + 1)..], category, value.Count);
                int start = text.Length;
                text.Append(form).Replace("#", shown, start, form.Length);
            }

            i = close + 1;
        }

        return text.ToString();
    }

    /// <summary>The index of the brace that closes the one at <paramref name="open"/> (a plural's forms nest one level), or -1.</summary>
    private static int ClosingBrace(string template, int open)
    {
        int depth = 0;
        for (int i = open; i < template.Length; i++)
        {
            if (template[i] == '{')
            {
                depth++;
            }
            else if (template[i] == '}' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Picks a form from a plural's <c>plural, =0 {…} one {…} other {…}</c>: an exact <c>=N</c> form for
    /// <paramref name="count"/> first, as in ICU, else the form of <paramref name="category"/>, else the <c>other</c> form,
    /// which every plural must have. The whole spec is checked, whichever form is picked.
    /// </summary>
    private static ReadOnlySpan<char> PluralForm(string key, ReadOnlySpan<char> spec, string category, long? count)
    {
        var rest = spec.TrimStart();
        if (!rest.StartsWith("plural", StringComparison.Ordinal) || !rest["plural".Length..].TrimStart().StartsWith(','))
        {
            throw new InvalidOperationException($"The report text '{key}' has a placeholder with a comma that is not a plural: {{name, plural, one {{…}} other {{…}}}}.");
        }

        rest = rest["plural".Length..].TrimStart()[1..];
        ReadOnlySpan<char> exact = default, ofCategory = default, other = default;
        bool hasExact = false, hasCategory = false, hasOther = false;
        while (!(rest = rest.TrimStart()).IsEmpty)
        {
            int open = rest.IndexOf('{');
            int close = rest.IndexOf('}');
            if (open <= 0 || close < open)
            {
                throw new InvalidOperationException($"The report text '{key}' has a plural form that is not 'category {{text}}'.");
            }

            var name = rest[..open].Trim();
            var form = rest[(open + 1)..close];
            if (name[0] == '=')
            {
                if (!long.TryParse(name[1..], NumberStyles.None, CultureInfo.InvariantCulture, out long n))
                {
                    throw new InvalidOperationException($"The report text '{key}' has an exact plural form '{name}' that is not '=' and a whole number.");
                }

                if (n == count && !hasExact)
                {
                    exact = form;
                    hasExact = true;
                }
            }
            else if (name.SequenceEqual(category) && !hasCategory)
            {
                ofCategory = form;
                hasCategory = true;
            }

            if (name.SequenceEqual("other"))
            {
                other = form;
                hasOther = true;
            }

            rest = rest[(close + 1)..];
        }

        return !hasOther ? throw new InvalidOperationException($"The report text '{key}' has a plural without an 'other' form.")
            : hasExact ? exact
            : hasCategory ? ofCategory
            : other;
    }

    // Reporting periods are Gregorian: a culture whose default calendar is another one (ar-SA uses Umm al-Qura)
    // would otherwise name a Gregorian month after the Hijri month its first day falls in. Month names then
    // come from the culture's Gregorian calendar, in its own language.
    private static DateTimeFormatInfo GregorianDates(CultureInfo culture)
    {
        var dates = culture.DateTimeFormat;
        if (dates.Calendar is GregorianCalendar)
        {
            return dates;
        }

        foreach (var calendar in culture.OptionalCalendars)
        {
            if (calendar is GregorianCalendar)
            {
                var clone = (DateTimeFormatInfo)dates.Clone();
                clone.Calendar = calendar;
                return clone;
            }
        }

        return CultureInfo.InvariantCulture.DateTimeFormat;
    }
}
