namespace ChannelMetrics.Tracking;

/// <summary>
/// A visit's source, medium and campaign as GA4 would report them, derived from its tags and referrer,
/// plus the source's category and the click ids present. Spans point into the inputs or a caller buffer.
/// </summary>
internal readonly ref struct TrafficView
{
    public const string NotSet = "(not set)";
    public const string DirectSource = "(direct)";
    private const string NoneMedium = "(none)";

    public TrafficView(ReadOnlySpan<char> source, ReadOnlySpan<char> medium, ReadOnlySpan<char> campaign, SourceCategory category, ClickIdKinds clickIds)
    {
        Source = source;
        Medium = medium;
        Campaign = campaign;
        Category = category;
        ClickIds = clickIds;
    }

    public ReadOnlySpan<char> Source { get; }

    public ReadOnlySpan<char> Medium { get; }

    public ReadOnlySpan<char> Campaign { get; }

    public SourceCategory Category { get; }

    public ClickIdKinds ClickIds { get; }

    /// <summary>
    /// Derives what GA4 reports: manual tags when any of source, medium or campaign is set; else Google Ads
    /// auto-tagging (gclid, gbraid, wbraid: google / cpc) or Campaign Manager (dclid: dfa / cpm); else the
    /// referrer (search sites: organic; others: referral); else (direct) / (none).
    /// </summary>
    /// The buffer holds the normalised referrer host and must be at least as long as the referrer.
    public static TrafficView Create(
        string? source, string? medium, string? campaign, ClickIdKinds clickIds, ReadOnlySpan<char> referrer, SourceCategories categories, Span<char> buffer)
    {
        if (source is not null || medium is not null || campaign is not null)
        {
            ReadOnlySpan<char> s = source ?? NotSet;
            return new TrafficView(s, medium ?? NotSet, campaign ?? NotSet, categories.GetCategory(s), clickIds);
        }

        if ((clickIds & (ClickIdKinds.Gclid | ClickIdKinds.Gbraid | ClickIdKinds.Wbraid)) != 0)
        {
            return new TrafficView("google", "cpc", NotSet, categories.GetCategory("google"), clickIds);
        }

        if ((clickIds & ClickIdKinds.Dclid) != 0)
        {
            return new TrafficView("dfa", "cpm", NotSet, categories.GetCategory("dfa"), clickIds);
        }

        if (!referrer.IsEmpty)
        {
            SourceForm form = SourceNormalizer.Normalize(referrer, buffer, out int length);
            if (form != SourceForm.Empty)
            {
                ReadOnlySpan<char> host = buffer[..length];
                SourceCategory category = categories.CategorizeHost(host, out Range matched);
                ReadOnlySpan<char> referrerSource = host[matched];
                return category == SourceCategory.Search
                    ? new TrafficView(referrerSource, "organic", "(organic)", category, clickIds)
                    : new TrafficView(referrerSource, "referral", "(referral)", category, clickIds);
            }
        }

        return new TrafficView(DirectSource, NoneMedium, DirectSource, SourceCategory.None, clickIds);
    }
}
