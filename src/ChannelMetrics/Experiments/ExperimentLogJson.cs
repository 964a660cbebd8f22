using System.Text.Json.Serialization;

namespace ChannelMetrics.Experiments;

// The on-disk shape of an experiment log; the kind is a string parsed by hand so an unknown name gets its JSON path.
internal sealed class ExperimentLogDocument
{
    public int? SchemaVersion { get; set; }

    public List<ExperimentDocument?>? Experiments { get; set; }
}

internal sealed class ExperimentDocument
{
    public string? Network { get; set; }

    public string? Campaign { get; set; }

    public string? Kind { get; set; }

    public string? Description { get; set; }

    public DateOnly? Start { get; set; }

    public DateOnly? End { get; set; }

    public string? Outcome { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ExperimentLogDocument))]
internal sealed partial class ExperimentsJsonContext : JsonSerializerContext
{
}
