using System.Globalization;
using System.Text;

namespace DataGenerator;

/// <summary>Turns the <see cref="Story"/> into the two files of the data set, in memory.</summary>
internal sealed class Generator
{
    private const byte Visit = 0;
    private const byte Lead = 1;
    private const byte Customer = 2;

    private static readonly string[] s_stageNames = ["visit", "lead", "customer"];

    private readonly Rng _rng = new(Story.Seed);
    private readonly List<Event> _events = [];
    private readonly Dictionary<(string Network, int Month), int> _customers = [];
    private readonly Dictionary<(string Network, int Month), int> _visits = [];
    private int _nextVisitor;

    private readonly record struct Event(DateTime Utc, TimeSpan Offset, byte Stage, int Visitor, string Url, bool LocalOffset, int Sequence);

    /// <summary>The events CSV (UTF-8, LF line ends), including three deliberately broken lines.</summary>
    public string EventsCsv { get; private set; } = "";

    /// <summary>The snapshots CSV (UTF-8, LF line ends).</summary>
    public string SnapshotsCsv { get; private set; } = "";

    public int EventCount => _events.Count;

    public static DateTime MonthStartLocal(int t) => new DateTime(Story.StartYear, Story.StartMonth, 1).AddMonths(t);

    public static string MonthText(int t) => MonthStartLocal(t).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public void Run()
    {
        foreach (NetworkSpec network in Story.Networks)
        {
            for (int t = network.FirstMonth; t < Story.Months; t++)
            {
                int visits = MonthlyCount(network.Visits(t), t);
                for (int i = 0; i < visits; i++)
                {
                    AddVisitor(network, t);
                }
            }
        }

        for (int t = 0; t < Story.Months; t++)
        {
            int visits = MonthlyCount(Story.DirectVisits(t), t);
            for (int i = 0; i < visits; i++)
            {
                AddDirectVisitor(t);
            }
        }

        EventsCsv = WriteEvents();
        SnapshotsCsv = WriteSnapshots();
    }

    /// <summary>Trend × seasonality × about 7 % month-to-month noise.</summary>
    private int MonthlyCount(double expected, int t)
    {
        double noisy = expected * Story.Season(t) * (1 + (0.07 * _rng.NextNormal()));
        return noisy <= 0 ? 0 : (int)(noisy + 0.5);
    }

    private static readonly DateTime s_endLocal = MonthStartLocal(Story.Months);

    private void AddVisitor(NetworkSpec network, int t)
    {
        Span<double> shares = stackalloc double[network.Campaigns.Length];
        for (int i = 0; i < shares.Length; i++)
        {
            shares[i] = network.Campaigns[i].Share(t);
        }

        CampaignSpec campaign = network.Campaigns[_rng.Pick(shares)];
        string url = BuildUrl(network, campaign);
        DateTime local = RandomLocalTime(t);
        int visitor = _nextVisitor++;
        Add(local, Visit, visitor, url, localOffset: true);
        CountVisit(network.Name, t);

        // About one visitor in twelve comes back: mostly typing the address, sometimes through the same link.
        if (_rng.Chance(0.08))
        {
            DateTime again = local.AddMinutes(_rng.Next(60, 60 * 24 * 20));
            if (again < s_endLocal)
            {
                string returnUrl = _rng.Chance(0.6) ? Story.Site + (_rng.Chance(0.5) ? "/pricing" : "/") : url;
                Add(again, Visit, visitor, returnUrl, localOffset: true);
            }
        }

        if (_rng.Chance(campaign.VisitToLead(t)))
        {
            Convert(network.Name, visitor, local, network.LeadToCustomer);
        }
    }

    private void AddDirectVisitor(int t)
    {
        string[] pages = ["/", "/", "/pricing", "/login", "/demo", "/blog/close-the-books-in-3-days"];
        string url = Story.Site + pages[_rng.Next(pages.Length)];
        DateTime local = RandomLocalTime(t);
        int visitor = _nextVisitor++;
        Add(local, Visit, visitor, url, localOffset: true);
        if (_rng.Chance(Story.DirectVisitToLead))
        {
            Convert("(direct)", visitor, local, Story.DirectLeadToCustomer);
        }
    }

    /// <summary>A lead minutes to days after the visit, and perhaps a customer weeks later; none past the data set's end.</summary>
    private void Convert(string network, int visitor, DateTime visitLocal, double leadToCustomer)
    {
        DateTime lead = _rng.Chance(0.6)
            ? visitLocal.AddMinutes(_rng.Next(2, 60))
            : visitLocal.AddMinutes(_rng.Next(60 * 24, 60 * 24 * 10));
        if (lead >= s_endLocal)
        {
            return;
        }

        Add(lead, Lead, visitor, "", localOffset: false);
        if (_rng.Chance(leadToCustomer))
        {
            DateTime customer = lead.AddMinutes(_rng.Next(60 * 24 * 7, 60 * 24 * 60));
            if (customer < s_endLocal)
            {
                Add(customer, Customer, visitor, "", localOffset: false);
                int month = ((customer.Year - Story.StartYear) * 12) + customer.Month - Story.StartMonth;
                _customers[(network, month)] = _customers.GetValueOrDefault((network, month)) + 1;
            }
        }
    }

    private void CountVisit(string network, int t) => _visits[(network, t)] = _visits.GetValueOrDefault((network, t)) + 1;

    private void Add(DateTime local, byte stage, int visitor, string url, bool localOffset)
    {
        TimeSpan offset = BerlinOffset(local);
        _events.Add(new Event(local - offset, offset, stage, visitor, url, localOffset, _events.Count));
    }

    private static readonly double[] s_hourWeights =
    [
        0.05, 0.03, 0.02, 0.02, 0.03, 0.06, 0.15, 0.45, 0.85, 1.0, 1.0, 0.95,
        0.8, 0.9, 0.95, 0.9, 0.8, 0.65, 0.5, 0.45, 0.45, 0.4, 0.25, 0.12,
    ];

    /// <summary>A wall-clock time in the client's office (Berlin) during month t: weekdays and office hours weigh more.</summary>
    private DateTime RandomLocalTime(int t)
    {
        DateTime start = MonthStartLocal(t);
        int days = DateTime.DaysInMonth(start.Year, start.Month);
        while (true)
        {
            DateTime day = start.AddDays(_rng.Next(days));
            double dayWeight = day.DayOfWeek switch
            {
                DayOfWeek.Saturday => 0.45,
                DayOfWeek.Sunday => 0.4,
                _ => 1.0,
            };
            int hour = _rng.Next(24);
            if (_rng.NextDouble() < dayWeight * s_hourWeights[hour])
            {
                return day.AddHours(hour).AddMinutes(_rng.Next(60)).AddSeconds(_rng.Next(60));
            }
        }
    }

    /// <summary>
    /// Central European time with the EU summer-time rule (last Sunday of March to last Sunday of
    /// October), computed here rather than read from the machine's time-zone database, so the
    /// offsets written never depend on the machine.
    /// </summary>
    public static TimeSpan BerlinOffset(DateTime local)
    {
        DateTime summerStart = LastSunday(local.Year, 3).AddHours(2);
        DateTime summerEnd = LastSunday(local.Year, 10).AddHours(3);
        return local >= summerStart && local < summerEnd ? TimeSpan.FromHours(2) : TimeSpan.FromHours(1);
    }

    private static DateTime LastSunday(int year, int month)
    {
        DateTime last = new(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }

    private string BuildUrl(NetworkSpec network, CampaignSpec campaign)
    {
        Span<double> weights = stackalloc double[Math.Max(network.Sources.Length, campaign.Landings.Length)];
        for (int i = 0; i < network.Sources.Length; i++)
        {
            weights[i] = network.Sources[i].Weight;
        }

        SourceVariant source = network.Sources[_rng.Pick(weights[..network.Sources.Length])];
        for (int i = 0; i < campaign.Landings.Length; i++)
        {
            weights[i] = campaign.Landings[i].Weight;
        }

        string path = campaign.Landings[_rng.Pick(weights[..campaign.Landings.Length])].Path;
        var url = new StringBuilder(Story.Site.Length + 120).Append(Story.Site).Append(path);

        // Links pasted from a newsletter tool sometimes keep the HTML-escaped separator.
        string separator = network.Name == "newsletter" && _rng.Chance(0.3) ? "&amp;" : "&";
        url.Append('?').Append(source.UpperCaseKey ? "UTM_SOURCE=" : "utm_source=").Append(source.Value);
        if (campaign.Medium is not null && !_rng.Chance(campaign.MissingMedium))
        {
            url.Append(separator).Append("utm_medium=").Append(campaign.Medium);
        }

        url.Append(separator).Append("utm_campaign=").Append(Uri.EscapeDataString(campaign.Campaign).Replace("%20", "+", StringComparison.Ordinal));
        if (campaign.Contents.Length > 0)
        {
            // A comma in a tag is legal in a URL; it forces CSV quoting of the whole field.
            url.Append(separator).Append("utm_content=").Append(campaign.Contents[_rng.Next(campaign.Contents.Length)]);
        }

        if (campaign.ClickId is { } clickId && _rng.Chance(clickId.Probability))
        {
            url.Append('&').Append(clickId.Name).Append('=').Append(_rng.Token(clickId.Name == "gclid" ? 14 : 11));
        }

        if (path == "/pricing" && _rng.Chance(0.1))
        {
            url.Append("#plans");
        }

        return url.ToString();
    }

    private string WriteEvents()
    {
        _events.Sort(static (a, b) =>
        {
            int c = a.Utc.CompareTo(b.Utc);
            return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
        });

        // Visitor ids in order of first appearance, as a CRM numbers its contacts.
        var ids = new Dictionary<int, string>();
        var csv = new StringBuilder(_events.Count * 100);
        csv.Append("timestamp,stage,visitor_id,landing_url\n");
        int line = 1;
        foreach (Event e in _events)
        {
            line++;
            if (s_brokenLines.TryGetValue(line, out string? broken))
            {
                csv.Append(broken).Append('\n');
                line++;
            }

            if (!ids.TryGetValue(e.Visitor, out string? id))
            {
                id = "V" + (ids.Count + 100_001).ToString(CultureInfo.InvariantCulture);
                ids.Add(e.Visitor, id);
            }

            // Web analytics exports local time with its offset; the CRM's lead and customer rows are in UTC.
            string timestamp = e.LocalOffset
                ? new DateTimeOffset(e.Utc + e.Offset, e.Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
                : e.Utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            csv.Append(timestamp).Append(',').Append(s_stageNames[e.Stage]).Append(',').Append(id).Append(',');
            if (e.Url.Contains(',', StringComparison.Ordinal) || e.Url.Contains('"', StringComparison.Ordinal))
            {
                csv.Append('"').Append(e.Url.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(e.Url);
            }

            csv.Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>Three lines such as real exports contain; the demo reports and skips them.</summary>
    private static readonly Dictionary<int, string> s_brokenLines = new()
    {
        [31_415] = "2025-02-30T10:15:00+01:00,visit,V131337,https://www.tallyfox.example/?utm_source=facebook&utm_medium=social",
        [92_653] = "2025-09-12T14:03:27+02:00,signup,V192653",
        [158_979] = "2026-03-03T09:41:12+01:00,visit,V258979,\"https://www.tallyfox.example/pricing?utm_source=linkedin",
    };

    private string WriteSnapshots()
    {
        var csv = new StringBuilder();
        csv.Append("period,network,followers,impressions,reach,comments,shares,likes,reposts,mentions,positive,neutral,negative,spend,hours,revenue\n");
        foreach (NetworkSpec network in Story.Networks)
        {
            if (network.Snapshot is not { } s)
            {
                continue;
            }

            double followers = s.FollowersStart;
            for (int t = network.FirstMonth; t < Story.Months; t++)
            {
                followers *= 1 + s.FollowerGrowth(t) + (0.002 * _rng.NextNormal());
                if (t == network.FirstMonth && followers <= 0)
                {
                    followers = 210;
                }

                int visits = _visits.GetValueOrDefault((network.Name, t));
                double impressions = visits * s.ImpressionsPerVisit * (1 + (0.05 * _rng.NextNormal()));
                double reach = impressions * s.ReachRatio * (1 + (0.03 * _rng.NextNormal()));
                long comments = Round(impressions * s.CommentRate * (1 + (0.1 * _rng.NextNormal())));
                long mentions = Round(impressions / 1000 * s.MentionsPerThousandImpressions * (1 + (0.15 * _rng.NextNormal())));
                double negativeShare = Math.Clamp(s.NegativeShare(t) + (0.01 * _rng.NextNormal()), 0, 1);
                long classified = comments + mentions;
                long negative = Round(classified * negativeShare);
                long positive = Math.Min(classified - negative, Round(classified * s.PositiveShare));
                long neutral = classified - negative - positive;
                double? spend = s.Spend(t);
                double? hours = s.Hours(t) is { } h ? h + Round(2 * _rng.NextNormal()) : null;
                string revenue = t >= Story.FirstRevenueMonth
                    ? Money(_customers.GetValueOrDefault((network.Name, t)) * Story.ContractValue)
                    : "";
                bool sentimentUnknown = s.SentimentUnknown(t);

                csv.Append(MonthText(t)).Append(',')
                    .Append(network.Name.Contains(' ', StringComparison.Ordinal) ? "\"" + network.Name + "\"" : network.Name).Append(',')
                    .Append(s.HasFollowers ? Int(Round(followers)) : "").Append(',')
                    .Append(Int(Round(impressions))).Append(',')
                    .Append(Int(Round(reach))).Append(',')
                    .Append(Int(comments)).Append(',')
                    .Append(Int(Round(impressions * s.ShareRate * (1 + (0.1 * _rng.NextNormal()))))).Append(',')
                    .Append(Int(Round(impressions * s.LikeRate * (1 + (0.08 * _rng.NextNormal()))))).Append(',')
                    .Append(s.RepostRate is { } r ? Int(Round(impressions * r * (1 + (0.1 * _rng.NextNormal())))) : "").Append(',')
                    .Append(Int(mentions)).Append(',')
                    .Append(sentimentUnknown ? "" : Int(positive)).Append(',')
                    .Append(sentimentUnknown ? "" : Int(neutral)).Append(',')
                    .Append(sentimentUnknown ? "" : Int(negative)).Append(',')
                    .Append(spend is { } sp ? Money(sp) : "").Append(',')
                    .Append(hours is { } hr ? Int((long)Math.Max(0, hr)) : "").Append(',')
                    .Append(revenue).Append('\n');
            }
        }

        return csv.ToString();
    }

    private static long Round(double value) => value <= 0 ? 0 : (long)(value + 0.5);

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Money(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
