namespace ChannelMetrics.Metrics;

/// <summary>A cost metric of a network per period (see <see cref="ChannelSnapshot"/> for the formulas).</summary>
public enum CostMetric
{
    /// <summary>Spend, plus hours × the hourly rate when one is set.</summary>
    Cost = 0,

    /// <summary>Cost / visits from the funnel.</summary>
    CostPerVisit = 1,

    /// <summary>Cost / leads from the funnel.</summary>
    CostPerLead = 2,

    /// <summary>Cost / customers from the funnel.</summary>
    CostPerCustomer = 3,

    /// <summary>(Revenue − cost) / cost.</summary>
    Roi = 4,
}
