using System.Text.Json.Serialization;
using ChannelMetrics;
using WebApi;

// A minimal API over ChannelMetrics. Run: dotnet run --project samples/WebApi
// then: curl 'http://localhost:5000/utm/parse?url=https://example.com/?utm_source=fb%26utm_medium=paid_social'
// `-- --smoke` (what CI runs) starts it on a free loopback port, checks good and bad requests, and exits.
bool smoke = args.Contains("--smoke");
args = [.. args.Where(a => a != "--smoke")];
var builder = WebApplication.CreateBuilder(args);
if (smoke)
{
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
}

// Bad input comes back as RFC 9457 problem details (400), never as a 500 with a stack trace. A body
// that is not valid JSON throws while binding; it is mapped to a 400 whose detail says where the JSON broke.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
{
    if (context.Exception is BadHttpRequestException bad)
    {
        context.ProblemDetails.Title = "Bad request";
        context.ProblemDetails.Detail = bad.InnerException is { } inner ? $"{bad.Message} {inner.Message}" : bad.Message;
    }
});
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
});

// The library's services: source resolver, channel grouping, decision engine and report writers.
builder.Services.AddChannelMetrics();

var app = builder.Build();
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,

    // A client's bad JSON is not a server error: answer it, do not log it as one.
    SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
});
app.UseStatusCodePages();

app.MapGet("/", () => TypedResults.Text("""
    ChannelMetrics sample API
      GET  /utm/parse?url=...&lenient=true   parse a tracking link: UTM tags, click ids, network, diagnostics
      POST /utm/lint   {"url": "...", "policy": {...}}   check a link (or "tags") against a naming policy
      POST /evaluate?format=json|markdown|csv&language=en|ar
                       {"events": [...], "timeZone": "Europe/Berlin"} or {"rows": [...]},
                       plus optional "snapshots", "goals", "experiments", "evaluationDate"
                       verdicts for every network and campaign, with their evidence

    """));
app.MapGet("/utm/parse", UtmEndpoints.Parse);
app.MapPost("/utm/lint", UtmEndpoints.Lint);
app.MapPost("/evaluate", EvaluateEndpoint.Evaluate);

if (smoke)
{
    return await SmokeTest.RunAsync(app);
}

await app.RunAsync();
return 0;
