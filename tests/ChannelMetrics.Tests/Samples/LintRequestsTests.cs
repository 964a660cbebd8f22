using ChannelMetrics.Tracking;
using WebApi.Requests;

namespace ChannelMetrics.Tests.Samples;

public sealed class LintRequestsTests
{
    [Test]
    public void Lint_LinkBreakingThePolicy_Is200WithEveryFinding()
    {
        var outcome = LintRequests.Lint(new LintRequest { Url = "https://x.example/?utm_source=Facebook&utm_medium=paid-social&utm_campaign=spring_sale" }, SourceResolver.Default);

        Assert.That(outcome.Problem, Is.Null);
        Assert.That(outcome.Value!.Valid, Is.False);
        Assert.That(outcome.Value.Diagnostics.Select(d => (d.Code, d.Parameter)), Is.SupersetOf(new[]
        {
            (UtmDiagnosticCode.NotLowercase, (string?)"utm_source"), (UtmDiagnosticCode.WrongSeparator, "utm_medium"),
        }));
        Assert.That(outcome.Value.Diagnostics.Count(d => d.Parameter == "utm_source"), Is.EqualTo(1), "mixed case and not lower case are one finding");
    }

    [Test]
    public void Lint_TagsWithinACustomPolicy_AreValid()
    {
        var outcome = LintRequests.Lint(
            new LintRequest
            {
                Tags = new LintTags("linkedin", "paid-social", "cfo-guide"),
                Policy = new LintPolicy { WordSeparator = "-", AllowedMediums = ["paid-social", "social"], RequireKnownSource = true },
            },
            SourceResolver.Default);

        Assert.That(outcome.Value!.Valid, Is.True, string.Join("; ", outcome.Value.Diagnostics.Select(d => d.Message)));
    }

    [Test]
    public void Lint_MissingFieldReportedByParserAndLinter_IsListedOnce()
    {
        var outcome = LintRequests.Lint(new LintRequest { Url = "?utm_source=fb&utm_campaign=spring" }, SourceResolver.Default);

        Assert.That(outcome.Value!.Diagnostics.Count(d => d.Parameter == "utm_medium"), Is.EqualTo(1));
    }

    [Test]
    public void Lint_NoBody_Is400SayingWhatToSend()
    {
        Assert.That(LintRequests.Lint(null, SourceResolver.Default).Problem, Does.Contain("'url'"));
        Assert.That(LintRequests.Lint(new LintRequest(), SourceResolver.Default).Problem, Does.Contain("'tags'"));
    }

    [Test]
    public void Lint_InvalidPolicy_Is400ListingEachError()
    {
        var outcome = LintRequests.Lint(
            new LintRequest { Url = "?utm_source=fb", Policy = new LintPolicy { WordSeparator = "++", RequiredFields = ["source", "bogus", "7"] } },
            SourceResolver.Default);

        Assert.That(outcome.Value, Is.Null);
        var errors = outcome.Extensions["errors"] as IReadOnlyList<string>;
        Assert.That(errors, Has.Count.EqualTo(3));
        Assert.That(errors![0], Does.Contain("wordSeparator"));
        Assert.That(errors[1], Does.Contain("'bogus'"));
    }
}
