using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using ChannelMetrics.Statistics;

namespace ChannelMetrics.Decisions;

/// <summary>The verdicts of a <see cref="DecisionEngine"/> for every network (and its campaigns), with the policy used.</summary>
/// <remarks>
/// <para>Immutable: each list is copied when set (by the engine, <see cref="FromJson(string)"/> or a <c>with</c>) and cannot be
/// changed through its property. The same input gives the same report, and <see cref="ToJson"/> the same bytes; record
/// equality compares the lists by reference, as C# records do, so compare <see cref="ToJson"/> for equal content.</para>
/// <para>JSON is camelCase with enums as camelCase strings and periods as text (<c>"2026-03"</c>), written by a
/// source-generated serializer context, so it works under NativeAOT.</para>
/// </remarks>
public sealed record DecisionReport
{
    /// <summary>The schema version of the JSON form.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Gets the schema version of the JSON form (<see cref="CurrentSchemaVersion"/>).</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Gets the evaluation date.</summary>
    public required DateOnly EvaluationDate { get; init; }

    /// <summary>Gets the evaluation period: the last period that ended by the evaluation date. Later data are ignored.</summary>
    public required Period EvaluationPeriod { get; init; }

    /// <summary>Gets the first period of the evaluation window.</summary>
    public required Period WindowStart { get; init; }

    /// <summary>Gets the policy the verdicts were made with.</summary>
    public required DecisionPolicy Policy { get; init; }

    /// <summary>Gets the portfolio totals over the window.</summary>
    public required PortfolioSummary Portfolio { get; init; }

    /// <summary>Gets the networks, sorted by name ignoring case (then ordinal).</summary>
    public required IReadOnlyList<ChannelAssessment> Networks { get; init => field = ReadOnlyCopy.Of(value, nameof(Networks)); }

    /// <summary>
    /// Gets notes on the input that was worked around or looks wrong (code <see cref="EvidenceCodes.DataNote"/>): the
    /// dataset's and the funnel table's diagnostics, and data left out of the evaluation.
    /// </summary>
    public IReadOnlyList<Evidence> DataNotes { get; init => field = ReadOnlyCopy.Of(value, nameof(DataNotes)); } = [];

    /// <summary>Writes the report as indented JSON.</summary>
    /// <returns>The JSON text; <see cref="FromJson"/> reads it back.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, DecisionJsonContext.Relaxed.DecisionReport);

    /// <summary>Writes the report as indented UTF-8 JSON.</summary>
    /// <param name="utf8Json">The stream to write to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    public void WriteJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        JsonSerializer.Serialize(utf8Json, this, DecisionJsonContext.Relaxed.DecisionReport);
    }

    /// <summary>Reads a report written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">
    /// The text is not a report: malformed, of another schema version than <see cref="CurrentSchemaVersion"/>, with a
    /// required member missing or null, or with a negative count; the message names the JSON path.
    /// </exception>
    public static DecisionReport FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);

        // As the other readers do: a lone surrogate becomes U+FFFD, so bad text is a JsonException, not an ArgumentException.
        var report = JsonSerializer.Deserialize(Goals.JsonReading.FromString(json).Span, DecisionJsonContext.Relaxed.DecisionReport)
            ?? throw new JsonException("The JSON holds null, not a decision report.");

        // A later version changed the meaning of some field: reading it as this one would be silently wrong.
        if (report.SchemaVersion != CurrentSchemaVersion)
        {
            throw new JsonException($"$.schemaVersion: unsupported schema version {report.SchemaVersion}; expected {CurrentSchemaVersion}.");
        }

        // Null members are refused by the serializer; what it cannot see (null list items, negative counts) would
        // only fail later, in a report writer.
        var portfolio = report.Portfolio;
        Check(portfolio.Visits >= 0 && portfolio.Leads >= 0 && portfolio.Customers >= 0, "$.portfolio", "expected counts of zero or more");
        for (int i = 0; i < report.Networks.Count; i++)
        {
            Check(report.Networks[i], FormattableString.Invariant($"$.networks[{i}]"));
        }

        CheckItems(report.DataNotes, "$.dataNotes");
        return report;
    }

    private static void Check(ChannelAssessment? assessment, string path)
    {
        Check(assessment is not null, path, "expected an assessment, found null");
        Check(assessment.Visits >= 0 && assessment.Leads >= 0 && assessment.Customers >= 0 && assessment.HistoryPeriods >= 0, path, "expected counts of zero or more");
        CheckItems(assessment.GoalStatuses, path + ".goalStatuses");
        CheckItems(assessment.Evidence, path + ".evidence");
        for (int i = 0; i < assessment.Campaigns.Count; i++)
        {
            Check(assessment.Campaigns[i], FormattableString.Invariant($"{path}.campaigns[{i}]"));
        }
    }

    private static void CheckItems<T>(IReadOnlyList<T?> items, string path)
        where T : class
    {
        for (int i = 0; i < items.Count; i++)
        {
            Check(items[i] is not null, FormattableString.Invariant($"{path}[{i}]"), "expected an object, found null");
        }
    }

    private static void Check([DoesNotReturnIf(false)] bool valid, string path, string expectation)
    {
        if (!valid)
        {
            throw new JsonException($"{path}: {expectation}.");
        }
    }
}

/// <summary>The portfolio over the evaluation window: every network and source in the data together.</summary>
public sealed record PortfolioSummary
{
    /// <summary>Gets the number of networks (and sources) in the report.</summary>
    public required int NetworkCount { get; init; }

    /// <summary>Gets all visits in the window.</summary>
    public required long Visits { get; init; }

    /// <summary>Gets all leads in the window.</summary>
    public required long Leads { get; init; }

    /// <summary>Gets all customers in the window.</summary>
    public required long Customers { get; init; }

    /// <summary>Gets leads / visits, or <see langword="null"/> when undefined.</summary>
    public double? VisitToLeadRate { get; init; }

    /// <summary>Gets the Wilson interval of <see cref="VisitToLeadRate"/>, or <see langword="null"/>.</summary>
    public Interval? VisitToLeadInterval { get; init; }

    /// <summary>Gets customers / leads, or <see langword="null"/> when undefined.</summary>
    public double? LeadToCustomerRate { get; init; }

    /// <summary>Gets the Wilson interval of <see cref="LeadToCustomerRate"/>, or <see langword="null"/>.</summary>
    public Interval? LeadToCustomerInterval { get; init; }

    /// <summary>Gets how many networks got each verdict, in <see cref="Verdict"/> order, verdicts with none left out.</summary>
    public required IReadOnlyList<VerdictCount> Verdicts { get; init => field = ReadOnlyCopy.Of(value, nameof(Verdicts)); }
}

/// <summary>How many networks got a verdict.</summary>
/// <param name="Verdict">The verdict.</param>
/// <param name="Count">The number of networks.</param>
public sealed record VerdictCount(Verdict Verdict, int Count);
