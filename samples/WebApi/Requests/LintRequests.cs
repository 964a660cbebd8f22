using ChannelMetrics.Tracking;

namespace WebApi.Requests;

/// <summary>The body of POST /utm/lint: a link (or its tags) and the team's naming policy (defaults apply for what is left out).</summary>
public sealed record LintRequest
{
    /// <summary>The tracking link to check; or give <see cref="Tags"/>.</summary>
    public string? Url { get; init; }

    /// <summary>Tags to check, when there is no link yet (planning a campaign).</summary>
    public LintTags? Tags { get; init; }

    public LintPolicy? Policy { get; init; }
}

/// <summary>UTM values as plain text.</summary>
public sealed record LintTags(string? Source, string? Medium, string? Campaign, string? Term = null, string? Content = null);

/// <summary>The naming policy as JSON: every member optional.</summary>
public sealed record LintPolicy
{
    public bool? RequireLowercase { get; init; }

    /// <summary>"_", "-" or " "; an empty string allows any separator.</summary>
    public string? WordSeparator { get; init; }

    /// <summary>Field names: source, medium, campaign, term, content, id, sourcePlatform, creativeFormat, marketingTactic.</summary>
    public IReadOnlyList<string>? RequiredFields { get; init; }

    public IReadOnlyList<string>? AllowedMediums { get; init; }

    public bool? RequireKnownSource { get; init; }

    public IReadOnlyList<string>? AllowedSources { get; init; }
}

/// <summary>What /utm/lint answers: the tags checked and every finding, from parsing the link and from the policy.</summary>
public sealed record LintResponse(UtmTags Tags, bool Valid, IReadOnlyList<UtmDiagnostic> Diagnostics);

/// <summary>POST /utm/lint as a plain function.</summary>
/// <remarks>
/// A link that breaks the policy is a good request with a bad answer: 200 with <c>valid: false</c> and
/// the findings. A request that cannot be checked at all (no link and no tags, an unknown field name,
/// a separator that is not one character) is a 400 that says what is wrong.
/// </remarks>
public static class LintRequests
{
    private static readonly char[] s_separators = ['_', '-', ' '];

    public static ApiOutcome<LintResponse> Lint(LintRequest? request, SourceResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        if (request is null || (string.IsNullOrWhiteSpace(request.Url) && request.Tags is null))
        {
            return ApiOutcome.BadRequest<LintResponse>("Send a JSON body with 'url' (the tracking link) or 'tags' (source, medium, campaign, …), and optionally 'policy'.");
        }

        if (request.Url is { Length: > UtmRequests.MaxUrlLength })
        {
            return ApiOutcome.BadRequest<LintResponse>($"The link is {request.Url.Length:N0} characters long; at most {UtmRequests.MaxUrlLength:N0} are accepted.");
        }

        var problems = new List<string>();
        UtmNamingPolicy policy = Policy(request.Policy, resolver, problems);
        if (problems.Count > 0)
        {
            return ApiOutcome.BadRequest<LintResponse>("The naming policy is not valid: " + string.Join(" ", problems), new() { ["errors"] = problems });
        }

        var diagnostics = new List<UtmDiagnostic>();
        UtmTags tags;
        if (!string.IsNullOrWhiteSpace(request.Url))
        {
            UtmParseResult parsed = UtmParser.Parse(request.Url);
            tags = parsed.Tags;
            diagnostics.AddRange(parsed.Diagnostics);
        }
        else
        {
            LintTags t = request.Tags!;
            tags = new UtmTags { Source = t.Source, Medium = t.Medium, Campaign = t.Campaign, Term = t.Term, Content = t.Content };
        }

        IReadOnlyList<UtmDiagnostic> findings = UtmLinter.Lint(tags, policy);

        // A value in mixed case breaks a lower-case policy too: the policy's finding (NotLowercase) says it once.
        diagnostics.RemoveAll(p => p.Code == UtmDiagnosticCode.MixedCaseValue
            && findings.Any(d => d.Code == UtmDiagnosticCode.NotLowercase && d.Parameter == p.Parameter));
        foreach (UtmDiagnostic d in findings)
        {
            // The parser (MissingSource, MissingMedium) and the linter (RequiredFieldMissing) both report a
            // missing source or medium; say it once.
            bool alreadySaid = diagnostics.Exists(p => p.Parameter == d.Parameter
                && (p.Code == d.Code || (d.Code == UtmDiagnosticCode.RequiredFieldMissing && p.Code is UtmDiagnosticCode.MissingSource or UtmDiagnosticCode.MissingMedium)));
            if (!alreadySaid)
            {
                diagnostics.Add(d);
            }
        }

        return ApiOutcome.Ok(new LintResponse(tags, diagnostics.Count == 0, diagnostics));
    }

    private static UtmNamingPolicy Policy(LintPolicy? json, SourceResolver resolver, List<string> problems)
    {
        var policy = UtmNamingPolicy.Default with { Resolver = resolver };
        if (json is null)
        {
            return policy;
        }

        if (json.RequireLowercase is bool lower)
        {
            policy = policy with { RequireLowercase = lower };
        }

        if (json.WordSeparator is { } separator)
        {
            if (separator.Length == 0)
            {
                policy = policy with { WordSeparator = null };
            }
            else if (separator.Length == 1 && Array.IndexOf(s_separators, separator[0]) >= 0)
            {
                policy = policy with { WordSeparator = separator[0] };
            }
            else
            {
                problems.Add($"policy.wordSeparator must be \"_\", \"-\", \" \" or \"\" (any), not \"{separator}\".");
            }
        }

        if (json.RequiredFields is { } fields)
        {
            var parsed = new List<UtmField>();
            foreach (string field in fields)
            {
                if (EnumNames.TryParse(field, out UtmField f))
                {
                    parsed.Add(f);
                }
                else
                {
                    problems.Add($"policy.requiredFields: '{field}' is not a UTM field (source, medium, campaign, term, content, id, sourcePlatform, creativeFormat, marketingTactic).");
                }
            }

            policy = policy with { RequiredFields = parsed };
        }

        if (json.AllowedMediums is { } mediums)
        {
            policy = policy with { AllowedMediums = mediums };
        }

        if (json.RequireKnownSource is bool known)
        {
            policy = policy with { RequireKnownSource = known };
        }

        if (json.AllowedSources is { } sources)
        {
            policy = policy with { AllowedSources = sources };
        }

        return policy;
    }
}
