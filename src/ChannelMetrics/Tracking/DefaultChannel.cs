namespace ChannelMetrics.Tracking;

/// <summary>GA4's default channel groups, in the order GA4 evaluates its rules.</summary>
public enum DefaultChannel
{
    /// <summary>Direct: source <c>(direct)</c> and medium <c>(not set)</c> or <c>(none)</c>.</summary>
    Direct = 0,

    /// <summary>Cross-network: the campaign name contains <c>cross-network</c>.</summary>
    CrossNetwork = 1,

    /// <summary>Paid Shopping: a shopping site or shopping campaign, with a paid medium.</summary>
    PaidShopping = 2,

    /// <summary>Paid Search: a search site with a paid medium.</summary>
    PaidSearch = 3,

    /// <summary>Paid Social: a social site with a paid medium.</summary>
    PaidSocial = 4,

    /// <summary>Paid Video: a video site with a paid medium.</summary>
    PaidVideo = 5,

    /// <summary>Display: medium display, banner, expandable, interstitial or cpm.</summary>
    Display = 6,

    /// <summary>Paid Other: any other paid medium.</summary>
    PaidOther = 7,

    /// <summary>Organic Shopping: a shopping site or shopping campaign.</summary>
    OrganicShopping = 8,

    /// <summary>Organic Social: a social site or a social medium.</summary>
    OrganicSocial = 9,

    /// <summary>Organic Video: a video site or a medium containing <c>video</c>.</summary>
    OrganicVideo = 10,

    /// <summary>Organic Search: a search site or medium <c>organic</c>.</summary>
    OrganicSearch = 11,

    /// <summary>Referral: medium referral, app or link.</summary>
    Referral = 12,

    /// <summary>Email: source or medium email, e-mail, e_mail or e mail.</summary>
    Email = 13,

    /// <summary>Affiliates: medium affiliate.</summary>
    Affiliates = 14,

    /// <summary>Audio: medium audio.</summary>
    Audio = 15,

    /// <summary>SMS: source or medium sms.</summary>
    Sms = 16,

    /// <summary>Mobile Push Notifications: medium ending in push or containing mobile or notification, or source firebase.</summary>
    MobilePushNotifications = 17,

    /// <summary>Unassigned: no rule matched.</summary>
    Unassigned = 18,
}

/// <summary>Names of <see cref="DefaultChannel"/> values as GA4 shows them.</summary>
public static class DefaultChannelExtensions
{
    private static readonly string[] s_names =
    [
        "Direct", "Cross-network", "Paid Shopping", "Paid Search", "Paid Social", "Paid Video", "Display", "Paid Other",
        "Organic Shopping", "Organic Social", "Organic Video", "Organic Search", "Referral", "Email", "Affiliates", "Audio",
        "SMS", "Mobile Push Notifications", "Unassigned",
    ];

    /// <summary>The channel's name as GA4 shows it, for example <c>Paid Social</c>.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channel"/> is not defined.</exception>
    public static string ToDisplayName(this DefaultChannel channel) =>
        (uint)channel < (uint)s_names.Length
            ? s_names[(int)channel]
            : throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown channel.");
}
