namespace ChannelMetrics.Funnel;

/// <summary>One point of a <see cref="FunnelSeries"/>.</summary>
/// <param name="Period">The period.</param>
/// <param name="Value">
/// The metric's value: a count (0 when nothing happened in the period), or a rate's value, which is
/// <see langword="null"/> when the rate is undefined (no trials in the period).
/// </param>
public readonly record struct FunnelSeriesPoint(Period Period, double? Value);

/// <summary>
/// A metric over every period of a <see cref="FunnelTable"/>, from its first to its last period with
/// no period skipped, for all networks, one network, or one campaign within a network.
/// </summary>
public sealed class FunnelSeries
{
    internal FunnelSeries(FunnelMetric metric, string? network, string? campaign, FunnelSeriesPoint[] points)
    {
        Metric = metric;
        Network = network;
        Campaign = campaign;
        Points = points;
    }

    /// <summary>Gets the metric.</summary>
    public FunnelMetric Metric { get; }

    /// <summary>Gets the network, or <see langword="null"/> for all networks together.</summary>
    public string? Network { get; }

    /// <summary>Gets the campaign, or <see langword="null"/> for all campaigns together.</summary>
    public string? Campaign { get; }

    /// <summary>Gets the points, one per period, in period order.</summary>
    public IReadOnlyList<FunnelSeriesPoint> Points { get; }

    /// <summary>Gets whether every point has a value (no undefined rate).</summary>
    public bool IsComplete
    {
        get
        {
            foreach (var point in Points)
            {
                if (point.Value is null)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
