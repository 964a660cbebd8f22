using System.Text.Json;
using System.Text.Json.Serialization;
using ChannelMetrics;
using ChannelMetrics.Decisions;
using ChannelMetrics.Experiments;
using ChannelMetrics.Funnel;
using ChannelMetrics.Goals;
using ChannelMetrics.Metrics;

namespace WebApi.Requests;

/// <summary>
/// The body of POST /evaluate: the funnel, either as raw events (aggregated here) or as monthly rows
/// (already aggregated, as a warehouse exports them), optional snapshots, and the team's goals and
/// experiment log in their own JSON formats.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record EvaluateRequest
{
    /// <summary>The evaluation date; default: the day after the last month of data.</summary>
    public DateOnly? EvaluationDate { get; init; }

    /// <summary>Funnel events: visits with their landing URL, leads and customers with the visitor id.</summary>
    public IReadOnlyList<EventJson>? Events { get; init; }

    /// <summary>The reporting time zone of <see cref="Events"/> (IANA or Windows id); default UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>firstTouch, lastTouch or lastNonDirectTouch (the default, as GA4).</summary>
    public string? Attribution { get; init; }

    /// <summary>Monthly rows, when the funnel is already aggregated (instead of <see cref="Events"/>).</summary>
    public IReadOnlyList<FunnelRowJson>? Rows { get; init; }

    public IReadOnlyList<SnapshotJson>? Snapshots { get; init; }

    /// <summary>A goal set, as <c>GoalSet.FromJson</c> reads it; without goals every network gets "goals first".</summary>
    public JsonElement? Goals { get; init; }

    /// <summary>An experiment log, as <c>ExperimentLog.FromJson</c> reads it.</summary>
    public JsonElement? Experiments { get; init; }
}

/// <summary>One funnel event: an ISO 8601 timestamp with its offset, visit / lead / customer, the visitor, the landing URL.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record EventJson(string? Timestamp, string? Stage, string? VisitorId, string? LandingUrl);

/// <summary>
/// One aggregated funnel row: a month (<c>2026-03</c>), a network, optionally a campaign, and its counts. A count left
/// out (or misspelt: unknown members are refused) is an error, not zero.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FunnelRowJson(string? Period, string? Network, string? Campaign, long? Visits, long? Leads, long? Customers);

/// <summary>One network's month beyond the funnel; a member left out is unknown, not zero.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SnapshotJson(
    string? Period,
    string? Network,
    long? Followers = null,
    long? Impressions = null,
    long? Reach = null,
    long? Comments = null,
    long? Shares = null,
    long? Likes = null,
    long? Reposts = null,
    long? Mentions = null,
    long? Positive = null,
    long? Neutral = null,
    long? Negative = null,
    decimal? Spend = null,
    double? Hours = null,
    decimal? Revenue = null);

/// <summary>The evaluation and the funnel table it was made from (the report writers show both).</summary>
public sealed record Evaluation(DecisionReport Report, FunnelTable Funnel);

/// <summary>POST /evaluate as a plain function: validate everything, say every problem at once, then evaluate.</summary>
public static class EvaluateRequests
{
    /// <summary>At most this many rows or snapshots: far above a real agency's monthly data, low enough to bound the work.</summary>
    public const int MaxItems = 100_000;

    /// <summary>At most this many events (the server's request size limit, 30 MB by default, is usually reached first).</summary>
    public const int MaxEvents = 1_000_000;

    public static ApiOutcome<Evaluation> Evaluate(EvaluateRequest? request, DecisionEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        bool hasEvents = request?.Events is { Count: > 0 };
        bool hasRows = request?.Rows is { Count: > 0 };
        if (request is null || hasEvents == hasRows)
        {
            return ApiOutcome.BadRequest<Evaluation>("Send a JSON body with either 'events' (timestamp, stage, visitorId, landingUrl) or 'rows' (monthly funnel rows: period, network, campaign, visits, leads, customers), and optionally 'snapshots', 'goals', 'experiments', 'evaluationDate'; with events also 'timeZone' and 'attribution'.");
        }

        if ((request.Events?.Count ?? 0) > MaxEvents || (request.Rows?.Count ?? 0) > MaxItems || (request.Snapshots?.Count ?? 0) > MaxItems)
        {
            return ApiOutcome.BadRequest<Evaluation>($"At most {MaxEvents:N0} events, {MaxItems:N0} rows and {MaxItems:N0} snapshots are accepted in one request.");
        }

        var errors = new List<string>();
        FunnelTable funnel = hasEvents ? Aggregate(request, errors) : FromRows(request.Rows!, errors);

        var snapshots = new List<ChannelSnapshot>();
        for (int i = 0; i < (request.Snapshots?.Count ?? 0); i++)
        {
            if (Snapshot(request.Snapshots![i], i, errors) is { } snapshot)
            {
                snapshots.Add(snapshot);
            }
        }

        GoalSet goals = GoalSet.Empty;
        if (request.Goals is { ValueKind: not JsonValueKind.Null } goalsJson)
        {
            try
            {
                goals = GoalSet.FromJson(goalsJson.GetRawText());
            }
            catch (GoalSetFormatException e)
            {
                errors.Add("goals: " + e.Message);
            }
        }

        ExperimentLog experiments = ExperimentLog.Empty;
        if (request.Experiments is { ValueKind: not JsonValueKind.Null } experimentsJson)
        {
            try
            {
                experiments = ExperimentLog.FromJson(experimentsJson.GetRawText());
            }
            catch (ExperimentLogFormatException e)
            {
                errors.Add("experiments: " + e.Message);
            }
        }

        if (errors.Count > 0)
        {
            return ApiOutcome.BadRequest<Evaluation>(
                errors.Count == 1 ? errors[0] : $"{errors.Count} problems in the request; see 'errors'.",
                new() { ["errors"] = errors });
        }

        if (funnel.Periods.Count == 0)
        {
            return ApiOutcome.BadRequest<Evaluation>("The funnel has no data: no event or row could be counted.");
        }

        // Deterministic by default: evaluate as of the end of the data, not as of "today" (or as of the calendar's last
        // day, for data that reaches it: there is no day after 9999-12-31).
        Period last = funnel.Periods[^1];
        DateOnly date = request.EvaluationDate ?? (last.LastDay == DateOnly.MaxValue ? DateOnly.MaxValue : last.End);
        try
        {
            return ApiOutcome.Ok(new Evaluation(engine.Evaluate(funnel, snapshots, goals, experiments, date), funnel));
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName == "evaluationDate")
        {
            return ApiOutcome.BadRequest<Evaluation>($"evaluationDate: {date:yyyy-MM-dd} lies in the calendar's first month; there is no month before it to judge.");
        }
    }

    private static FunnelTable FromRows(IReadOnlyList<FunnelRowJson> rows, List<string> errors)
    {
        var records = new List<FunnelRecord>(rows.Count);

        // The table's diagnostics count records; this maps them back to the request's rows.
        var rowOfRecord = new List<int>(rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            FunnelRowJson row = rows[i];
            if (row is null)
            {
                errors.Add($"rows[{i}] is null.");
            }
            else if (!Period.TryParse(row.Period, out Period period) || period.Granularity != PeriodGranularity.Month)
            {
                errors.Add($"rows[{i}].period: '{row.Period}' is not a month such as 2026-03.");
            }
            else if (row.Visits is not { } visits || row.Leads is not { } leads || row.Customers is not { } customers)
            {
                errors.Add($"rows[{i}]: visits, leads and customers are all required (a count of zero or more; unknown is not zero).");
            }
            else
            {
                records.Add(new FunnelRecord(period, row.Network ?? "", visits, leads, customers, Campaign: row.Campaign));
                rowOfRecord.Add(i);
            }
        }

        FunnelTable funnel = FunnelTable.FromRows(records);
        foreach (FunnelDiagnostic d in funnel.Diagnostics)
        {
            // A row the table kept (an implausible date) is evaluated and noted in the report, as events are; a row
            // it skipped or merged would silently change the answer, so it is the caller's to fix.
            if (d.Code != FunnelDiagnosticCode.ImplausibleDate)
            {
                errors.Add($"rows[{rowOfRecord[d.RowIndex]}]: " + d.Code switch
                {
                    // The table's own messages say what it did with the row ("added to the earlier row", "skipped"); here
                    // nothing was evaluated, so say what is wrong instead.
                    FunnelDiagnosticCode.DuplicateRow => "repeats the period, network and campaign of an earlier row; send each once.",
                    FunnelDiagnosticCode.NegativeCount => "has a negative count.",
                    FunnelDiagnosticCode.MissingNetwork => "has no network.",
                    FunnelDiagnosticCode.CountOverflow => "has counts whose total would overflow.",
                    _ => d.Message,
                });
            }
        }

        return funnel;
    }

    /// <summary>Aggregates posted events by month in the request's time zone, with its attribution model.</summary>
    private static FunnelTable Aggregate(EvaluateRequest request, List<string> errors)
    {
        TimeZoneInfo zone = TimeZoneInfo.Utc;
        if (request.TimeZone is { Length: > 0 } id && !TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone!))
        {
            errors.Add($"timeZone: '{id}' is not a known time zone (for example Europe/Berlin or UTC).");
            zone = TimeZoneInfo.Utc;
        }

        AttributionModel attribution = AttributionModel.LastNonDirectTouch;
        if (request.Attribution is { } model && !EnumNames.TryParse(model, out attribution))
        {
            errors.Add($"attribution: '{model}' is not firstTouch, lastTouch or lastNonDirectTouch.");
            attribution = AttributionModel.LastNonDirectTouch;
        }

        var aggregator = new FunnelAggregator(FunnelOptions.Default with { TimeZone = zone, Attribution = attribution });
        IReadOnlyList<EventJson> events = request.Events!;
        for (int i = 0; i < events.Count; i++)
        {
            EventJson e = events[i];
            if (e is null)
            {
                errors.Add($"events[{i}] is null.");
            }
            else if (!TryParseTimestamp(e.Timestamp, out DateTimeOffset timestamp))
            {
                errors.Add($"events[{i}].timestamp: '{e.Timestamp}' is not an ISO 8601 timestamp with an offset, such as 2026-03-14T09:12:44+01:00.");
            }
            else if (!TryParseStage(e.Stage, out FunnelStage stage))
            {
                errors.Add($"events[{i}].stage: '{e.Stage}' is not visit, lead or customer.");
            }
            else if (errors.Count == 0)
            {
                aggregator.Add(new FunnelEvent(timestamp, stage, e.VisitorId, e.LandingUrl));
            }
        }

        return aggregator.ToTable();
    }

    /// <summary>
    /// A timestamp must state its date and its offset: without either the instant, and so its month, is unknown (a
    /// time alone would be read as today's).
    /// </summary>
    private static bool TryParseTimestamp(string? text, out DateTimeOffset timestamp)
    {
        timestamp = default;
        return text is { Length: > 10 }
            && char.IsAsciiDigit(text[0]) && text[4] == '-' && text[7] == '-' && text[10] is 'T' or 't' or ' '
            && (text[^1] is 'Z' or 'z' || (text[^6] is '+' or '-' && text[^3] == ':'))
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out timestamp);
    }

    private static bool TryParseStage(string? text, out FunnelStage stage)
    {
        stage = text?.ToUpperInvariant() switch
        {
            "VISIT" => FunnelStage.Visit,
            "LEAD" => FunnelStage.Lead,
            "CUSTOMER" => FunnelStage.Customer,
            _ => (FunnelStage)(-1),
        };
        return Enum.IsDefined(stage);
    }

    private static ChannelSnapshot? Snapshot(SnapshotJson? s, int index, List<string> errors)
    {
        if (s is null)
        {
            errors.Add($"snapshots[{index}] is null.");
            return null;
        }

        if (!Period.TryParse(s.Period, out Period period))
        {
            errors.Add($"snapshots[{index}].period: '{s.Period}' is not a period such as 2026-03.");
            return null;
        }

        try
        {
            return new ChannelSnapshot
            {
                Period = period,
                Network = s.Network!,
                Followers = s.Followers,
                Impressions = s.Impressions,
                Reach = s.Reach,
                Comments = s.Comments,
                Shares = s.Shares,
                Likes = s.Likes,
                Reposts = s.Reposts,
                Mentions = s.Mentions,
                PositiveCount = s.Positive,
                NeutralCount = s.Neutral,
                NegativeCount = s.Negative,
                Spend = s.Spend,
                HoursSpent = s.Hours,
                Revenue = s.Revenue,
            };
        }
        catch (ArgumentException e)
        {
            // The snapshot validates each value as it is set and names the field.
            errors.Add($"snapshots[{index}]: {e.Message}");
            return null;
        }
    }
}
