using System.Globalization;
using ChannelMetrics.Decisions;
using ChannelMetrics.Metrics;
using ChannelMetrics.Reporting;
using ChannelMetrics.Tests.Reporting;
using ChannelMetrics.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelMetrics.Tests.DependencyInjection;

public sealed class AddChannelMetricsTests
{
    /// <summary>A clock stopped at a given instant.</summary>
    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    private static ServiceProvider Build(IServiceCollection services) =>
        services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

    [Test]
    public void AddChannelMetrics_RegistersEveryServiceAsASingleton()
    {
        using var provider = Build(new ServiceCollection().AddChannelMetrics());
        var engine = provider.GetRequiredService<DecisionEngine>();
        var markdown = provider.GetRequiredService<MarkdownReportWriter>();

        Assert.Multiple(() =>
        {
            Assert.That(provider.GetRequiredService<SourceResolver>(), Is.SameAs(SourceResolver.Default));
            Assert.That(provider.GetRequiredService<ChannelGrouping>(), Is.SameAs(ChannelGrouping.Default));
            Assert.That(provider.GetRequiredService<DecisionEngine>(), Is.SameAs(engine));
            Assert.That(provider.GetRequiredService<TimeProvider>(), Is.SameAs(TimeProvider.System));
            Assert.That(provider.GetRequiredService<MarkdownReportWriter>(), Is.SameAs(markdown));
            Assert.That(provider.GetServices<ReportWriter>().Select(w => w.Format), Is.EqualTo(new[] { ReportFormat.Json, ReportFormat.Markdown, ReportFormat.Csv }));
            Assert.That(provider.GetServices<ReportWriter>().First(), Is.SameAs(provider.GetRequiredService<JsonReportWriter>()));
        });
        foreach (var descriptor in new ServiceCollection().AddChannelMetrics())
        {
            Assert.That(descriptor.Lifetime, Is.EqualTo(ServiceLifetime.Singleton), descriptor.ServiceType.Name);
        }
    }

    [Test]
    public void AddChannelMetrics_SecondCall_ChangesNothing()
    {
        var services = new ServiceCollection().AddChannelMetrics(b => b.Policy = DecisionPolicy.Default with { MinimumPeriods = 2 });
        var before = services.Select(d => (d.ServiceType, d.ImplementationType, d.ImplementationInstance, d.ImplementationFactory)).ToList();

        services.AddChannelMetrics(b => b.Policy = DecisionPolicy.Default with { MinimumPeriods = 5 });

        Assert.That(services.Select(d => (d.ServiceType, d.ImplementationType, d.ImplementationInstance, d.ImplementationFactory)), Is.EqualTo(before));
        using var provider = Build(services);
        Assert.That(provider.GetRequiredService<DecisionEngine>().Policy.MinimumPeriods, Is.EqualTo(2));
        Assert.That(provider.GetServices<ReportWriter>().Count(), Is.EqualTo(3));
    }

    [Test]
    public void AddChannelMetrics_TakesTimeProviderFromTheContainer()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new StoppedClock(new DateTimeOffset(2026, 11, 15, 12, 0, 0, TimeSpan.Zero)));
        using var provider = Build(services.AddChannelMetrics());

        var report = provider.GetRequiredService<DecisionEngine>().Evaluate(
            DecisionSamples.Funnel(), Array.Empty<ChannelSnapshot>(), DecisionSamples.Goals(), DecisionSamples.Experiments());

        Assert.That(report.EvaluationDate, Is.EqualTo(new DateOnly(2026, 11, 15)));
        Assert.That(report.EvaluationPeriod, Is.EqualTo(Period.Month(2026, 10)));
    }

    [Test]
    public void AddChannelMetrics_InvalidConfiguration_ThrowsWhenTheEngineIsBuiltNamingTheSetting()
    {
        var services = new ServiceCollection().AddChannelMetrics(b => b.Policy = DecisionPolicy.Default with { MinimumPeriods = 0, TrendPeriods = 2 });
        using var provider = Build(services);

        Assert.That(provider.GetRequiredService<SourceResolver>(), Is.Not.Null, "other services still resolve");
        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<DecisionEngine>())!;
        Assert.That(error.Message, Does.Contain("AddChannelMetrics").And.Contain("Policy.MinimumPeriods").And.Contain("Policy.TrendPeriods"));
        Assert.That(error.InnerException, Is.InstanceOf<InvalidOperationException>());
    }

    [Test]
    public void AddChannelMetrics_KeepsServicesRegisteredBefore()
    {
        var arabic = ReportOptions.Default with { Culture = CultureInfo.GetCultureInfo("ar") };
        var resolver = SourceResolver.Default.ToBuilder().AddAlias("fbk", "Facebook").Build();
        var services = new ServiceCollection();
        services.AddSingleton(arabic);
        services.AddSingleton(resolver);
        using var provider = Build(services.AddChannelMetrics());

        Assert.That(provider.GetRequiredService<SourceResolver>(), Is.SameAs(resolver));
        Assert.That(provider.GetRequiredService<MarkdownReportWriter>().Options, Is.SameAs(arabic));
        Assert.That(provider.GetRequiredService<MarkdownReportWriter>().WriteToString(ReportSamples.Plain()), Does.StartWith("<div dir=\"rtl\">"));
    }

    [Test]
    public void AddChannelMetrics_Chains()
    {
        var services = new ServiceCollection();

        Assert.That(services.AddChannelMetrics(), Is.SameAs(services));
        Assert.That(() => ChannelMetricsServiceCollectionExtensions.AddChannelMetrics(null!), Throws.ArgumentNullException);
    }
}
