using System.Globalization;

namespace ChannelMetrics.Funnel;

/// <summary>Funnel totals of one network (or one campaign within a network) over a range of periods.</summary>
public sealed class FunnelSummary
{
    internal FunnelSummary(string network, string? campaign, long visits, long leads, long customers, double confidence)
    {
        Network = network;
        Campaign = campaign;
        Visits = visits;
        Leads = leads;
        Customers = customers;
        Confidence = confidence;
    }

    /// <summary>Gets the network name.</summary>
    public string Network { get; }

    /// <summary>Gets the campaign, or <see langword="null"/> for a network total.</summary>
    public string? Campaign { get; }

    /// <summary>Gets the number of visits.</summary>
    public long Visits { get; }

    /// <summary>Gets the number of leads.</summary>
    public long Leads { get; }

    /// <summary>Gets the number of customers.</summary>
    public long Customers { get; }

    /// <summary>Gets the confidence level of the rates' intervals.</summary>
    public double Confidence { get; }

    /// <summary>Gets leads out of visits.</summary>
    public Rate VisitToLead => Rate.Of(Leads, Visits, Confidence);

    /// <summary>Gets customers out of leads.</summary>
    public Rate LeadToCustomer => Rate.Of(Customers, Leads, Confidence);

    /// <summary>Gets customers out of visits.</summary>
    public Rate VisitToCustomer => Rate.Of(Customers, Visits, Confidence);

    /// <summary>Returns the summary as text.</summary>
    /// <returns>The invariant-culture text form.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0}{1}: {2} visits, {3} leads, {4} customers",
        Network,
        Campaign is null ? string.Empty : "/" + Campaign,
        Visits,
        Leads,
        Customers);
}
