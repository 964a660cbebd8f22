using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using ChannelMetrics.Funnel;

namespace ChannelMetrics.Reporting;

// The JSON documents the writers produce. Their property order is the schema's order (the source generator keeps
// declaration order), every enum is written through an explicit name table (renaming a C# member must not change
// the schema), and optional fields are left out when null. Bump SchemaVersion on any breaking change.

internal sealed class FunnelTableDocument
{
    public string Kind { get; set; } = "funnelTable";

    public int SchemaVersion { get; set; } = FunnelTable.CurrentSchemaVersion;

    public string Granularity { get; set; } = "";

    public double Confidence { get; set; }

    public List<string> Dimensions { get; set; } = [];

    public List<string> Periods { get; set; } = [];

    public List<string> Networks { get; set; } = [];

    public int FoldedCampaignCount { get; set; }

    public List<FunnelRowDocument> Rows { get; set; } = [];

    public List<FunnelDiagnosticDocument> Diagnostics { get; set; } = [];
}

internal sealed class FunnelRowDocument
{
    public string Period { get; set; } = "";

    public string Network { get; set; } = "";

    public string? ChannelGroup { get; set; }

    public string? Medium { get; set; }

    public string? Campaign { get; set; }

    public string? Content { get; set; }

    public long Visits { get; set; }

    public long Leads { get; set; }

    public long Customers { get; set; }

    public RateDocument VisitToLead { get; set; } = new();

    public RateDocument LeadToCustomer { get; set; } = new();

    public RateDocument VisitToCustomer { get; set; } = new();
}

internal sealed class RateDocument
{
    public long Successes { get; set; }

    public long Trials { get; set; }

    public double? Value { get; set; }

    public double? Lower { get; set; }

    public double? Upper { get; set; }

    public string? UndefinedReason { get; set; }
}

internal sealed class FunnelDiagnosticDocument
{
    public string Code { get; set; } = "";

    public int RowIndex { get; set; }

    public string Message { get; set; } = "";
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    NewLine = "\n",
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(FunnelTableDocument))]
internal sealed partial class ReportingJsonContext : JsonSerializerContext
{
}

/// <summary>The writers' serializer settings on top of <see cref="ReportingJsonContext"/>.</summary>
internal static class ReportJson
{
    // Letters of every script are written as themselves (an Arabic campaign name stays readable); characters that
    // matter in HTML (< > & ' " +) are still escaped, so the JSON can be embedded in a page.
    private static readonly JsonSerializerOptions s_writeOptions = new(ReportingJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    internal static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)s_writeOptions.GetTypeInfo(typeof(T));
}

/// <summary>Maps the library's values to the JSON schema's names.</summary>
internal static class JsonNames
{
    /// <summary>The verdict's C# name, the suffix of its resource keys (explicit, so renaming a member cannot break the resources).</summary>
    internal static string Pascal(Decisions.Verdict verdict) => verdict switch
    {
        Decisions.Verdict.Invest => "Invest",
        Decisions.Verdict.Keep => "Keep",
        Decisions.Verdict.Optimize => "Optimize",
        Decisions.Verdict.Experiment => "Experiment",
        Decisions.Verdict.Reduce => "Reduce",
        Decisions.Verdict.Cut => "Cut",
        _ => "InsufficientData",
    };

    /// <summary>The verdict's JSON name (as the decision report's JSON writes it).</summary>
    internal static string Of(Decisions.Verdict verdict) => verdict switch
    {
        Decisions.Verdict.Invest => "invest",
        Decisions.Verdict.Keep => "keep",
        Decisions.Verdict.Optimize => "optimize",
        Decisions.Verdict.Experiment => "experiment",
        Decisions.Verdict.Reduce => "reduce",
        Decisions.Verdict.Cut => "cut",
        _ => "insufficientData",
    };

    internal static string Of(Decisions.ConfidenceLevel level) => level switch
    {
        Decisions.ConfidenceLevel.Low => "low",
        Decisions.ConfidenceLevel.Medium => "medium",
        _ => "high",
    };

    internal static string Of(Decisions.NetworkRole role) => role switch
    {
        Decisions.NetworkRole.Converter => "converter",
        Decisions.NetworkRole.TrafficDriver => "trafficDriver",
        Decisions.NetworkRole.ReachBuilder => "reachBuilder",
        Decisions.NetworkRole.Balanced => "balanced",
        _ => "minor",
    };

    internal static string Of(Decisions.OptimizationFocus focus) => focus switch
    {
        Decisions.OptimizationFocus.VisitToLead => "visitToLead",
        Decisions.OptimizationFocus.LeadToCustomer => "leadToCustomer",
        Decisions.OptimizationFocus.Traffic => "traffic",
        Decisions.OptimizationFocus.Sentiment => "sentiment",
        Decisions.OptimizationFocus.Cost => "cost",
        _ => "none",
    };

    internal static string Of(PeriodGranularity granularity) => granularity switch
    {
        PeriodGranularity.Day => "day",
        PeriodGranularity.Week => "week",
        PeriodGranularity.Month => "month",
        _ => "quarter",
    };

    internal static string? Of(RateUndefinedReason reason) => reason switch
    {
        RateUndefinedReason.None => null,
        RateUndefinedReason.NoTrials => "noTrials",
        _ => "successesExceedTrials",
    };

    internal static string Of(FunnelDiagnosticCode code) => code switch
    {
        FunnelDiagnosticCode.MissingNetwork => "missingNetwork",
        FunnelDiagnosticCode.NegativeCount => "negativeCount",
        FunnelDiagnosticCode.MixedGranularity => "mixedGranularity",
        FunnelDiagnosticCode.DuplicateRow => "duplicateRow",
        FunnelDiagnosticCode.CountOverflow => "countOverflow",
        FunnelDiagnosticCode.CampaignsFolded => "campaignsFolded",
        FunnelDiagnosticCode.ImplausibleDate => "implausibleDate",
        _ => "unknown",
    };

    internal static List<string> Of(FunnelDimensions dimensions)
    {
        var names = new List<string>(5);
        if ((dimensions & FunnelDimensions.Network) != 0)
        {
            names.Add("network");
        }

        if ((dimensions & FunnelDimensions.ChannelGroup) != 0)
        {
            names.Add("channelGroup");
        }

        if ((dimensions & FunnelDimensions.Medium) != 0)
        {
            names.Add("medium");
        }

        if ((dimensions & FunnelDimensions.Campaign) != 0)
        {
            names.Add("campaign");
        }

        if ((dimensions & FunnelDimensions.Content) != 0)
        {
            names.Add("content");
        }

        return names;
    }

    internal static RateDocument Rate(Rate rate)
    {
        var interval = rate.Interval;
        return new RateDocument
        {
            Successes = rate.Successes,
            Trials = rate.Trials,
            Value = rate.Value,
            Lower = interval?.Lower,
            Upper = interval?.Upper,
            UndefinedReason = Of(rate.Reason),
        };
    }

    internal static FunnelTableDocument Funnel(FunnelTable table)
    {
        var document = new FunnelTableDocument
        {
            Granularity = Of(table.Granularity),
            Confidence = table.Confidence,
            Dimensions = Of(table.Dimensions),
            FoldedCampaignCount = table.FoldedCampaignCount,
        };
        foreach (var period in table.Periods)
        {
            document.Periods.Add(period.ToString());
        }

        document.Networks.AddRange(table.Networks);
        foreach (var row in table.Rows)
        {
            document.Rows.Add(new FunnelRowDocument
            {
                Period = row.Period.ToString(),
                Network = row.Network,
                ChannelGroup = row.ChannelGroup,
                Medium = row.Medium,
                Campaign = row.Campaign,
                Content = row.Content,
                Visits = row.Visits,
                Leads = row.Leads,
                Customers = row.Customers,
                VisitToLead = Rate(row.VisitToLead),
                LeadToCustomer = Rate(row.LeadToCustomer),
                VisitToCustomer = Rate(row.VisitToCustomer),
            });
        }

        foreach (var diagnostic in table.Diagnostics)
        {
            document.Diagnostics.Add(new FunnelDiagnosticDocument { Code = Of(diagnostic.Code), RowIndex = diagnostic.RowIndex, Message = diagnostic.Message });
        }

        return document;
    }
}
