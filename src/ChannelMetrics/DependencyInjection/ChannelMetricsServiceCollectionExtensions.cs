using ChannelMetrics.Decisions;
using ChannelMetrics.Reporting;
using ChannelMetrics.Tracking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChannelMetrics;

/// <summary>Registers ChannelMetrics in an <see cref="IServiceCollection"/>.</summary>
/// <remarks>
/// Lives in the <c>ChannelMetrics</c> namespace, not in <c>Microsoft.Extensions.DependencyInjection</c>: library
/// packages other than Microsoft's should not add to that namespace. The package depends only on
/// Microsoft.Extensions.DependencyInjection.Abstractions.
/// </remarks>
public static class ChannelMetricsServiceCollectionExtensions
{
    /// <summary>
    /// Registers, as singletons, the <see cref="SourceResolver"/>, the <see cref="ChannelGrouping"/>, a
    /// <see cref="DecisionEngine"/> built with <paramref name="configure"/>, and the report writers
    /// (<see cref="JsonReportWriter"/>, <see cref="MarkdownReportWriter"/>, <see cref="CsvReportWriter"/>, each also as a
    /// <see cref="ReportWriter"/> in an enumerable).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">
    /// Configures the engine's builder (its <see cref="DecisionEngineBuilder.Policy"/>); <see langword="null"/> keeps the
    /// defaults. It runs when the engine is first resolved, with <see cref="DecisionEngineBuilder.TimeProvider"/> already
    /// set from the container: once, unless the engine cannot be built, in which case each later resolution runs it again
    /// (and throws again).
    /// </param>
    /// <returns><paramref name="services"/>, to chain calls.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// <para>
    /// Every registration uses <c>TryAdd</c>: a service registered before this call (your own
    /// <see cref="TimeProvider"/>, a <see cref="SourceResolver"/> with extra aliases, a <see cref="ReportOptions"/> with
    /// an Arabic culture) is kept, and a second call changes nothing, including its <paramref name="configure"/>.
    /// <see cref="TimeProvider"/> defaults to <see cref="TimeProvider.System"/> and <see cref="ReportOptions"/> to
    /// <see cref="ReportOptions.Default"/>; the writers take their options from the container.
    /// </para>
    /// <para>
    /// An invalid configuration surfaces when the container first builds the engine: resolving
    /// <see cref="DecisionEngine"/> throws an <see cref="InvalidOperationException"/> naming every bad setting
    /// (for example <c>Policy.MinimumPeriods</c>). Resolve the engine at start-up to fail fast.
    /// </para>
    /// </remarks>
    public static IServiceCollection AddChannelMetrics(this IServiceCollection services, Action<DecisionEngineBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(ReportOptions.Default);

        // Factories, so the embedded tables load when first used rather than at registration.
        services.TryAddSingleton(static _ => SourceResolver.Default);
        services.TryAddSingleton(static _ => ChannelGrouping.Default);
        services.TryAddSingleton(provider => BuildEngine(provider, configure));

        services.TryAddSingleton(static provider => new JsonReportWriter(provider.GetRequiredService<ReportOptions>()));
        services.TryAddSingleton(static provider => new MarkdownReportWriter(provider.GetRequiredService<ReportOptions>()));
        services.TryAddSingleton(static provider => new CsvReportWriter(provider.GetRequiredService<ReportOptions>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ReportWriter, JsonReportWriter>(static provider => provider.GetRequiredService<JsonReportWriter>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ReportWriter, MarkdownReportWriter>(static provider => provider.GetRequiredService<MarkdownReportWriter>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ReportWriter, CsvReportWriter>(static provider => provider.GetRequiredService<CsvReportWriter>()));
        return services;
    }

    private static DecisionEngine BuildEngine(IServiceProvider provider, Action<DecisionEngineBuilder>? configure)
    {
        var builder = new DecisionEngineBuilder { TimeProvider = provider.GetRequiredService<TimeProvider>() };
        configure?.Invoke(builder);
        try
        {
            return builder.Build();
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException("AddChannelMetrics: the DecisionEngine configured in the container cannot be built. " + e.Message, e);
        }
    }
}
