using System.Text.Json.Serialization;
using ChannelMetrics.Tracking;
using WebApi;

// A minimal API over ChannelMetrics. Run: dotnet run --project samples/WebApi
// then: curl 'http://localhost:5000/utm/parse?url=https://example.com/?utm_source=fb%26utm_medium=paid_social'
var builder = WebApplication.CreateBuilder(args);

// Bad input comes back as RFC 9457 problem details (400), never as a 500 with a stack trace.
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
});

// The library's services. (services.AddChannelMetrics() will register these once the package has it.)
builder.Services.AddSingleton(SourceResolver.Default);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapGet("/", () => TypedResults.Text("""
    ChannelMetrics sample API
      GET  /utm/parse?url=...&lenient=true   parse a tracking link: UTM tags, click ids, network, diagnostics
    """));
app.MapGet("/utm/parse", UtmEndpoints.Parse);

app.Run();
