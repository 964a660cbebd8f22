using System.Globalization;

namespace ChannelMetrics.Reporting;

/// <summary>What the report writers write and in which language and culture.</summary>
/// <remarks>
/// <para>
/// <see cref="Culture"/> formats numbers and dates in Markdown and, unless <see cref="Language"/> is set, also picks the
/// language of the report text: a specific culture such as <c>ar-EG</c> falls back to its language <c>ar</c> and then
/// to English. JSON and CSV are machine formats: they always use invariant numbers and <see cref="Period"/> text forms
/// (<c>2026-03</c>), whatever the culture.
/// </para>
/// <para>
/// Languages provided (<see cref="AvailableLanguages"/>): English (<c>en</c>, also used for the invariant culture and
/// any language without a text file) and Arabic (<c>ar</c>). An application running with
/// <c>InvariantGlobalization</c> cannot create an Arabic <see cref="CultureInfo"/>; it sets
/// <c>Language = "ar"</c> and gets Arabic text with invariant numbers.
/// </para>
/// <para>Immutable; derive variants with <see langword="with"/>.</para>
/// </remarks>
public sealed record ReportOptions
{
    private readonly CultureInfo _culture = CultureInfo.InvariantCulture;
    private readonly int _maxEvidencePerNetwork = 5;

    /// <summary>Gets the default options: invariant culture (English text), campaigns included, five evidence sentences per network, CSV formula protection on.</summary>
    public static ReportOptions Default { get; } = new();

    /// <summary>Gets the culture of the report text, numbers and dates (Markdown only).</summary>
    /// <value>Defaults to <see cref="CultureInfo.InvariantCulture"/>, which writes English.</value>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public CultureInfo Culture
    {
        get => _culture;
        // A read-only copy: a caller's `new CultureInfo("de-DE")` changed later must not change what this writes.
        init => _culture = CultureInfo.ReadOnly(value ?? throw new ArgumentNullException(nameof(value), "ReportOptions.Culture cannot be null; use CultureInfo.InvariantCulture for English."));
    }

    /// <summary>Gets the languages the report text is available in, English first (<c>en</c>, <c>ar</c>).</summary>
    public static IReadOnlyList<string> AvailableLanguages => ReportText.AvailableLanguages;

    /// <summary>
    /// Gets the language of the report text as a BCP 47 tag (<c>ar</c>, <c>ar-EG</c>, <c>en</c>), or
    /// <see langword="null"/> to use the name of <see cref="Culture"/>. Only Markdown has text to translate: JSON and
    /// CSV carry codes and invariant values, the same in every language.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>. A tag without a text file falls back to its parent language, then to English.</value>
    public string? Language { get; init; }

    /// <summary>Gets whether Markdown and CSV reports include the campaigns of each network (when the data is grouped by campaign).</summary>
    /// <value>Defaults to <see langword="true"/>. JSON always carries the campaigns, so that it reads back whole.</value>
    public bool IncludeCampaigns { get; init; } = true;

    /// <summary>Gets how many evidence sentences a Markdown decision report shows per network and per campaign: the last ones of the engine's list, which ends with the deciding one.</summary>
    /// <value>Defaults to 5. JSON and CSV always carry all the evidence.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MaxEvidencePerNetwork
    {
        get => _maxEvidencePerNetwork;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(MaxEvidencePerNetwork));
            _maxEvidencePerNetwork = value;
        }
    }

    /// <summary>
    /// Gets whether CSV text cells that a spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>,
    /// <c>-</c>, <c>@</c>, a tab or a carriage return, after any leading spaces) are prefixed with an apostrophe.
    /// </summary>
    /// <value>
    /// Defaults to <see langword="true"/>: campaign names come from <c>utm_campaign</c>, which anyone can put in a link,
    /// and the CSV is meant to be opened in a spreadsheet (OWASP "CSV injection"). Turn it off when the CSV only feeds
    /// other programs and must carry the names byte for byte. Numbers are never prefixed.
    /// </value>
    public bool ProtectCsvFormulas { get; init; } = true;
}
