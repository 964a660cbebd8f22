namespace ChannelMetrics.Funnel;

/// <summary>The placeholder values the funnel uses where a dimension has no real value (GA4's spelling).</summary>
public static class FunnelLabels
{
    /// <summary>The network (and campaign) of a visit with neither tags nor referrer, or of a conversion nothing can be attributed to.</summary>
    public const string Direct = "(direct)";

    /// <summary>A dimension the touch did not carry, such as a missing <c>utm_campaign</c>.</summary>
    public const string NotSet = "(not set)";

    /// <summary>The medium of a direct visit.</summary>
    public const string None = "(none)";

    /// <summary>The campaign that collects the long tail folded by <see cref="FunnelOptions.MaxCampaignsPerNetwork"/>.</summary>
    public const string Other = "(other)";

    /// <summary>The network of a total over every network.</summary>
    public const string All = "(all)";
}
