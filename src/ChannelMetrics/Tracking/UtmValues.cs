namespace ChannelMetrics.Tracking;

/// <summary>
/// What the allocation-free path (<see cref="UtmParser.ParseInterned"/>) reads from a landing URL: five UTM
/// values as interned strings and the kinds of click ids present.
/// </summary>
/// <param name="Source"><c>utm_source</c>, or null when absent or empty.</param>
/// <param name="Medium"><c>utm_medium</c>, or null.</param>
/// <param name="Campaign"><c>utm_campaign</c>, or null.</param>
/// <param name="Content"><c>utm_content</c>, or null.</param>
/// <param name="Term"><c>utm_term</c>, or null.</param>
/// <param name="ClickIds">The kinds of click ids present with a non-empty value.</param>
public readonly record struct UtmValues(string? Source, string? Medium, string? Campaign, string? Content, string? Term, ClickIdKinds ClickIds)
{
    /// <summary>True when at least one of the five UTM values is present.</summary>
    public bool HasUtm => Source is not null || Medium is not null || Campaign is not null || Content is not null || Term is not null;
}
