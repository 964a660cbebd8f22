using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using ChannelMetrics.Goals;

namespace ChannelMetrics.Experiments;

/// <summary>
/// What a team tried on its networks and campaigns, and when: the record that tells "never really tried" from
/// "tried and failed".
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. Network and campaign names compare ignoring case; network names are stored and looked up without surrounding white space.</para>
/// <para>JSON (schema version 1; camelCase; <c>kind</c> one of contentFormat, postingTime, tone, audience, budget, other;
/// dates <c>yyyy-MM-dd</c>; <c>end</c> inclusive, omitted while running; <c>campaign</c> and <c>outcome</c> optional):</para>
/// <code>
/// { "schemaVersion": 1,
///   "experiments": [
///     { "network": "Instagram", "kind": "contentFormat", "description": "Reels instead of photo posts",
///       "start": "2025-03-01", "end": "2025-04-30", "outcome": "Reach doubled, leads flat" } ] }
/// </code>
/// </remarks>
public sealed class ExperimentLog : IEquatable<ExperimentLog>
{
    /// <summary>The schema version this library reads and writes.</summary>
    public const int CurrentSchemaVersion = 1;

    private static readonly string[] s_kindNames = ["contentFormat", "postingTime", "tone", "audience", "budget", "other"];

    private readonly Experiment[] _experiments;

    private ExperimentLog(Experiment[] experiments)
    {
        _experiments = experiments;
        Experiments = Array.AsReadOnly(experiments);
    }

    /// <summary>Gets an empty log.</summary>
    public static ExperimentLog Empty { get; } = new([]);

    /// <summary>Gets the experiments, in the order given.</summary>
    public IReadOnlyList<Experiment> Experiments { get; }

    /// <summary>Creates a log.</summary>
    /// <param name="experiments">The experiments.</param>
    /// <returns>The log.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="experiments"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An experiment is <see langword="null"/>.</exception>
    public static ExperimentLog Create(IEnumerable<Experiment> experiments)
    {
        ArgumentNullException.ThrowIfNull(experiments);
        var array = experiments.ToArray();
        if (Array.IndexOf(array, null) is int i and >= 0)
        {
            throw new ArgumentException(FormattableString.Invariant($"Experiment {i} is null."), nameof(experiments));
        }

        return new ExperimentLog(array);
    }

    /// <summary>
    /// Returns the experiments on <paramref name="network"/>; with a <paramref name="campaign"/>, those run in that
    /// campaign plus those run on the network as a whole (they affected the campaign too).
    /// </summary>
    /// <param name="network">The canonical network name.</param>
    /// <param name="campaign">A campaign, or <see langword="null"/> for every experiment on the network.</param>
    /// <returns>The experiments, in log order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<Experiment> ForNetwork(string network, string? campaign = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        string name = network.Trim();
        return Array.FindAll(_experiments, e => Matches(e, name, campaign));
    }

    /// <summary>Returns the kinds of experiment tried on <paramref name="network"/> (and <paramref name="campaign"/>, as in <see cref="ForNetwork"/>).</summary>
    /// <param name="network">The canonical network name.</param>
    /// <param name="campaign">A campaign, or <see langword="null"/>.</param>
    /// <returns>The distinct kinds, in enum order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<ExperimentKind> TriedKinds(string network, string? campaign = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        return ForNetwork(network, campaign).Select(e => e.Kind).Distinct().Order().ToArray();
    }

    /// <summary>
    /// Counts the experiments on <paramref name="network"/> (and <paramref name="campaign"/>) that ran on any day from
    /// <paramref name="from"/> to <paramref name="to"/>; a still-running experiment is taken to run through <paramref name="to"/>.
    /// </summary>
    /// <param name="network">The canonical network name.</param>
    /// <param name="from">The first day of the window.</param>
    /// <param name="to">The last day of the window, inclusive.</param>
    /// <param name="campaign">A campaign, or <see langword="null"/>.</param>
    /// <returns>The number of overlapping experiments.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public int CountOverlappingDates(string network, DateOnly from, DateOnly to, string? campaign = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (to < from)
        {
            throw new ArgumentException("The window ends before it starts.", nameof(to));
        }

        string name = network.Trim();
        int count = 0;
        foreach (var e in _experiments)
        {
            if (Matches(e, name, campaign) && e.Overlaps(from, to, asOf: to))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Counts the experiments that ran during the periods <paramref name="first"/> to <paramref name="last"/> (inclusive).</summary>
    /// <param name="network">The canonical network name.</param>
    /// <param name="first">The first period of the window.</param>
    /// <param name="last">The last period of the window.</param>
    /// <param name="campaign">A campaign, or <see langword="null"/>.</param>
    /// <returns>The number of overlapping experiments.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="last"/> starts before <paramref name="first"/>.</exception>
    public int CountOverlapping(string network, Period first, Period last, string? campaign = null) =>
        CountOverlappingDates(network, first.Start, last.LastDay, campaign);

    /// <summary>
    /// Returns the periods of <paramref name="granularity"/> during which at least one experiment ran on
    /// <paramref name="network"/> (and <paramref name="campaign"/>): the measure of how long the network was really tried.
    /// </summary>
    /// <param name="network">The canonical network name.</param>
    /// <param name="granularity">The reporting period length.</param>
    /// <param name="asOf">The day still-running experiments are taken to run until; experiments starting later are left out.</param>
    /// <param name="campaign">A campaign, or <see langword="null"/>.</param>
    /// <returns>The distinct periods, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<Period> PeriodsCovered(string network, PeriodGranularity granularity, DateOnly asOf, string? campaign = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        string name = network.Trim();
        var periods = new SortedSet<Period>();
        foreach (var e in _experiments)
        {
            if (!Matches(e, name, campaign) || e.Start > asOf)
            {
                continue;
            }

            var end = e.End is DateOnly last && last < asOf ? last : asOf;
            var lastPeriod = Period.Containing(end, granularity);
            // Counted, not stepped past the last: the period after one holding 9999-12-31 does not exist.
            var firstPeriod = Period.Containing(e.Start, granularity);
            for (int k = 0, count = firstPeriod.PeriodsUntil(lastPeriod); k <= count; k++)
            {
                periods.Add(firstPeriod.Offset(k));
            }
        }

        return periods.ToArray();
    }

    /// <summary>Reads an experiment log from JSON text.</summary>
    /// <param name="json">The JSON (see the remarks on <see cref="ExperimentLog"/>).</param>
    /// <returns>The log.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ExperimentLogFormatException">The JSON is malformed, of an unsupported schema version, or invalid; the message names the JSON path.</exception>
    public static ExperimentLog FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(JsonReading.FromString(json));
    }

    /// <summary>Reads an experiment log from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The stream to read to its end.</param>
    /// <returns>The log.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ExperimentLogFormatException">The JSON is malformed, of an unsupported schema version, or invalid; the message names the JSON path.</exception>
    public static ExperimentLog FromJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return Read(JsonReading.ReadAll(utf8Json));
    }

    /// <summary>Writes the log as indented JSON, with <c>schemaVersion</c> <see cref="CurrentSchemaVersion"/>.</summary>
    /// <returns>The JSON text; <see cref="FromJson(string)"/> reads it back to an equal log.</returns>
    public string ToJson() => JsonSerializer.Serialize(ToDocument(), JsonReading.ExperimentsWriter.ExperimentLogDocument);

    /// <summary>Writes the log as indented UTF-8 JSON.</summary>
    /// <param name="utf8Json">The stream to write to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    public void WriteJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        JsonSerializer.Serialize(utf8Json, ToDocument(), JsonReading.ExperimentsWriter.ExperimentLogDocument);
    }

    /// <inheritdoc/>
    public bool Equals([NotNullWhen(true)] ExperimentLog? other) =>
        other is not null && _experiments.AsSpan().SequenceEqual(other._experiments);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as ExperimentLog);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_experiments.Length, _experiments.Length > 0 ? _experiments[0] : null);

    /// <summary>Returns the number of experiments.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"experiment log: {_experiments.Length} experiments");

    private static bool Matches(Experiment e, string network, string? campaign) =>
        string.Equals(e.Network, network, StringComparison.OrdinalIgnoreCase)
        && (campaign is null || e.Campaign is null || string.Equals(e.Campaign, campaign, StringComparison.OrdinalIgnoreCase));

    private ExperimentLogDocument ToDocument() => new()
    {
        SchemaVersion = CurrentSchemaVersion,
        Experiments = _experiments.Select(e => (ExperimentDocument?)new ExperimentDocument
        {
            Network = e.Network,
            Campaign = e.Campaign,
            Kind = s_kindNames[(int)e.Kind],
            Description = e.Description,
            Start = e.Start,
            End = e.End,
            Outcome = e.Outcome,
        }).ToList(),
    };

    private static ExperimentLog Read(ReadOnlyMemory<byte> utf8Json)
    {
        ExperimentLogDocument? document;
        try
        {
            using (var json = JsonDocument.Parse(utf8Json, JsonReading.DocumentOptions))
            {
                GoalSet.CheckSchemaVersion(json.RootElement, CurrentSchemaVersion, static (path, message) => new ExperimentLogFormatException(path, message, null));
            }

            document = JsonSerializer.Deserialize(utf8Json.Span, ExperimentsJsonContext.Default.ExperimentLogDocument);
        }
        catch (JsonException e)
        {
            throw new ExperimentLogFormatException(JsonReading.PathOf(e), JsonReading.Describe(e), e);
        }

        if (document?.Experiments is null)
        {
            throw new ExperimentLogFormatException("$.experiments", "expected an array of experiments", null);
        }

        var experiments = new Experiment[document.Experiments.Count];
        for (int i = 0; i < experiments.Length; i++)
        {
            experiments[i] = ToExperiment(document.Experiments[i], FormattableString.Invariant($"$.experiments[{i}]"));
        }

        return new ExperimentLog(experiments);
    }

    private static Experiment ToExperiment(ExperimentDocument? d, string path)
    {
        if (d is null)
        {
            throw new ExperimentLogFormatException(path, "expected an experiment object, found null", null);
        }

        int kind = d.Kind is null ? -1 : Array.FindIndex(s_kindNames, n => n.Equals(d.Kind, StringComparison.OrdinalIgnoreCase));
        if (kind < 0)
        {
            throw new ExperimentLogFormatException(path + ".kind", $"{(d.Kind is null ? "missing kind" : $"unknown kind \"{d.Kind}\"")}; expected one of {string.Join(", ", s_kindNames)}", null);
        }

        if (d.Start is not DateOnly start)
        {
            throw new ExperimentLogFormatException(path + ".start", "missing start; expected a date such as \"2025-03-01\"", null);
        }

        if (Experiment.Validate(d.Network, (ExperimentKind)kind, d.Description, start, d.End, d.Campaign) is { } error)
        {
            throw new ExperimentLogFormatException($"{path}.{error.Field}", error.Message, null);
        }

        return Experiment.Create(d.Network!, (ExperimentKind)kind, d.Description!, start, d.End, d.Campaign, d.Outcome);
    }
}
