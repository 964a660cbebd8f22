namespace ChannelMetrics.Funnel;

/// <summary>The dimensions a <see cref="FunnelTable"/> groups its rows by, besides the period.</summary>
/// <remarks><see cref="Network"/> is required: a funnel row always belongs to a network.</remarks>
[Flags]
public enum FunnelDimensions
{
    /// <summary>No dimension; not valid on its own, because <see cref="Network"/> is required.</summary>
    None = 0,

    /// <summary>The canonical network name (from the source resolver); always present.</summary>
    Network = 1,

    /// <summary>The GA4 default channel group (Paid Social, Organic Social, …).</summary>
    ChannelGroup = 2,

    /// <summary>The <c>utm_medium</c> value.</summary>
    Medium = 4,

    /// <summary>The <c>utm_campaign</c> value.</summary>
    Campaign = 8,

    /// <summary>The <c>utm_content</c> value.</summary>
    Content = 16,
}
