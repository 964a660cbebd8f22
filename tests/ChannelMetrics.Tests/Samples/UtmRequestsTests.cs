using ChannelMetrics.Tracking;
using WebApi.Requests;

namespace ChannelMetrics.Tests.Samples;

public sealed class UtmRequestsTests
{
    [Test]
    public void Parse_MessyButReadableLink_ReturnsTagsNetworkAndWarnings()
    {
        var ok = UtmRequests.Parse("https://x.example/?UTM_SOURCE=fb&utm_medium=paid_social&fbclid=abc", null, SourceResolver.Default);

        Assert.That(ok.Problem, Is.Null);
        Assert.That((ok.Value!.Network, ok.Value.KnownNetwork, ok.Value.Tags.Source, ok.Value.Tags.Medium), Is.EqualTo(("Facebook", true, "fb", "paid_social")));
        Assert.That(ok.Value.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { UtmDiagnosticCode.UppercaseKey }));
        Assert.That(ok.Value.Tags.ClickIds.Contains(ClickIdKinds.Fbclid), Is.True);
    }

    [Test]
    public void Parse_UnknownSource_ComesBackNormalisedNotGuessed()
    {
        var ok = UtmRequests.Parse("?utm_source=Newsletter&utm_medium=email", "false", SourceResolver.Default);

        Assert.That(ok.Value!.KnownNetwork, Is.False);
        Assert.That(ok.Value.Network, Is.EqualTo("newsletter"));
    }

    [Test]
    public void Parse_LinkWithoutMedium_Is400WithDiagnosticsAndTags()
    {
        var problem = UtmRequests.Parse("https://x.example/?utm_source=linkedin&utm_campaign=group", null, SourceResolver.Default);

        Assert.That(problem.Value, Is.Null);
        Assert.That(problem.Problem, Does.Contain("see the diagnostics"));
        var diagnostics = problem.Extensions["diagnostics"] as IReadOnlyList<UtmDiagnostic>;
        Assert.That(diagnostics!.Select(d => d.Code), Does.Contain(UtmDiagnosticCode.MissingMedium));
        Assert.That((problem.Extensions["tags"] as UtmTags)!.Source, Is.EqualTo("linkedin"));
    }

    [TestCase(null, null, "'url' is required")]
    [TestCase("   ", null, "'url' is required")]
    [TestCase("?utm_source=fb&utm_medium=social", "maybe", "'lenient' must be true or false")]
    public void Parse_BadRequest_Is400SayingWhy(string? url, string? lenient, string expected)
    {
        var problem = UtmRequests.Parse(url, lenient, SourceResolver.Default);

        Assert.That(problem.Value, Is.Null);
        Assert.That(problem.Problem, Does.Contain(expected));
    }

    [Test]
    public void Parse_HugeInput_Is400NotWork()
    {
        string url = "?utm_source=" + new string('a', UtmRequests.MaxUrlLength);

        var problem = UtmRequests.Parse(url, null, SourceResolver.Default);

        Assert.That(problem.Value, Is.Null);
        Assert.That(problem.Problem, Does.Contain("at most 8,192"));
    }

    [Test]
    public void Parse_Lenient_RepairsPastedLink()
    {
        var ok = UtmRequests.Parse("https://x.example/?utm_source=ig&amp;utm_medium=social", "true", SourceResolver.Default);

        Assert.That(ok.Value!.Tags.Medium, Is.EqualTo("social"));
        Assert.That(ok.Value.Network, Is.EqualTo("Instagram"));
    }
}
