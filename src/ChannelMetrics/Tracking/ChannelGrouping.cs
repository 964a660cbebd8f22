using System.Buffers;

namespace ChannelMetrics.Tracking;

/// <summary>GA4's default channel group: the rules, in GA4's order, over GA4's source categories.</summary>
/// <remarks>
/// <para>
/// The rules (GA4 help, "[GA4] Default channel group", manual traffic), first match wins, case-insensitive:
/// Direct; Cross-network (campaign contains <c>cross-network</c>); Paid Shopping ((shopping site or campaign
/// matching <c>^(.*(([^a-df-z]|^)shop|shopping).*)$</c>) and paid medium); Paid Search, Paid Social, Paid Video
/// (search, social, video site and paid medium); Display (medium display, banner, expandable, interstitial,
/// cpm); Paid Other (paid medium); Organic Shopping; Organic Social (social site or medium social,
/// social-network, social-media, sm, social network, social media); Organic Video (video site or medium
/// matching <c>^(.*video.*)$</c>); Organic Search (search site or medium organic); Referral (medium referral,
/// app, link); Email; Affiliates; Audio; SMS; Mobile Push Notifications; else Unassigned. A paid medium
/// matches <c>^(.*cp.*|ppc|retargeting|paid.*)$</c>.
/// </para>
/// <para>
/// The regular expressions are implemented by hand with their exact semantics (including that <c>.</c>
/// does not match a newline), so matching is linear in the input and cannot backtrack. Classification
/// allocates nothing. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class ChannelGrouping
{
    private const int StackBufferSize = 256;
    private static readonly Lazy<ChannelGrouping> s_default = new(() => new ChannelGrouping(SourceCategories.Default));

    private ChannelGrouping(SourceCategories categories) => Categories = categories;

    /// <summary>GA4's rules over <see cref="SourceCategories.Default"/> (GA4's list with the gaps closed).</summary>
    public static ChannelGrouping Default => s_default.Value;

    /// <summary>The source categories the rules use.</summary>
    public SourceCategories Categories { get; }

    /// <summary>GA4's rules over other source categories (for example <see cref="SourceCategories.Ga4"/>).</summary>
    /// <param name="categories">The source categories.</param>
    /// <returns>The grouping.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="categories"/> is null.</exception>
    public static ChannelGrouping Create(SourceCategories categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        return new ChannelGrouping(categories);
    }

    /// <summary>Classifies a visit by its tags and, when it has no tags, its referrer.</summary>
    /// <param name="tags">The visit's UTM tags and click ids.</param>
    /// <param name="referrer">The referrer URL or host, if any; used only when the tags set no source, medium or campaign.</param>
    /// <returns>The default channel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tags"/> is null.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads", Justification = "The UtmTags overload is the documented entry point; the span overloads are the allocation-free path.")]
    public DefaultChannel Classify(UtmTags tags, string? referrer = null)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return Classify(tags.Source, tags.Medium, tags.Campaign, tags.ClickIds.Kinds, referrer);
    }

    /// <summary>Classifies a visit read by the allocation-free path; allocates nothing.</summary>
    /// <param name="values">The values from <see cref="UtmParser.ParseInterned"/>.</param>
    /// <param name="referrer">The referrer URL or host, or empty.</param>
    /// <returns>The default channel.</returns>
    public DefaultChannel Classify(UtmValues values, ReadOnlySpan<char> referrer) =>
        Classify(values.Source, values.Medium, values.Campaign, values.ClickIds, referrer);

    /// <summary>Classifies a visit by its source, medium and campaign; allocates nothing.</summary>
    /// <param name="source"><c>utm_source</c>, or null.</param>
    /// <param name="medium"><c>utm_medium</c>, or null.</param>
    /// <param name="campaign"><c>utm_campaign</c>, or null.</param>
    /// <param name="clickIds">The click ids present.</param>
    /// <param name="referrer">The referrer URL or host, or empty; used only when source, medium and campaign are all null.</param>
    /// <returns>The default channel.</returns>
    public DefaultChannel Classify(string? source, string? medium, string? campaign, ClickIdKinds clickIds, ReadOnlySpan<char> referrer)
    {
        char[]? rented = null;
        Span<char> buffer = referrer.Length <= StackBufferSize
            ? stackalloc char[Math.Max(referrer.Length, 1)]
            : (rented = ArrayPool<char>.Shared.Rent(referrer.Length));
        var view = TrafficView.Create(source, medium, campaign, clickIds, referrer, Categories, buffer);
        DefaultChannel channel = Classify(view);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return channel;
    }

    internal static DefaultChannel Classify(in TrafficView view)
    {
        ReadOnlySpan<char> source = view.Source;
        ReadOnlySpan<char> medium = view.Medium;
        ReadOnlySpan<char> campaign = view.Campaign;
        SourceCategory category = view.Category;

        if (Is(source, "(direct)") && (Is(medium, "(not set)") || Is(medium, "(none)")))
        {
            return DefaultChannel.Direct;
        }

        if (campaign.Contains("cross-network", StringComparison.OrdinalIgnoreCase))
        {
            return DefaultChannel.CrossNetwork;
        }

        bool paid = Ga4Patterns.IsPaidMedium(medium);
        bool shopping = category == SourceCategory.Shopping || Ga4Patterns.IsShoppingCampaign(campaign);
        if (paid)
        {
            if (shopping)
            {
                return DefaultChannel.PaidShopping;
            }

            switch (category)
            {
                case SourceCategory.Search: return DefaultChannel.PaidSearch;
                case SourceCategory.Social: return DefaultChannel.PaidSocial;
                case SourceCategory.Video: return DefaultChannel.PaidVideo;
            }
        }

        if (Is(medium, "display") || Is(medium, "banner") || Is(medium, "expandable") || Is(medium, "interstitial") || Is(medium, "cpm"))
        {
            return DefaultChannel.Display;
        }

        if (paid)
        {
            return DefaultChannel.PaidOther;
        }

        if (shopping)
        {
            return DefaultChannel.OrganicShopping;
        }

        if (category == SourceCategory.Social || Is(medium, "social") || Is(medium, "social-network") || Is(medium, "social-media") ||
            Is(medium, "sm") || Is(medium, "social network") || Is(medium, "social media"))
        {
            return DefaultChannel.OrganicSocial;
        }

        if (category == SourceCategory.Video || Ga4Patterns.IsVideoMedium(medium))
        {
            return DefaultChannel.OrganicVideo;
        }

        if (category == SourceCategory.Search || Is(medium, "organic"))
        {
            return DefaultChannel.OrganicSearch;
        }

        if (Is(medium, "referral") || Is(medium, "app") || Is(medium, "link"))
        {
            return DefaultChannel.Referral;
        }

        if (Ga4Patterns.IsEmail(source) || Ga4Patterns.IsEmail(medium))
        {
            return DefaultChannel.Email;
        }

        if (Is(medium, "affiliate"))
        {
            return DefaultChannel.Affiliates;
        }

        if (Is(medium, "audio"))
        {
            return DefaultChannel.Audio;
        }

        if (Is(source, "sms") || Is(medium, "sms"))
        {
            return DefaultChannel.Sms;
        }

        if (medium.EndsWith("push", StringComparison.OrdinalIgnoreCase) || medium.Contains("mobile", StringComparison.OrdinalIgnoreCase) ||
            medium.Contains("notification", StringComparison.OrdinalIgnoreCase) || Is(source, "firebase"))
        {
            return DefaultChannel.MobilePushNotifications;
        }

        return DefaultChannel.Unassigned;
    }

    private static bool Is(ReadOnlySpan<char> value, string expected) => value.Equals(expected, StringComparison.OrdinalIgnoreCase);
}

/// <summary>GA4's regular expressions, implemented by hand with RE2's semantics ('.' does not match '\n'), case-insensitive.</summary>
internal static class Ga4Patterns
{
    /// <summary><c>^(.*cp.*|ppc|retargeting|paid.*)$</c>.</summary>
    public static bool IsPaidMedium(ReadOnlySpan<char> medium)
    {
        if (medium.Equals("ppc", StringComparison.OrdinalIgnoreCase) || medium.Equals("retargeting", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (medium.Contains('\n'))
        {
            return false;
        }

        return medium.Contains("cp", StringComparison.OrdinalIgnoreCase) || medium.StartsWith("paid", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary><c>^(.*(([^a-df-z]|^)shop|shopping).*)$</c>: "shop" at the start or after anything but a letter other than 'e', or "shopping" anywhere.</summary>
    public static bool IsShoppingCampaign(ReadOnlySpan<char> campaign)
    {
        if (campaign.Contains('\n'))
        {
            return false;
        }

        if (campaign.Contains("shopping", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        int offset = 0;
        ReadOnlySpan<char> rest = campaign;
        for (int at = rest.IndexOf("shop", StringComparison.OrdinalIgnoreCase); at >= 0; at = rest.IndexOf("shop", StringComparison.OrdinalIgnoreCase))
        {
            int index = offset + at;
            if (index == 0)
            {
                return true;
            }

            char before = campaign[index - 1];
            char lower = (char)(before | 0x20);
            bool excludedLetter = char.IsAsciiLetter(before) && lower != 'e';
            if (!excludedLetter)
            {
                return true;
            }

            offset = index + 1;
            rest = campaign[offset..];
        }

        return false;
    }

    /// <summary><c>^(.*video.*)$</c>.</summary>
    public static bool IsVideoMedium(ReadOnlySpan<char> medium) =>
        !medium.Contains('\n') && medium.Contains("video", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>email|e-mail|e_mail|e mail</c>, as a whole value.</summary>
    public static bool IsEmail(ReadOnlySpan<char> value) =>
        value.Equals("email", StringComparison.OrdinalIgnoreCase) || value.Equals("e-mail", StringComparison.OrdinalIgnoreCase) ||
        value.Equals("e_mail", StringComparison.OrdinalIgnoreCase) || value.Equals("e mail", StringComparison.OrdinalIgnoreCase);
}
