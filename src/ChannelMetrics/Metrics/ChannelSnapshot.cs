using ChannelMetrics.Goals;

namespace ChannelMetrics.Metrics;

/// <summary>
/// What one network did in one period beyond the funnel: audience, reach, engagement, sentiment, cost and revenue.
/// </summary>
/// <remarks>
/// <para>Every measurement is optional: <see langword="null"/> means unknown, which is not zero. A derived metric
/// whose inputs are unknown comes back as "not computable" with the reason (see <see cref="MetricValue"/>).</para>
/// <para>Money (<see cref="Spend"/>, <see cref="Revenue"/>, the hourly rate given to <see cref="Cost"/>) is
/// currency-agnostic: use one currency for a data set. It is stored as <see cref="decimal"/> so sums stay exact;
/// derived metrics are <see cref="double"/>.</para>
/// <para>Counts and money must be zero or more, counts at most 2⁶⁰ (so that the engagement and sentiment totals, sums of
/// up to four counts, cannot wrap around), and hours spent at most 10⁹ (so that the cost stays finite at any hourly
/// rate); another value throws <see cref="ArgumentOutOfRangeException"/>.</para>
/// </remarks>
public sealed record ChannelSnapshot
{
    // See the remarks: bounds that keep every sum and cost this type computes exact or finite.
    private const long MaxCount = 1L << 60;
    private const double MaxHoursSpent = 1e9;

    private readonly string _network = "";
    private readonly long? _followers;
    private readonly long? _impressions;
    private readonly long? _reach;
    private readonly long? _comments;
    private readonly long? _shares;
    private readonly long? _likes;
    private readonly long? _reposts;
    private readonly long? _mentions;
    private readonly long? _positive;
    private readonly long? _neutral;
    private readonly long? _negative;
    private readonly decimal? _spend;
    private readonly double? _hoursSpent;
    private readonly decimal? _revenue;

    /// <summary>Gets the reporting period.</summary>
    public required Period Period { get; init; }

    /// <summary>Gets the canonical network name, for example "LinkedIn", without surrounding white space.</summary>
    /// <exception cref="ArgumentException">Set to a null or blank name.</exception>
    public required string Network
    {
        get => _network;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(Network));

            // Names pasted from a spreadsheet often carry a trailing space; " LinkedIn" is still LinkedIn.
            _network = value.Trim();
        }
    }

    /// <summary>Gets the followers (fans, subscribers) at the end of the period.</summary>
    public long? Followers { get => _followers; init => _followers = NonNegative(value, nameof(Followers)); }

    /// <summary>Gets how many times the network showed the account's content in the period.</summary>
    public long? Impressions { get => _impressions; init => _impressions = NonNegative(value, nameof(Impressions)); }

    /// <summary>Gets how many distinct people saw the account's content in the period.</summary>
    public long? Reach { get => _reach; init => _reach = NonNegative(value, nameof(Reach)); }

    /// <summary>Gets the comments received in the period.</summary>
    public long? Comments { get => _comments; init => _comments = NonNegative(value, nameof(Comments)); }

    /// <summary>Gets the shares of the account's content in the period.</summary>
    public long? Shares { get => _shares; init => _shares = NonNegative(value, nameof(Shares)); }

    /// <summary>Gets the likes (reactions) received in the period.</summary>
    public long? Likes { get => _likes; init => _likes = NonNegative(value, nameof(Likes)); }

    /// <summary>Gets the reposts (retweets, reshares to own feed) in the period.</summary>
    public long? Reposts { get => _reposts; init => _reposts = NonNegative(value, nameof(Reposts)); }

    /// <summary>Gets the mentions of the brand or account in the period.</summary>
    public long? Mentions { get => _mentions; init => _mentions = NonNegative(value, nameof(Mentions)); }

    /// <summary>Gets the comments and mentions classified as positive in the period.</summary>
    public long? PositiveCount { get => _positive; init => _positive = NonNegative(value, nameof(PositiveCount)); }

    /// <summary>Gets the comments and mentions classified as neutral in the period.</summary>
    public long? NeutralCount { get => _neutral; init => _neutral = NonNegative(value, nameof(NeutralCount)); }

    /// <summary>Gets the comments and mentions classified as negative in the period.</summary>
    public long? NegativeCount { get => _negative; init => _negative = NonNegative(value, nameof(NegativeCount)); }

    /// <summary>Gets the money spent on the network in the period (ads, tools, boosts); 0 for a purely organic network.</summary>
    public decimal? Spend { get => _spend; init => _spend = NonNegative(value, nameof(Spend)); }

    /// <summary>Gets the hours the team spent on the network in the period.</summary>
    public double? HoursSpent
    {
        get => _hoursSpent;
        init
        {
            if (value is double hours && !(hours is >= 0 and <= MaxHoursSpent))
            {
                throw new ArgumentOutOfRangeException(nameof(HoursSpent), hours, "Hours spent must be a number from 0 to 1,000,000,000.");
            }

            _hoursSpent = value;
        }
    }

    /// <summary>Gets the revenue attributed to the network in the period.</summary>
    public decimal? Revenue { get => _revenue; init => _revenue = NonNegative(value, nameof(Revenue)); }

    /// <summary>
    /// Gets the engagements of the period: <see cref="Comments"/> + <see cref="Shares"/> + <see cref="Likes"/> +
    /// <see cref="Reposts"/>, over the types that are known.
    /// </summary>
    /// <remarks>
    /// Networks report different engagement types (not every network has reposts), so a type that is unknown is
    /// left out of the sum rather than making the total unknown; when no type is known the total is unknown.
    /// Mentions are not engagements: they are counted on their own.
    /// </remarks>
    public long? Engagements =>
        Comments is null && Shares is null && Likes is null && Reposts is null
            ? null
            : (Comments ?? 0) + (Shares ?? 0) + (Likes ?? 0) + (Reposts ?? 0);

    /// <summary>
    /// Gets the sentiment-classified count, <see cref="PositiveCount"/> + <see cref="NeutralCount"/> +
    /// <see cref="NegativeCount"/>; unknown unless all three are known.
    /// </summary>
    public long? SentimentTotal =>
        PositiveCount is long p && NeutralCount is long n && NegativeCount is long m ? p + n + m : null;

    /// <summary>
    /// Returns the follower growth: (followers − previous followers) / previous followers.
    /// </summary>
    /// <param name="previous">The same network's snapshot for the period just before, or <see langword="null"/> when there is none.</param>
    /// <returns>
    /// The relative change per period (0.05 = +5 %); not computable when there is no previous snapshot, either
    /// follower count is unknown, or the previous count is zero (growth from nothing is undefined, not infinite).
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="previous"/> belongs to another network or is not the period just before.</exception>
    public MetricValue FollowerGrowth(ChannelSnapshot? previous)
    {
        if (previous is null)
        {
            return MetricValue.NotComputable(NotComputableReason.NoPreviousPeriod, $"there is no snapshot for {Network} before {Period}");
        }

        if (!string.Equals(previous.Network, Network, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The previous snapshot is for {previous.Network}, not {Network}.", nameof(previous));
        }

        if (previous.Period != Period.Previous())
        {
            throw new ArgumentException($"The previous snapshot is for {previous.Period}, not {Period.Previous()}.", nameof(previous));
        }

        if (Followers is not long current)
        {
            return Missing($"followers of {Network} in {Period} are unknown");
        }

        if (previous.Followers is not long before)
        {
            return Missing($"followers of {Network} in {previous.Period} are unknown");
        }

        return before == 0
            ? MetricValue.NotComputable(NotComputableReason.ZeroDenominator, $"{Network} had no followers in {previous.Period}: growth from zero is undefined")
            : MetricValue.Known((double)(current - before) / before);
    }

    /// <summary>
    /// Returns the engagement rate: <see cref="Engagements"/> / <see cref="Impressions"/>, or
    /// <see cref="Engagements"/> / <see cref="Reach"/> when impressions are unknown.
    /// </summary>
    /// <returns>
    /// The rate per impression (or per person reached); not computable when engagements are unknown, both
    /// denominators are unknown, or the denominator used is zero.
    /// </returns>
    /// <remarks>
    /// Per impression is the default because every network reports impressions and reach is de-duplicated
    /// differently on each; reach is the fallback so that a network reporting only reach still gets a rate.
    /// The result can exceed 1 (a few people engaging many times), so it is not clamped.
    /// </remarks>
    public MetricValue EngagementRate()
    {
        if (Engagements is not long engagements)
        {
            return Missing($"no engagement count (comments, shares, likes, reposts) is known for {Network} in {Period}");
        }

        (long? denominator, string name) = Impressions is not null ? (Impressions, "impressions") : (Reach, "reach");
        if (denominator is not long d)
        {
            return Missing($"impressions and reach of {Network} in {Period} are unknown");
        }

        return d == 0
            ? MetricValue.NotComputable(NotComputableReason.ZeroDenominator, $"{Network} had zero {name} in {Period}")
            : MetricValue.Known((double)engagements / d);
    }

    /// <summary>Returns the negative share: <see cref="NegativeCount"/> / (positive + neutral + negative).</summary>
    /// <returns>A rate in [0, 1]; not computable when a sentiment count is unknown or all three are zero.</returns>
    public MetricValue NegativeShare() =>
        SentimentRatio(NegativeCount ?? 0, "negative share");

    /// <summary>Returns the net sentiment: (positive − negative) / (positive + neutral + negative).</summary>
    /// <returns>A score in [−1, 1]; not computable when a sentiment count is unknown or all three are zero.</returns>
    public MetricValue NetSentiment() =>
        SentimentRatio((PositiveCount ?? 0) - (NegativeCount ?? 0), "net sentiment");

    /// <summary>
    /// The value this snapshot holds for a goal metric measured on the network's own analytics, or
    /// <see langword="null"/> when it is unknown, not computable, or not a snapshot metric (funnel metrics, growth).
    /// </summary>
    internal double? ValueOf(GoalMetric metric) => metric switch
    {
        GoalMetric.Revenue => (double?)Revenue,
        GoalMetric.Followers => Followers,
        GoalMetric.Impressions => Impressions,
        GoalMetric.Reach => Reach,
        GoalMetric.Mentions => Mentions,
        GoalMetric.Comments => Comments,
        GoalMetric.Shares => Shares,
        GoalMetric.Likes => Likes,
        GoalMetric.Reposts => Reposts,
        GoalMetric.EngagementRate => EngagementRate().Value,
        GoalMetric.PositiveCount => PositiveCount,
        GoalMetric.NeutralCount => NeutralCount,
        GoalMetric.NegativeCount => NegativeCount,
        GoalMetric.NegativeShare => NegativeShare().Value,
        GoalMetric.NetSentiment => NetSentiment().Value,
        _ => null,
    };

    /// <summary>
    /// Returns the cost of the period: <see cref="Spend"/>, plus <see cref="HoursSpent"/> × <paramref name="hourlyRate"/>
    /// when a rate is given.
    /// </summary>
    /// <param name="hourlyRate">What an hour of the team costs, in the currency of <see cref="Spend"/>; <see langword="null"/> to count spend only.</param>
    /// <returns>The cost; not computable when spend is unknown, or when a rate is given and hours are unknown.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hourlyRate"/> is negative.</exception>
    public MetricValue Cost(decimal? hourlyRate = null)
    {
        if (hourlyRate is decimal rate)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(rate, nameof(hourlyRate));
        }

        if (Spend is not decimal spend)
        {
            return Missing($"spend on {Network} in {Period} is unknown");
        }

        if (hourlyRate is null)
        {
            return MetricValue.Known((double)spend);
        }

        return HoursSpent is double hours
            ? MetricValue.Known((double)spend + (hours * (double)hourlyRate.Value))
            : Missing($"hours spent on {Network} in {Period} are unknown");
    }

    /// <summary>Returns the cost per visit: <see cref="Cost"/> / <paramref name="visits"/>.</summary>
    /// <param name="visits">Visits the network brought in the period (from the funnel), or <see langword="null"/> when unknown.</param>
    /// <param name="hourlyRate">What an hour of the team costs; <see langword="null"/> to count spend only.</param>
    /// <returns>The cost per visit; not computable when the cost or the visits are unknown, or there were no visits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="visits"/> or <paramref name="hourlyRate"/> is negative.</exception>
    public MetricValue CostPerVisit(long? visits, decimal? hourlyRate = null) => CostPer(visits, "visits", hourlyRate, nameof(visits));

    /// <summary>Returns the cost per lead: <see cref="Cost"/> / <paramref name="leads"/>.</summary>
    /// <param name="leads">Leads the network brought in the period (from the funnel), or <see langword="null"/> when unknown.</param>
    /// <param name="hourlyRate">What an hour of the team costs; <see langword="null"/> to count spend only.</param>
    /// <returns>The cost per lead; not computable when the cost or the leads are unknown, or there were no leads.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leads"/> or <paramref name="hourlyRate"/> is negative.</exception>
    public MetricValue CostPerLead(long? leads, decimal? hourlyRate = null) => CostPer(leads, "leads", hourlyRate, nameof(leads));

    /// <summary>Returns the cost per customer: <see cref="Cost"/> / <paramref name="customers"/>.</summary>
    /// <param name="customers">Customers the network brought in the period (from the funnel), or <see langword="null"/> when unknown.</param>
    /// <param name="hourlyRate">What an hour of the team costs; <see langword="null"/> to count spend only.</param>
    /// <returns>The cost per customer; not computable when the cost or the customers are unknown, or there were none.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="customers"/> or <paramref name="hourlyRate"/> is negative.</exception>
    public MetricValue CostPerCustomer(long? customers, decimal? hourlyRate = null) => CostPer(customers, "customers", hourlyRate, nameof(customers));

    /// <summary>Returns the return on investment: (<see cref="Revenue"/> − cost) / cost, with cost as in <see cref="Cost"/>.</summary>
    /// <param name="hourlyRate">What an hour of the team costs; <see langword="null"/> to count spend only.</param>
    /// <returns>
    /// The ROI (0.5 = revenue is 150 % of cost); not computable when revenue or cost is unknown, or the cost is zero:
    /// a purely organic network whose hours are not costed has undefined ROI, not infinite ROI.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hourlyRate"/> is negative.</exception>
    public MetricValue Roi(decimal? hourlyRate = null)
    {
        var cost = Cost(hourlyRate);
        if (Revenue is not decimal revenue)
        {
            return Missing($"revenue of {Network} in {Period} is unknown");
        }

        if (!cost.TryGetValue(out double c))
        {
            return cost;
        }

        // A cost so close to zero that the ratio overflows (1e-320) is as undefined as none.
        double roi = ((double)revenue - c) / c;
        return c == 0 || !double.IsFinite(roi)
            ? MetricValue.NotComputable(NotComputableReason.ZeroDenominator, $"{Network} cost {(c == 0 ? "nothing" : "next to nothing")} in {Period} (no spend{(hourlyRate is null ? ", hours not costed" : "")}): ROI is undefined, not infinite")
            : MetricValue.Known(roi);
    }

    private MetricValue CostPer(long? count, string what, decimal? hourlyRate, string paramName)
    {
        if (count is long n)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(n, paramName);
        }

        var cost = Cost(hourlyRate);
        if (!cost.TryGetValue(out double c))
        {
            return cost;
        }

        if (count is not long denominator)
        {
            return Missing($"{what} of {Network} in {Period} are unknown");
        }

        return denominator == 0
            ? MetricValue.NotComputable(NotComputableReason.ZeroDenominator, $"{Network} brought no {what} in {Period}")
            : MetricValue.Known(c / denominator);
    }

    private MetricValue SentimentRatio(long numerator, string what)
    {
        if (SentimentTotal is not long total)
        {
            return Missing($"{what} needs positive, neutral and negative counts, and one is unknown for {Network} in {Period}");
        }

        return total == 0
            ? MetricValue.NotComputable(NotComputableReason.ZeroDenominator, $"no sentiment-classified comments or mentions for {Network} in {Period}")
            : MetricValue.Known((double)numerator / total);
    }

    private static MetricValue Missing(string detail) => MetricValue.NotComputable(NotComputableReason.MissingInput, detail);

    private static long? NonNegative(long? value, string name)
    {
        if (value is long v)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(v, name);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(v, MaxCount, name);
        }

        return value;
    }

    private static decimal? NonNegative(decimal? value, string name)
    {
        if (value is decimal v)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(v, name);
        }

        return value;
    }
}
