using System.Globalization;
using ChannelMetrics.Experiments;
using ChannelMetrics.Funnel;
using ChannelMetrics.Goals;

namespace ChannelMetrics.Decisions;

/// <summary>One evaluation run: the rules of <see cref="DecisionEngine"/> applied to every network and campaign.</summary>
internal sealed partial class Assessor
{
    // The kinds an Experiment verdict suggests: "other" says nothing a team could act on.
    private static readonly ExperimentKind[] s_suggestable =
        [ExperimentKind.ContentFormat, ExperimentKind.PostingTime, ExperimentKind.Tone, ExperimentKind.Audience, ExperimentKind.Budget];

    private readonly DecisionPolicy _policy;
    private readonly DecisionData _data;
    private readonly GoalSet _goals;
    private readonly ExperimentLog _experiments;
    private readonly DateOnly _date;
    private readonly Period _period;
    private readonly DateOnly _lastDay;
    private readonly int _windowStart;
    private readonly int _trendStart;
    private readonly string[] _sections;

    public Assessor(DecisionPolicy policy, DecisionData data, GoalSet goals, ExperimentLog experiments, DateOnly date, Period period)
    {
        _policy = policy;
        _data = data;
        _goals = goals;
        _experiments = experiments;
        _date = date;
        _period = period;
        _lastDay = period.End.AddDays(-1);
        _windowStart = Math.Max(0, data.Length - policy.EvaluationPeriods);
        _trendStart = Math.Max(0, data.Length - policy.TrendPeriods);
        var sections = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var goal in goals.Goals)
        {
            if (goal.Section is not null)
            {
                sections.Add(goal.Section);
            }
        }

        _sections = [.. sections];
    }

    private double Alpha => _policy.SignificanceLevel;

    public DecisionReport Run(int maxDegreeOfParallelism)
    {
        // A network named by a goal but absent from the data is reported too: its goal has nothing to stand on.
        foreach (var goal in _goals.Goals)
        {
            foreach (var network in goal.Networks)
            {
                _data.GetOrAdd(network);
            }
        }

        var totals = WindowSum(_data.Totals);
        int withVisits = 0;
        foreach (var network in _data.Networks.Values)
        {
            if (WindowSum(network.Funnel).V > 0)
            {
                withVisits++;
            }
        }

        // From here on the data are only read, so networks can be judged side by side; each result keeps its slot.
        var sources = _data.Networks.Values.ToArray();
        var networks = new ChannelAssessment[sources.Length];
        if (maxDegreeOfParallelism == 1 || sources.Length < 2)
        {
            for (int i = 0; i < sources.Length; i++)
            {
                networks[i] = AssessNetwork(sources[i], totals, withVisits);
            }
        }
        else
        {
            Parallel.For(0, sources.Length, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, i => networks[i] = AssessNetwork(sources[i], totals, withVisits));
        }

        var counts = new int[7];
        foreach (var assessment in networks)
        {
            counts[(int)assessment.Verdict]++;
        }

        var verdicts = new List<VerdictCount>();
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                verdicts.Add(new VerdictCount((Verdict)i, counts[i]));
            }
        }

        var visitToLead = RateOf(totals.L, totals.V);
        var leadToCustomer = RateOf(totals.C, totals.L);
        return new DecisionReport
        {
            EvaluationDate = _date,
            EvaluationPeriod = _period,
            WindowStart = _data.Start.Offset(_windowStart),
            Policy = _policy,
            Portfolio = new PortfolioSummary
            {
                NetworkCount = networks.Length,
                Visits = totals.V,
                Leads = totals.L,
                Customers = totals.C,
                VisitToLeadRate = visitToLead.Value,
                VisitToLeadInterval = visitToLead.Interval,
                LeadToCustomerRate = leadToCustomer.Value,
                LeadToCustomerInterval = leadToCustomer.Interval,
                Verdicts = verdicts,
            },
            Networks = networks,
            DataNotes = [.. _data.Notes],
        };
    }

    private ChannelAssessment AssessNetwork(NetworkData network, Counts totals, int withVisits)
    {
        var self = WindowSum(network.Funnel);
        var goals = new List<SubjectGoal>();
        var networkGoals = _goals.ForNetwork(network.Name);
        foreach (var goal in networkGoals)
        {
            if (goal.Campaign is null)
            {
                goals.Add(new SubjectGoal(goal, false, 1));
            }
        }

        var subject = new Subject
        {
            Network = network.Name,
            Campaign = null,
            Counts = network.Funnel,
            NetworkData = network,
            Window = self,
            Peers = totals - self,
            PeerBasis = ComparisonBasis.Portfolio,
            SubjectsWithVisits = Math.Max(1, withVisits),
            Goals = goals,
            CampaignGoalCount = networkGoals.Count - goals.Count,
            NetworkExperiments = _experiments.ForNetwork(network.Name),
        };
        var assessment = Assess(subject);
        // A network whose rows carry no campaign has nothing to drill into: its one "(not set)" campaign is the network.
        bool onlyNotSet = network.Campaigns.Count == 1 && network.Campaigns.ContainsKey(FunnelLabels.NotSet);
        // A network without any goal is reported, not judged: drilling into its campaigns would only repeat "goals first".
        if (networkGoals.Count == 0 || ((!_data.HasCampaigns || network.Campaigns.Count == 0 || onlyNotSet) && !HasCampaignGoals(networkGoals)))
        {
            return assessment;
        }

        return assessment with { Campaigns = AssessCampaigns(network, self, goals, networkGoals, subject.NetworkExperiments) };
    }

    private static bool HasCampaignGoals(IReadOnlyList<Goal> networkGoals)
    {
        foreach (var goal in networkGoals)
        {
            if (goal.Campaign is not null)
            {
                return true;
            }
        }

        return false;
    }

    private List<ChannelAssessment> AssessCampaigns(NetworkData network, Counts networkWindow, List<SubjectGoal> networkLevelGoals, IReadOnlyList<Goal> networkGoals, IReadOnlyList<Experiment> networkExperiments)
    {
        // The campaigns in the data, plus campaigns a goal names (matched ignoring case) that have no data.
        var names = new SortedSet<string>(network.Campaigns.Keys, StringComparer.Ordinal);
        foreach (var goal in networkGoals)
        {
            if (goal.Campaign is not null && FindCampaign(network, goal.Campaign) is null)
            {
                names.Add(goal.Campaign);
            }
        }

        int withVisits = 0;
        foreach (var counts in network.Campaigns.Values)
        {
            if (WindowSum(counts).V > 0)
            {
                withVisits++;
            }
        }

        var result = new List<ChannelAssessment>(names.Count);
        foreach (var name in names)
        {
            var counts = network.Campaigns.GetValueOrDefault(name) ?? new FunnelCounts(name, _data.Length);
            var self = WindowSum(counts);
            if (self.V == 0 && self.L == 0 && self.C == 0 && !NamedByGoal(networkGoals, name, network))
            {
                // Over before the window: there is nothing left to decide about it.
                continue;
            }

            var goals = new List<SubjectGoal>();
            // The network's goals filtered by campaign, as GoalSet.ForCampaign would, without scanning the whole set again.
            foreach (var goal in networkGoals)
            {
                if (Targets(goal, name, network))
                {
                    goals.Add(new SubjectGoal(goal, false, 1));
                }
            }

            if (goals.Count == 0)
            {
                Inherit(networkLevelGoals, self, networkWindow, goals);
            }

            result.Add(Assess(new Subject
            {
                Network = network.Name,
                Campaign = name,
                Counts = counts,
                NetworkData = null,
                Window = self,
                Peers = networkWindow - self,
                PeerBasis = ComparisonBasis.OtherCampaigns,
                SubjectsWithVisits = Math.Max(1, withVisits),
                Goals = goals,
                NetworkExperiments = networkExperiments,
            }));
        }

        return result;
    }

    private static bool NamedByGoal(IReadOnlyList<Goal> networkGoals, string campaign, NetworkData network)
    {
        foreach (var goal in networkGoals)
        {
            if (Targets(goal, campaign, network))
            {
                return true;
            }
        }

        return false;
    }

    // Goals name campaigns ignoring case, but the funnel keeps "Spring" and "spring" apart: a goal is for the campaign
    // of its exact name when there is one, else for those that differ only in case.
    private static bool Targets(Goal goal, string campaign, NetworkData network) =>
        string.Equals(goal.Campaign, campaign, StringComparison.Ordinal)
        || (string.Equals(goal.Campaign, campaign, StringComparison.OrdinalIgnoreCase) && !network.Campaigns.ContainsKey(goal.Campaign!));

    private static string? FindCampaign(NetworkData network, string campaign)
    {
        foreach (var name in network.Campaigns.Keys)
        {
            if (string.Equals(name, campaign, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        return null;
    }

    // See the remarks on DecisionEngine: rates unchanged; counts and shares scaled by the campaign's share of the network's visits.
    private static void Inherit(List<SubjectGoal> networkGoals, Counts self, Counts networkWindow, List<SubjectGoal> goals)
    {
        foreach (var (goal, _, _) in networkGoals)
        {
            switch (goal.Metric)
            {
                case GoalMetric.VisitToLeadRate or GoalMetric.LeadToCustomerRate:
                    goals.Add(new SubjectGoal(goal, true, 1));
                    break;
                case GoalMetric.Visits or GoalMetric.ShareOfVisits or GoalMetric.Leads or GoalMetric.Customers when goal.Target.Form == GoalTargetForm.GrowthPerPeriod:
                    goals.Add(new SubjectGoal(goal, true, 1));
                    break;
                case GoalMetric.Visits or GoalMetric.ShareOfVisits or GoalMetric.Leads or GoalMetric.Customers when networkWindow.V > 0:
                    goals.Add(new SubjectGoal(goal, true, (double)self.V / networkWindow.V));
                    break;
            }
        }
    }

    private Counts WindowSum(FunnelCounts counts)
    {
        long v = 0, l = 0, c = 0;
        for (int i = Math.Max(_windowStart, _data.FunnelFirst); i <= _data.FunnelLast; i++)
        {
            v += counts.Visits[i];
            l += counts.Leads[i];
            c += counts.Customers[i];
        }

        return new Counts(v, l, c);
    }

    /// <summary>
    /// Whether a subject's funnel counts are known in a slot: inside the table's range and not before the subject's first
    /// activity (a network or campaign that had not started yet has no numbers, which is not the same as zero; zeros
    /// there would also fake an upward trend for every launch).
    /// </summary>
    private bool Known(FunnelCounts counts, int slot) => _data.FunnelKnown(slot) && counts.FirstActive is int first && slot >= first;

    private Rate RateOf(long successes, long trials) => Rate.Of(successes, trials, _data.Confidence);

    private static string Pct(double value) => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Num(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>A probability bounded away from certainty: "more than 99.9%" rather than a rounded "100.0%".</summary>
    private static string Probability(double value) => value > 0.999 ? "more than 99.9%" : value < 0.001 ? "less than 0.1%" : Pct(value);

    /// <summary>A count with its noun, singular for exactly one: "1 period", "6 periods".</summary>
    private static string Counted(double count, string noun) => count == 1 ? "1 " + noun : Num(count) + " " + noun + "s";

    private static string P(double value) => value < 0.001 ? "p < 0.001" : "p = " + value.ToString("0.000", CultureInfo.InvariantCulture);

    internal readonly record struct Counts(long V, long L, long C)
    {
        public static Counts operator -(Counts a, Counts b) => new(a.V - b.V, a.L - b.L, a.C - b.C);
    }

    internal readonly record struct SubjectGoal(Goal Goal, bool Inherited, double Scale);

    internal sealed class Subject
    {
        public required string Network { get; init; }

        public required string? Campaign { get; init; }

        public required FunnelCounts Counts { get; init; }

        public required NetworkData? NetworkData { get; init; }

        public required Counts Window { get; init; }

        public required Counts Peers { get; init; }

        public required ComparisonBasis PeerBasis { get; init; }

        public required int SubjectsWithVisits { get; init; }

        public required List<SubjectGoal> Goals { get; init; }

        /// <summary>For a network, how many of its goals are limited to a campaign; 0 for a campaign.</summary>
        public int CampaignGoalCount { get; init; }

        /// <summary>Every experiment on the network (any campaign), looked up once per network.</summary>
        public required IReadOnlyList<Experiment> NetworkExperiments { get; init; }

        public string Name => Campaign is null ? Network : Network + " / " + Campaign;
    }
}
