using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChannelMetrics.Experiments;
using ChannelMetrics.Goals;

namespace ChannelMetrics.Decisions;

// The report's JSON: camelCase names, enums as camelCase strings (as in goal and experiment files), periods as their text
// form. Numbers are written in shortest round-trip form and lines end in \n on every OS, so equal reports give equal bytes.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    WriteIndented = true,
    NewLine = "\n",
    Converters =
    [
        typeof(PeriodJsonConverter),
        typeof(CamelCaseEnumConverter<Verdict>),
        typeof(CamelCaseEnumConverter<NetworkRole>),
        typeof(CamelCaseEnumConverter<GoalProgress>),
        typeof(CamelCaseEnumConverter<ConfidenceLevel>),
        typeof(CamelCaseEnumConverter<OptimizationFocus>),
        typeof(CamelCaseEnumConverter<ComparisonBasis>),
        typeof(CamelCaseEnumConverter<GoalWeighting>),
        typeof(CamelCaseEnumConverter<GoalMetric>),
        typeof(CamelCaseEnumConverter<GoalKind>),
        typeof(CamelCaseEnumConverter<GoalDirection>),
        typeof(CamelCaseEnumConverter<GoalTargetForm>),
        typeof(CamelCaseEnumConverter<ExperimentKind>),
    ])]
[JsonSerializable(typeof(DecisionReport))]
internal sealed partial class DecisionJsonContext : JsonSerializerContext
{
    // Messages hold apostrophes, arrows and (in reports) Arabic: write them as text, not \u escapes. The report is data for
    // files and APIs, never inlined into HTML unencoded, so the relaxed encoder is safe here.
    // Two threads racing here build equal contexts; either one is fine.
    private static DecisionJsonContext? s_relaxed;

    public static DecisionJsonContext Relaxed => s_relaxed ??= CreateRelaxed();

    private static DecisionJsonContext CreateRelaxed()
    {
        var options = new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return new DecisionJsonContext(options);
    }
}

internal sealed class CamelCaseEnumConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    public CamelCaseEnumConverter()
        : base(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    {
    }
}

internal sealed class PeriodJsonConverter : JsonConverter<Period>
{
    public override Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return text is not null && Period.TryParse(text, out var period)
            ? period
            : throw new JsonException("Expected a period such as \"2026-03\".");
    }

    public override void Write(Utf8JsonWriter writer, Period value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
