using ChannelMetrics.Tracking;

namespace ChannelMetrics.Tests.Tracking;

public sealed class UtmLinterTests
{
    [Test]
    public void Lint_CompliantTags_NoDiagnostics()
    {
        var tags = new UtmTags { Source = "facebook", Medium = "paid_social", Campaign = "spring_sale" };
        Assert.That(UtmLinter.Lint(tags, UtmNamingPolicy.Default), Is.Empty);
    }

    [Test]
    public void Lint_MissingRequiredField_Error()
    {
        var diagnostics = UtmLinter.Lint(new UtmTags { Source = "facebook" }, UtmNamingPolicy.Default);
        Assert.That(diagnostics.Select(d => (d.Code, d.Parameter)), Is.EqualTo(new[]
        {
            (UtmDiagnosticCode.RequiredFieldMissing, (string?)"utm_medium"),
            (UtmDiagnosticCode.RequiredFieldMissing, (string?)"utm_campaign"),
        }));
        Assert.That(diagnostics[0].Severity, Is.EqualTo(UtmSeverity.Error));
    }

    [Test]
    public void Lint_UpperCase_Reported()
    {
        var diagnostics = UtmLinter.Lint(new UtmTags { Source = "Facebook", Medium = "cpc", Campaign = "x" }, UtmNamingPolicy.Default);
        Assert.That(diagnostics.Single().Code, Is.EqualTo(UtmDiagnosticCode.NotLowercase));
        Assert.That(UtmLinter.Lint(new UtmTags { Source = "Facebook", Medium = "cpc", Campaign = "x" }, UtmNamingPolicy.Default with { RequireLowercase = false }), Is.Empty);
    }

    [TestCase("spring-sale", '_', true)]
    [TestCase("spring sale", '_', true)]
    [TestCase("spring_sale", '_', false)]
    [TestCase("spring-sale", '-', false)]
    [TestCase("spring_sale", '-', true)]
    public void Lint_Separator_Checked(string campaign, char separator, bool reported)
    {
        var policy = UtmNamingPolicy.Default with { WordSeparator = separator };
        var diagnostics = UtmLinter.Lint(new UtmTags { Source = "fb", Medium = "cpc", Campaign = campaign }, policy);
        Assert.That(diagnostics.Any(d => d.Code == UtmDiagnosticCode.WrongSeparator), Is.EqualTo(reported));
    }

    [Test]
    public void Lint_MediumNotAllowed_Reported()
    {
        var policy = UtmNamingPolicy.Default with { AllowedMediums = ["cpc", "email", "social"] };
        Assert.That(UtmLinter.Lint(new UtmTags { Source = "fb", Medium = "EMAIL", Campaign = "c" }, policy with { RequireLowercase = false }), Is.Empty);
        Assert.That(UtmLinter.Lint(new UtmTags { Source = "fb", Medium = "newsletter", Campaign = "c" }, policy).Single().Code, Is.EqualTo(UtmDiagnosticCode.MediumNotAllowed));
    }

    [Test]
    public void Lint_UnknownSource_ReportedUnlessAllowed()
    {
        var policy = UtmNamingPolicy.Default with { RequireKnownSource = true, AllowedSources = ["newsletter"] };
        Assert.That(UtmLinter.Lint(new UtmTags { Source = "ig", Medium = "social", Campaign = "c" }, policy), Is.Empty);
        Assert.That(UtmLinter.Lint(new UtmTags { Source = "newsletter", Medium = "email", Campaign = "c" }, policy), Is.Empty);
        Assert.That(UtmLinter.Lint(new UtmTags { Source = "myspace2", Medium = "social", Campaign = "c" }, policy).Single().Code, Is.EqualTo(UtmDiagnosticCode.UnknownSource));
    }

    [Test]
    public void Lint_Diagnostics_AreInFieldOrder()
    {
        var policy = UtmNamingPolicy.Default with { AllowedMediums = ["email"] };

        var diagnostics = UtmLinter.Lint(new UtmTags { Source = "FB", Medium = "E-Mail", Campaign = "Spring" }, policy);

        Assert.That(diagnostics.Select(d => (d.Parameter, d.Code)), Is.EqualTo(new[]
        {
            ("utm_source", UtmDiagnosticCode.NotLowercase),
            ("utm_medium", UtmDiagnosticCode.NotLowercase),
            ("utm_medium", UtmDiagnosticCode.WrongSeparator),
            ("utm_medium", UtmDiagnosticCode.MediumNotAllowed),
            ("utm_campaign", UtmDiagnosticCode.NotLowercase),
        }));
    }

    [Test]
    public void Lint_MissingFieldsAmongPresentOnes_AreInFieldOrder()
    {
        var diagnostics = UtmLinter.Lint(new UtmTags { Source = "FB" }, UtmNamingPolicy.Default);

        Assert.That(diagnostics.Select(d => d.Parameter), Is.EqualTo(new[] { "utm_source", "utm_medium", "utm_campaign" }));
    }

    [Test]
    public void Lint_PolicyListHoldingNull_ThrowsWhateverTheTags()
    {
        var policy = UtmNamingPolicy.Default with { AllowedMediums = ["email", null!] };

        Assert.Multiple(() =>
        {
            Assert.That(() => UtmLinter.Lint(new UtmTags { Source = "fb", Medium = "email", Campaign = "c" }, policy), Throws.ArgumentException);
            Assert.That(() => UtmLinter.Lint(UtmTags.Empty, policy), Throws.ArgumentException);
            Assert.That(() => UtmLinter.Lint(UtmTags.Empty, UtmNamingPolicy.Default with { AllowedSources = [null!] }), Throws.ArgumentException);
        });
    }

    [Test]
    public void Lint_BadPolicy_Throws()
    {
        Assert.That(() => UtmLinter.Lint(UtmTags.Empty, UtmNamingPolicy.Default with { WordSeparator = '.' }), Throws.ArgumentException);
        Assert.That(() => UtmLinter.Lint(UtmTags.Empty, null!), Throws.ArgumentNullException);
    }
}
