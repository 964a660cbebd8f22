namespace ChannelMetrics.Reporting;

/// <summary>
/// The plural category (CLDR's <c>zero</c>, <c>one</c>, <c>two</c>, <c>few</c>, <c>many</c>, <c>other</c>) of a whole
/// count in the languages that have report text, so a template can say "1 visit" and "2 visits".
/// </summary>
/// <remarks>
/// .NET has no plural rules, and the reports only count whole things, so only the integer part of CLDR's rules is
/// needed. A language without a rule here gets English's (<c>one</c> for exactly 1, else <c>other</c>), right for
/// most Germanic languages; a translation into a language whose rule differs (French counts 0 as <c>one</c>, Polish
/// has <c>few</c>) adds its rule here along with its text file.
/// </remarks>
internal static class PluralRules
{
    /// <summary>Returns the plural category of <paramref name="count"/> in <paramref name="language"/> (a tag such as <c>ar-EG</c>).</summary>
    internal static string Category(string language, long count)
    {
        // The category depends on the magnitude only (that of long.MinValue fits a ulong).
        ulong n = count < 0 ? (ulong)-(count + 1) + 1 : (ulong)count;
        return PrimaryLanguage(language) switch
        {
            "ar" => n switch
            {
                0 => "zero",
                1 => "one",
                2 => "two",
                _ => (n % 100) switch
                {
                    >= 3 and <= 10 => "few",
                    >= 11 => "many",
                    _ => "other",
                },
            },
            _ => n == 1 ? "one" : "other",
        };
    }

    private static string PrimaryLanguage(string language)
    {
        int dash = language.AsSpan().IndexOfAny('-', '_');
        return (dash < 0 ? language : language[..dash]).ToLowerInvariant();
    }
}
