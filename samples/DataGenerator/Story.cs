namespace DataGenerator;

/// <summary>One way a network's links appear in the wild: the utm_source text, and whether the key is mis-cased.</summary>
internal sealed record SourceVariant(string Value, double Weight, bool UpperCaseKey = false);

/// <summary>A landing page and how often a campaign sends people there.</summary>
internal sealed record Landing(string Path, double Weight);

/// <summary>
/// One campaign (utm_campaign) on a network: its medium, its share of the network's visits in month
/// <c>t</c>, its visit→lead probability in month <c>t</c>, and where its links point.
/// </summary>
internal sealed record CampaignSpec(
    string Campaign,
    string? Medium,
    Func<int, double> Share,
    Func<int, double> VisitToLead,
    Landing[] Landings)
{
    /// <summary>Share of links posted without utm_medium (GA4 then cannot group them).</summary>
    public double MissingMedium { get; init; }

    /// <summary>Click-id parameter the platform appends, and how often.</summary>
    public (string Name, double Probability)? ClickId { get; init; }

    /// <summary>utm_content values, if the campaign tags its creatives.</summary>
    public string[] Contents { get; init; } = [];
}

/// <summary>What the network's own analytics export says each month (followers, reach, engagement, sentiment, cost).</summary>
internal sealed record SnapshotSpec(
    double FollowersStart,
    Func<int, double> FollowerGrowth,
    double ImpressionsPerVisit,
    double ReachRatio,
    double LikeRate,
    double CommentRate,
    double ShareRate,
    double? RepostRate,
    double MentionsPerThousandImpressions,
    Func<int, double> NegativeShare,
    double PositiveShare,
    Func<int, double?> Spend,
    Func<int, double?> Hours)
{
    /// <summary>Months (index) whose sentiment counts the team did not collect.</summary>
    public Func<int, bool> SentimentUnknown { get; init; } = static _ => false;

    /// <summary>False when the network's export has no follower count (a forum, say).</summary>
    public bool HasFollowers { get; init; } = true;
}

/// <summary>A traffic source of the client: a social network, or a non-social source such as search ads or e-mail.</summary>
internal sealed record NetworkSpec(
    string Name,
    Func<int, double> Visits,
    SourceVariant[] Sources,
    CampaignSpec[] Campaigns,
    double LeadToCustomer,
    SnapshotSpec? Snapshot)
{
    /// <summary>First month index with any traffic.</summary>
    public int FirstMonth { get; init; }
}

/// <summary>
/// The story of the bundled data set: Tallyfox, a fictitious B2B SaaS for expense management, and
/// the social networks its agency runs for it from November 2024 to October 2026. Each network is
/// shaped to show one situation the decision engine must recognise (see samples/data/README.md).
/// </summary>
internal static class Story
{
    public const string Site = "https://www.tallyfox.example";
    public const int StartYear = 2024;
    public const int StartMonth = 11;
    public const int Months = 24;
    public const ulong Seed = 20241101;

    /// <summary>Average first-year contract value of a customer, in euros: revenue in the snapshots.</summary>
    public const double ContractValue = 2400;

    /// <summary>First month index whose revenue the client's CRM reports (it was connected in January 2025).</summary>
    public const int FirstRevenueMonth = 2;

    /// <summary>B2B seasonality by calendar month (January = index 0): quiet summers and Decembers.</summary>
    private static readonly double[] s_season = [1.00, 1.03, 1.06, 1.00, 0.97, 0.92, 0.84, 0.80, 1.04, 1.08, 1.05, 0.78];

    public static double Season(int t) => s_season[(StartMonth - 1 + t) % 12];

    /// <summary>base × (1 + growth)^t, by repeated multiplication so no platform's Math.Pow is involved.</summary>
    private static double Compound(double start, double monthlyFactor, int months)
    {
        double v = start;
        for (int i = 0; i < months; i++)
        {
            v *= monthlyFactor;
        }

        return v;
    }

    private static double Ramp(int t, int from, int to, double a, double b) =>
        t <= from ? a : t >= to ? b : a + ((b - a) * (t - from) / (to - from));

    private static readonly Landing[] s_productPages =
    [
        new("/", 3), new("/pricing", 2), new("/features/expense-policies", 2), new("/features/card-reconciliation", 1.5),
        new("/blog/close-the-books-in-3-days", 1), new("/blog/expense-policy-template", 1), new("/demo", 0.5),
    ];

    private static readonly Landing[] s_blogPages =
    [
        new("/blog/close-the-books-in-3-days", 3), new("/blog/expense-policy-template", 2.5), new("/blog/per-diem-rates-2025", 2),
        new("/blog/vat-reclaim-explained", 1.5), new("/blog/cfo-kpis-that-matter", 1.5), new("/blog/receipt-fraud-red-flags", 1),
        new("/blog/remote-team-expenses", 1), new("/pricing", 0.3),
    ];

    public static NetworkSpec[] Networks { get; } =
    [
        // High volume, average conversion, meets its traffic and lead goals: Keep.
        new NetworkSpec(
            "Facebook",
            t => Compound(2050, 1.004, t),
            [new("facebook", 45), new("fb", 20), new("Facebook", 10), new("l.facebook.com", 12), new("m.facebook.com", 6), new("facebook", 7, UpperCaseKey: true)],
            [
                new("fb-ads-expense-audit", "paid_social", _ => 0.55, _ => 0.0165, [new("/guides/expense-audit-checklist", 3), new("/pricing", 1), new("/demo", 0.6)])
                {
                    ClickId = ("fbclid", 0.08), Contents = ["video-15s", "carousel", "static-cfo-quote"],
                },
                new("fb-page", "social", _ => 0.35, _ => 0.0135, s_productPages) { MissingMedium = 0.08, ClickId = ("fbclid", 0.08) },
                new("Spring Webinar", "social", t => (StartMonth - 1 + t) % 12 is 2 or 3 ? 0.25 : 0.0, _ => 0.02, [new("/webinars/spring-close", 1)]),
                new("fb-retargeting", "paid_social", _ => 0.10, _ => 0.021, [new("/demo", 2), new("/pricing", 1)]) { ClickId = ("fbclid", 0.1) },
            ],
            LeadToCustomer: 0.11,
            new SnapshotSpec(18_400, _ => 0.006, 38, 0.62, 0.011, 0.0016, 0.0009, null, 0.35, _ => 0.09, 0.42, t => 3_900 + ((t % 3) * 150), _ => 30)),

        // Goals met, but the share of negative comments and mentions climbs month after month: Optimize.
        new NetworkSpec(
            "Instagram",
            t => Compound(1480, 1.003, t),
            [new("instagram", 60), new("ig", 22), new("Instagram", 10), new("l.instagram.com", 8)],
            [
                new("ig-reels-tips", "social", _ => 0.6, _ => 0.018, s_productPages) { ClickId = ("igshid", 0.1), MissingMedium = 0.05 },
                new("ig-stories-ads", "paid_social", _ => 0.4, _ => 0.023, [new("/guides/expense-audit-checklist", 2), new("/pricing", 1)]),
            ],
            LeadToCustomer: 0.10,
            new SnapshotSpec(9_800, _ => 0.012, 55, 0.58, 0.034, 0.0021, 0.0011, null, 0.28, t => Ramp(t, 9, 23, 0.07, 0.34), 0.38, t => 2_400 + ((t % 2) * 100), _ => 40)),

        // A large share of the blog's visitors, few leads: Keep as a traffic driver.
        new NetworkSpec(
            "X (Twitter)",
            t => Compound(2950, 1.002, t),
            [new("twitter", 38), new("t.co", 25), new("x", 14), new("x.com", 13), new("Twitter", 10)],
            [
                new("blog-threads", "social", _ => 0.72, _ => 0.004, s_blogPages) { MissingMedium = 0.15 },
                new("x-product-updates", "social", _ => 0.28, _ => 0.0045, [new("/blog/whats-new", 2), new("/features/card-reconciliation", 1), new("/pricing", 0.5)]) { MissingMedium = 0.1 },
            ],
            LeadToCustomer: 0.09,
            new SnapshotSpec(6_100, _ => 0.008, 42, 0.7, 0.009, 0.0012, 0.0006, 0.0014, 0.6, _ => 0.12, 0.35, _ => 0, _ => 20)),

        // Lowest volume, highest visit→lead rate: Invest. Inside it, ads (Invest), company page (Optimize), group (Cut).
        new NetworkSpec(
            "LinkedIn",
            t => Compound(235, 1.01, t),
            [new("linkedin", 58), new("lnkd.in", 20), new("LinkedIn", 15), new("li", 7)],
            [
                new("li-ads-cfo-guide", "paid_social", _ => 0.64, _ => 0.095, [new("/guides/cfo-close-checklist", 4), new("/demo", 1)])
                {
                    ClickId = ("li_fat_id", 0.2), Contents = ["carousel,v2", "document-ad", "single-image"],
                },
                new("company-page", "social", _ => 0.28, _ => 0.012, [new("/blog/cfo-kpis-that-matter", 2), new("/blog/close-the-books-in-3-days", 1), new("/", 1)]),
                new("finance-leaders-group", "social", _ => 0.08, _ => 0.0, [new("/blog/expense-policy-template", 1), new("/", 1)]) { MissingMedium = 0.2 },
            ],
            LeadToCustomer: 0.21,
            new SnapshotSpec(3_200, _ => 0.025, 95, 0.55, 0.012, 0.0018, 0.0007, 0.0011, 0.5, _ => 0.05, 0.52, t => 2_600 + ((t % 4) * 50), _ => 25)),

        // Declining for many months, goals missed, experiments on record, paid with negative ROI: Cut.
        new NetworkSpec(
            "TikTok",
            t => t < 5 ? 1_250 : Compound(1_250, 0.93, t - 4),
            [new("tiktok", 80), new("TikTok", 12), new("tiktok.com", 8)],
            [
                new("tt-day-in-the-life", "social", _ => 0.5, t => Ramp(t, 0, 23, 0.009, 0.005), s_productPages),
                new("tt-spark-ads", "paid_social", _ => 0.5, t => Ramp(t, 0, 23, 0.010, 0.006), [new("/pricing", 1), new("/", 1)]) { ClickId = ("ttclid", 0.2) },
            ],
            LeadToCustomer: 0.06,
            new SnapshotSpec(12_500, t => t < 6 ? 0.01 : -0.004, 80, 0.75, 0.045, 0.0012, 0.0015, null, 0.2, _ => 0.11, 0.33, _ => 1_800, _ => 35)),

        // Declining, goals missed, nothing ever tried: Experiment.
        new NetworkSpec(
            "YouTube",
            t => t < 4 ? 820 : Compound(820, 0.955, t - 3),
            [new("youtube", 70), new("yt", 15), new("youtube.com", 15)],
            [
                new("yt-webinar-recordings", "video", _ => 0.7, _ => 0.014, [new("/webinars/on-demand", 2), new("/blog/close-the-books-in-3-days", 1)]),
                new("yt-shorts", "social", _ => 0.3, _ => 0.008, s_productPages),
            ],
            LeadToCustomer: 0.1,
            new SnapshotSpec(2_300, _ => 0.004, 60, 0.8, 0.02, 0.0025, 0.0005, null, 0.15, _ => 0.08, 0.45, _ => 0, _ => 28)
            {
                SentimentUnknown = t => t < 3,
            }),

        // Started two months ago: InsufficientData.
        new NetworkSpec(
            "Threads",
            t => t == 22 ? 95 : 170,
            [new("threads", 70), new("threads.net", 30)],
            [new("threads-launch", "social", _ => 1, _ => 0.014, s_blogPages)],
            LeadToCustomer: 0.1,
            new SnapshotSpec(0, t => t == 22 ? 0 : 1.4, 48, 0.7, 0.02, 0.002, 0.0008, 0.001, 0.2, _ => 0.06, 0.5, _ => 0, _ => 8))
        {
            FirstMonth = 22,
        },

        // Steady traffic, but the team never set a goal for it: InsufficientData (goals first).
        new NetworkSpec(
            "Reddit",
            t => Compound(360, 1.004, t),
            [new("reddit", 75), new("out.reddit.com", 25)],
            [
                new("r-fintech-ama", "social", _ => 0.6, _ => 0.016, s_blogPages),
                new("reddit-promoted", "paid_social", _ => 0.4, _ => 0.019, [new("/pricing", 1), new("/features/expense-policies", 1)]),
            ],
            LeadToCustomer: 0.1,
            new SnapshotSpec(0, _ => 0, 30, 0.9, 0.03, 0.004, 0.0002, null, 0.4, _ => 0.1, 0.4, _ => null, _ => 6)
            {
                HasFollowers = false,
                SentimentUnknown = _ => true,
            }),

        // Non-social sources that any real export contains.
        new NetworkSpec(
            "google",
            t => Compound(520, 1.005, t),
            [new("google", 100)],
            [new("brand-search", "cpc", _ => 1, _ => 0.03, [new("/", 2), new("/pricing", 2), new("/demo", 1)]) { ClickId = ("gclid", 0.2) }],
            LeadToCustomer: 0.14,
            Snapshot: null),
        new NetworkSpec(
            "newsletter",
            t => Compound(160, 1.01, t),
            [new("newsletter", 100)],
            [new("monthly-digest", "email", _ => 1, _ => 0.045, s_blogPages)],
            LeadToCustomer: 0.12,
            Snapshot: null),
    ];

    /// <summary>Visits with no tracking code at all (typed URL, bookmarks): the "(direct)" row.</summary>
    public static Func<int, double> DirectVisits { get; } = t => Compound(330, 1.006, t);

    public const double DirectVisitToLead = 0.025;

    public const double DirectLeadToCustomer = 0.12;
}
