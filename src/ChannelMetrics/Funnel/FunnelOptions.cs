using ChannelMetrics.Tracking;

namespace ChannelMetrics.Funnel;

/// <summary>How a <see cref="FunnelAggregator"/> buckets, attributes and groups funnel events.</summary>
/// <remarks>
/// The options are validated when an aggregator is created; a bad value throws an
/// <see cref="ArgumentException"/> naming the property.
/// </remarks>
public sealed record FunnelOptions
{
    /// <summary>Gets the default options: monthly periods in UTC, last non-direct touch, grouped by network and campaign.</summary>
    public static FunnelOptions Default { get; } = new();

    /// <summary>Gets the period length rows are bucketed by.</summary>
    /// <value>Default <see cref="PeriodGranularity.Month"/>.</value>
    public PeriodGranularity Granularity { get; init; } = PeriodGranularity.Month;

    /// <summary>Gets the reporting time zone: an event belongs to the period of its local date in this zone.</summary>
    /// <value>Default <see cref="TimeZoneInfo.Utc"/>.</value>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Gets which visit gets the credit for a visitor's leads and customers.</summary>
    /// <value>
    /// Default <see cref="AttributionModel.LastNonDirectTouch"/>, GA4's default: a visitor who comes back by
    /// typing the address is still credited to the network that brought them. Use
    /// <see cref="AttributionModel.FirstTouch"/> for HubSpot's "original source" view.
    /// </value>
    public AttributionModel Attribution { get; init; } = AttributionModel.LastNonDirectTouch;

    /// <summary>Gets the dimensions rows are grouped by, besides the period. Must include <see cref="FunnelDimensions.Network"/>.</summary>
    /// <value>Default <see cref="FunnelDimensions.Network"/> | <see cref="FunnelDimensions.Campaign"/>.</value>
    public FunnelDimensions Dimensions { get; init; } = FunnelDimensions.Network | FunnelDimensions.Campaign;

    /// <summary>
    /// Gets how many distinct campaigns a network keeps in a table; the rest (those with the fewest events)
    /// fold into <c>(other)</c>, and the table reports how many were folded.
    /// </summary>
    /// <value>Default 5,000. At least 1.</value>
    /// <remarks>
    /// The fold is decided when the table is built, by total events, so it does not depend on input order; campaigns
    /// without events take no place, and <c>(other)</c> is kept besides the largest ones. To bound memory on hostile
    /// input, the aggregator itself stops creating new campaigns for a network once it holds 16 × this many of them;
    /// later new campaigns of that network go straight to <c>(other)</c> in the order they arrive (and are counted as
    /// folded), so only beyond that many can the fold depend on input order.
    /// </remarks>
    public int MaxCampaignsPerNetwork { get; init; } = 5_000;

    /// <summary>Gets the two-sided confidence level of the rates' Wilson intervals.</summary>
    /// <value>Default 0.95. Strictly between 0 and 1.</value>
    public double Confidence { get; init; } = 0.95;

    /// <summary>Gets the resolver that maps sources and referrers to networks.</summary>
    /// <value>Default <see langword="null"/>: <see cref="SourceResolver.Default"/>.</value>
    public SourceResolver? SourceResolver { get; init; }

    /// <summary>Gets the channel grouping that classifies touches (GA4 default channel groups).</summary>
    /// <value>Default <see langword="null"/>: <see cref="ChannelGrouping.Default"/>.</value>
    public ChannelGrouping? ChannelGrouping { get; init; }

    internal void Validate()
    {
        if (!Enum.IsDefined(Granularity))
        {
            throw new ArgumentException($"Unknown period granularity {Granularity}.", nameof(Granularity));
        }

        if (TimeZone is null)
        {
            throw new ArgumentException("A time zone is required.", nameof(TimeZone));
        }

        if (!Enum.IsDefined(Attribution))
        {
            throw new ArgumentException($"Unknown attribution model {Attribution}.", nameof(Attribution));
        }

        const FunnelDimensions All = FunnelDimensions.Network | FunnelDimensions.ChannelGroup | FunnelDimensions.Medium
            | FunnelDimensions.Campaign | FunnelDimensions.Content;
        if ((Dimensions & FunnelDimensions.Network) == 0 || (Dimensions & ~All) != 0)
        {
            throw new ArgumentException($"Dimensions must include Network and only defined flags; got {Dimensions}.", nameof(Dimensions));
        }

        if (MaxCampaignsPerNetwork < 1)
        {
            throw new ArgumentException($"MaxCampaignsPerNetwork must be at least 1; got {MaxCampaignsPerNetwork}.", nameof(MaxCampaignsPerNetwork));
        }

        if (!(Confidence > 0 && Confidence < 1))
        {
            throw new ArgumentException($"Confidence must be strictly between 0 and 1; got {Confidence}.", nameof(Confidence));
        }
    }
}
