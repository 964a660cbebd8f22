using ChannelMetrics.Tracking;
using Microsoft.AspNetCore.Http.HttpResults;
using WebApi.Requests;

namespace WebApi;

/// <summary>Maps request outcomes to HTTP: 200 with the value, or 400 with RFC 9457 problem details.</summary>
public static class UtmEndpoints
{
    public static Results<Ok<ParseResponse>, ProblemHttpResult> Parse(string? url, string? lenient, SourceResolver resolver) =>
        ToHttp(UtmRequests.Parse(url, lenient, resolver), "Bad tracking link");

    public static Results<Ok<LintResponse>, ProblemHttpResult> Lint(LintRequest? request, SourceResolver resolver) =>
        ToHttp(LintRequests.Lint(request, resolver), "Cannot check this link");

    public static Results<Ok<T>, ProblemHttpResult> ToHttp<T>(ApiOutcome<T> outcome, string title)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Value is { } value
            ? TypedResults.Ok(value)
            : TypedResults.Problem(detail: outcome.Problem, statusCode: StatusCodes.Status400BadRequest, title: title, extensions: outcome.Extensions);
    }
}
