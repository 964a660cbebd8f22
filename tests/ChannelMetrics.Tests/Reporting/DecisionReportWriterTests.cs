using System.Globalization;
using System.Reflection;
using ChannelMetrics.Decisions;
using ChannelMetrics.Experiments;
using ChannelMetrics.Goals;
using ChannelMetrics.Reporting;

namespace ChannelMetrics.Tests.Reporting;

public sealed class DecisionReportWriterTests
{
    private const char Fsi = '\u2068';
    private const char Pdi = '\u2069';

    private static readonly DecisionReport s_report = DecisionSamples.Report();
    private static readonly ReportOptions s_arabic = ReportOptions.Default with { Culture = CultureInfo.GetCultureInfo("ar") };

    /// <summary>A hand-built report with one network and one piece of evidence per interesting field.</summary>
    private static DecisionReport Small(params Evidence[] evidence) => new()
    {
        EvaluationDate = new DateOnly(2026, 11, 1),
        EvaluationPeriod = Period.Month(2026, 10),
        WindowStart = Period.Month(2026, 5),
        Policy = DecisionPolicy.Default,
        Portfolio = new PortfolioSummary { NetworkCount = 1, Visits = 1000, Leads = 50, Customers = 5, Verdicts = [new VerdictCount(Verdict.Invest, 1)] },
        Networks =
        [
            new ChannelAssessment
            {
                Network = "X (Twitter)",
                Verdict = Verdict.Invest,
                Confidence = ConfidenceLevel.High,
                Role = NetworkRole.Converter,
                Visits = 1000,
                Leads = 50,
                Customers = 5,
                GoalStatuses =
                [
                    new GoalStatus
                    {
                        GoalId = "x|leads",
                        Metric = GoalMetric.Leads,
                        Kind = GoalKind.Leads,
                        Direction = GoalDirection.AtLeast,
                        TargetForm = GoalTargetForm.Absolute,
                        Target = 10,
                        Weight = 1,
                        Progress = GoalProgress.Met,
                        Observed = 12.5,
                        Gap = 2.5,
                        WindowStart = Period.Month(2026, 5),
                        WindowEnd = Period.Month(2026, 10),
                        KnownPeriods = 6,
                    },
                ],
                Evidence = evidence,
            },
        ],
    };

    private static Evidence Above() => new()
    {
        Code = EvidenceCodes.ConversionAbovePeers,
        Metric = EvidenceMetrics.VisitToLeadRate,
        Value = 0.05,
        Interval = new ChannelMetrics.Statistics.Interval(0.038, 0.065),
        ComparedWith = new EvidenceComparison(ComparisonBasis.Portfolio, 0.02),
        Statistic = new EvidenceStatistic("z", 4.1),
        PValue = 0.0004,
        Probability = 0.999,
        Message = "ENGINE MESSAGE",
    };

    [Test]
    public void Markdown_EvidenceSentence_IsWrittenFromCodeAndFields()
    {
        string markdown = new MarkdownReportWriter().WriteToString(Small(Above()));

        Assert.That(markdown, Ordinal.Contains(
            "- The visit-to-lead rate of X (Twitter) is 5.0% [3.8%, 6.5%], clearly above the 2.0% of the rest of the portfolio. Test result: p < 0.001. Probability that its rate is truly higher: 99.9%.\n"));
        Assert.That(markdown, Ordinal.NotContains("ENGINE MESSAGE"));
    }

    [TestCase(0.9996, "Probability that its rate is truly higher: more than 99.9%.")]
    [TestCase(0.0004, "Probability that its rate is truly higher: less than 0.1%.")]
    [TestCase(0.5, "Probability that its rate is truly higher: 50.0%.")]
    public void Markdown_ProbabilityNearCertainty_IsNotRoundedToIt(double probability, string expected)
    {
        string markdown = new MarkdownReportWriter().WriteToString(Small(Above() with { Probability = probability }));

        Assert.That(markdown, Ordinal.Contains(expected));
    }

    [Test]
    public void Markdown_EvidenceSentence_Arabic()
    {
        string markdown = new MarkdownReportWriter(s_arabic).WriteToString(Small(Above()));

        Assert.That(markdown, Ordinal.Contains(
            $"- {Fsi}معدل التحويل من زيارة إلى عميل محتمل{Pdi} لدى {Fsi}X (Twitter){Pdi} هو {Fsi}5٫0٪؜ [3٫8٪؜، 6٫5٪؜]{Pdi}، أعلى بوضوح من {Fsi}2٫0٪؜{Pdi} لدى {Fsi}بقية المحفظة{Pdi}."));
        Assert.That(markdown, Ordinal.NotContains("ENGINE MESSAGE"));
    }

    [Test]
    public void Markdown_Counts_TakeTheSingularForOne()
    {
        var report = Small(
            new Evidence { Code = EvidenceCodes.TooFewVisits, Value = 1, ComparedWith = new EvidenceComparison(ComparisonBasis.Policy, 100), Periods = 6, Message = "ENGINE MESSAGE" },
            new Evidence { Code = EvidenceCodes.ExperimentsTried, Value = 1, Periods = 1, Kinds = [ExperimentKind.Tone], Message = "ENGINE MESSAGE" },
            new Evidence { Code = EvidenceCodes.TrendUp, Metric = EvidenceMetrics.Visits, Periods = 1, Message = "ENGINE MESSAGE" },
            new Evidence { Code = EvidenceCodes.GoalOnTrack, GoalId = "x|leads", Metric = "leads", Value = 9, ComparedWith = new EvidenceComparison(ComparisonBasis.Target, 10), Periods = 1, Message = "ENGINE MESSAGE" });
        report = report with { Portfolio = report.Portfolio with { Visits = 1, Leads = 1, Customers = 1 } };

        string markdown = new MarkdownReportWriter().WriteToString(report);

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Ordinal.Contains("Portfolio: 1 visit, 1 lead and 1 customer;"));
            Assert.That(markdown, Ordinal.Contains("X (Twitter) brought only 1 visit, fewer than the 100 needed"));
            Assert.That(markdown, Ordinal.Contains("X (Twitter) has 1 experiment on record over 1 month (tone)."));
            Assert.That(markdown, Ordinal.Contains("in the visits of X (Twitter) over the last month."));
            Assert.That(markdown, Ordinal.Contains("If this trend held, the target would be reached in 1 month."));
        });
    }

    [Test]
    public void Markdown_Counts_TakeThePluralOtherwise()
    {
        var report = Small(
            new Evidence { Code = EvidenceCodes.TooFewVisits, Value = 0, ComparedWith = new EvidenceComparison(ComparisonBasis.Policy, 100), Periods = 6, Message = "ENGINE MESSAGE" },
            new Evidence { Code = EvidenceCodes.ExperimentsTried, Value = 2, Periods = 12, Kinds = [ExperimentKind.Tone], Message = "ENGINE MESSAGE" },
            new Evidence { Code = EvidenceCodes.TrendUp, Metric = EvidenceMetrics.Visits, Periods = 6, Message = "ENGINE MESSAGE" });

        string markdown = new MarkdownReportWriter().WriteToString(report);

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Ordinal.Contains("Portfolio: 1,000 visits, 50 leads and 5 customers;"));
            Assert.That(markdown, Ordinal.Contains("X (Twitter) brought no visits, fewer than the 100 needed"));
            Assert.That(markdown, Ordinal.Contains("X (Twitter) has 2 experiments on record over 12 months (tone)."));
            Assert.That(markdown, Ordinal.Contains("in the visits of X (Twitter) over the last 6 months."));
        });
    }

    [Test]
    public void Markdown_NoGoals_GoalsMetIsADash_TrafficKeepIsJudgedOnTraffic_RateSlopeInPoints()
    {
        var report = Small(Above() with { Statistic = new EvidenceStatistic("senSlope", 0.0192) });
        var network = report.Networks[0] with { GoalStatuses = [], Verdict = Verdict.Keep, Role = NetworkRole.TrafficDriver, Focus = OptimizationFocus.Traffic };
        report = report with { Networks = [network] };

        string markdown = new MarkdownReportWriter().WriteToString(report);

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Ordinal.Contains("| 1,000 | 50 | 5 | — |"));
            Assert.That(markdown, Ordinal.Contains("Judge it on: its traffic goals, not on leads."));
            Assert.That(markdown, Ordinal.NotContains("Work on: the traffic itself"));
            Assert.That(markdown, Ordinal.Contains("Trend: +1.92 pts per month."), "a monthly report says month");
            var weekly = report with { EvaluationPeriod = Period.Containing(new DateOnly(2026, 10, 26), PeriodGranularity.Week), WindowStart = Period.Containing(new DateOnly(2026, 9, 14), PeriodGranularity.Week) };
            Assert.That(new MarkdownReportWriter().WriteToString(weekly), Ordinal.Contains("Trend: +1.92 pts per period."), "no text for weeks: the generic one");
        });
    }

    [TestCase(2, "زيارتين فقط")]
    [TestCase(5, "زيارات فقط")]
    [TestCase(40, "زيارة فقط")]
    public void Markdown_Arabic_CountsTakeTheirArabicPluralForm(int visits, string expected)
    {
        var tooFew = new Evidence { Code = EvidenceCodes.TooFewVisits, Value = visits, ComparedWith = new EvidenceComparison(ComparisonBasis.Policy, 100), Periods = 6, Message = "ENGINE MESSAGE" };

        string markdown = new MarkdownReportWriter(s_arabic).WriteToString(Small(tooFew));

        Assert.That(markdown, Ordinal.Contains(expected));
    }

    [Test]
    public void Markdown_SmallValues_AreNotRoundedToZero_AndTheBracketsAreExplained()
    {
        var inherited = new Evidence { Code = EvidenceCodes.GoalInherited, Value = 0.0004, Message = "ENGINE MESSAGE" };
        var met = new Evidence { Code = EvidenceCodes.GoalMet, GoalId = "x|leads", Metric = "leads", Value = 0.2, ComparedWith = new EvidenceComparison(ComparisonBasis.Target, 0.01), Message = "ENGINE MESSAGE" };
        var report = Small(inherited, met);
        report = report with { Networks = [report.Networks[0] with { Evidence = [Above(), inherited, met, Above(), Above(), Above()] }] };

        string markdown = new MarkdownReportWriter().WriteToString(report, DecisionSamples.Funnel());

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Ordinal.Contains("counts scaled to its less than 0.1% share"));
            Assert.That(markdown, Ordinal.Contains("0.2 on average against a target of 0.01."));
            Assert.That(markdown, Ordinal.Contains("Conversion rates are shown with their 95% confidence interval (Wilson score)."));
            Assert.That(markdown, Ordinal.Contains("1 more reason is in the JSON report."));
        });
    }

    [Test]
    public void Markdown_Arabic_MonthlyReport_CountsMonths()
    {
        var tried = new Evidence { Code = EvidenceCodes.ExperimentsTried, Value = 2, Periods = 5, Kinds = [ExperimentKind.Tone], Message = "ENGINE MESSAGE" };

        string markdown = new MarkdownReportWriter(s_arabic).WriteToString(Small(tried));

        Assert.That(markdown, Ordinal.Contains($"تجربتان خلال {Fsi}5{Pdi} أشهر"));
    }

    [Test]
    public void Markdown_UnknownCode_FallsBackToTheEnginesSentence()
    {
        var future = new Evidence { Code = "SomethingNew", Message = "A new *rule* said so." };

        string markdown = new MarkdownReportWriter().WriteToString(Small(future));

        Assert.That(markdown, Ordinal.Contains("- A new \\*rule\\* said so.\n"));
    }

    [Test]
    public void Markdown_Small_HasSummaryGoalsAndVerdict()
    {
        string markdown = new MarkdownReportWriter().WriteToString(Small(Above()));

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Ordinal.StartsWith("# Channel decisions\n\nEvaluated on 1 November 2026 for October 2026; goals, volumes and rates are judged from May 2026 to October 2026.\n\n"));
            Assert.That(markdown, Ordinal.Contains("Portfolio: 1,000 visits, 50 leads and 5 customers; visit → lead n/a."));
            Assert.That(markdown, Ordinal.Contains("| X (Twitter) | **Invest** | high | Converter | 1,000 | 50 | 5 | 1 of 1 |"));
            Assert.That(markdown, Ordinal.Contains("**Verdict: Invest (confidence: high).** Put more in:"));
            Assert.That(markdown, Ordinal.Contains("| Goal | Metric | Target | Average | Gap | Status | Reached in |"), "the observed value is the window's average, and says so");
            Assert.That(markdown, Ordinal.Contains("| x\\|leads | leads | at least 10 | 12.5 | +2.5 | Met | — |"));
            Assert.That(markdown, Ordinal.NotContains("### Funnel by month"), "no funnel table was given");
        });
    }

    [Test]
    public void Markdown_Engine_SummaryListsEveryNetworkWithItsVerdict()
    {
        string markdown = new MarkdownReportWriter().WriteToString(s_report, DecisionSamples.Funnel());

        foreach (var network in s_report.Networks)
        {
            Assert.That(markdown, Ordinal.Contains($"| {network.Network} | **{VerdictName(network.Verdict)}** |"));
            Assert.That(markdown, Ordinal.Contains($"\n## {network.Network}\n"));
        }

        Assert.That(markdown, Ordinal.Contains("### Funnel by month"));
        Assert.That(markdown, Ordinal.Contains("| October 2026 | 610 | 35 | 5 |"));
        Assert.That(markdown, Ordinal.Contains("#### company\\|page"), "campaign names are escaped");
    }

    private static string VerdictName(Verdict verdict) => verdict == Verdict.InsufficientData ? "Insufficient data" : verdict.ToString();

    [Test]
    public void Markdown_Arabic_UsesArabicVerdictNamesAndIsolatesNames()
    {
        string markdown = new MarkdownReportWriter(s_arabic).WriteToString(s_report, DecisionSamples.Funnel());

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Ordinal.StartsWith("<div dir=\"rtl\">\n\n# قرارات القنوات\n"));
            Assert.That(markdown, Ordinal.EndsWith("\n</div>\n"));
            Assert.That(markdown, Ordinal.Contains($"| {Fsi}LinkedIn{Pdi} | **استثمر** |"));
            Assert.That(markdown, Ordinal.Contains($"| {Fsi}X (Twitter){Pdi} | **أوقف** |"));
            Assert.That(markdown, Ordinal.Contains("الحكم: استمر"));
            Assert.That(markdown, Ordinal.NotContains($"{Fsi}{Fsi}"), "values are isolated once");
            Assert.That(markdown, Ordinal.NotContains(" is "), "no English sentence is left");
        });
    }

    [Test]
    public void Markdown_MaxEvidence_ShowsTheLastOnesAndSaysHowManyAreLeft()
    {
        var first = new Evidence { Code = EvidenceCodes.NoData, Message = "m" };
        var report = Small(first, Above(), Above());

        string markdown = new MarkdownReportWriter(ReportOptions.Default with { MaxEvidencePerNetwork = 2 }).WriteToString(report);

        Assert.That(markdown, Ordinal.NotContains("There is no data"));
        Assert.That(markdown, Ordinal.Contains("1 more reason is in the JSON report."));
    }

    [Test]
    public void Markdown_NoEvidenceShown_LeavesOutTheHeadingToo()
    {
        string markdown = new MarkdownReportWriter(ReportOptions.Default with { MaxEvidencePerNetwork = 0 }).WriteToString(Small(Above()));

        Assert.That(markdown, Ordinal.NotContains("### Why"));
    }

    [Test]
    public void Markdown_GapThatRoundsToZero_HasNoSign()
    {
        var report = Small(Above());
        var network = report.Networks[0];
        report = report with { Networks = [network with { GoalStatuses = [network.GoalStatuses[0] with { Progress = GoalProgress.Missed, Observed = 9.999, Gap = -0.001 }] }] };

        string markdown = new MarkdownReportWriter().WriteToString(report);

        Assert.That(markdown, Ordinal.Contains("| 10.0 | 0.0 | Missed |"));
    }

    [Test]
    public void FunnelByPeriod_StartsAtTheSubjectsFirstRow_NotWithZerosBeforeItsLaunch()
    {
        // Threads launched in the last three months of the table's twelve.
        var rows = DecisionSamples.Funnel().Rows
            .Select(r => new ChannelMetrics.Funnel.FunnelRecord(r.Period, r.Network, r.Visits, r.Leads, r.Customers, Campaign: r.Campaign))
            .Concat(Enumerable.Range(9, 3).Select(i => new ChannelMetrics.Funnel.FunnelRecord(Period.Month(2025, 11).Offset(i), "Threads", 90, 2, 0, Campaign: "launch")));
        var funnel = ChannelMetrics.Funnel.FunnelTable.FromRows(rows);
        var report = new DecisionEngineBuilder().Build().Evaluate(funnel, [], DecisionSamples.Goals(), DecisionSamples.Experiments(), DecisionSamples.EvaluationDate);

        var threads = new CsvReportWriter().WriteToString(report, funnel).Split("\r\n").Where(l => l.Contains(",Threads,", StringComparison.Ordinal)).ToArray();
        string markdown = new MarkdownReportWriter().WriteToString(report, funnel);
        int start = markdown.IndexOf("## Threads", StringComparison.Ordinal);
        string threadsSection = markdown[start..markdown.IndexOf("\n## ", start, StringComparison.Ordinal)];

        Assert.Multiple(() =>
        {
            // Without a goal the network is not drilled into campaigns: three periods, from August 2026.
            Assert.That(threads, Has.Length.EqualTo(3));
            Assert.That(threads.Select(l => l.Split(',')[3]).Distinct(), Is.EqualTo(new[] { "2026-08", "2026-09", "2026-10" }));
            Assert.That(threadsSection, Ordinal.Contains("| August 2026 |"));
            Assert.That(threadsSection, Ordinal.NotContains("| July 2026 |"));
            Assert.That(markdown[..start], Ordinal.Contains("| November 2025 |"), "the other networks keep their whole history");
        });
    }

    [Test]
    public void FunnelByPeriod_StartsAfterARowDatedWhereAMissingTimestampLands()
    {
        // One Facebook row at 0001-01 (a blank date): the table spans 24,000 months, the report must not list them.
        var rows = DecisionSamples.Funnel().Rows
            .Select(r => new ChannelMetrics.Funnel.FunnelRecord(r.Period, r.Network, r.Visits, r.Leads, r.Customers, Campaign: r.Campaign))
            .Append(new ChannelMetrics.Funnel.FunnelRecord(Period.Month(1, 1), "Facebook", 1, 0, 0, Campaign: "page"));
        var funnel = ChannelMetrics.Funnel.FunnelTable.FromRows(rows);
        var report = new DecisionEngineBuilder().Build().Evaluate(funnel, [], DecisionSamples.Goals(), DecisionSamples.Experiments(), DecisionSamples.EvaluationDate);

        string markdown = new MarkdownReportWriter().WriteToString(report, funnel);
        string csv = new CsvReportWriter().WriteToString(report, funnel);

        Assert.Multiple(() =>
        {
            Assert.That(markdown.Split('\n'), Has.Length.LessThan(1_000));
            Assert.That(markdown, Ordinal.Contains("| November 2025 |"));
            Assert.That(markdown, Ordinal.NotContains("| January 0001 |"));
            Assert.That(csv.Split("\r\n"), Has.Length.LessThan(1_000));
            Assert.That(markdown, Ordinal.Contains("0001-01"), "the data notes still say where the odd row is");
        });
    }

    [Test]
    public void Markdown_WithoutCampaigns_LeavesThemOut()
    {
        string markdown = new MarkdownReportWriter(ReportOptions.Default with { IncludeCampaigns = false }).WriteToString(s_report, DecisionSamples.Funnel());

        Assert.That(markdown, Ordinal.NotContains("### Campaigns"));
    }

    [Test]
    public void Markdown_IsDeterministic()
    {
        var writer = new MarkdownReportWriter(s_arabic);
        string first = writer.WriteToString(s_report, DecisionSamples.Funnel());

        Assert.That(writer.WriteToString(DecisionSamples.Report(), DecisionSamples.Funnel()), Is.EqualTo(first));
    }

    public static IEnumerable<string> EvidenceCodeNames() =>
        typeof(EvidenceCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!);

    [TestCaseSource(nameof(EvidenceCodeNames))]
    public void Resources_EveryEvidenceCode_HasASentenceInEveryLanguage(string code)
    {
        foreach (var language in ReportOptions.AvailableLanguages)
        {
            Assert.That(ReportText.Catalog(language)!.ContainsKey("Evidence." + code), Is.True, $"{language}: Evidence.{code}");
        }
    }

    [TestCaseSource(nameof(EvidenceCodeNames))]
    public void Markdown_EveryEvidenceCode_RendersInEveryLanguage(string code)
    {
        var evidence = new Evidence
        {
            Code = code,
            Metric = EvidenceMetrics.VisitToLeadRate,
            GoalId = "x|leads",
            Section = "blog",
            Value = 0.05,
            Interval = new ChannelMetrics.Statistics.Interval(0.04, 0.06),
            ComparedWith = new EvidenceComparison(ComparisonBasis.Portfolio, 0.02),
            Statistic = new EvidenceStatistic("senSlope", 0.001),
            PValue = 0.02,
            Probability = 0.9,
            Periods = 6,
            Kinds = [ChannelMetrics.Experiments.ExperimentKind.Tone],
            Message = "ENGINE MESSAGE",
        };

        foreach (var language in ReportOptions.AvailableLanguages)
        {
            string markdown = new MarkdownReportWriter(ReportOptions.Default with { Language = language }).WriteToString(Small(evidence));
            string sentence = markdown.Split('\n').Last(line => line.StartsWith("- ", StringComparison.Ordinal));

            Assert.That(sentence, Ordinal.NotContains("{"), language);
            if (code != EvidenceCodes.DataNote)
            {
                // Only a data note quotes the engine's message; every other sentence is written from the fields.
                Assert.That(sentence, Ordinal.NotContains("ENGINE MESSAGE"), language);
            }

            if (language == "ar")
            {
                Assert.That(sentence.Any(c => c is >= '\u0600' and <= '\u06FF'), Is.True, "an Arabic sentence");
            }
        }
    }

    [Test]
    public void Markdown_GrowthGoal_SaysPerMonth()
    {
        var report = Small(new Evidence { Code = EvidenceCodes.GoalMissed, GoalId = "growth", Metric = "followers", Value = 0.025, ComparedWith = new EvidenceComparison(ComparisonBasis.Target, 0.05), Message = "m" });
        var network = report.Networks[0];
        var growth = network.GoalStatuses[0] with { GoalId = "growth", Metric = GoalMetric.Followers, TargetForm = GoalTargetForm.GrowthPerPeriod, Target = 0.05, Observed = 0.025, Gap = -0.025, Progress = GoalProgress.Missed };
        report = report with { Networks = [network with { GoalStatuses = [growth] }] };

        string markdown = new MarkdownReportWriter().WriteToString(report);

        Assert.That(markdown, Ordinal.Contains("- Goal growth (followers) is missed: 2.5% per month on average against a target of 5.0% per month.\n"));
        Assert.That(markdown, Ordinal.Contains("| growth | followers | at least 5.0% per month | 2.5% per month | -2.5 pts | Missed | — |"));
    }

    [Test]
    public void Resources_EveryEnumValue_HasAName()
    {
        var english = ReportText.Catalog("en")!;
        Assert.Multiple(() =>
        {
            foreach (var verdict in Enum.GetValues<Verdict>())
            {
                Assert.That(english.ContainsKey("Verdict." + verdict) && english.ContainsKey("VerdictAdvice." + verdict), Is.True, verdict.ToString());
            }

            foreach (var role in Enum.GetValues<NetworkRole>())
            {
                Assert.That(english.ContainsKey("Role." + role) && english.ContainsKey("RoleDescription." + role), Is.True, role.ToString());
            }

            foreach (var progress in Enum.GetValues<GoalProgress>())
            {
                Assert.That(english.ContainsKey("Progress." + progress), Is.True, progress.ToString());
            }

            foreach (var metric in GoalMetricExtensions.All)
            {
                Assert.That(english.ContainsKey("Metric." + metric.ToJsonName()), Is.True, metric.ToString());
            }

            foreach (var field in typeof(EvidenceMetrics).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                Assert.That(english.ContainsKey("Metric." + field.GetRawConstantValue()), Is.True, field.Name);
            }

            foreach (var kind in Enum.GetValues<ChannelMetrics.Experiments.ExperimentKind>())
            {
                Assert.That(english.ContainsKey("Experiment." + kind), Is.True, kind.ToString());
            }
        });
    }

    [Test]
    public void Csv_WithFunnel_WritesOneRecordPerSubjectAndPeriod()
    {
        var funnel = DecisionSamples.Funnel();
        var lines = new CsvReportWriter().WriteToString(s_report, funnel).Split("\r\n");

        int subjects = s_report.Networks.Count + s_report.Networks.Sum(n => n.Campaigns.Count);
        Assert.That(lines[0], Is.EqualTo("evaluation_period,network,campaign,period,verdict,confidence,role,focus,network_verdict,visits,leads,customers,visit_to_lead,visit_to_lead_lower,visit_to_lead_upper,lead_to_customer,lead_to_customer_lower,lead_to_customer_upper,goals_met,goals_total"));
        Assert.That(lines, Has.Length.EqualTo(1 + (subjects * 12) + 1));
        Assert.That(lines[^1], Is.Empty);
        Assert.That(lines, Has.Some.StartWith("2026-10,LinkedIn,,2026-10,invest,high,converter,"));
        Assert.That(lines, Has.Some.StartWith("2026-10,LinkedIn,li-ads,2026-10,invest,high,converter,traffic,invest,410,29,4,"));
        Assert.That(lines, Has.Some.StartWith("2026-10,X (Twitter),'=cmd,2026-10,cut,"), "formula-like campaign names are protected");
    }

    [Test]
    public void Csv_WithoutFunnel_WritesWindowTotalsWithAnEmptyPeriod()
    {
        var lines = new CsvReportWriter().WriteToString(Small(Above())).Split("\r\n");

        Assert.That(lines[1], Is.EqualTo("2026-10,X (Twitter),,,invest,high,converter,none,invest,1000,50,5,0.05," + ReportSamples.RateFields(ChannelMetrics.Funnel.Rate.Of(50, 1000))[5..] + "," + ReportSamples.RateFields(ChannelMetrics.Funnel.Rate.Of(5, 50)) + ",1,1"));
    }

    [Test]
    public void Csv_UnderGerman_StaysInvariant()
    {
        string invariant = new CsvReportWriter().WriteToString(s_report, DecisionSamples.Funnel());
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.That(new CsvReportWriter(ReportOptions.Default with { Culture = CultureInfo.CurrentCulture }).WriteToString(s_report, DecisionSamples.Funnel()), Is.EqualTo(invariant));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Test]
    public void Json_IsTheReportsOwnSchemaAndRoundTrips()
    {
        string json = new JsonReportWriter().WriteToString(s_report, DecisionSamples.Funnel());

        Assert.That(json, Is.EqualTo(s_report.ToJson() + "\n"));
        Assert.That(DecisionReport.FromJson(json).ToJson(), Is.EqualTo(s_report.ToJson()));
    }

    [Test]
    public void Write_Stream_MatchesString()
    {
        foreach (ReportWriter writer in new ReportWriter[] { new JsonReportWriter(), new CsvReportWriter(), new MarkdownReportWriter(s_arabic) })
        {
            using var stream = new MemoryStream();
            writer.Write(s_report, DecisionSamples.Funnel(), stream);
            Assert.That(System.Text.Encoding.UTF8.GetString(stream.ToArray()), Is.EqualTo(writer.WriteToString(s_report, DecisionSamples.Funnel())), writer.Format.ToString());
        }
    }

    [Test]
    public void Write_NullReport_Throws()
    {
        Assert.That(() => new MarkdownReportWriter().Write((DecisionReport)null!, TextWriter.Null), Throws.ArgumentNullException);
        Assert.That(() => new MarkdownReportWriter().WriteToString((DecisionReport)null!), Throws.ArgumentNullException);
        Assert.That(() => new MarkdownReportWriter().Write(s_report, (TextWriter)null!), Throws.ArgumentNullException);
    }

    [Test]
    public void Markdown_InheritedGoals_OneNoteWithTheShareInEveryLanguage()
    {
        var inherited = new Evidence { Code = EvidenceCodes.GoalInherited, Metric = EvidenceMetrics.ShareOfVisits, Value = 0.25, Message = "m" };

        string english = new MarkdownReportWriter().WriteToString(Small(inherited));
        string arabic = new MarkdownReportWriter(s_arabic).WriteToString(Small(inherited));

        Assert.Multiple(() =>
        {
            Assert.That(english, Does.Contain("has no goal of its own, so it is held to its network's funnel goals: rates as they stand, counts scaled to its 25.0% share"));
            Assert.That(english, Does.Not.Contain("inherits goal"));
            Assert.That(arabic, Does.Contain("حصتها"));
        });
    }
}
