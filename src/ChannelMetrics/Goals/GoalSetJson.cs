using System.Text.Encodings.Web;
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

// Shared by the goal set and the experiment log readers and writers.
internal static class JsonReading
{
    // Goal and experiment files are edited by people and never embedded in HTML, so non-ASCII text (Arabic
    // descriptions, accented campaign names) and quotes are written as is rather than as \uXXXX escapes.
    internal static readonly GoalsJsonContext GoalsWriter = new(WriterOptions());

    internal static readonly Experiments.ExperimentsJsonContext ExperimentsWriter = new(WriterOptions());

    internal static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    // Both passes (schema-version check, then typed deserialization) read the original bytes, so line numbers
    // in messages are those of the file; a UTF-8 byte order mark is skipped.
    internal static ReadOnlyMemory<byte> ReadAll(Stream utf8Json)
    {
        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return SkipBom(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    internal static ReadOnlyMemory<byte> FromString(string json) => System.Text.Encoding.UTF8.GetBytes(json);

    private static ReadOnlyMemory<byte> SkipBom(ReadOnlyMemory<byte> bytes) =>
        bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;

    private static JsonSerializerOptions WriterOptions() => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal static string PathOf(JsonException exception) => string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path;

    // Turns System.Text.Json's message (which names internal types) into what the file's author should write.
    internal static string Describe(JsonException exception)
    {
        string where = exception.LineNumber is long line
            ? FormattableString.Invariant($" (line {line + 1}, byte {exception.BytePositionInLine + 1})")
            : "";
        string message = exception.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            string path = PathOf(exception);
            string name = path[(path.LastIndexOf('.') + 1)..];
            return $"unknown property \"{name}\"{where}; check its spelling against the schema (property names are camelCase)";
        }

        if (message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            string expected =
                message.Contains("DateOnly", StringComparison.Ordinal) ? "a date such as \"2026-06-30\"" :
                message.Contains("Double", StringComparison.Ordinal) ? "a number" :
                message.Contains("Int32", StringComparison.Ordinal) || message.Contains("Int64", StringComparison.Ordinal) ? "an integer" :
                message.Contains("List", StringComparison.Ordinal) ? "an array" :
                message.Contains("String", StringComparison.Ordinal) ? "a string" :
                "an object";
            return $"a value of the wrong type{where}; expected {expected}";
        }

        int cut = message.IndexOf(" Path:", StringComparison.Ordinal) is int p and > 0 ? p : message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return $"malformed JSON{where}: {(cut > 0 ? message[..cut] : message)}";
    }
}
