namespace ChannelMetrics.Funnel;

/// <summary>A number a <see cref="FunnelTable"/> can report per period: a count or a conversion rate.</summary>
public enum FunnelMetric
{
    /// <summary>The number of visits.</summary>
    Visits = 0,

    /// <summary>The number of leads.</summary>
    Leads = 1,

    /// <summary>The number of customers.</summary>
    Customers = 2,

    /// <summary>Leads divided by visits.</summary>
    VisitToLead = 3,

    /// <summary>Customers divided by leads.</summary>
    LeadToCustomer = 4,

    /// <summary>Customers divided by visits.</summary>
    VisitToCustomer = 5,
}
