using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChannelMetrics.Goals;

// The on-disk shape of a goal set. Enum-valued fields are strings here and are parsed by hand, so that an unknown
// name gets a message naming its JSON path and listing the accepted names (a converter would only say "invalid").
internal sealed class GoalSetDocument
{
    public int? SchemaVersion { get; set; }

    public string? Name { get; set; }

    public List<GoalDocument?>? Goals { get; set; }
}

internal sealed class GoalDocument
{
    public string? Id { get; set; }

    public string? Description { get; set; }

    public string? Metric { get; set; }

    public string? Section { get; set; }

    public double? Target { get; set; }

    public string? TargetForm { get; set; }

    public string? Direction { get; set; }

    public List<string?>? Networks { get; set; }

    public string? Campaign { get; set; }

    public double? Weight { get; set; }

    public DateOnly? Deadline { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(GoalSetDocument))]
internal sealed partial class GoalsJsonContext : JsonSerializerContext
{
}

// Shared by the goal set and the experiment log readers.
internal static class JsonReading
{
    internal static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    internal static string PathOf(JsonException exception) => string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path;

    internal static string Describe(JsonException exception) =>
        exception.LineNumber is long line
            ? FormattableString.Invariant($"malformed JSON or a value of the wrong type (line {line + 1}, byte {exception.BytePositionInLine + 1}): {exception.Message}")
            : $"malformed JSON or a value of the wrong type: {exception.Message}";
}
