using ChannelMetrics.Tracking;

namespace WebApi.Requests;

/// <summary>What /utm/parse answers: the tags read, the network they point to, and every diagnostic.</summary>
public sealed record ParseResponse(string Url, bool Success, UtmTags Tags, string Network, bool KnownNetwork, IReadOnlyList<UtmDiagnostic> Diagnostics);

/// <summary>The tracking-link requests, as plain functions (the HTTP mapping is in UtmEndpoints).</summary>
public static class UtmRequests
{
    /// <summary>The longest link accepted: far above any real tracking link, low enough that no request can make us do silly work.</summary>
    public const int MaxUrlLength = 8_192;

    /// <summary>GET /utm/parse?url=…&amp;lenient=true</summary>
    /// <remarks><paramref name="lenient"/> is taken as text so that a bad value gets a 400 that says what is wrong with it.</remarks>
    public static ApiOutcome<ParseResponse> Parse(string? url, string? lenient, SourceResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        bool repair = false;
        if (lenient is not null && !bool.TryParse(lenient, out repair))
        {
            return ApiOutcome.BadRequest<ParseResponse>($"The query parameter 'lenient' must be true or false, not '{lenient}'.");
        }

        if (string.IsNullOrWhiteSpace(url))
        {
            return ApiOutcome.BadRequest<ParseResponse>("The query parameter 'url' is required: the tracking link (or its query string) to parse.");
        }

        if (url.Length > MaxUrlLength)
        {
            return ApiOutcome.BadRequest<ParseResponse>($"The link is {url.Length:N0} characters long; at most {MaxUrlLength:N0} are accepted.");
        }

        UtmParseResult result = UtmParser.Parse(url, repair ? UtmParserOptions.Lenient : UtmParserOptions.Strict);
        if (!result.Success)
        {
            return ApiOutcome.BadRequest<ParseResponse>(
                "The tracking code of this link is incomplete or broken; see the diagnostics.",
                new() { ["diagnostics"] = result.Diagnostics, ["tags"] = result.Tags });
        }

        SourceResolution source = result.Tags.Source is { } s ? resolver.Resolve(s) : default;
        return ApiOutcome.Ok(new ParseResponse(url, result.Success, result.Tags, source.Name, source.IsKnown, result.Diagnostics));
    }
}
