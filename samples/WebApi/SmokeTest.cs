using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace WebApi;

/// <summary>
/// The short form CI runs (<c>--smoke</c>): starts the API on a free loopback port, sends it good and bad requests,
/// checks each status code, and stops. Exit code 0 when every answer is as expected.
/// </summary>
internal static class SmokeTest
{
    private const string Link = "https://example.com/?utm_source=fb&utm_medium=paid_social&utm_campaign=spring";

    public static async Task<int> RunAsync(WebApplication app)
    {
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        try
        {
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            string rows = string.Join(',', Enumerable.Range(1, 6).Select(m =>
                $$"""{ "period": "2026-0{{m}}", "network": "LinkedIn", "visits": 400, "leads": 24, "customers": 3 }"""));
            var checks = new (string What, Func<Task<HttpResponseMessage>> Send, HttpStatusCode Expected)[]
            {
                ("parse a link", () => client.GetAsync($"/utm/parse?url={Uri.EscapeDataString(Link)}"), HttpStatusCode.OK),
                ("parse without a url", () => client.GetAsync("/utm/parse"), HttpStatusCode.BadRequest),
                ("lint a link", () => Post(client, "/utm/lint", $$"""{ "url": "{{Link}}" }"""), HttpStatusCode.OK),
                ("lint broken JSON", () => Post(client, "/utm/lint", "{ \"url\": "), HttpStatusCode.BadRequest),
                ("evaluate monthly rows", () => Post(client, "/evaluate", $$"""
                    { "rows": [ {{rows}} ], "evaluationDate": "2026-07-01",
                      "goals": { "schemaVersion": 1, "goals": [ { "id": "leads", "metric": "leads", "target": 20 } ] } }
                    """), HttpStatusCode.OK),
                ("evaluate a bad period", () => Post(client, "/evaluate",
                    """{ "rows": [ { "period": "2026-13", "network": "LinkedIn", "visits": 1, "leads": 0, "customers": 0 } ] }"""),
                    HttpStatusCode.BadRequest),
            };

            int failures = 0;
            foreach (var (what, send, expected) in checks)
            {
                using HttpResponseMessage response = await send();
                bool ok = response.StatusCode == expected;
                failures += ok ? 0 : 1;
                Console.WriteLine($"  {(ok ? "ok  " : "FAIL")} {what}: {(int)response.StatusCode} (expected {(int)expected})");
            }

            Console.WriteLine(failures == 0 ? "WebApi smoke test: all requests answered as expected" : $"WebApi smoke test: {failures} failed");
            return failures == 0 ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, string json) =>
        client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
}
