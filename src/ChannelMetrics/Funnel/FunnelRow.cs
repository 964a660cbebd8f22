using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ChannelMetrics.Funnel;

/// <summary>
/// One row of a <see cref="FunnelTable"/>: a period and the values of the table's dimensions, with the
/// visits, leads and customers attributed to them and the conversion rates between the stages.
/// </summary>
/// <remarks>
/// A dimension the table does not group by is <see langword="null"/>. Rates are computed when read
/// (a Wilson interval at the table's confidence), and are undefined rather than NaN when they cannot be
/// computed (see <see cref="Rate.Reason"/>). Rows are immutable and compare by value.
/// </remarks>
public sealed class FunnelRow : IEquatable<FunnelRow>
{
    internal FunnelRow(in RowKey key, long visits, long leads, long customers, double confidence)
    {
        Period = key.Period;
        Network = key.Network;
        ChannelGroup = key.ChannelGroup;
        Medium = key.Medium;
        Campaign = key.Campaign;
        Content = key.Content;
        Visits = visits;
        Leads = leads;
        Customers = customers;
        Confidence = confidence;
    }

    /// <summary>Gets the reporting period of the row.</summary>
    public Period Period { get; }

    /// <summary>Gets the canonical network name, <c>(direct)</c> or <c>(all)</c>.</summary>
    public string Network { get; }

    /// <summary>Gets the channel group, or <see langword="null"/> when the table does not group by it.</summary>
    public string? ChannelGroup { get; }

    /// <summary>Gets the medium, or <see langword="null"/> when the table does not group by it.</summary>
    public string? Medium { get; }

    /// <summary>Gets the campaign, or <see langword="null"/> when the table does not group by it.</summary>
    public string? Campaign { get; }

    /// <summary>Gets the content, or <see langword="null"/> when the table does not group by it.</summary>
    public string? Content { get; }

    /// <summary>Gets the number of visits in the period.</summary>
    public long Visits { get; }

    /// <summary>Gets the number of leads in the period attributed to these dimension values.</summary>
    public long Leads { get; }

    /// <summary>Gets the number of customers in the period attributed to these dimension values.</summary>
    public long Customers { get; }

    /// <summary>Gets the confidence level of the rates' intervals.</summary>
    public double Confidence { get; }

    /// <summary>Gets leads out of visits.</summary>
    public Rate VisitToLead => Rate.Of(Leads, Visits, Confidence);

    /// <summary>Gets customers out of leads.</summary>
    public Rate LeadToCustomer => Rate.Of(Customers, Leads, Confidence);

    /// <summary>Gets customers out of visits.</summary>
    public Rate VisitToCustomer => Rate.Of(Customers, Visits, Confidence);

    internal RowKey Key => new(Period, Network, ChannelGroup, Medium, Campaign, Content);

    /// <summary>Returns the value of a count metric, or the rate value of a rate metric (<see langword="null"/> when undefined).</summary>
    /// <param name="metric">The metric to read.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="metric"/> is not defined.</exception>
    public double? GetValue(FunnelMetric metric) => metric switch
    {
        FunnelMetric.Visits => Visits,
        FunnelMetric.Leads => Leads,
        FunnelMetric.Customers => Customers,
        FunnelMetric.VisitToLead => VisitToLead.Value,
        FunnelMetric.LeadToCustomer => LeadToCustomer.Value,
        FunnelMetric.VisitToCustomer => VisitToCustomer.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown funnel metric."),
    };

    /// <inheritdoc />
    public bool Equals([NotNullWhen(true)] FunnelRow? other) =>
        other is not null && RowKeyComparer.Instance.Equals(Key, other.Key)
        && string.Equals(Network, other.Network, StringComparison.Ordinal)
        && Visits == other.Visits && Leads == other.Leads && Customers == other.Customers
        && Confidence.Equals(other.Confidence);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as FunnelRow);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RowKeyComparer.Instance.GetHashCode(Key), Visits, Leads, Customers);

    /// <summary>Returns the row as text, for example <c>2026-03 Facebook/spring: 1200 visits, 30 leads, 4 customers</c>.</summary>
    /// <returns>The invariant-culture text form.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0} {1}{2}{3}{4}{5}: {6} visits, {7} leads, {8} customers",
        Period,
        Network,
        ChannelGroup is null ? string.Empty : "/" + ChannelGroup,
        Medium is null ? string.Empty : "/" + Medium,
        Campaign is null ? string.Empty : "/" + Campaign,
        Content is null ? string.Empty : "/" + Content,
        Visits,
        Leads,
        Customers);
}
