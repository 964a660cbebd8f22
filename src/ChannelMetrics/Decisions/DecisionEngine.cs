using ChannelMetrics.Experiments;
using ChannelMetrics.Funnel;
using ChannelMetrics.Goals;
using ChannelMetrics.Metrics;

namespace ChannelMetrics.Decisions;

/// <summary>
/// Turns funnel numbers, snapshots, goals and the experiment log into a verdict for every network and campaign, with the
/// status of each goal and the evidence behind each verdict.
/// </summary>
/// <remarks>
/// <para><b>What is judged.</b> The evaluation period is the last period that ended by the evaluation date; later data are
/// left out (and noted). Goals, volumes and rates are judged over the last <see cref="DecisionPolicy.EvaluationPeriods"/>
/// periods (the window); trends and projections over the last <see cref="DecisionPolicy.TrendPeriods"/>. A network's
/// peers are every other network and source in the data, pooled; a campaign's peers are the other campaigns of its network.</para>
/// <para><b>Goals of a campaign.</b> A campaign is judged on its own goals (goals with its campaign filter). A campaign
/// without one inherits its network's funnel goals: rate goals (visit→lead, lead→customer) unchanged, since a rate does
/// not depend on size, and visits, share-of-visits, lead and customer goals scaled by the campaign's share of the
/// network's visits in the window: its fair share of the target (a growth target is inherited unchanged). Snapshot and
/// section goals are not inherited (snapshots and section counts describe whole networks). A campaign left with no goal
/// gets <see cref="Verdict.InsufficientData"/>, as a network does. A campaign without activity in the window is left out
/// unless a goal names it: it is over, and there is nothing left to decide. A network without any goal is reported
/// without campaigns.</para>
/// <para><b>The rules, in order</b> (the first that applies decides; every rule examined leaves its evidence):</para>
/// <list type="number">
/// <item><description>No goal applies → <see cref="Verdict.InsufficientData"/> ("goals come first").</description></item>
/// <item><description>No data at all → <see cref="Verdict.InsufficientData"/>.</description></item>
/// <item><description>Fewer periods of data than <see cref="DecisionPolicy.MinimumPeriods"/> → <see cref="Verdict.InsufficientData"/>.</description></item>
/// <item><description>No goal has a known value in the window → <see cref="Verdict.InsufficientData"/>.</description></item>
/// <item><description>Traffic, lead or customer goals but fewer visits in the window than <see cref="DecisionPolicy.MinimumVisits"/> → <see cref="Verdict.Experiment"/> (never a Cut).</description></item>
/// <item><description>The negative share of comments and mentions rises significantly while the other goals are met → <see cref="Verdict.Optimize"/> (sentiment).</description></item>
/// <item><description>Visit→lead rate clearly above the peers' (significant and at least <see cref="DecisionPolicy.MaterialRateRatio"/> times) → <see cref="Verdict.Invest"/>: volume is not quality.</description></item>
/// <item><description>A large share of all visits or of a site section's (<see cref="DecisionPolicy.TrafficDriverShare"/>), clearly worse conversion, and its traffic goals met → <see cref="Verdict.Keep"/> as a traffic driver, judged on its traffic goal.</description></item>
/// <item><description>Goals met (weighted share ≥ <see cref="DecisionPolicy.GoalsMetShare"/>) → <see cref="Verdict.Optimize"/> the weak funnel stage when one is clearly below the peers', or the cost when ROI is negative with no upward trend; else <see cref="Verdict.Keep"/>.</description></item>
/// <item><description>Goals not met and everything says stop → <see cref="Verdict.Cut"/>: goals not even partly met (&lt; <see cref="DecisionPolicy.PartlyMetShare"/>) and none met or on track; no significant upward trend in visits, leads or a goal; conversion not better than the peers', not even as measured (a rate at least <see cref="DecisionPolicy.MaterialRateRatio"/> times the peers' on too few visits to be significant gets <see cref="Verdict.Reduce"/> with medium confidence instead); at least <see cref="DecisionPolicy.MinimumExperimentsBeforeCut"/> distinct tries (one experiment logged twice or month by month counts once) over <see cref="DecisionPolicy.MinimumExperimentPeriodsBeforeCut"/> periods; at least <see cref="DecisionPolicy.MinimumPeriodsBeforeCut"/> periods of data; at least <see cref="DecisionPolicy.MinimumVisits"/> visits in the window, whatever the goals (a reach-only network without traffic gets at most <see cref="Verdict.Reduce"/>); and ROI below <see cref="DecisionPolicy.RoiThreshold"/> or not computable (a zero-cost network has no ROI, which never counts in its favour).</description></item>
/// <item><description>A funnel stage clearly below the peers' while the traffic holds (no significant fall in visits, traffic goals not missed) → <see cref="Verdict.Optimize"/> that stage.</description></item>
/// <item><description>Fewer experiments than a Cut needs → <see cref="Verdict.Experiment"/>, naming the kinds not yet tried.</description></item>
/// <item><description>A significant upward trend → <see cref="Verdict.Optimize"/>: improving, not there yet.</description></item>
/// <item><description>ROI at or above the threshold → <see cref="Verdict.Optimize"/>: it pays for itself.</description></item>
/// <item><description>Otherwise → <see cref="Verdict.Reduce"/>: goals missed (partly met), experiments tried, no return: spend less time.</description></item>
/// </list>
/// <para>Campaigns are judged by the same rules against their network's other campaigns, separately from the network's
/// own verdict (a network can be <see cref="Verdict.Invest"/> while one of its campaigns is <see cref="Verdict.Cut"/>).</para>
/// <para>Bad calls (null arguments) throw; bad data (duplicate snapshots, rows of another granularity, more leads than
/// visits) becomes evidence. No number in a report is NaN or infinite.</para>
/// <para>The engine is immutable and thread-safe: one instance can evaluate many data sets at once.</para>
/// </remarks>
public sealed class DecisionEngine
{
    private readonly TimeProvider _timeProvider;

    internal DecisionEngine(DecisionPolicy policy, TimeProvider timeProvider, int maxDegreeOfParallelism)
    {
        Policy = policy;
        _timeProvider = timeProvider;
        MaxDegreeOfParallelism = maxDegreeOfParallelism;
    }

    /// <summary>Gets the policy the engine decides with.</summary>
    public DecisionPolicy Policy { get; }

    /// <summary>Gets how many networks one evaluation judges at the same time (see <see cref="DecisionEngineBuilder.MaxDegreeOfParallelism"/>).</summary>
    public int MaxDegreeOfParallelism { get; }

    /// <summary>Evaluates every network (and campaign) of a <see cref="ChannelDataset"/> as of today: the local date of the engine's <see cref="TimeProvider"/>.</summary>
    /// <param name="dataset">The funnel table joined with snapshots and, optionally, section visit counts.</param>
    /// <param name="goals">What the team wants from each network.</param>
    /// <param name="experiments">What the team tried.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public DecisionReport Evaluate(ChannelDataset dataset, GoalSet goals, ExperimentLog experiments) =>
        Evaluate(dataset, goals, experiments, Today());

    /// <summary>Evaluates every network (and campaign) of a funnel table with its snapshots as of today: the local date of the engine's <see cref="TimeProvider"/>.</summary>
    /// <param name="funnel">The funnel table (grouped by campaign to get campaign verdicts).</param>
    /// <param name="snapshots">The per period × network snapshots; may be empty.</param>
    /// <param name="goals">What the team wants from each network.</param>
    /// <param name="experiments">What the team tried.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A snapshot is <see langword="null"/>.</exception>
    public DecisionReport Evaluate(FunnelTable funnel, IEnumerable<ChannelSnapshot> snapshots, GoalSet goals, ExperimentLog experiments) =>
        Evaluate(funnel, snapshots, goals, experiments, Today());

    /// <summary>Evaluates every network (and campaign) of a <see cref="ChannelDataset"/>.</summary>
    /// <param name="dataset">The funnel table joined with snapshots and, optionally, section visit counts. Its section counts
    /// feed <see cref="GoalMetric.SectionVisits"/> goals and the traffic-driver rule (a large share of a section's visits);
    /// its hourly rate costs the hours spent (the policy's <see cref="DecisionPolicy.HourlyRate"/> when the dataset has none);
    /// its diagnostics become the report's data notes.</param>
    /// <param name="goals">What the team wants from each network.</param>
    /// <param name="experiments">What the team tried.</param>
    /// <param name="evaluationDate">The date of the evaluation: the evaluation period is the last period that ended by then.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="evaluationDate"/> lies in the calendar's first period (of the table's granularity), which has no complete period before it.</exception>
    public DecisionReport Evaluate(ChannelDataset dataset, GoalSet goals, ExperimentLog experiments, DateOnly evaluationDate)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(goals);
        ArgumentNullException.ThrowIfNull(experiments);
        var date = evaluationDate;
        var period = EvaluationPeriod(date, dataset.Granularity);
        var snapshots = new List<ChannelSnapshot>();
        foreach (var network in dataset.Networks)
        {
            foreach (var p in dataset.Periods)
            {
                if (dataset.Snapshot(network, p) is { } snapshot)
                {
                    snapshots.Add(snapshot);
                }
            }
        }

        // Every section a goal names, read once per network: the lookups during the evaluation (possibly on several
        // threads) then only read this dictionary.
        var sections = new Dictionary<string, MetricSeries>(StringComparer.OrdinalIgnoreCase);
        foreach (var goal in goals.Goals)
        {
            if (goal.Section is { } section)
            {
                foreach (var network in dataset.Networks)
                {
                    sections.TryAdd(network + "\n" + section, dataset.Series(GoalMetric.SectionVisits, network, section: section));
                }
            }
        }

        Func<string, string, Period, long?>? lookup = sections.Count == 0
            ? null
            : (network, section, p) => sections.TryGetValue(network + "\n" + section, out var series) && series.ValueAt(p) is double v ? (long)v : null;
        var data = DecisionData.Build(dataset.Funnel, snapshots, lookup, dataset.HourlyRate ?? Policy.HourlyRate, period, Lookback);

        // Every network of the dataset, those known only from section counts included: they are judged (or told they
        // have no goal), and their section visits count in every network's section share.
        foreach (var network in dataset.Networks)
        {
            data.GetOrAdd(network);
        }
        foreach (var diagnostic in dataset.Diagnostics)
        {
            data.Notes.Insert(0, new Evidence { Code = EvidenceCodes.DataNote, Message = diagnostic.Message });
        }

        return new Assessor(Policy, data, goals, experiments, date, period).Run(MaxDegreeOfParallelism);
    }

    /// <summary>Evaluates every network (and campaign) of a funnel table with its snapshots.</summary>
    /// <param name="funnel">The funnel table (grouped by campaign to get campaign verdicts).</param>
    /// <param name="snapshots">The per period × network snapshots (reach, sentiment, cost, revenue); may be empty.</param>
    /// <param name="goals">What the team wants from each network.</param>
    /// <param name="experiments">What the team tried.</param>
    /// <param name="evaluationDate">The date of the evaluation: the evaluation period is the last period that ended by then.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="evaluationDate"/> lies in the calendar's first period (of the table's granularity), which has no complete period before it.</exception>
    /// <exception cref="ArgumentException">A snapshot is <see langword="null"/>.</exception>
    public DecisionReport Evaluate(FunnelTable funnel, IEnumerable<ChannelSnapshot> snapshots, GoalSet goals, ExperimentLog experiments, DateOnly evaluationDate)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(goals);
        ArgumentNullException.ThrowIfNull(experiments);
        var date = evaluationDate;
        var period = EvaluationPeriod(date, funnel.Granularity);
        var data = DecisionData.Build(funnel, snapshots, sectionVisits: null, Policy.HourlyRate, period, Lookback);
        return new Assessor(Policy, data, goals, experiments, date, period).Run(MaxDegreeOfParallelism);
    }

    // The last complete period before the evaluation date; the calendar's first period has none before it.
    private static Period EvaluationPeriod(DateOnly evaluationDate, PeriodGranularity granularity)
    {
        var current = Period.Containing(evaluationDate, granularity);
        return current == Period.Containing(DateOnly.MinValue, granularity)
            ? throw new ArgumentOutOfRangeException(nameof(evaluationDate), evaluationDate, $"The evaluation date lies in the calendar's first {granularity} period: there is no complete period before it to judge.")
            : current.Previous();
    }

    // The periods any rule reads: the longer window, plus one before it for growth rates.
    private int Lookback => Math.Max(Policy.TrendPeriods, Policy.EvaluationPeriods) + 1;

    private DateOnly Today() => DateOnly.FromDateTime(_timeProvider.GetLocalNow().DateTime);
}
