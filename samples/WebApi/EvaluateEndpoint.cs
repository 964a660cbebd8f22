using System.Globalization;
using ChannelMetrics.Decisions;
using ChannelMetrics.Reporting;
using Microsoft.AspNetCore.Http.HttpResults;
using WebApi.Requests;

namespace WebApi;

/// <summary>POST /evaluate?format=json|markdown|csv&amp;language=en|ar: the decision report, written by the library's report writers.</summary>
public static class EvaluateEndpoint
{
    public static Results<ContentHttpResult, ProblemHttpResult> Evaluate(
        EvaluateRequest? request,
        string? format,
        string? language,
        DecisionEngine engine,
        IEnumerable<ReportWriter> writers)
    {
        ArgumentNullException.ThrowIfNull(writers);
        ReportFormat? parsed = format?.ToUpperInvariant() switch
        {
            null or "JSON" => ReportFormat.Json,
            "MARKDOWN" or "MD" => ReportFormat.Markdown,
            "CSV" => ReportFormat.Csv,
            _ => null,
        };
        if (parsed is not ReportFormat wanted)
        {
            return Problem($"The query parameter 'format' must be json, markdown or csv, not '{format}'.");
        }

        if (language is not null && !ReportOptions.AvailableLanguages.Contains(language, StringComparer.OrdinalIgnoreCase))
        {
            return Problem($"The query parameter 'language' must be one of {string.Join(", ", ReportOptions.AvailableLanguages)}, not '{language}'.");
        }

        ApiOutcome<Evaluation> outcome = EvaluateRequests.Evaluate(request, engine);
        if (outcome.Value is not { } evaluation)
        {
            return TypedResults.Problem(detail: outcome.Problem, statusCode: StatusCodes.Status400BadRequest, title: "Cannot evaluate this data", extensions: outcome.Extensions);
        }

        ReportWriter writer = writers.First(w => w.Format == wanted);
        if (language is not null)
        {
            // The language brings its dates and numbers: an Arabic report should not name its months in English.
            ReportOptions options = writer.Options with
            {
                Language = language,
                Culture = string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) ? writer.Options.Culture : CultureInfo.GetCultureInfo(language),
            };
            writer = wanted switch
            {
                ReportFormat.Markdown => new MarkdownReportWriter(options),
                ReportFormat.Csv => new CsvReportWriter(options),
                _ => new JsonReportWriter(options),
            };
        }

        return TypedResults.Content(writer.WriteToString(evaluation.Report, evaluation.Funnel), writer.MediaType);
    }

    private static ProblemHttpResult Problem(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
}
