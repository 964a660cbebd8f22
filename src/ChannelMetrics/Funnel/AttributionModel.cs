namespace ChannelMetrics.Funnel;

/// <summary>Which of a visitor's visits gets the credit for that visitor's leads and customers.</summary>
/// <remarks>
/// Only visits at or before the conversion's timestamp are candidates, whatever order the events
/// arrive in. A conversion with no candidate (no visitor id, a visitor never seen, or a visitor
/// whose visits all come later) is attributed by its own tags, and by <c>(direct)</c> when it has none.
/// </remarks>
public enum AttributionModel
{
    /// <summary>The visitor's earliest visit: the network that first brought them (HubSpot's "original source").</summary>
    FirstTouch = 0,

    /// <summary>The visitor's latest visit at or before the conversion, direct visits included.</summary>
    LastTouch = 1,

    /// <summary>
    /// The visitor's latest non-direct visit at or before the conversion (GA4's default); a visitor whose
    /// candidate visits are all direct is attributed to <c>(direct)</c>.
    /// </summary>
    LastNonDirectTouch = 2,
}
