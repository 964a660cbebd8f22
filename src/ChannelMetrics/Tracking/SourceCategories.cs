namespace ChannelMetrics.Tracking;

/// <summary>The GA4 category of a traffic source, as used by the default channel group.</summary>
public enum SourceCategory
{
    /// <summary>Not in the list.</summary>
    None = 0,

    /// <summary>A search engine (GA4 SOURCE_CATEGORY_SEARCH).</summary>
    Search = 1,

    /// <summary>A shopping site (GA4 SOURCE_CATEGORY_SHOPPING).</summary>
    Shopping = 2,

    /// <summary>A social site (GA4 SOURCE_CATEGORY_SOCIAL).</summary>
    Social = 3,

    /// <summary>A video site (GA4 SOURCE_CATEGORY_VIDEO).</summary>
    Video = 4,
}

/// <summary>
/// GA4's source category list: which <c>utm_source</c> values and referrer sources are search, shopping,
/// social or video sites. Sources are matched exactly and ASCII case-insensitively, as GA4 does.
/// </summary>
/// <remarks>
/// <see cref="Ga4"/> is Google's published list (as kept in Velir/dbt-ga4, MIT). <see cref="Default"/> adds the
/// sources GA4's list lacks (x.com, Threads, Bluesky, Mastodon instances, the shorthands and hosts of
/// <see cref="SourceResolver.Default"/>), each with its network's category. Immutable and thread-safe.
/// </remarks>
public sealed class SourceCategories
{
    private static readonly Lazy<(SourceCategories Ga4, SourceCategories Default)> s_builtIn = new(Load);

    private readonly Dictionary<string, SourceCategory> _categories;
    private readonly Dictionary<string, SourceCategory>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private SourceCategories(Dictionary<string, SourceCategory> categories)
    {
        _categories = categories;
        _lookup = categories.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>GA4's list with the gaps closed; what <see cref="ChannelGrouping.Default"/> uses.</summary>
    public static SourceCategories Default => s_builtIn.Value.Default;

    /// <summary>GA4's published list, unchanged.</summary>
    public static SourceCategories Ga4 => s_builtIn.Value.Ga4;

    /// <summary>The number of sources listed.</summary>
    public int Count => _categories.Count;

    /// <summary>The category of <paramref name="source"/> (exact, ASCII case-insensitive match).</summary>
    /// <param name="source">A source as GA4 reports it, for example <c>facebook</c> or <c>l.facebook.com</c>.</param>
    /// <returns>The category, or <see cref="SourceCategory.None"/>.</returns>
    public SourceCategory GetCategory(ReadOnlySpan<char> source) =>
        _lookup.TryGetValue(source, out SourceCategory category) ? category : SourceCategory.None;

    /// <summary>A copy with <paramref name="source"/> in <paramref name="category"/> (None removes it).</summary>
    /// <param name="source">The source.</param>
    /// <param name="category">Its category.</param>
    /// <returns>The new list; this one is unchanged.</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> is empty, or the category is not defined.</exception>
    public SourceCategories With(string source, SourceCategory category)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (!Enum.IsDefined(category))
        {
            throw new ArgumentException($"Unknown source category {category}.", nameof(category));
        }

        var copy = new Dictionary<string, SourceCategory>(_categories, StringComparer.OrdinalIgnoreCase);
        if (category == SourceCategory.None)
        {
            copy.Remove(source.Trim());
        }
        else
        {
            copy[source.Trim()] = category;
        }

        return new SourceCategories(copy);
    }

    /// <summary>
    /// GA4's source for a referrer host: the host itself when listed, else a listed parent domain, else the site's name
    /// (the label before the public suffix, <c>google</c> for <c>www.google.co.uk</c>) when listed and the host is not one
    /// of the site's other services (<c>docs.google.com</c>, <c>mail.google.com</c>).
    /// </summary>
    internal SourceCategory CategorizeHost(ReadOnlySpan<char> host, out Range source)
    {
        source = Range.All;
        if (_lookup.TryGetValue(host, out SourceCategory category))
        {
            return category;
        }

        int offset = 0;
        ReadOnlySpan<char> suffix = host;
        for (int dot = suffix.IndexOf('.'); dot >= 0; dot = suffix.IndexOf('.'))
        {
            offset += dot + 1;
            suffix = suffix[(dot + 1)..];
            if (suffix.Contains('.') && _lookup.TryGetValue(suffix, out category))
            {
                source = new Range(offset, host.Length);
                return category;
            }
        }

        // A subdomain stands for its site (images.google.de, lite.duckduckgo.com), unless it is one of the big sites'
        // other services (docs.google.com, outlook.live.com): those are referrals to GA4 unless it lists them above.
        Range name = SiteName(host);
        if (!IsOtherService(host[..name.Start]) && _lookup.TryGetValue(host[name], out category))
        {
            source = name;
            return category;
        }

        return SourceCategory.None;
    }

    // The services of search sites that are no search (the host is normalised to lower case).
    private static bool IsOtherService(ReadOnlySpan<char> subdomains)
    {
        int dot = subdomains.IndexOf('.');
        return dot > 0 && subdomains[..dot] is "docs" or "drive" or "mail" or "accounts" or "myaccount" or "calendar" or "meet"
            or "chat" or "classroom" or "photos" or "keep" or "contacts" or "outlook" or "login" or "onedrive";
    }

    /// <summary>The label before the public suffix: the last label, or the last two when the second-to-last is a short
    /// second-level domain such as <c>co</c>, <c>com</c>, <c>ne</c> (<c>google.co.uk</c>, <c>yahoo.co.jp</c>).</summary>
    private static Range SiteName(ReadOnlySpan<char> host)
    {
        int last = host.LastIndexOf('.');
        if (last <= 0)
        {
            return new Range(0, 0);
        }

        int end = last;
        int previous = host[..last].LastIndexOf('.');
        ReadOnlySpan<char> secondLevel = host[(previous + 1)..last];
        if (previous > 0 && secondLevel.Length <= 3 && secondLevel is "co" or "com" or "net" or "org" or "ac" or "gov" or "edu" or "ne" or "or" or "go")
        {
            end = previous;
        }

        int start = host[..end].LastIndexOf('.') + 1;
        return new Range(start, end);
    }

    private static (SourceCategories, SourceCategories) Load()
    {
        using Stream stream = typeof(SourceCategories).Assembly.GetManifestResourceStream("ChannelMetrics.Data.source-categories.txt")
            ?? throw new InvalidOperationException("The embedded source category table is missing.");
        using var reader = new StreamReader(stream);
        var ga4 = new Dictionary<string, SourceCategory>(StringComparer.OrdinalIgnoreCase);
        var all = new Dictionary<string, SourceCategory>(StringComparer.OrdinalIgnoreCase);
        bool additions = false;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[')
            {
                additions = line == "[additions]";
                continue;
            }

            int comma = line.LastIndexOf(',');
            string source = line[..comma];
            SourceCategory category = line.AsSpan(comma + 1) switch
            {
                "SEARCH" => SourceCategory.Search,
                "SHOPPING" => SourceCategory.Shopping,
                "SOCIAL" => SourceCategory.Social,
                "VIDEO" => SourceCategory.Video,
                _ => throw new InvalidOperationException($"Bad category in the embedded table: {line}"),
            };
            all[source] = category;
            if (!additions)
            {
                ga4[source] = category;
            }
        }

        return (new SourceCategories(ga4), new SourceCategories(all));
    }
}
