using System.Globalization;
using BenchmarkDotNet.Attributes;
using ChannelMetrics.Funnel;
using ChannelMetrics.Reporting;
using CsvHelper;

namespace ChannelMetrics.Benchmarks.Reporting;

/// <summary>
/// Writing a funnel table (24 months × 5 networks × 8 campaigns = 960 rows) as CSV: the same columns, quoting and
/// invariant numbers written by CsvHelper, record by record, against <see cref="CsvReportWriter"/>. Both read the
/// rates (and their Wilson intervals) from the rows, so the difference is the writing.
/// </summary>
[MemoryDiagnoser]
public class FunnelCsvBenchmarks
{
    private static readonly string[] s_networks = ["Facebook", "Instagram", "LinkedIn", "X (Twitter)", "TikTok"];

    private readonly CsvReportWriter _writer = new(ReportOptions.Default with { ProtectCsvFormulas = false });
    private FunnelTable _table = FunnelTable.FromRows([]);

    [GlobalSetup]
    public void Setup()
    {
        var rows = new List<FunnelRecord>();
        for (int month = 0; month < 24; month++)
        {
            foreach (var network in s_networks)
            {
                for (int campaign = 0; campaign < 8; campaign++)
                {
                    long visits = 200 + (month * 13) + (campaign * 71);
                    rows.Add(new(Period.Month(2025, 1).Offset(month), network, visits, visits / 40, visits / 400, Campaign: "spring, \"sale\" " + campaign.ToString(CultureInfo.InvariantCulture)));
                }
            }
        }

        _table = FunnelTable.FromRows(rows);

        // Fair only if both write the same characters.
        if (Write(useCsvHelper: true) != Write(useCsvHelper: false))
        {
            throw new InvalidOperationException("CsvHelper and CsvReportWriter wrote different CSV; the comparison would not be fair.");
        }
    }

    [Benchmark(Baseline = true)]
    public int CsvHelperWriter() => Write(useCsvHelper: true).Length;

    [Benchmark]
    public int CsvReportWriter() => Write(useCsvHelper: false).Length;

    private string Write(bool useCsvHelper)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        if (!useCsvHelper)
        {
            _writer.Write(_table, text);
            return text.ToString();
        }

        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture }, true))
        {
            foreach (var header in (string[])["period", "network", "campaign", "visits", "leads", "customers", "visit_to_lead", "visit_to_lead_lower", "visit_to_lead_upper", "lead_to_customer", "lead_to_customer_lower", "lead_to_customer_upper", "visit_to_customer", "visit_to_customer_lower", "visit_to_customer_upper"])
            {
                csv.WriteField(header);
            }

            csv.EndRecord();
            foreach (var row in _table.Rows)
            {
                csv.WriteField(row.Period.ToString());
                csv.WriteField(row.Network);
                csv.WriteField(row.Campaign);
                csv.WriteField(row.Visits, default);
                csv.WriteField(row.Leads, default);
                csv.WriteField(row.Customers, default);
                WriteRate(csv, row.VisitToLead);
                WriteRate(csv, row.LeadToCustomer);
                WriteRate(csv, row.VisitToCustomer);
                csv.EndRecord();
            }
        }

        return text.ToString();
    }

    private static void WriteRate(CsvWriter csv, Rate rate)
    {
        var interval = rate.Interval;
        csv.WriteField(rate.Value, "R");
        csv.WriteField(interval?.Lower, "R");
        csv.WriteField(interval?.Upper, "R");
    }
}
