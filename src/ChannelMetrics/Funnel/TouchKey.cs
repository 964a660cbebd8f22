namespace ChannelMetrics.Funnel;

/// <summary>
/// The resolved dimension values of one touch (a visit's or conversion's origin): the seam between
/// tracking (URL, tags, referrer → these strings) and the aggregator, which only counts interned keys.
/// </summary>
internal readonly record struct TouchKey(string Network, string ChannelGroup, string Medium, string Campaign, string Content)
{
    public bool IsDirect => ReferenceEquals(Network, FunnelLabels.Direct) || string.Equals(Network, FunnelLabels.Direct, StringComparison.Ordinal);

    /// <summary>The deterministic order used to break ties between visits at the same instant.</summary>
    public static int Compare(in TouchKey x, in TouchKey y)
    {
        int c = string.CompareOrdinal(x.Network, y.Network);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.ChannelGroup, y.ChannelGroup);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Medium, y.Medium);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Campaign, y.Campaign);
        return c != 0 ? c : string.CompareOrdinal(x.Content, y.Content);
    }
}

/// <summary>Interns touch keys to dense ids, and bounds the campaigns a network can create.</summary>
internal sealed class TouchTable
{
    private readonly Dictionary<TouchKey, int> _ids = [];
    private readonly List<TouchKey> _keys = [];
    private readonly HashSet<(string Network, string Campaign)> _campaigns = [];
    private readonly Dictionary<string, int> _campaignsPerNetwork = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _ceiling;

    public TouchTable(int maxCampaignsPerNetwork)
    {
        // Memory guard only: the real fold happens in the table, by totals, independent of order.
        _ceiling = (int)Math.Min(int.MaxValue, 16L * maxCampaignsPerNetwork);
    }

    public int Count => _keys.Count;

    /// <summary>Gets the campaigns that new touches were redirected to (other) for by the memory guard.</summary>
    public HashSet<(string Network, string Campaign)> GuardFolded { get; } = [];

    public TouchKey this[int id] => _keys[id];

    public int Intern(in TouchKey key) => _ids.TryGetValue(key, out int id) ? id : AddNew(key);

    private int AddNew(TouchKey key)
    {
        if (!_campaigns.Contains((key.Network, key.Campaign)))
        {
            _campaignsPerNetwork.TryGetValue(key.Network, out int count);
            if (count >= _ceiling && !string.Equals(key.Campaign, FunnelLabels.Other, StringComparison.Ordinal))
            {
                GuardFolded.Add((key.Network, key.Campaign));
                return Intern(key with { Campaign = FunnelLabels.Other });
            }

            _campaigns.Add((key.Network, key.Campaign));
            _campaignsPerNetwork[key.Network] = count + 1;
        }

        int id = _keys.Count;
        _keys.Add(key);
        _ids.Add(key, id);
        return id;
    }
}
