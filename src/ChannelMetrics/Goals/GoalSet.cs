using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace ChannelMetrics.Goals;

/// <summary>
/// The goals a team set for its networks, read from and written to JSON with a schema version.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. Goal ids are unique, ignoring case. Network names compare ignoring case, and are stored without surrounding white space.</para>
/// <para>JSON (schema version 1; property names camelCase, enum values as camelCase strings, <c>//</c> comments allowed):</para>
/// <code>
/// {
///   "schemaVersion": 1,
///   "name": "Acme Ltd",
///   "goals": [
///     { "id": "li-leads", "metric": "leads", "target": 40, "targetForm": "absolute", "direction": "atLeast",
///       "networks": [ "LinkedIn" ], "campaign": "company-page", "weight": 2, "deadline": "2026-06-30" },
///     { "id": "all-negative", "metric": "negativeShare", "target": 0.1, "direction": "atMost" }
///   ]
/// }
/// </code>
/// <para>Omitted: <c>networks</c> means all networks; <c>targetForm</c> means <c>absolute</c>; <c>direction</c> means
/// <c>atLeast</c>; <c>weight</c> means 1. <c>section</c> is required for <c>sectionVisits</c> goals only.</para>
/// </remarks>
public sealed class GoalSet : IEquatable<GoalSet>
{
    /// <summary>The schema version this library reads and writes.</summary>
    public const int CurrentSchemaVersion = 1;

    private readonly Goal[] _goals;

    private GoalSet(string? name, Goal[] goals)
    {
        Name = name;
        _goals = goals;
        Goals = Array.AsReadOnly(goals);
    }

    /// <summary>Gets an empty goal set.</summary>
    public static GoalSet Empty { get; } = new(null, []);

    /// <summary>Gets the set's name (for example the client), or <see langword="null"/>.</summary>
    public string? Name { get; }

    /// <summary>Gets the goals, in the order given.</summary>
    public IReadOnlyList<Goal> Goals { get; }

    /// <summary>Creates a goal set.</summary>
    /// <param name="goals">The goals; ids must be unique ignoring case.</param>
    /// <param name="name">The set's name, or <see langword="null"/>.</param>
    /// <returns>The goal set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="goals"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A goal is <see langword="null"/>, or two goals share an id.</exception>
    public static GoalSet Create(IEnumerable<Goal> goals, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(goals);
        var array = goals.ToArray();
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < array.Length; i++)
        {
            if (array[i] is null)
            {
                throw new ArgumentException(FormattableString.Invariant($"Goal {i} is null."), nameof(goals));
            }

            if (!ids.TryAdd(array[i].Id, i))
            {
                throw new ArgumentException($"Duplicate goal id \"{array[i].Id}\".", nameof(goals));
            }
        }

        return new GoalSet(string.IsNullOrWhiteSpace(name) ? null : name, array);
    }

    /// <summary>
    /// Returns the goals that apply to <paramref name="network"/> (compared ignoring case): goals for all networks and
    /// goals listing it, including goals limited to one of its campaigns (see <see cref="Goal.Campaign"/>).
    /// </summary>
    /// <param name="network">The canonical network name.</param>
    /// <returns>The goals, in set order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<Goal> ForNetwork(string network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return Array.FindAll(_goals, g => g.AppliesTo(network));
    }

    /// <summary>Returns the goals limited to <paramref name="campaign"/> on <paramref name="network"/> (both compared ignoring case).</summary>
    /// <param name="network">The canonical network name.</param>
    /// <param name="campaign">The campaign.</param>
    /// <returns>The goals, in set order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="campaign"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<Goal> ForCampaign(string network, string campaign)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(campaign);
        return Array.FindAll(_goals, g => g.AppliesTo(network, campaign));
    }

    /// <summary>Finds a goal by id, ignoring case.</summary>
    /// <param name="id">The goal id.</param>
    /// <param name="goal">The goal, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    public bool TryGetGoal(string id, [NotNullWhen(true)] out Goal? goal)
    {
        ArgumentNullException.ThrowIfNull(id);
        goal = Array.Find(_goals, g => string.Equals(g.Id, id, StringComparison.OrdinalIgnoreCase));
        return goal is not null;
    }

    /// <summary>Reads a goal set from JSON text.</summary>
    /// <param name="json">The JSON (see the remarks on <see cref="GoalSet"/>).</param>
    /// <returns>The goal set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="GoalSetFormatException">The JSON is malformed, of an unsupported schema version, or invalid; the message names the JSON path.</exception>
    public static GoalSet FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(JsonReading.FromString(json));
    }

    /// <summary>Reads a goal set from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The stream to read to its end.</param>
    /// <returns>The goal set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="GoalSetFormatException">The JSON is malformed, of an unsupported schema version, or invalid; the message names the JSON path.</exception>
    public static GoalSet FromJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return Read(JsonReading.ReadAll(utf8Json));
    }

    /// <summary>Writes the goal set as indented JSON, with <c>schemaVersion</c> <see cref="CurrentSchemaVersion"/>.</summary>
    /// <returns>The JSON text; <see cref="FromJson(string)"/> reads it back to an equal set.</returns>
    public string ToJson() => JsonSerializer.Serialize(ToDocument(), JsonReading.GoalsWriter.GoalSetDocument);

    /// <summary>Writes the goal set as indented UTF-8 JSON.</summary>
    /// <param name="utf8Json">The stream to write to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    public void WriteJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        JsonSerializer.Serialize(utf8Json, ToDocument(), JsonReading.GoalsWriter.GoalSetDocument);
    }

    /// <inheritdoc/>
    public bool Equals([NotNullWhen(true)] GoalSet? other) =>
        other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal) && _goals.AsSpan().SequenceEqual(other._goals);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as GoalSet);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, _goals.Length, _goals.Length > 0 ? _goals[0] : null);

    /// <summary>Returns the name and the number of goals.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name ?? "goal set"}: {_goals.Length} goals");

    private GoalSetDocument ToDocument() => new()
    {
        SchemaVersion = CurrentSchemaVersion,
        Name = Name,
        Goals = _goals.Select(g => (GoalDocument?)new GoalDocument
        {
            Id = g.Id,
            Description = g.Description,
            Metric = g.Metric.ToJsonName(),
            Section = g.Section,
            Target = g.Target.Value,
            TargetForm = g.Target.Form == GoalTargetForm.Absolute ? "absolute" : "growthPerPeriod",
            Direction = g.Direction == GoalDirection.AtLeast ? "atLeast" : "atMost",
            Networks = g.AppliesToAllNetworks ? null : [.. g.Networks],
            Campaign = g.Campaign,
            Weight = g.Weight,
            Deadline = g.Deadline,
        }).ToList(),
    };

    private static GoalSet Read(ReadOnlyMemory<byte> utf8Json)
    {
        GoalSetDocument? document;
        try
        {
            using (var json = JsonDocument.Parse(utf8Json, JsonReading.DocumentOptions))
            {
                CheckSchemaVersion(json.RootElement, CurrentSchemaVersion, static (path, message) => new GoalSetFormatException(path, message, null));
            }

            document = JsonSerializer.Deserialize(utf8Json.Span, GoalsJsonContext.Default.GoalSetDocument);
        }
        catch (JsonException e)
        {
            throw new GoalSetFormatException(JsonReading.PathOf(e), JsonReading.Describe(e), e);
        }

        if (document?.Goals is null)
        {
            throw new GoalSetFormatException("$.goals", "expected an array of goals", null);
        }

        var goals = new Goal[document.Goals.Count];
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < goals.Length; i++)
        {
            string path = FormattableString.Invariant($"$.goals[{i}]");
            goals[i] = ToGoal(document.Goals[i], path);
            if (!ids.TryAdd(goals[i].Id, i))
            {
                throw new GoalSetFormatException(path + ".id", FormattableString.Invariant($"duplicate goal id \"{goals[i].Id}\" (first used at $.goals[{ids[goals[i].Id]}]); expected unique ids"), null);
            }
        }

        return new GoalSet(string.IsNullOrWhiteSpace(document.Name) ? null : document.Name, goals);
    }

    internal static void CheckSchemaVersion(JsonElement root, int supported, Func<string, string, Exception> error)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw error("$", $"expected a JSON object with \"schemaVersion\": {supported}");
        }

        if (!root.TryGetProperty("schemaVersion", out var version))
        {
            throw error("$.schemaVersion", $"missing schema version; expected \"schemaVersion\": {supported}");
        }

        if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int value) || value != supported)
        {
            throw error("$.schemaVersion", $"unsupported schema version {version.GetRawText()}; expected {supported}");
        }
    }

    private static Goal ToGoal(GoalDocument? d, string path)
    {
        if (d is null)
        {
            throw new GoalSetFormatException(path, "expected a goal object, found null", null);
        }

        if (d.Metric is null)
        {
            throw new GoalSetFormatException(path + ".metric", $"missing metric; expected one of {GoalMetricExtensions.JsonNames}", null);
        }

        if (!GoalMetricExtensions.TryParseJsonName(d.Metric, out var metric))
        {
            // Funnel tables and reports name the rates "visitToLead" and "leadToCustomer": point from those to the goal names.
            string hint = GoalMetricExtensions.TryParseJsonName(d.Metric + "Rate", out var rate) ? $" (did you mean \"{rate.ToJsonName()}\"?)" : "";
            throw new GoalSetFormatException(path + ".metric", $"unknown metric \"{d.Metric}\"{hint}; expected one of {GoalMetricExtensions.JsonNames}", null);
        }

        if (d.Target is not double targetValue)
        {
            throw new GoalSetFormatException(path + ".target", "missing target; expected a number", null);
        }

        // JSON reads 1e400 as infinity, which GoalTarget rejects with an exception of its own.
        if (!double.IsFinite(targetValue))
        {
            throw new GoalSetFormatException(path + ".target", "the target is beyond the range of a number; expected a finite number", null);
        }

        GoalTarget target;
        if (d.TargetForm is null || d.TargetForm.Equals("absolute", StringComparison.OrdinalIgnoreCase))
        {
            target = GoalTarget.Absolute(targetValue);
        }
        else if (d.TargetForm.Equals("growthPerPeriod", StringComparison.OrdinalIgnoreCase))
        {
            if (targetValue < -1)
            {
                throw new GoalSetFormatException(path + ".target", FormattableString.Invariant($"growth target {targetValue} is below -1; expected a relative change per period of -1 or more (0.05 = +5 %)"), null);
            }

            target = GoalTarget.GrowthPerPeriod(targetValue);
        }
        else
        {
            throw new GoalSetFormatException(path + ".targetForm", $"unknown target form \"{d.TargetForm}\"; expected absolute or growthPerPeriod", null);
        }

        GoalDirection direction;
        if (d.Direction is null || d.Direction.Equals("atLeast", StringComparison.OrdinalIgnoreCase))
        {
            direction = GoalDirection.AtLeast;
        }
        else if (d.Direction.Equals("atMost", StringComparison.OrdinalIgnoreCase))
        {
            direction = GoalDirection.AtMost;
        }
        else
        {
            throw new GoalSetFormatException(path + ".direction", $"unknown direction \"{d.Direction}\"; expected atLeast or atMost", null);
        }

        string[]? networks = d.Networks?.ToArray()!;
        double weight = d.Weight ?? 1;
        if (Goal.Validate(d.Id, metric, target, direction, networks, d.Campaign, weight, d.Section) is { } error)
        {
            throw new GoalSetFormatException($"{path}.{error.Field}", error.Message, null);
        }

        return Goal.Create(d.Id!, metric, target, direction, networks, d.Campaign, weight, d.Deadline, d.Section, d.Description);
    }
}
