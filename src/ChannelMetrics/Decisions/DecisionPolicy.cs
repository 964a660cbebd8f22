using System.Globalization;

namespace ChannelMetrics.Decisions;

/// <summary>
/// The thresholds the <see cref="DecisionEngine"/> decides with. Start from <see cref="Default"/> and change what your
/// team sees differently: <c>DecisionPolicy.Default with { MinimumExperimentsBeforeCut = 3 }</c>.
/// </summary>
/// <remarks>
/// A policy is checked when an engine is built (<see cref="DecisionEngineBuilder.Build"/>); <see cref="Validate"/> lists
/// every bad setting by name. Immutable.
/// </remarks>
public sealed record DecisionPolicy
{
    /// <summary>Gets the default policy; each property documents its default and why.</summary>
    public static DecisionPolicy Default { get; } = new();

    /// <summary>Gets the periods of data a network (or campaign) needs before any verdict other than <see cref="Verdict.InsufficientData"/>.</summary>
    /// <value>3. A Mann-Kendall test needs three values at all; fewer periods are a launch, not a record.</value>
    public int MinimumPeriods { get; init; } = 3;

    /// <summary>
    /// Gets the visits in the evaluation window a subject with traffic, lead or customer goals needs before it can be judged
    /// on them, and any subject needs before it can be <see cref="Verdict.Cut"/> (below it, at most <see cref="Verdict.Reduce"/>).
    /// </summary>
    /// <value>
    /// 100. With zero leads out of 100 visits the 95 % Wilson upper bound of the visit→lead rate is 3.7 %, below common B2B
    /// targets, so "no leads" starts to mean something; with 30 visits it is 11 % and means nothing.
    /// </value>
    public int MinimumVisits { get; init; } = 100;

    /// <summary>Gets the periods of data needed before a <see cref="Verdict.Cut"/>.</summary>
    /// <value>6. Below five values Mann-Kendall can never be significant at 0.05; six months also spans more than one content cycle.</value>
    public int MinimumPeriodsBeforeCut { get; init; } = 6;

    /// <summary>
    /// Gets the experiments that must be on record before a <see cref="Verdict.Cut"/>, counted as distinct tries:
    /// entries of one kind that overlap or follow on the next day (one test logged twice, or month by month) count once.
    /// </summary>
    /// <value>2. One failed experiment may be one bad idea; two different tries make "we tried" credible.</value>
    public int MinimumExperimentsBeforeCut { get; init; } = 2;

    /// <summary>Gets the periods the experiments must cover, together, before a <see cref="Verdict.Cut"/>.</summary>
    /// <value>3. An experiment needs time to show in monthly numbers; three months of trying is the least that can.</value>
    public int MinimumExperimentPeriodsBeforeCut { get; init; } = 3;

    /// <summary>Gets the two-sided significance level of every test (rate comparisons and trends).</summary>
    /// <value>0.05, the usual level; a stricter level makes the engine slower to call a difference or a trend.</value>
    public double SignificanceLevel { get; init; } = 0.05;

    /// <summary>Gets how much better (or worse) a rate must be, as a ratio, to count as clearly different, besides being significant.</summary>
    /// <value>
    /// 1.25: 25 % better (2.5 % against 2 %) or 20 % worse. With thousands of visits tiny differences become significant;
    /// this keeps "average conversion" average.
    /// </value>
    public double MaterialRateRatio { get; init; } = 1.25;

    /// <summary>Gets the share of all visits (or of a site section's visits) that, with clearly worse conversion, makes a traffic driver.</summary>
    /// <value>0.25: a network bringing a quarter of the visits is a pillar of the traffic, whatever it converts.</value>
    public double TrafficDriverShare { get; init; } = 0.25;

    /// <summary>Gets the number of periods, ending with the evaluation period, over which goals, volumes and rates are judged.</summary>
    /// <value>6: half a year evens out monthly noise and seasonality while still reflecting the current state.</value>
    public int EvaluationPeriods { get; init; } = 6;

    /// <summary>Gets the number of periods, ending with the evaluation period, used by trend tests and projections.</summary>
    /// <value>12: a year of monthly points gives Mann-Kendall power on a noisy series and covers every season once.</value>
    public int TrendPeriods { get; init; } = 12;

    /// <summary>Gets how many periods ahead a goal without a deadline may be projected to be met and still be on track.</summary>
    /// <value>6: beyond half a year, "it will get there" is a hope, not a plan.</value>
    public int ProjectionHorizonPeriods { get; init; } = 6;

    /// <summary>Gets how goals are weighted against each other.</summary>
    /// <value><see cref="GoalWeighting.GoalWeight"/>: the team said in its goal set what matters most.</value>
    public GoalWeighting GoalWeighting { get; init; } = GoalWeighting.GoalWeight;

    /// <summary>Gets the weighted share of goals met (met or on track count fully, missed ones by their share of met periods) from which the goals count as met.</summary>
    /// <value>0.6: most of what the team asked for, by weight.</value>
    public double GoalsMetShare { get; init; } = 0.6;

    /// <summary>Gets the weighted share of goals met from which goals count as partly met, which rules out a <see cref="Verdict.Cut"/>.</summary>
    /// <value>0.25: a quarter of what was asked is something to build on.</value>
    public double PartlyMetShare { get; init; } = 0.25;

    /// <summary>Gets the ROI below which the return counts as negative.</summary>
    /// <value>0: break-even. A network that returns less than it costs loses money.</value>
    public double RoiThreshold { get; init; }

    /// <summary>Gets what an hour of the team costs, to count hours spent in cost and ROI; <see langword="null"/> counts spend only.</summary>
    /// <value>
    /// <see langword="null"/>: the library is currency-agnostic and cannot guess a rate. Without one an organic network
    /// that spends nothing has no ROI (not an infinite one), which never counts in its favour.
    /// </value>
    public decimal? HourlyRate { get; init; }

    /// <summary>Lists every invalid setting, each message starting with the property's name.</summary>
    /// <returns>The problems; empty when the policy is valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Check(bool ok, string name, FormattableString expected)
        {
            if (!ok)
            {
                errors.Add(name + ": " + expected.ToString(CultureInfo.InvariantCulture));
            }
        }

        Check(MinimumPeriods >= 1, nameof(MinimumPeriods), $"{MinimumPeriods} is not allowed; expected 1 or more");
        Check(MinimumVisits >= 0, nameof(MinimumVisits), $"{MinimumVisits} is not allowed; expected 0 or more");
        Check(MinimumPeriodsBeforeCut >= MinimumPeriods, nameof(MinimumPeriodsBeforeCut), $"{MinimumPeriodsBeforeCut} is below MinimumPeriods ({MinimumPeriods}); expected at least as many");
        Check(MinimumExperimentsBeforeCut >= 0, nameof(MinimumExperimentsBeforeCut), $"{MinimumExperimentsBeforeCut} is not allowed; expected 0 or more");
        Check(MinimumExperimentPeriodsBeforeCut >= 0, nameof(MinimumExperimentPeriodsBeforeCut), $"{MinimumExperimentPeriodsBeforeCut} is not allowed; expected 0 or more");
        Check(SignificanceLevel > 0 && SignificanceLevel < 0.5, nameof(SignificanceLevel), $"{SignificanceLevel} is not allowed; expected a level strictly between 0 and 0.5, such as 0.05");
        Check(double.IsFinite(MaterialRateRatio) && MaterialRateRatio >= 1, nameof(MaterialRateRatio), $"{MaterialRateRatio} is not allowed; expected a finite ratio of 1 or more, such as 1.25");
        Check(TrafficDriverShare > 0 && TrafficDriverShare <= 1, nameof(TrafficDriverShare), $"{TrafficDriverShare} is not allowed; expected a share in (0, 1], such as 0.25");
        Check(EvaluationPeriods >= 1, nameof(EvaluationPeriods), $"{EvaluationPeriods} is not allowed; expected 1 or more");
        Check(TrendPeriods >= 3, nameof(TrendPeriods), $"{TrendPeriods} is not allowed; expected 3 or more (a trend test needs 3 values)");
        Check(ProjectionHorizonPeriods >= 0, nameof(ProjectionHorizonPeriods), $"{ProjectionHorizonPeriods} is not allowed; expected 0 or more");
        Check(Enum.IsDefined(GoalWeighting), nameof(GoalWeighting), $"{(int)GoalWeighting} is not a defined weighting; expected GoalWeight or Equal");
        Check(GoalsMetShare > 0 && GoalsMetShare <= 1, nameof(GoalsMetShare), $"{GoalsMetShare} is not allowed; expected a share in (0, 1]");
        Check(PartlyMetShare >= 0 && PartlyMetShare <= 1, nameof(PartlyMetShare), $"{PartlyMetShare} is not allowed; expected a share in [0, 1]");
        Check(!(PartlyMetShare > GoalsMetShare), nameof(PartlyMetShare), $"{PartlyMetShare} is above GoalsMetShare ({GoalsMetShare}); expected at most GoalsMetShare");
        Check(double.IsFinite(RoiThreshold) && RoiThreshold >= -1, nameof(RoiThreshold), $"{RoiThreshold} is not allowed; expected a finite ROI of -1 or more");
        Check(HourlyRate is not decimal rate || rate >= 0, nameof(HourlyRate), $"{HourlyRate} is not allowed; expected 0 or more, or null to count spend only");
        return errors;
    }
}
