namespace ChannelMetrics.Metrics;

/// <summary>One period of a <see cref="MetricSeries"/>: the period and its value, <see langword="null"/> when unknown.</summary>
/// <param name="Period">The reporting period.</param>
/// <param name="Value">The value, or <see langword="null"/> when unknown (a gap, not a zero).</param>
public readonly record struct MetricPoint(Period Period, double? Value);
