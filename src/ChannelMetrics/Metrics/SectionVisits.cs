namespace ChannelMetrics.Metrics;

/// <summary>
/// Visits a network brought to one section of the site in one period, for example the blog: the input of
/// <see cref="Goals.GoalMetric.SectionVisits"/> goals, counted by the caller from landing URLs.
/// </summary>
/// <param name="Period">The period.</param>
/// <param name="Network">The canonical network name.</param>
/// <param name="Section">The site section, for example "blog" (compared ignoring case).</param>
/// <param name="Visits">The visits, zero or more.</param>
public readonly record struct SectionVisits(Period Period, string Network, string Section, long Visits);
