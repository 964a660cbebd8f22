namespace ChannelMetrics.Funnel;

/// <summary>The stage a funnel event records: a visit, a lead (contact) or a customer.</summary>
public enum FunnelStage
{
    /// <summary>A visit (session) that arrived through a touch: a tagged link, a referrer, or nothing (direct).</summary>
    Visit = 0,

    /// <summary>A visitor became a lead (a contact, a sign-up, a form submission).</summary>
    Lead = 1,

    /// <summary>A visitor became a paying customer.</summary>
    Customer = 2,
}
