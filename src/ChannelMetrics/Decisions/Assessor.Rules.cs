using System.Globalization;
using ChannelMetrics.Experiments;
using ChannelMetrics.Goals;
using ChannelMetrics.Statistics;

namespace ChannelMetrics.Decisions;

internal sealed partial class Assessor
{
    /// <summary>A rate compared with the peers'. The evidence (with its exact Bayesian probability, the costly part) is built only when a rule uses it.</summary>
    private sealed class Conversion(Func<Conversion, Evidence> build)
    {
        private Evidence? _evidence;

        public bool Better { get; init; }

        public bool Worse { get; init; }

        /// <summary>Gets whether the rate is materially above the peers' as measured, significant or not (too few visits to tell).</summary>
        public bool LooksBetter { get; init; }

        public required string Metric { get; init; }

        public required string Stage { get; init; }

        public required string Peers { get; init; }

        public long Successes { get; init; }

        public long Trials { get; init; }

        public long PeerSuccesses { get; init; }

        public long PeerTrials { get; init; }

        public ProportionComparison? Comparison { get; init; }

        public Evidence Evidence => _evidence ??= build(this);
    }

    private readonly record struct Trend(MannKendallResult Test, SenSlopeResult Slope, int Periods);

    private ChannelAssessment Assess(Subject s)
    {
        var evidence = new List<Evidence>();
        string name = s.Name;
        string peers = s.PeerBasis == ComparisonBasis.Portfolio ? "the rest of the portfolio" : "the network's other campaigns";

        // --- Facts every rule may use ---------------------------------------------------------------------------
        int? first = s.Counts.FirstActive;
        if (s.NetworkData?.FirstSnapshot is int firstSnapshot && (first is null || firstSnapshot < first))
        {
            first = firstSnapshot;
        }

        int history = first is int f ? _data.Length - f : 0;
        var visitToLead = Compare(s, EvidenceMetrics.VisitToLeadRate, s.Window.L, s.Window.V, s.Peers.L, s.Peers.V, "visit→lead", peers);
        var leadToCustomer = Compare(s, EvidenceMetrics.LeadToCustomerRate, s.Window.C, s.Window.L, s.Peers.C, s.Peers.L, "lead→customer", peers);
        var share = RateOf(s.Window.V, s.Window.V + s.Peers.V);
        bool shareHigh = share.Value >= _policy.TrafficDriverShare;
        var sectionHigh = SectionShares(s);
        var visitsTrend = TrendOf(s.Counts, s.Counts.Visits);
        var leadsTrend = TrendOf(s.Counts, s.Counts.Leads);

        var statuses = new List<GoalStatus>(s.Goals.Count);
        var goalEvidence = new List<Evidence>(s.Goals.Count);
        double weight = 0, credit = 0, otherWeight = 0, otherCredit = 0, trafficWeight = 0, trafficCredit = 0, reachWeight = 0;
        bool anyMetOrOnTrack = false, anyImproving = false, hasFunnelGoal = false, hasTrafficGoal = false, trafficMissed = false;
        foreach (var goal in s.Goals)
        {
            var result = EvaluateGoal(s, goal);
            statuses.Add(result.Status);
            goalEvidence.Add(result.Evidence);
            var kind = goal.Goal.Kind;
            double w = result.Status.Weight;
            hasFunnelGoal |= kind is GoalKind.Traffic or GoalKind.Leads or GoalKind.Customers;
            if (kind is GoalKind.Reach or GoalKind.Engagement)
            {
                reachWeight += w;
            }

            if (result.Credit is double c)
            {
                weight += w;
                credit += w * c;
                if (kind != GoalKind.Sentiment)
                {
                    otherWeight += w;
                    otherCredit += w * c;
                }

                if (kind == GoalKind.Traffic)
                {
                    hasTrafficGoal = true;
                    trafficWeight += w;
                    trafficCredit += w * c;
                    trafficMissed |= result.Status.Progress == GoalProgress.Missed;
                }
            }

            anyMetOrOnTrack |= result.Status.Progress is GoalProgress.Met or GoalProgress.OnTrack;
            anyImproving |= result.Improving && result.Status.Progress != GoalProgress.Met;
        }

        if (s.Goals.Count > 0 && s.Goals[0].Inherited)
        {
            // One note for all inherited goals: each GoalStatus says which and at what scale.
            double scale = s.Peers.V + s.Window.V > 0 ? (double)s.Window.V / (s.Peers.V + s.Window.V) : 0;
            evidence.Add(new Evidence
            {
                Code = EvidenceCodes.GoalInherited,
                Metric = EvidenceMetrics.ShareOfVisits,
                Value = scale,
                Message = string.Create(CultureInfo.InvariantCulture, $"{name} has no goal of its own, so it is held to its network's funnel goals: rates as they stand, counts scaled to its {Pct(scale)} share of the network's visits."),
            });
        }

        double totalGoalWeight = 0;
        foreach (var status in statuses)
        {
            totalGoalWeight += status.Weight;
        }

        // A converter needs the visits to show it: on 3 visits, 1 lead is "clearly better" than 1 %, but calling that a
        // converter would overstate it (it falls to Minor below).
        var role = visitToLead.Better && s.Window.V >= _policy.MinimumVisits ? NetworkRole.Converter
            : (shareHigh || sectionHigh.Count > 0) && visitToLead.Worse ? NetworkRole.TrafficDriver
            : totalGoalWeight > 0 && reachWeight * 2 > totalGoalWeight ? NetworkRole.ReachBuilder
            : s.Window.V < _policy.MinimumVisits ? NetworkRole.Minor
            : NetworkRole.Balanced;

        ChannelAssessment Result(Verdict verdict, ConfidenceLevel confidence, OptimizationFocus focus = OptimizationFocus.None, IReadOnlyList<ExperimentKind>? suggested = null) => new()
        {
            Network = s.Network,
            Campaign = s.Campaign,
            Verdict = verdict,
            Confidence = history < _policy.MinimumPeriodsBeforeCut && verdict != Verdict.InsufficientData ? ConfidenceLevel.Low : confidence,
            Role = role,
            Focus = focus,
            SuggestedExperiments = suggested ?? [],
            Visits = s.Window.V,
            Leads = s.Window.L,
            Customers = s.Window.C,
            HistoryPeriods = history,
            GoalStatuses = statuses,
            Evidence = evidence,
        };

        ConfidenceLevel By(bool significant) => significant ? ConfidenceLevel.High : ConfidenceLevel.Medium;

        // 1. Goals come first.
        if (s.Goals.Count == 0 && s.CampaignGoalCount > 0)
        {
            evidence.Add(new Evidence
            {
                Code = EvidenceCodes.CampaignGoalsOnly,
                Value = s.CampaignGoalCount,
                Message = string.Create(CultureInfo.InvariantCulture, $"{name} has goals only for some of its campaigns, none for the network as a whole: its campaigns are judged on theirs; set a network goal to judge {name} itself."),
            });
            return Result(Verdict.InsufficientData, ConfidenceLevel.Low);
        }

        if (s.Goals.Count == 0)
        {
            evidence.Add(new Evidence
            {
                Code = EvidenceCodes.GoalsMissing,
                Message = s.Campaign is null
                    ? string.Create(CultureInfo.InvariantCulture, $"No goal is set for {name}: goals come first. Say what {name} is for (traffic, leads, reach, ...) before judging it.")
                    : string.Create(CultureInfo.InvariantCulture, $"No goal is set for {name}, and its network has no funnel goal it could inherit: goals come first."),
            });
            return Result(Verdict.InsufficientData, ConfidenceLevel.Low);
        }

        // 2. Nothing to judge.
        if (history == 0)
        {
            evidence.AddRange(goalEvidence);
            evidence.Add(new Evidence { Code = EvidenceCodes.NoData, Message = string.Create(CultureInfo.InvariantCulture, $"There is no data for {name} up to {_period}.") });
            return Result(Verdict.InsufficientData, ConfidenceLevel.Low);
        }

        // 3. Give it a real try: enough periods.
        if (history < _policy.MinimumPeriods)
        {
            evidence.AddRange(goalEvidence);
            evidence.Add(new Evidence
            {
                Code = EvidenceCodes.TooFewPeriods,
                Metric = EvidenceMetrics.Periods,
                Value = history,
                ComparedWith = new EvidenceComparison(ComparisonBasis.Policy, _policy.MinimumPeriods),
                Message = string.Create(CultureInfo.InvariantCulture, $"{name} has only {Counted(history, "period")} of data; at least {_policy.MinimumPeriods} are needed before any verdict."),
            });
            return Result(Verdict.InsufficientData, ConfidenceLevel.Low);
        }

        evidence.AddRange(goalEvidence);

        // 4. Goals without any known value.
        if (weight == 0)
        {
            return Result(Verdict.InsufficientData, ConfidenceLevel.Low);
        }

        double attainment = Share(credit, weight);
        var experiments = Experiments(s);

        // 5. Give it a real try: enough visits for funnel goals.
        if (hasFunnelGoal && s.Window.V < _policy.MinimumVisits)
        {
            int windowPeriods = _data.Length - _windowStart;
            evidence.Add(experiments.Evidence);
            evidence.Add(new Evidence
            {
                Code = EvidenceCodes.TooFewVisits,
                Metric = EvidenceMetrics.Visits,
                Value = s.Window.V,
                ComparedWith = new EvidenceComparison(ComparisonBasis.Policy, _policy.MinimumVisits),
                Periods = windowPeriods,
                Message = string.Create(CultureInfo.InvariantCulture, $"{name} brought {(s.Window.V == 0 ? "no visits" : "only " + Counted(s.Window.V, "visit"))} in the last {Counted(windowPeriods, "period")}, fewer than the {Num(_policy.MinimumVisits)} needed to judge its funnel; it has not had a real try."),
            });
            return Result(Verdict.Experiment, ConfidenceLevel.Low, suggested: experiments.Untried);
        }

        // 6. Sentiment turning while the rest goes well.
        var sentiment = s.NetworkData is null ? null : SentimentWorsening(s);
        double otherAttainment = otherWeight > 0 ? Share(otherCredit, otherWeight) : 0;
        if (sentiment is not null && otherWeight > 0 && otherAttainment >= _policy.GoalsMetShare)
        {
            evidence.Add(Attainment(EvidenceCodes.OtherGoalsMet, otherAttainment, _policy.GoalsMetShare, string.Create(CultureInfo.InvariantCulture, $"{name} meets {Pct(otherAttainment)} of its goals other than sentiment, by weight")));
            evidence.Add(sentiment);
            return Result(Verdict.Optimize, ConfidenceLevel.High, OptimizationFocus.Sentiment);
        }

        // 7. Volume is not quality.
        if (visitToLead.Better)
        {
            double even = 1.0 / s.SubjectsWithVisits;
            if (share.Value is double sv && sv < even)
            {
                evidence.Add(new Evidence
                {
                    Code = EvidenceCodes.LowVolume,
                    Metric = EvidenceMetrics.ShareOfVisits,
                    Value = sv,
                    Interval = share.Interval,
                    ComparedWith = new EvidenceComparison(ComparisonBasis.Policy, even),
                    Message = string.Create(CultureInfo.InvariantCulture, $"{name} brings only {Pct(sv)} of the visits, less than an even share of {Pct(even)}: its reach, not its quality, holds it back."),
                });
            }

            evidence.Add(visitToLead.Evidence);
            return Result(Verdict.Invest, ConfidenceLevel.High, OptimizationFocus.Traffic);
        }

        // 8. Know its role: a traffic driver is judged on its traffic goal.
        if (role == NetworkRole.TrafficDriver && hasTrafficGoal && Share(trafficCredit, trafficWeight) >= _policy.GoalsMetShare)
        {
            if (shareHigh)
            {
                evidence.Add(new Evidence
                {
                    Code = EvidenceCodes.TrafficShareHigh,
                    Metric = EvidenceMetrics.ShareOfVisits,
                    Value = share.Value,
                    Interval = share.Interval,
                    ComparedWith = new EvidenceComparison(ComparisonBasis.Policy, _policy.TrafficDriverShare),
                    Message = string.Create(CultureInfo.InvariantCulture, $"{name} brings {Pct(share.Value ?? 0)} of all visits{(s.Campaign is null ? "" : " of its network")}, at least the {Pct(_policy.TrafficDriverShare)} that makes a traffic driver."),
                });
            }

            evidence.AddRange(sectionHigh);
            evidence.Add(visitToLead.Evidence);
            evidence.Add(new Evidence
            {
                Code = EvidenceCodes.JudgeOnTrafficGoal,
                Value = Share(trafficCredit, trafficWeight),
                ComparedWith = new EvidenceComparison(ComparisonBasis.Policy, _policy.GoalsMetShare),
                Message = string.Create(CultureInfo.InvariantCulture, $"{name} is a traffic driver: it meets its traffic goals ({Pct(Share(trafficCredit, trafficWeight))} by weight), so judge it on them, not on leads."),
            });
            return Result(Verdict.Keep, ConfidenceLevel.High, OptimizationFocus.Traffic);
        }

        var roi = s.NetworkData is null ? null : Roi(s);
        bool roiPositive = roi is { Code: EvidenceCodes.RoiPositive };
        bool roiNegative = roi is { Code: EvidenceCodes.RoiNegative };
        bool upward = visitsTrend.Test.Trend == TrendDirection.Increasing || leadsTrend.Test.Trend == TrendDirection.Increasing || anyImproving;
        var weak = visitToLead.Worse ? (OptimizationFocus.VisitToLead, visitToLead)
            : leadToCustomer.Worse ? (OptimizationFocus.LeadToCustomer, leadToCustomer)
            : (OptimizationFocus.None, visitToLead);

        // 9. Goals met: keep, or fix what is clearly weak.
        if (attainment >= _policy.GoalsMetShare)
        {
            var met = Attainment(EvidenceCodes.GoalsMet, attainment, _policy.GoalsMetShare, string.Create(CultureInfo.InvariantCulture, $"{name} meets {Pct(attainment)} of its goals by weight"));
            if (weak.Item1 != OptimizationFocus.None)
            {
                evidence.Add(met);
                evidence.Add(weak.Item2.Evidence);
                return Result(Verdict.Optimize, ConfidenceLevel.High, weak.Item1);
            }

            if (roiNegative && !upward)
            {
                evidence.Add(met);
                evidence.Add(roi!);
                return Result(Verdict.Optimize, ConfidenceLevel.Medium, OptimizationFocus.Cost);
            }

            // Kept for its goals: the conversion and the return only support that.
            evidence.Add(visitToLead.Evidence);
            if (roi is not null)
            {
                evidence.Add(roi);
            }

            evidence.Add(met);
            return Result(Verdict.Keep, ConfidenceLevel.High);
        }

        // 10. Cut only when everything says so.
        bool partly = attainment >= _policy.PartlyMetShare;
        var missed = Attainment(
            partly ? EvidenceCodes.GoalsPartlyMet : EvidenceCodes.GoalsNotMet,
            attainment,
            _policy.PartlyMetShare,
            string.Create(CultureInfo.InvariantCulture, $"{name} scores only {Pct(attainment)} on its goals (a missed goal counts by the share of periods it was met in, weighted by goal)"));
        bool enoughExperiments = experiments.Count >= _policy.MinimumExperimentsBeforeCut && experiments.Periods >= _policy.MinimumExperimentPeriodsBeforeCut;
        // Too few visits is never a Cut, whatever the goals (a reach-only network included): at most Reduce, below.
        // Nor is a rate that looks materially better but is not proven so: that is a lack of data, not of quality.
        bool cut = !partly && !anyMetOrOnTrack && !upward && !visitToLead.LooksBetter && enoughExperiments
            && history >= _policy.MinimumPeriodsBeforeCut && !roiPositive && s.Window.V >= _policy.MinimumVisits;
        if (cut)
        {
            // Everything says so; the goals missed after enough tries say it loudest.
            if (roi is not null)
            {
                evidence.Add(roi);
            }

            evidence.Add(visitToLead.Evidence);
            evidence.Add(TrendEvidence(name, EvidenceMetrics.Visits, visitsTrend, "visits"));
            evidence.Add(experiments.Evidence);
            evidence.Add(missed);
            return Result(Verdict.Cut, ConfidenceLevel.High);
        }

        evidence.Add(missed);

        // 11. One stage clearly weak while the traffic holds: fix that stage.
        if (weak.Item1 != OptimizationFocus.None && visitsTrend.Test.Trend != TrendDirection.Decreasing && !trafficMissed)
        {
            evidence.Add(weak.Item2.Evidence);
            return Result(Verdict.Optimize, ConfidenceLevel.High, weak.Item1);
        }

        // 12. Not really tried yet.
        if (!enoughExperiments)
        {
            evidence.Add(TrendEvidence(name, EvidenceMetrics.Visits, visitsTrend, "visits"));
            evidence.Add(experiments.Evidence);
            return Result(Verdict.Experiment, By(visitsTrend.Test.Trend == TrendDirection.Decreasing), suggested: experiments.Untried);
        }

        evidence.Add(experiments.Evidence);

        // 13. Improving: not there yet, keep working on it.
        if (upward)
        {
            // Quote the trend that rises: the leads' when only they do, named as leads.
            evidence.Add(visitsTrend.Test.Trend != TrendDirection.Increasing && leadsTrend.Test.Trend == TrendDirection.Increasing
                ? TrendEvidence(name, EvidenceMetrics.Leads, leadsTrend, "leads")
                : TrendEvidence(name, EvidenceMetrics.Visits, visitsTrend, "visits"));
            return Result(Verdict.Optimize, ConfidenceLevel.Medium, OptimizationFocus.Traffic);
        }

        // 14. It pays for itself.
        if (roiPositive)
        {
            evidence.Add(roi!);
            return Result(Verdict.Optimize, ConfidenceLevel.Medium, weak.Item1);
        }

        // 15. Goals missed, tried, no return: spend less time.
        if (roi is not null)
        {
            evidence.Add(roi);
        }

        evidence.Add(TrendEvidence(name, EvidenceMetrics.Visits, visitsTrend, "visits"));
        if (visitToLead.LooksBetter)
        {
            // Everything else says Cut; a rate that may be better, on too little data to tell, says wait.
            evidence.Add(visitToLead.Evidence);
            return Result(Verdict.Reduce, ConfidenceLevel.Medium);
        }

        return Result(Verdict.Reduce, ConfidenceLevel.High);
    }

    /// <summary>
    /// A weighted share of goals met, rounded to 12 decimals: the sum of weight × credit depends on the goals' order in
    /// its last bits (0.25 one way, 0.24999999999999997 the other), and a verdict compared against a threshold of 25 %
    /// must not (it made the difference between Reduce and Cut).
    /// </summary>
    private static double Share(double credit, double weight) => Math.Round(credit / weight, 12);

    private static Evidence Attainment(string code, double value, double threshold, string lead) => new()
    {
        Code = code,
        Metric = EvidenceMetrics.GoalAttainment,
        Value = value,
        ComparedWith = new EvidenceComparison(ComparisonBasis.Policy, threshold),
        Message = code switch
        {
            EvidenceCodes.GoalsMet or EvidenceCodes.OtherGoalsMet => string.Create(CultureInfo.InvariantCulture, $"{lead}, at least the {Pct(threshold)} that counts as meeting its goals."),
            EvidenceCodes.GoalsPartlyMet => string.Create(CultureInfo.InvariantCulture, $"{lead}: short of meeting them, but at least the {Pct(threshold)} that counts as partly meeting them."),
            _ => string.Create(CultureInfo.InvariantCulture, $"{lead}, below the {Pct(threshold)} that would count as partly met."),
        },
    };

    private Conversion Compare(Subject s, string metric, long successes, long trials, long peerSuccesses, long peerTrials, string stage, string peers)
    {
        bool comparable = trials > 0 && peerTrials > 0 && successes <= trials && peerSuccesses <= peerTrials && successes >= 0 && peerSuccesses >= 0;
        if (!comparable)
        {
            return new Conversion(c => NotComparable(s, c)) { Metric = metric, Stage = stage, Peers = peers, Successes = successes, Trials = trials, PeerSuccesses = peerSuccesses, PeerTrials = peerTrials };
        }

        var comparison = Proportions.Compare(peerSuccesses, peerTrials, successes, trials);
        double rate = (double)successes / trials;
        double peerRate = (double)peerSuccesses / peerTrials;
        bool significant = comparison.IsSignificantAt(Alpha);
        double ratio = _policy.MaterialRateRatio;
        return new Conversion(c => Compared(s, c))
        {
            Metric = metric,
            Stage = stage,
            Peers = peers,
            Successes = successes,
            Trials = trials,
            PeerSuccesses = peerSuccesses,
            PeerTrials = peerTrials,
            Comparison = comparison,
            Better = significant && rate > peerRate && rate >= ratio * peerRate,
            LooksBetter = rate > peerRate && rate >= ratio * peerRate,
            Worse = significant && rate < peerRate && rate * ratio <= peerRate,
        };
    }

    private static Evidence NotComparable(Subject s, Conversion c)
    {
        string why = c.Trials == 0 ? string.Create(CultureInfo.InvariantCulture, $"{s.Name} has no {(c.Stage == "visit→lead" ? "visits" : "leads")} in the window")
            : c.PeerTrials == 0 ? string.Create(CultureInfo.InvariantCulture, $"{c.Peers} have none to compare with")
            : "more conversions than their base were recorded (attribution moved them between periods or sources)";
        return new Evidence
        {
            Code = EvidenceCodes.ConversionNotComparable,
            Metric = c.Metric,
            Message = string.Create(CultureInfo.InvariantCulture, $"The {c.Stage} rate of {s.Name} cannot be compared with {c.Peers}: {why}."),
        };
    }

    private Evidence Compared(Subject s, Conversion c)
    {
        var comparison = c.Comparison!.Value;
        long successes = c.Successes, trials = c.Trials, peerSuccesses = c.PeerSuccesses, peerTrials = c.PeerTrials;

        // P(B > A) = 1 − P(A > B) for continuous posteriors; the exact sum costs O(B's successes), so sum over the smaller side.
        double probability = successes <= peerSuccesses
            ? Proportions.ProbabilityBBeatsA(peerSuccesses, peerTrials, successes, trials)
            : 1 - Proportions.ProbabilityBBeatsA(successes, trials, peerSuccesses, peerTrials);
        double rate = (double)successes / trials;
        double peerRate = (double)peerSuccesses / peerTrials;
        var statistic = comparison.Test == ProportionTest.TwoProportionZTest
            ? new EvidenceStatistic("z", comparison.Z)
            : new EvidenceStatistic("rateDifference", comparison.Difference);
        string code = c.Better ? EvidenceCodes.ConversionAbovePeers : c.Worse ? EvidenceCodes.ConversionBelowPeers : EvidenceCodes.ConversionInLine;
        string verdict = c.Better ? "clearly above" : c.Worse ? "clearly below" : "not clearly different from";
        return new Evidence
        {
            Code = code,
            Metric = c.Metric,
            Value = rate,
            Interval = Proportions.Wilson(successes, trials, _data.Confidence),
            ComparedWith = new EvidenceComparison(s.PeerBasis, peerRate, Proportions.Wilson(peerSuccesses, peerTrials, _data.Confidence)),
            Statistic = statistic,
            PValue = comparison.PValue,
            Probability = probability,
            Message = string.Create(CultureInfo.InvariantCulture, $"The {c.Stage} rate of {s.Name} is {Pct(rate)} ({Num(successes)} of {Num(trials)}), {verdict} the {Pct(peerRate)} of {c.Peers} ({P(comparison.PValue)}; {Probability(probability)} probability that it is higher)."),
        };
    }

    private List<Evidence> SectionShares(Subject s)
    {
        if (s.Campaign is not null || !_data.HasSectionVisits)
        {
            return [];
        }

        var result = new List<Evidence>();

        foreach (var section in _sections)
        {
            long self = 0, all = 0;
            foreach (var network in _data.Networks.Values)
            {
                for (int i = _windowStart; i < _data.Length; i++)
                {
                    long count = _data.SectionVisits(network.Name, section, i) ?? 0;
                    all += count;
                    if (ReferenceEquals(network, s.NetworkData))
                    {
                        self += count;
                    }
                }
            }

            var share = RateOf(self, all);
            if (share.Value is double v && v >= _policy.TrafficDriverShare)
            {
                result.Add(new Evidence
                {
                    Code = EvidenceCodes.SectionShareHigh,
                    Metric = EvidenceMetrics.SectionShare,
                    Section = section,
                    Value = v,
                    Interval = share.Interval,
                    ComparedWith = new EvidenceComparison(ComparisonBasis.Policy, _policy.TrafficDriverShare),
                    Message = string.Create(CultureInfo.InvariantCulture, $"{s.Name} brings {Pct(v)} of the visits to the {section} ({Num(self)} of {Num(all)}), at least the {Pct(_policy.TrafficDriverShare)} that makes a traffic driver."),
                });
            }
        }

        return result;
    }

    private Trend TrendOf(FunnelCounts subject, long[] counts)
    {
        int length = _data.Length - _trendStart;
        Span<double> values = length <= 256 ? stackalloc double[length] : new double[length];
        for (int i = 0; i < length; i++)
        {
            int slot = _trendStart + i;
            values[i] = Known(subject, slot) ? counts[slot] : double.NaN;
        }

        return new Trend(MannKendall.Test(values, Alpha), SenSlope.Estimate(values, 1 - Alpha), length);
    }

    private static Evidence TrendEvidence(string name, string metric, Trend trend, string what)
    {
        var test = trend.Test;
        string code = test.Trend switch
        {
            TrendDirection.Increasing => EvidenceCodes.TrendUp,
            TrendDirection.Decreasing => EvidenceCodes.TrendDown,
            _ => EvidenceCodes.NoUpwardTrend,
        };
        double? slope = trend.Slope.IsComputable ? trend.Slope.Slope : null;
        string slopeText = slope is double sl ? string.Create(CultureInfo.InvariantCulture, $" ({(sl >= 0 ? "+" : "")}{Num(sl)} a period)") : "";
        return new Evidence
        {
            Code = code,
            Metric = metric,
            Statistic = slope is double value ? new EvidenceStatistic("senSlope", value) : null,
            PValue = test.IsComputable ? test.PValue : null,
            Periods = trend.Periods,
            ComparedWith = new EvidenceComparison(ComparisonBasis.PreviousPeriods, null),
            Message = test.Trend switch
            {
                TrendDirection.Increasing => string.Create(CultureInfo.InvariantCulture, $"The {what} of {name} rise significantly over the last {Counted(trend.Periods, "period")}{slopeText}, {P(test.PValue)}."),
                TrendDirection.Decreasing => string.Create(CultureInfo.InvariantCulture, $"The {what} of {name} fall significantly over the last {Counted(trend.Periods, "period")}{slopeText}, {P(test.PValue)}."),
                _ => string.Create(CultureInfo.InvariantCulture, $"The {what} of {name} show no significant upward trend over the last {Counted(trend.Periods, "period")}{slopeText}{(test.IsComputable ? ", " + P(test.PValue) : "")}."),
            },
        };
    }

    private Evidence? SentimentWorsening(Subject s)
    {
        var snapshots = s.NetworkData!.Snapshots;
        int length = _data.Length - _trendStart;
        Span<double> values = length <= 256 ? stackalloc double[length] : new double[length];
        double? latest = null;
        for (int i = 0; i < length; i++)
        {
            double? share = snapshots[_trendStart + i]?.NegativeShare().Value;
            values[i] = share ?? double.NaN;
            latest = share ?? latest;
        }

        var test = MannKendall.Test(values, Alpha);
        if (test.Trend != TrendDirection.Increasing)
        {
            return null;
        }

        var slope = SenSlope.Estimate(values, 1 - Alpha);
        return new Evidence
        {
            Code = EvidenceCodes.SentimentWorsening,
            Metric = EvidenceMetrics.NegativeShare,
            Value = latest,
            Statistic = slope.IsComputable ? new EvidenceStatistic("senSlope", slope.Slope) : null,
            PValue = test.PValue,
            Periods = length,
            ComparedWith = new EvidenceComparison(ComparisonBasis.PreviousPeriods, null),
            Message = string.Create(CultureInfo.InvariantCulture, $"The negative share of comments and mentions about {s.Name} rises significantly over the last {Counted(length, "period")} ({P(test.PValue)}), to {Pct(latest ?? 0)}{(slope.IsComputable ? string.Create(CultureInfo.InvariantCulture, $", about {Pct(slope.Slope)} more each period") : "")}: fix what people complain about before it costs the results."),
        };
    }

    private Evidence Roi(Subject s)
    {
        var snapshots = s.NetworkData!.Snapshots;
        double revenue = 0, cost = 0;
        int periods = 0;
        for (int i = _windowStart; i < _data.Length; i++)
        {
            if (snapshots[i] is { Revenue: decimal r } snapshot && snapshot.Cost(_data.HourlyRate).TryGetValue(out double c))
            {
                revenue += (double)r;
                cost += c;
                periods++;
            }
        }

        // A cost next to nothing (hours of 1e-300 at a rate) makes the return overflow: as undefined as a cost of zero.
        double roi = cost == 0 ? 0 : (revenue - cost) / cost;
        if (periods == 0 || cost == 0 || !double.IsFinite(roi))
        {
            return new Evidence
            {
                Code = EvidenceCodes.RoiNotComputable,
                Metric = EvidenceMetrics.Roi,
                Periods = periods,
                Message = periods == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"The return of {s.Name} cannot be computed: no period of the window has both its revenue and its cost.")
                    : string.Create(CultureInfo.InvariantCulture, $"{s.Name} cost {(cost == 0 ? "nothing" : "next to nothing")} over the window{(_data.HourlyRate is null ? " (hours are not costed: set an hourly rate)" : "")}, so its return is undefined, not infinite; it does not count in its favour."),
            };
        }

        bool positive = roi >= _policy.RoiThreshold;
        return new Evidence
        {
            Code = positive ? EvidenceCodes.RoiPositive : EvidenceCodes.RoiNegative,
            Metric = EvidenceMetrics.Roi,
            Value = roi,
            ComparedWith = new EvidenceComparison(ComparisonBasis.Policy, _policy.RoiThreshold),
            Periods = periods,
            Message = string.Create(CultureInfo.InvariantCulture, $"{s.Name} returned {Num(revenue)} for a cost of {Num(cost)} over {Counted(periods, "period")}: a return of {(roi >= 0 ? "+" : "")}{Pct(roi)}, {(positive ? "at or above" : "below")} the threshold of {Pct(_policy.RoiThreshold)}."),
        };
    }

    private readonly record struct ExperimentFacts(int Count, int Periods, IReadOnlyList<ExperimentKind> Tried, IReadOnlyList<ExperimentKind> Untried, Evidence Evidence);

    /// <summary>
    /// Counts the tries among experiments: entries of one kind that overlap or follow on the next day are one try,
    /// so an experiment logged twice, or split at a month's end, does not count as the two tries a Cut needs.
    /// </summary>
    private int DistinctTries(List<Experiment> experiments)
    {
        int tries = 0;
        foreach (var byKind in experiments.GroupBy(e => e.Kind))
        {
            // The first day that would start a new try: the day after the ones covered so far.
            DateOnly? next = null;
            foreach (var e in byKind.OrderBy(e => e.Start))
            {
                // A still-running experiment runs until the evaluation's last day.
                var end = e.End is DateOnly last && last < _lastDay ? last : _lastDay;
                var after = end == DateOnly.MaxValue ? end : end.AddDays(1);
                if (next is not DateOnly n || e.Start > n)
                {
                    tries++;
                    next = after;
                }
                else if (after > n)
                {
                    next = after;
                }
            }
        }

        return tries;
    }

    private ExperimentFacts Experiments(Subject s)
    {
        var tried = new SortedSet<ExperimentKind>();
        var applicable = new List<Experiment>();
        // As ExperimentLog.ForNetwork(network, campaign): a campaign counts its own experiments and the network-wide ones.
        foreach (var experiment in s.NetworkExperiments)
        {
            bool applies = s.Campaign is null || experiment.Campaign is null || string.Equals(experiment.Campaign, s.Campaign, StringComparison.OrdinalIgnoreCase);
            if (applies && experiment.Start <= _lastDay)
            {
                applicable.Add(experiment);
                tried.Add(experiment.Kind);
            }
        }

        int count = DistinctTries(applicable);

        int periods = count == 0 ? 0 : _experiments.PeriodsCovered(s.Network, _data.Granularity, _lastDay, s.Campaign).Count;
        var untried = new List<ExperimentKind>();
        foreach (var kind in s_suggestable)
        {
            if (!tried.Contains(kind))
            {
                untried.Add(kind);
            }
        }

        if (untried.Count == 0)
        {
            // Everything was tried once: suggest trying each again, differently, rather than nothing.
            untried.AddRange(s_suggestable);
        }

        bool enough = count >= _policy.MinimumExperimentsBeforeCut && periods >= _policy.MinimumExperimentPeriodsBeforeCut;
        string untriedText = string.Join(", ", untried.Select(KindText));
        var evidence = count == 0
            ? new Evidence
            {
                Code = EvidenceCodes.NothingTried,
                Metric = EvidenceMetrics.Experiments,
                Value = 0,
                Kinds = untried,
                Message = string.Create(CultureInfo.InvariantCulture, $"Nothing was ever tried on {s.Name}: try {untriedText} before judging it."),
            }
            : new Evidence
            {
                Code = enough ? EvidenceCodes.ExperimentsTried : EvidenceCodes.ExperimentsTooFew,
                Metric = EvidenceMetrics.Experiments,
                Value = count,
                Periods = periods,
                ComparedWith = new EvidenceComparison(ComparisonBasis.Policy, _policy.MinimumExperimentsBeforeCut),
                Kinds = enough ? [.. tried] : untried,
                Message = enough
                    ? string.Create(CultureInfo.InvariantCulture, $"{Counted(count, "experiment")} ({string.Join(", ", tried.Select(KindText))}) ran on {s.Name} over {Counted(periods, "period")}: it had a real try.")
                    : string.Create(CultureInfo.InvariantCulture, $"Only {Counted(count, "experiment")} over {Counted(periods, "period")} ran on {s.Name}, short of the {_policy.MinimumExperimentsBeforeCut} over {_policy.MinimumExperimentPeriodsBeforeCut} periods a Cut needs: try {untriedText}."),
            };
        return new ExperimentFacts(count, periods, [.. tried], untried, evidence);
    }

    private static string KindText(ExperimentKind kind) => kind switch
    {
        ExperimentKind.ContentFormat => "another content format",
        ExperimentKind.PostingTime => "other posting times",
        ExperimentKind.Tone => "another tone",
        ExperimentKind.Audience => "another audience",
        ExperimentKind.Budget => "a different budget",
        _ => "something else",
    };
}
