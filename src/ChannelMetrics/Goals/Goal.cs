using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ChannelMetrics.Metrics;

namespace ChannelMetrics.Goals;

/// <summary>
/// One thing a team wants from one or more networks: a metric, a target per period, a direction, and where it applies.
/// </summary>
/// <remarks>
/// Create goals with <see cref="Create"/>, or read them from JSON with <see cref="GoalSet.FromJson(string)"/>.
/// A goal is immutable and thread-safe.
/// </remarks>
public sealed class Goal : IEquatable<Goal>
{
    private readonly string[] _networks;

    private Goal(string id, GoalMetric metric, GoalTarget target, GoalDirection direction, string[] networks, string? campaign, double weight, DateOnly? deadline, string? section, string? description)
    {
        Id = id;
        Metric = metric;
        Target = target;
        Direction = direction;
        _networks = networks;
        Networks = Array.AsReadOnly(networks);
        Campaign = campaign;
        Weight = weight;
        Deadline = deadline;
        Section = section;
        Description = description;
    }

    /// <summary>Gets the goal's identifier, unique within its <see cref="GoalSet"/> (compared ignoring case).</summary>
    public string Id { get; }

    /// <summary>Gets the metric the goal targets.</summary>
    public GoalMetric Metric { get; }

    /// <summary>Gets the kind of goal, from its metric.</summary>
    public GoalKind Kind => Metric.GetKind();

    /// <summary>Gets the target per period.</summary>
    public GoalTarget Target { get; }

    /// <summary>Gets whether the goal wants the value at least or at most the target.</summary>
    public GoalDirection Direction { get; }

    /// <summary>Gets a value indicating whether the goal applies to every network.</summary>
    public bool AppliesToAllNetworks => _networks.Length == 0;

    /// <summary>Gets the networks the goal applies to; empty when it applies to all of them.</summary>
    public IReadOnlyList<string> Networks { get; }

    /// <summary>Gets the campaign the goal is limited to, or <see langword="null"/> for the network as a whole.</summary>
    public string? Campaign { get; }

    /// <summary>Gets the goal's weight relative to the other goals of its network (more than zero; 1 by default).</summary>
    public double Weight { get; }

    /// <summary>Gets the date by which the target should be met, if any.</summary>
    public DateOnly? Deadline { get; }

    /// <summary>Gets the site section a <see cref="GoalMetric.SectionVisits"/> goal counts (for example "blog"); <see langword="null"/> for other metrics.</summary>
    public string? Section { get; }

    /// <summary>Gets a free-text description for reports, if any.</summary>
    public string? Description { get; }

    /// <summary>Creates a goal, checking that the target suits the metric.</summary>
    /// <param name="id">An identifier, unique within the goal set.</param>
    /// <param name="metric">The metric to target.</param>
    /// <param name="target">The target per period. An absolute target must suit the metric's <see cref="MetricValueType"/>:
    /// zero or more for counts and money, in [0, 1] for rates, −1 or more for growth rates, in [−1, 1] for scores.
    /// A growth target is only for count and money metrics.</param>
    /// <param name="direction">At least (default) or at most the target.</param>
    /// <param name="networks">The networks the goal applies to; <see langword="null"/> for all networks. When given, not empty;
    /// surrounding white space is removed from each name.</param>
    /// <param name="campaign">A campaign to limit the goal to, or <see langword="null"/>.</param>
    /// <param name="weight">The goal's weight, more than zero.</param>
    /// <param name="deadline">The date by which the target should be met, or <see langword="null"/>.</param>
    /// <param name="section">The site section, required for <see cref="GoalMetric.SectionVisits"/> and not allowed otherwise.</param>
    /// <param name="description">Free text for reports, or <see langword="null"/>.</param>
    /// <returns>The goal.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; the exception names the parameter and what was expected.</exception>
    public static Goal Create(
        string id,
        GoalMetric metric,
        GoalTarget target,
        GoalDirection direction = GoalDirection.AtLeast,
        IEnumerable<string>? networks = null,
        string? campaign = null,
        double weight = 1,
        DateOnly? deadline = null,
        string? section = null,
        string? description = null)
    {
        var networkArray = networks?.ToArray();
        if (Validate(id, metric, target, direction, networkArray, campaign, weight, section) is { } error)
        {
            string param = error.Field switch
            {
                "targetForm" => nameof(target),
                _ when error.Field.StartsWith("networks", StringComparison.Ordinal) => nameof(networks),
                _ => error.Field,
            };
            throw new ArgumentException(error.Message, param);
        }

        return new Goal(id, metric, target, direction, networkArray is null ? [] : Array.ConvertAll(networkArray, n => n.Trim()), campaign, weight, deadline, section, string.IsNullOrWhiteSpace(description) ? null : description);
    }

    /// <summary>Returns whether the goal applies to <paramref name="network"/> (compared ignoring case and surrounding white space), whatever its campaign filter.</summary>
    /// <param name="network">The canonical network name.</param>
    /// <returns><see langword="true"/> when the goal applies to all networks or lists this one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    public bool AppliesTo(string network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (_networks.Length == 0)
        {
            return true;
        }

        var wanted = network.AsSpan().Trim();
        foreach (var name in _networks)
        {
            if (name.AsSpan().Equals(wanted, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Returns whether the goal applies to <paramref name="campaign"/> on <paramref name="network"/>: the network
    /// matches and the goal's campaign filter equals <paramref name="campaign"/> (ignoring case); with
    /// <paramref name="campaign"/> <see langword="null"/>, whether it is a goal for the network as a whole.
    /// </summary>
    /// <param name="network">The canonical network name.</param>
    /// <param name="campaign">The campaign, or <see langword="null"/> for the network as a whole.</param>
    /// <returns><see langword="true"/> when the goal applies.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    public bool AppliesTo(string network, string? campaign) =>
        AppliesTo(network) && string.Equals(Campaign, campaign, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Returns the signed gap between <paramref name="value"/> and the target, in the unit compared (the metric's
    /// unit, or a growth rate for a <see cref="GoalTargetForm.GrowthPerPeriod"/> target): positive or zero when the
    /// goal is met (by that margin), negative when it is missed (by that much). For <see cref="GoalDirection.AtLeast"/>
    /// it is value − target; for <see cref="GoalDirection.AtMost"/>, target − value.
    /// </summary>
    /// <param name="value">The compared value of one period.</param>
    /// <returns>The direction-aware gap, finite: beyond ±<see cref="double.MaxValue"/> it is that bound.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public double Gap(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Pass a finite value; an unknown value is a gap, not a miss.");
        }

        // Two finite values near double's limits can differ by more than a double holds: the gap saturates, and its
        // sign, met or missed, stays right.
        double gap = Direction == GoalDirection.AtLeast ? value - Target.Value : Target.Value - value;
        return double.IsFinite(gap) ? gap : Math.CopySign(double.MaxValue, gap);
    }

    /// <summary>Returns whether <paramref name="value"/> meets the target (the <see cref="Gap"/> is zero or more; no tolerance).</summary>
    /// <param name="value">The compared value of one period.</param>
    /// <returns><see langword="true"/> when the goal is met.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public bool IsMet(double value) => Gap(value) >= 0;

    /// <summary>
    /// Evaluates the goal period by period over <paramref name="series"/>, the series of the goal's metric for one
    /// network (or campaign).
    /// </summary>
    /// <param name="series">The metric's values. For a <see cref="GoalTargetForm.GrowthPerPeriod"/> target pass the
    /// full history: each period is compared through its change on the period before, so the first period is unknown.</param>
    /// <returns>The per-period outcomes; summarize a window with <see cref="GoalEvaluation.Summarize"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> is <see langword="null"/>.</exception>
    public GoalEvaluation Evaluate(MetricSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var compared = Target.Form == GoalTargetForm.GrowthPerPeriod ? series.GrowthRates() : series;
        var results = new GoalPeriodResult[compared.Count];
        for (int i = 0; i < results.Length; i++)
        {
            var point = compared[i];
            results[i] = point.Value is double v
                ? new GoalPeriodResult(point.Period, v, Gap(v), Gap(v) >= 0 ? GoalOutcome.Met : GoalOutcome.Missed)
                : new GoalPeriodResult(point.Period, null, null, GoalOutcome.Unknown);
        }

        return new GoalEvaluation(this, compared, results);
    }

    /// <inheritdoc/>
    public bool Equals([NotNullWhen(true)] Goal? other) =>
        other is not null
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && Metric == other.Metric
        && Target == other.Target
        && Direction == other.Direction
        && _networks.AsSpan().SequenceEqual(other._networks, StringComparer.Ordinal)
        && string.Equals(Campaign, other.Campaign, StringComparison.Ordinal)
        && Weight.Equals(other.Weight)
        && Deadline == other.Deadline
        && string.Equals(Section, other.Section, StringComparison.Ordinal)
        && string.Equals(Description, other.Description, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as Goal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Id), Metric, Target, Direction, Campaign, Weight, Deadline);

    /// <summary>Returns a one-line description, for example "fb-leads: leads at least 40 (Facebook)".</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Id}: {Metric.ToJsonName()}{(Section is null ? "" : $" [{Section}]")} {(Direction == GoalDirection.AtLeast ? "at least" : "at most")} {Target} ({(AppliesToAllNetworks ? "all networks" : string.Join(", ", _networks))}{(Campaign is null ? "" : $", campaign {Campaign}")})");

    // Shared by Create (ArgumentException) and GoalSet.FromJson (GoalSetFormatException with the JSON path):
    // Field is the JSON property name, with an index for list items.
    internal static FieldError? Validate(string? id, GoalMetric metric, GoalTarget target, GoalDirection direction, string[]? networks, string? campaign, double weight, string? section)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return new("id", "expected a non-empty goal id");
        }

        if ((uint)metric > (uint)GoalMetric.NetSentiment)
        {
            return new("metric", $"unknown metric {(int)metric}; expected one of {GoalMetricExtensions.JsonNames}");
        }

        if (TargetError(metric, target) is { } targetError)
        {
            return targetError;
        }

        if (direction is not (GoalDirection.AtLeast or GoalDirection.AtMost))
        {
            return new("direction", $"unknown direction {(int)direction}; expected atLeast or atMost");
        }

        if (networks is not null)
        {
            if (networks.Length == 0)
            {
                return new("networks", "empty network list; expected at least one network name, or no \"networks\" property to apply the goal to all networks");
            }

            for (int i = 0; i < networks.Length; i++)
            {
                if (string.IsNullOrWhiteSpace(networks[i]))
                {
                    return new(Invariant($"networks[{i}]"), "expected a non-empty network name");
                }

                for (int j = 0; j < i; j++)
                {
                    // Compared as they are stored: trimmed.
                    if (networks[j].AsSpan().Trim().Equals(networks[i].AsSpan().Trim(), StringComparison.OrdinalIgnoreCase))
                    {
                        return new(Invariant($"networks[{i}]"), $"duplicate network \"{networks[i]}\"; expected each network once");
                    }
                }
            }
        }

        if (campaign is not null && string.IsNullOrWhiteSpace(campaign))
        {
            return new("campaign", "expected a non-empty campaign name, or no campaign filter");
        }

        if (!double.IsFinite(weight) || weight <= 0)
        {
            return new("weight", Invariant($"weight {weight} is not allowed; expected a number greater than 0"));
        }

        if (metric == GoalMetric.SectionVisits && string.IsNullOrWhiteSpace(section))
        {
            return new("section", "sectionVisits needs the name of the site section, for example \"blog\"");
        }

        if (metric != GoalMetric.SectionVisits && section is not null)
        {
            return new("section", $"a section applies only to the sectionVisits metric, not {metric.ToJsonName()}");
        }

        return null;
    }

    private static FieldError? TargetError(GoalMetric metric, GoalTarget target)
    {
        double value = target.Value;
        var type = metric.GetValueType();
        string name = metric.ToJsonName();
        if (target.Form == GoalTargetForm.GrowthPerPeriod)
        {
            if (type is not (MetricValueType.Count or MetricValueType.Money))
            {
                return new("targetForm", $"growthPerPeriod targets apply to count and money metrics; {name} is a {Describe(type)}, so expected targetForm absolute");
            }

            return value < -1 ? new("target", Invariant($"growth target {value} is below -1; expected a relative change per period of -1 or more (0.05 = +5 %)")) : null;
        }

        if (target.Form != GoalTargetForm.Absolute)
        {
            return new("targetForm", "unknown target form; expected absolute or growthPerPeriod");
        }

        return type switch
        {
            MetricValueType.Count or MetricValueType.Money when value < 0 =>
                new("target", Invariant($"negative target {value} for {name}; expected a {Describe(type)} of 0 or more")),
            MetricValueType.Rate when value < 0 =>
                new("target", Invariant($"negative target {value} for {name}; expected a rate in [0, 1]")),
            MetricValueType.Rate when value > 1 =>
                new("target", Invariant($"rate above 1: {value} for {name}; expected a rate in [0, 1] (write 4 % as 0.04)")),
            MetricValueType.GrowthRate when value < -1 =>
                new("target", Invariant($"growth rate {value} for {name} is below -1; expected a relative change of -1 or more (0.05 = +5 %)")),
            MetricValueType.Score when value is < -1 or > 1 =>
                new("target", Invariant($"score {value} for {name} is outside [-1, 1]; expected a score in [-1, 1]")),
            _ => null,
        };
    }

    private static string Describe(MetricValueType type) => type switch
    {
        MetricValueType.Count => "count per period",
        MetricValueType.Rate => "rate in [0, 1]",
        MetricValueType.GrowthRate => "growth rate per period",
        MetricValueType.Score => "score in [-1, 1]",
        _ => "money amount per period",
    };

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}

/// <summary>A validation failure of one field: its JSON property name (with list index) and what was expected.</summary>
internal readonly record struct FieldError(string Field, string Message);
