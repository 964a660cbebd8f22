using System.Text;
using ChannelMetrics.Decisions;
using ChannelMetrics.Experiments;
using ChannelMetrics.Goals;

namespace ChannelMetrics.Reporting;

/// <summary>
/// Turns the decision engine's values into report text: verdict, role and status names, metric values in their unit,
/// and one sentence per <see cref="Evidence"/> rendered from its <see cref="Evidence.Code"/> and structured fields
/// through the localized templates <c>Evidence.&lt;Code&gt;</c> (never from the engine's English message, except for a
/// code this version does not know).
/// </summary>
internal sealed class DecisionText(ReportText text)
{
    private enum Unit
    {
        Count,
        Percent,
        Score,
        Money,
    }

    public ReportText Text { get; } = text;

    public string Verdict(Verdict verdict) => Text.Get("Verdict." + JsonNames.Pascal(verdict));

    public string VerdictAdvice(Verdict verdict) => Text.Get("VerdictAdvice." + JsonNames.Pascal(verdict));

    public string Confidence(ConfidenceLevel level) => Text.Get("Confidence." + level switch
    {
        ConfidenceLevel.Low => "Low",
        ConfidenceLevel.Medium => "Medium",
        _ => "High",
    });

    public string Role(NetworkRole role) => Text.Get("Role." + RoleKey(role));

    public string RoleDescription(NetworkRole role) => Text.Get("RoleDescription." + RoleKey(role));

    public string? Focus(OptimizationFocus focus) => focus switch
    {
        OptimizationFocus.VisitToLead => Text.Get("Focus.VisitToLead"),
        OptimizationFocus.LeadToCustomer => Text.Get("Focus.LeadToCustomer"),
        OptimizationFocus.Traffic => Text.Get("Focus.Traffic"),
        OptimizationFocus.Sentiment => Text.Get("Focus.Sentiment"),
        OptimizationFocus.Cost => Text.Get("Focus.Cost"),
        _ => null,
    };

    public string Progress(GoalProgress progress) => Text.Get("Progress." + progress switch
    {
        GoalProgress.Met => "Met",
        GoalProgress.OnTrack => "OnTrack",
        GoalProgress.Behind => "Behind",
        GoalProgress.Missed => "Missed",
        _ => "Unknown",
    });

    public string Kinds(IReadOnlyList<ExperimentKind>? kinds)
    {
        if (kinds is null || kinds.Count == 0)
        {
            return Text.Get("NotAvailable");
        }

        var list = new StringBuilder();
        foreach (var kind in kinds)
        {
            if (list.Length > 0)
            {
                list.Append(Text.Get("ListSeparator"));
            }

            list.Append(Text.Get("Experiment." + kind switch
            {
                ExperimentKind.ContentFormat => "ContentFormat",
                ExperimentKind.PostingTime => "PostingTime",
                ExperimentKind.Tone => "Tone",
                ExperimentKind.Audience => "Audience",
                ExperimentKind.Budget => "Budget",
                _ => "Other",
            }));
        }

        return list.ToString();
    }

    /// <summary>The localized name of a goal metric or evidence metric (its JSON name when the resources do not know it).</summary>
    public string Metric(string? jsonName) =>
        jsonName is null ? Text.Get("NotAvailable") : Text.TryGet("Metric." + jsonName) ?? jsonName;

    public string Metric(GoalMetric metric) => Metric(metric.ToJsonName());

    /// <summary>A goal's target with its direction: "at least 25", "at most 15.0%", "at least 1.0% per period".</summary>
    public string Target(GoalStatus status) => Text.FormatPlain(
        status.Direction == GoalDirection.AtMost ? "TargetAtMost" : "TargetAtLeast",
        new TextArg("target", GoalValue(status, status.Target)));

    /// <summary>A value of a goal's metric in its unit (a growth rate per period for a growth target).</summary>
    public string GoalValue(GoalStatus status, double? value)
    {
        if (value is not { } v)
        {
            return Text.Get("NotAvailable");
        }

        if (status.TargetForm == GoalTargetForm.GrowthPerPeriod)
        {
            return Text.FormatPlain("PerPeriod", new TextArg("value", Text.Percent(v)));
        }

        return Format(UnitOf(status.Metric), v);
    }

    /// <summary>A gap with its sign: +4.5 when ahead of the target, −4.5 when short; between rates, in percentage points (−13.9 pts).</summary>
    public string Gap(GoalStatus status, double? gap)
    {
        if (gap is not { } g)
        {
            return Text.Get("NotAvailable");
        }

        var unit = status.TargetForm == GoalTargetForm.GrowthPerPeriod ? Unit.Percent : UnitOf(status.Metric);
        return Signed(g, unit == Unit.Percent ? Points(Math.Abs(g), 1) : Format(unit, Math.Abs(g), keepSmall: false));
    }

    /// <summary>
    /// A difference of two rates in percentage points, "0.4 pts": a rate going from 1.0 % to 1.4 % gains 0.4 points,
    /// which "+0.4 %" would misstate (it is +40 %).
    /// </summary>
    private string Points(double difference, int digits) =>
        Text.FormatPlain("PercentagePoints", new TextArg("value", Text.Decimal(difference * 100, digits)));

    /// <summary>A rounded magnitude with the value's sign, none when it rounds to zero ("−0.0 %" next to "missed" reads as a contradiction).</summary>
    private string Signed(double value, string magnitude) =>
        magnitude.AsSpan().IndexOfAnyInRange('1', '9') < 0 ? magnitude
        : value < 0 ? Text.Culture.NumberFormat.NegativeSign + magnitude
        : value > 0 ? "+" + magnitude
        : magnitude;

    /// <summary>A probability with one decimal, bounded away from certainty: "more than 99.9%" rather than a rounded "100.0%".</summary>
    public string Probability(double probability) => probability switch
    {
        > 0.999 => Text.FormatPlain("MoreThan", new TextArg("value", Text.Percent(0.999))),
        < 0.001 => Text.FormatPlain("LessThan", new TextArg("value", Text.Percent(0.001))),
        _ => Text.Percent(probability),
    };

    public string PValue(double p) => p < 0.001
        ? Text.FormatPlain("PValueBelow", new TextArg("p", Text.Decimal(0.001, 3)))
        : Text.FormatPlain("PValue", new TextArg("p", Text.Decimal(p, 3)));

    /// <summary>The sentence of one piece of evidence about <paramref name="subject"/>, with its statistics as short follow-up sentences.</summary>
    /// <param name="evidence">The evidence.</param>
    /// <param name="subject">The subject's display name, already escaped for the output format.</param>
    /// <param name="goals">The subject's goal statuses, to give a goal metric's value its unit.</param>
    /// <param name="escape">Escapes text from the data for the output format.</param>
    public string Sentence(Evidence evidence, string subject, IReadOnlyList<GoalStatus> goals, Func<string, string> escape)
    {
        string? template = Text.TryGet("Evidence." + evidence.Code);
        if (template is null)
        {
            // A code newer than these resources: the engine's English sentence is better than nothing.
            return Text.Isolate(escape(evidence.Message));
        }

        var goal = FindGoal(goals, evidence.GoalId);
        var unit = UnitOf(evidence, goal);
        string value = evidence.Value is { } v
            ? evidence.Interval is { } interval && unit == Unit.Percent
                ? Text.WithInterval(Format(unit, v), Format(unit, interval.Lower), Format(unit, interval.Upper))
                : Format(unit, v)
            : Text.Get("NotAvailable");
        string target = evidence.ComparedWith?.Value is { } t ? Format(unit, t) : Text.Get("NotAvailable");
        if (goal is { TargetForm: GoalTargetForm.GrowthPerPeriod } && evidence.Code != EvidenceCodes.GoalInherited)
        {
            // A growth goal's values are rates per period: say so, as the goals table does.
            value = evidence.Value is null ? value : Text.FormatPlain("PerPeriod", new TextArg("value", value));
            target = evidence.ComparedWith?.Value is null ? target : Text.FormatPlain("PerPeriod", new TextArg("value", target));
        }

        string peers = evidence.ComparedWith is { } compared ? Basis(compared.Basis) : Text.Get("NotAvailable");

        var sentence = new StringBuilder(Text.Format(
            "Evidence." + evidence.Code,
            new("subject", subject),
            new("metric", Metric(evidence.Metric)),
            new("goal", evidence.GoalId is null ? Text.Get("NotAvailable") : escape(evidence.GoalId)),
            new("section", evidence.Section is null ? Text.Get("NotAvailable") : escape(evidence.Section)),
            new("value", value, unit == Unit.Count ? WholeCount(evidence.Value) : null),
            new("target", target),
            new("peers", peers),
            new("periods", evidence.Periods is { } periods ? Text.Count(periods) : Text.Get("NotAvailable"), evidence.Periods),
            new("kinds", Kinds(evidence.Kinds)),
            new("message", escape(evidence.Message))));

        if (evidence.Statistic is { Name: "senSlope" } slope)
        {
            // A rate moves by fractions of a percentage point per period: two decimals, where the rate itself has one.
            string magnitude = unit == Unit.Percent ? Points(Math.Abs(slope.Value), 2) : Format(unit, Math.Abs(slope.Value));
            sentence.Append(' ').Append(Text.Format("EvidenceSlope", new TextArg("slope", Signed(slope.Value, magnitude))));
        }

        if (evidence.PValue is { } p)
        {
            sentence.Append(' ').Append(Text.Format("EvidencePValue", new TextArg("p", PValue(p))));
        }

        if (evidence.Probability is { } probability)
        {
            sentence.Append(' ').Append(Text.Format("EvidenceProbability", new TextArg("probability", Probability(probability))));
        }

        if (evidence.Periods is { } toTarget && evidence.Code is EvidenceCodes.GoalOnTrack or EvidenceCodes.GoalBehind)
        {
            sentence.Append(' ').Append(Text.Format("EvidenceProjection", new TextArg("periods", Text.Count(toTarget), toTarget)));
        }

        return sentence.ToString();
    }

    /// <summary>A value that is a whole number, for choosing a noun's plural form; <see langword="null"/> for a fraction or none.</summary>
    private static long? WholeCount(double? value) =>
        value is { } v && v == Math.Round(v) && Math.Abs(v) < 1e18 ? (long)v : null;

    private static GoalStatus? FindGoal(IReadOnlyList<GoalStatus> goals, string? id)
    {
        if (id is null)
        {
            return null;
        }

        foreach (var goal in goals)
        {
            if (string.Equals(goal.GoalId, id, StringComparison.Ordinal))
            {
                return goal;
            }
        }

        return null;
    }

    private static string RoleKey(NetworkRole role) => role switch
    {
        NetworkRole.Converter => "Converter",
        NetworkRole.TrafficDriver => "TrafficDriver",
        NetworkRole.ReachBuilder => "ReachBuilder",
        NetworkRole.Balanced => "Balanced",
        _ => "Minor",
    };

    private static Unit UnitOf(GoalMetric metric) => metric.GetValueType() switch
    {
        MetricValueType.Count => Unit.Count,
        MetricValueType.Score => Unit.Score,
        MetricValueType.Money => Unit.Money,
        _ => Unit.Percent,
    };

    // The unit of an evidence value: fixed by the code where the code says what Value is, else the metric's.
    private static Unit UnitOf(Evidence evidence, GoalStatus? goal) => evidence.Code switch
    {
        EvidenceCodes.TooFewPeriods or EvidenceCodes.TooFewVisits or EvidenceCodes.ExperimentsTooFew or EvidenceCodes.ExperimentsTried => Unit.Count,
        EvidenceCodes.GoalsMet or EvidenceCodes.OtherGoalsMet or EvidenceCodes.GoalsPartlyMet or EvidenceCodes.GoalsNotMet or EvidenceCodes.LowVolume
            or EvidenceCodes.TrafficShareHigh or EvidenceCodes.SectionShareHigh or EvidenceCodes.RoiNegative or EvidenceCodes.RoiPositive
            or EvidenceCodes.GoalInherited or EvidenceCodes.SentimentWorsening => Unit.Percent,
        _ when goal is { TargetForm: GoalTargetForm.GrowthPerPeriod } => Unit.Percent,
        _ when goal is not null => UnitOf(goal.Metric),
        _ => evidence.Metric switch
        {
            EvidenceMetrics.Visits or EvidenceMetrics.Leads or EvidenceMetrics.Experiments or EvidenceMetrics.Periods => Unit.Count,
            null => Unit.Count,
            _ when GoalMetricExtensions.TryParseJsonName(evidence.Metric, out var metric) => UnitOf(metric),
            _ => Unit.Percent,
        },
    };

    private string Basis(ComparisonBasis basis) => Text.Get("Basis." + basis switch
    {
        ComparisonBasis.Target => "Target",
        ComparisonBasis.Portfolio => "Portfolio",
        ComparisonBasis.OtherCampaigns => "OtherCampaigns",
        ComparisonBasis.PreviousPeriods => "PreviousPeriods",
        _ => "Policy",
    });

    // A small value keeps what it has: a campaign's 0.04 % share is not "0.0%", its scaled target of 0.01 not "0.0".
    // A gap does not (keepSmall: false): one that rounds to zero reads as none.
    private string Format(Unit unit, double value, bool keepSmall = true) => unit switch
    {
        Unit.Percent => keepSmall && value is > 0 and < 0.0005 ? Text.FormatPlain("LessThan", new TextArg("value", Text.Percent(0.001))) : Text.Percent(value),
        Unit.Score => Text.Decimal(value, 2),
        Unit.Money => Text.Decimal(value, 2),
        _ => value == Math.Round(value) ? Text.Decimal(value, 0) : keepSmall && Math.Abs(value) < 1 ? Text.Fraction(value) : Text.Decimal(value, 1),
    };
}
