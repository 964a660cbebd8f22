using System.Web;
using BenchmarkDotNet.Attributes;
using ChannelMetrics.Tracking;
using Microsoft.AspNetCore.WebUtilities;

namespace ChannelMetrics.Benchmarks.Tracking;

/// <summary>
/// Reading source, medium, campaign, content and term from realistic landing URLs: <c>new Uri</c> +
/// <c>HttpUtility.ParseQueryString</c> (baseline), ASP.NET Core's <c>QueryStringEnumerable</c>, the full
/// <see cref="UtmParser.Parse(string, UtmParserOptions?)"/>, and the interned span path. Numbers are per URL.
/// </summary>
[MemoryDiagnoser]
public class UtmParsingBenchmarks
{
    private static readonly string[] s_urls =
    [
        "https://shop.example.com/products/running-shoes?utm_source=facebook&utm_medium=paid_social&utm_campaign=spring_sale_2026&utm_content=carousel_v2&fbclid=IwAR2F4x9kQzM1bV7nYp3LtUqR8sWcXeDfGhJkLmNoPqRsTuVwXyZ012345",
        "https://shop.example.com/?utm_source=google&utm_medium=cpc&utm_campaign=brand_search&utm_term=running+shoes+men&gclid=Cj0KCQjw1Yy5BhD-ARIsAI0RbXb4ZkqT3mN8pL2vRsWxYz_aBcDeFgHiJkLmNoPqRsTuVwXyZ",
        "https://blog.example.com/2026/03/how-to-choose-running-shoes/?utm_source=linkedin&utm_medium=social&utm_campaign=content_march&li_fat_id=8f2a1c3e-5b7d-4e9f-a1b2-c3d4e5f6a7b8",
        "https://www.example.com/landing/webinar?utm_source=newsletter&utm_medium=email&utm_campaign=webinar_q2&utm_content=header_button",
        "https://shop.example.com/sale?utm_source=instagram&utm_medium=paid_social&utm_campaign=%C3%A9t%C3%A9_2026&utm_content=story_ad&igshid=MzRlODBiNWFlZA%3D%3D",
        "https://www.example.com/?utm_source=tiktok&utm_medium=paid_social&utm_campaign=ugc_test&ttclid=E.C.P.CrMBc2VjcmV0LXRpa3Rvay1jbGljay1pZA",
        "https://www.example.com/pricing?plan=pro&ref=homepage&utm_source=x&utm_medium=social&utm_campaign=launch_week",
        "https://www.example.com/signup?utm_source=bing&utm_medium=cpc&utm_campaign=generic_search&utm_term=crm%20software&msclkid=7d1f3a9c2b4e4f6a8c0d2e4f6a8b0c2d",
        "https://shop.example.com/products/jacket?color=navy&size=M&utm_source=pinterest&utm_medium=social&utm_campaign=fall_lookbook&epik=dj0yJnU9X2FiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6",
        "https://www.example.com/blog/post-1",
        "https://www.example.com/?utm_source=partner_site&utm_medium=referral&utm_campaign=co_marketing&utm_content=sidebar+banner",
        "https://shop.example.com/checkout?utm_source=reddit&utm_medium=cpc&utm_campaign=r_running&rdt_cid=1234567890123456789",
    ];

    private readonly UtmValuePool _pool = new();

    [GlobalSetup]
    public void WarmPool()
    {
        foreach (string url in s_urls)
        {
            _ = UtmParser.ParseInterned(url, _pool);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 12)]
    public int UriAndHttpUtility()
    {
        int found = 0;
        foreach (string url in s_urls)
        {
            var query = HttpUtility.ParseQueryString(new Uri(url).Query);
            found += Count(query["utm_source"], query["utm_medium"], query["utm_campaign"], query["utm_content"], query["utm_term"]);
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = 12)]
    public int QueryStringEnumerableDecoded()
    {
        int found = 0;
        foreach (string url in s_urls)
        {
            int question = url.IndexOf('?', StringComparison.Ordinal);
            if (question < 0)
            {
                continue;
            }

            int hash = url.IndexOf('#', question);
            var query = url.AsMemory(question, (hash < 0 ? url.Length : hash) - question);
            foreach (var pair in new QueryStringEnumerable(query))
            {
                var name = pair.DecodeName().Span;
                if (name is "utm_source" or "utm_medium" or "utm_campaign" or "utm_content" or "utm_term")
                {
                    found += pair.DecodeValue().Length > 0 ? 1 : 0;
                }
            }
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = 12)]
    public int UtmParserParse()
    {
        int found = 0;
        foreach (string url in s_urls)
        {
            UtmTags tags = UtmParser.Parse(url).Tags;
            found += Count(tags.Source, tags.Medium, tags.Campaign, tags.Content, tags.Term);
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = 12)]
    public int UtmParserParseInterned()
    {
        int found = 0;
        foreach (string url in s_urls)
        {
            UtmValues values = UtmParser.ParseInterned(url, _pool);
            found += Count(values.Source, values.Medium, values.Campaign, values.Content, values.Term);
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = 12)]
    public int ParseInternedResolveClassify()
    {
        int found = 0;
        foreach (string url in s_urls)
        {
            UtmValues values = UtmParser.ParseInterned(url, _pool);
            found += SourceResolver.Default.TryResolve(values.Source, out _) ? 1 : 0;
            found += (int)ChannelGrouping.Default.Classify(values, default);
        }

        return found;
    }

    private static int Count(string? a, string? b, string? c, string? d, string? e) =>
        (a is null ? 0 : 1) + (b is null ? 0 : 1) + (c is null ? 0 : 1) + (d is null ? 0 : 1) + (e is null ? 0 : 1);
}
