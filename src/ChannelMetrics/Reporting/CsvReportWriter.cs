using ChannelMetrics.Decisions;
using ChannelMetrics.Funnel;

namespace ChannelMetrics.Reporting;

/// <summary>Writes reports as CSV for spreadsheets and data tools.</summary>
/// <remarks>
/// <para>RFC 4180: a header record, comma separators, CRLF after every record (the last included), a field quoted
/// when it holds a comma, a double quote, a CR or an LF, with inner quotes doubled. UTF-8 without a byte order mark
/// when written to a stream.</para>
/// <para>Numbers are invariant whatever the culture (<c>0.025</c>, never <c>0,025</c>): counts as integers, rates and
/// interval bounds as fractions in their shortest round-trip form. A value that cannot be computed (a rate without
/// visits) is an empty field. Text cells that a spreadsheet would evaluate are prefixed with an apostrophe unless
/// <see cref="ReportOptions.ProtectCsvFormulas"/> is off.</para>
/// <para>Funnel table columns, one record per row of the table (period × network × each dimension the table has):
/// <c>period,network[,channel_group][,medium][,campaign][,content],visits,leads,customers,visit_to_lead,visit_to_lead_lower,
/// visit_to_lead_upper,lead_to_customer,lead_to_customer_lower,lead_to_customer_upper,visit_to_customer,
/// visit_to_customer_lower,visit_to_customer_upper</c>.</para>
/// <para>Decision report columns: <c>evaluation_period,network,campaign,period,verdict,confidence,role,focus,network_verdict,
/// visits,leads,customers,visit_to_lead,visit_to_lead_lower,visit_to_lead_upper,lead_to_customer,lead_to_customer_lower,
/// lead_to_customer_upper,goals_met,goals_total</c>. One record per network (empty <c>campaign</c>) and per campaign
/// (when <see cref="ReportOptions.IncludeCampaigns"/> is on) × period: with the funnel table, each of its periods from the
/// subject's first row (before it the subject was not tracked yet) up to the evaluation period, with that period's
/// counts; without it, or for a subject without a row in the table, one record with an empty <c>period</c> and the
/// evaluation window's totals. Verdict, confidence, role and focus are the JSON names (<c>insufficientData</c>,
/// <c>trafficDriver</c>, <c>visitToLead</c>); <c>goals_met</c> counts goals met or on track.</para>
/// </remarks>
public sealed class CsvReportWriter : ReportWriter
{
    /// <summary>Creates a CSV writer.</summary>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="ReportOptions.Default"/>.</param>
    public CsvReportWriter(ReportOptions? options = null)
        : base(options)
    {
    }

    /// <inheritdoc />
    public override ReportFormat Format => ReportFormat.Csv;

    private protected override void WriteFunnel(FunnelTable table, TextWriter writer)
    {
        var csv = new CsvRowWriter(writer, Options.ProtectCsvFormulas);
        var dimensions = table.Dimensions;
        csv.Text("period");
        csv.Text("network");
        WriteIf(csv, dimensions, FunnelDimensions.ChannelGroup, "channel_group");
        WriteIf(csv, dimensions, FunnelDimensions.Medium, "medium");
        WriteIf(csv, dimensions, FunnelDimensions.Campaign, "campaign");
        WriteIf(csv, dimensions, FunnelDimensions.Content, "content");
        csv.Text("visits");
        csv.Text("leads");
        csv.Text("customers");
        RateHeader(csv, "visit_to_lead");
        RateHeader(csv, "lead_to_customer");
        RateHeader(csv, "visit_to_customer");
        csv.EndRecord();

        foreach (var row in table.Rows)
        {
            csv.Period(row.Period);
            csv.Text(row.Network);
            WriteIf(csv, dimensions, FunnelDimensions.ChannelGroup, row.ChannelGroup);
            WriteIf(csv, dimensions, FunnelDimensions.Medium, row.Medium);
            WriteIf(csv, dimensions, FunnelDimensions.Campaign, row.Campaign);
            WriteIf(csv, dimensions, FunnelDimensions.Content, row.Content);
            csv.Number(row.Visits);
            csv.Number(row.Leads);
            csv.Number(row.Customers);
            RateFields(csv, row.VisitToLead);
            RateFields(csv, row.LeadToCustomer);
            RateFields(csv, row.VisitToCustomer);
            csv.EndRecord();
        }
    }

    private protected override void WriteDecisions(DecisionReport report, FunnelTable? funnel, TextWriter writer)
    {
        var csv = new CsvRowWriter(writer, Options.ProtectCsvFormulas);
        foreach (var name in (ReadOnlySpan<string>)["evaluation_period", "network", "campaign", "period", "verdict", "confidence", "role", "focus", "network_verdict", "visits", "leads", "customers"])
        {
            csv.Text(name);
        }

        RateHeader(csv, "visit_to_lead");
        RateHeader(csv, "lead_to_customer");
        csv.Text("goals_met");
        csv.Text("goals_total");
        csv.EndRecord();

        string evaluationPeriod = report.EvaluationPeriod.ToString();
        bool byCampaign = funnel is not null && (funnel.Dimensions & FunnelDimensions.Campaign) != 0;
        foreach (var network in report.Networks)
        {
            WriteAssessment(csv, evaluationPeriod, network, network, funnel, report.EvaluationPeriod);
            if (Options.IncludeCampaigns)
            {
                foreach (var campaign in network.Campaigns)
                {
                    WriteAssessment(csv, evaluationPeriod, network, campaign, byCampaign ? funnel : null, report.EvaluationPeriod);
                }
            }
        }
    }

    private static void WriteAssessment(CsvRowWriter csv, string evaluationPeriod, ChannelAssessment network, ChannelAssessment subject, FunnelTable? funnel, Period last)
    {
        int met = 0;
        foreach (var goal in subject.GoalStatuses)
        {
            if (goal.Progress is GoalProgress.Met or GoalProgress.OnTrack)
            {
                met++;
            }
        }

        // By period from the subject's first row: before it, it was not tracked yet, and zeros there would read as data.
        // A row dated where a missing timestamp lands (0001-01-01) does not count as the first: the data notes report it.
        if (funnel is null || funnel.Granularity != last.Granularity
            || funnel.FirstPeriod(subject.Network, subject.Campaign, plausible: true) is not Period first || first > last)
        {
            Record(csv, evaluationPeriod, network, subject, null, subject.Visits, subject.Leads, subject.Customers, funnel?.Confidence ?? 0.95, met);
            return;
        }

        foreach (var row in funnel.PeriodTotals(subject.Network, subject.Campaign))
        {
            if (row.Period >= first && row.Period <= last)
            {
                Record(csv, evaluationPeriod, network, subject, row.Period.ToString(), row.Visits, row.Leads, row.Customers, funnel.Confidence, met);
            }
        }
    }

    private static void Record(CsvRowWriter csv, string evaluationPeriod, ChannelAssessment network, ChannelAssessment subject, string? period, long visits, long leads, long customers, double confidence, int goalsMet)
    {
        csv.Text(evaluationPeriod);
        csv.Text(subject.Network);
        csv.Text(subject.Campaign);
        csv.Text(period);
        csv.Text(JsonNames.Of(subject.Verdict));
        csv.Text(JsonNames.Of(subject.Confidence));
        csv.Text(JsonNames.Of(subject.Role));
        csv.Text(JsonNames.Of(subject.Focus));
        csv.Text(JsonNames.Of(network.Verdict));
        csv.Number(visits);
        csv.Number(leads);
        csv.Number(customers);
        RateFields(csv, Rate.Of(leads, visits, confidence));
        RateFields(csv, Rate.Of(customers, leads, confidence));
        csv.Number(goalsMet);
        csv.Number(subject.GoalStatuses.Count);
        csv.EndRecord();
    }

    private static void WriteIf(CsvRowWriter csv, FunnelDimensions dimensions, FunnelDimensions which, string? value)
    {
        if ((dimensions & which) != 0)
        {
            csv.Text(value);
        }
    }

    private static void RateHeader(CsvRowWriter csv, string name)
    {
        csv.Text(name);
        csv.Text(name + "_lower");
        csv.Text(name + "_upper");
    }

    private static void RateFields(CsvRowWriter csv, Rate rate)
    {
        var interval = rate.Interval;
        csv.Number(rate.Value);
        csv.Number(interval?.Lower);
        csv.Number(interval?.Upper);
    }
}
