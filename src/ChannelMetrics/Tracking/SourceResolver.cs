using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace ChannelMetrics.Tracking;

/// <summary>
/// Maps what appears in <c>utm_source</c> or a referrer to a <see cref="SocialNetwork"/>: shorthands
/// (<c>fb</c>, <c>ig</c>, <c>li</c>, <c>yt</c>, <c>tw</c>), hosts and their subdomains, full URLs and
/// <c>android-app://</c> package ids.
/// </summary>
/// <remarks>
/// <para>
/// Matching is ASCII case-insensitive and culture-independent. A host matches an alias host or any of its
/// subdomains, on label boundaries: <c>t.co</c> and <c>m.t.co</c> are X, <c>xxt.co</c> is not. A value without a
/// dot matches only a shorthand or name exactly. Unknown sources come back with a null
/// <see cref="SourceResolution.Network"/> and their normalised host or value: never a guess.
/// </para>
/// <para>
/// <see cref="Default"/> is built from the embedded table <c>Data/social-networks.txt</c> (Matomo's social list,
/// CC0-1.0, and GA4's source categories, MIT, with gaps closed; see THIRD-PARTY-NOTICES.md). Resolvers are
/// immutable and thread-safe; <see cref="ToBuilder"/> derives a new one with more aliases or networks.
/// </para>
/// </remarks>
public sealed class SourceResolver
{
    private const int StackBufferSize = 256;

    private static readonly Lazy<SourceResolver> s_default = new(LoadDefault);

    private readonly Dictionary<string, SocialNetwork> _hosts;
    private readonly Dictionary<string, SocialNetwork> _names;
    private readonly Dictionary<string, SocialNetwork>.AlternateLookup<ReadOnlySpan<char>> _hostLookup;
    private readonly Dictionary<string, SocialNetwork>.AlternateLookup<ReadOnlySpan<char>> _nameLookup;

    internal SourceResolver(IReadOnlyList<SocialNetwork> networks, Dictionary<string, SocialNetwork> hosts, Dictionary<string, SocialNetwork> names)
    {
        Networks = networks;
        _hosts = hosts;
        _names = names;
        _hostLookup = hosts.GetAlternateLookup<ReadOnlySpan<char>>();
        _nameLookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The built-in resolver.</summary>
    public static SourceResolver Default => s_default.Value;

    /// <summary>The networks this resolver knows, in table order.</summary>
    public IReadOnlyList<SocialNetwork> Networks { get; }

    /// <summary>Starts an empty builder (no networks at all).</summary>
    /// <returns>The builder.</returns>
    public static SourceResolverBuilder CreateBuilder() => new([], [], []);

    /// <summary>Starts a builder holding every network and alias of this resolver.</summary>
    /// <returns>The builder; building it leaves this resolver unchanged.</returns>
    public SourceResolverBuilder ToBuilder() => new(Networks, _hosts, _names);

    /// <summary>Finds a network of this resolver by its canonical name (ignoring case).</summary>
    /// <param name="name">The canonical name.</param>
    /// <returns>The network, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public SocialNetwork? FindNetwork(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (SocialNetwork network in Networks)
        {
            if (string.Equals(network.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return network;
            }
        }

        return null;
    }

    /// <summary>Resolves a <c>utm_source</c> value, a host or a referrer URL.</summary>
    /// <param name="sourceOrHostOrUrl">For example <c>fb</c>, <c>l.facebook.com</c>, <c>https://t.co/x</c> or <c>android-app://com.linkedin.android</c>.</param>
    /// <returns>The network, or an explicit unknown with the normalised source.</returns>
    /// <remarks>Allocates only when the normalised source differs from the input and is not in the table.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="sourceOrHostOrUrl"/> is null.</exception>
    public SourceResolution Resolve(string sourceOrHostOrUrl)
    {
        ArgumentNullException.ThrowIfNull(sourceOrHostOrUrl);
        return ResolveCore(sourceOrHostOrUrl, sourceOrHostOrUrl, pool: null);
    }

    /// <summary>Resolves a source without allocating once its normalised form is in <paramref name="pool"/>.</summary>
    /// <param name="sourceOrHostOrUrl">A <c>utm_source</c> value, a host or a referrer URL.</param>
    /// <param name="pool">Interns the normalised source. Not thread-safe: one per thread or shard.</param>
    /// <returns>The network, or an explicit unknown with the normalised source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pool"/> is null.</exception>
    public SourceResolution Resolve(ReadOnlySpan<char> sourceOrHostOrUrl, UtmValuePool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return ResolveCore(sourceOrHostOrUrl, null, pool);
    }

    /// <summary>Finds the network of a source, never allocating.</summary>
    /// <param name="sourceOrHostOrUrl">A <c>utm_source</c> value, a host or a referrer URL.</param>
    /// <param name="network">The network, when known.</param>
    /// <returns>Whether the source is a known network.</returns>
    public bool TryResolve(ReadOnlySpan<char> sourceOrHostOrUrl, [NotNullWhen(true)] out SocialNetwork? network)
    {
        char[]? rented = null;
        Span<char> buffer = sourceOrHostOrUrl.Length <= StackBufferSize
            ? stackalloc char[sourceOrHostOrUrl.Length]
            : (rented = ArrayPool<char>.Shared.Rent(sourceOrHostOrUrl.Length));
        SourceForm form = SourceNormalizer.Normalize(sourceOrHostOrUrl, buffer, out int length);
        network = Lookup(form, buffer[..length], out _);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return network is not null;
    }

    private SourceResolution ResolveCore(ReadOnlySpan<char> input, string? inputString, UtmValuePool? pool)
    {
        char[]? rented = null;
        Span<char> buffer = input.Length <= StackBufferSize
            ? stackalloc char[input.Length]
            : (rented = ArrayPool<char>.Shared.Rent(input.Length));
        SourceForm form = SourceNormalizer.Normalize(input, buffer, out int length);
        ReadOnlySpan<char> normalized = buffer[..length];
        SocialNetwork? network = Lookup(form, normalized, out string? tableKey);
        string text;
        if (form == SourceForm.Empty)
        {
            text = SourceResolution.NotSet;
        }
        else if (pool is not null)
        {
            text = pool.Intern(normalized);
        }
        else if (tableKey is not null)
        {
            text = tableKey;
        }
        else if (inputString is not null && normalized.SequenceEqual(inputString))
        {
            text = inputString;
        }
        else
        {
            text = normalized.ToString();
        }

        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return new SourceResolution(network, text);
    }

    private SocialNetwork? Lookup(SourceForm form, ReadOnlySpan<char> normalized, out string? tableKey)
    {
        tableKey = null;
        switch (form)
        {
            case SourceForm.Value:
                return _nameLookup.TryGetValue(normalized, out tableKey, out SocialNetwork? byName) ? byName : null;
            case SourceForm.Package:
                return _hostLookup.TryGetValue(normalized, out tableKey, out SocialNetwork? byPackage) ? byPackage : null;
            case SourceForm.Host:
                if (_hostLookup.TryGetValue(normalized, out tableKey, out SocialNetwork? byHost))
                {
                    return byHost;
                }

                // Walk up the labels: m.l.facebook.com -> l.facebook.com -> facebook.com -> com.
                ReadOnlySpan<char> suffix = normalized;
                for (int dot = suffix.IndexOf('.'); dot >= 0; dot = suffix.IndexOf('.'))
                {
                    suffix = suffix[(dot + 1)..];
                    if (_hostLookup.TryGetValue(suffix, out SocialNetwork? bySuffix))
                    {
                        return bySuffix;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static SourceResolver LoadDefault()
    {
        using Stream stream = typeof(SourceResolver).Assembly.GetManifestResourceStream("ChannelMetrics.Data.social-networks.txt")
            ?? throw new InvalidOperationException("The embedded social network table is missing.");
        using var reader = new StreamReader(stream);
        var builder = CreateBuilder();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int separator = line.IndexOf(" = ", StringComparison.Ordinal);
            string name = line[..separator];
            builder.AddNetwork(name, line[(separator + 3)..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        return builder.Build();
    }
}

/// <summary>Builds a <see cref="SourceResolver"/> from networks and their aliases.</summary>
/// <remarks>Not thread-safe. <see cref="Build"/> copies, so the builder can be reused.</remarks>
public sealed class SourceResolverBuilder
{
    private readonly List<SocialNetwork> _networks = [];
    private readonly Dictionary<string, SocialNetwork> _hosts;
    private readonly Dictionary<string, SocialNetwork> _names;

    // Each alias stays in its own table: which table a normalised alias belongs to cannot be told from its text
    // (a host given without a dot, a value with one).
    internal SourceResolverBuilder(IEnumerable<SocialNetwork> networks, Dictionary<string, SocialNetwork> hosts, Dictionary<string, SocialNetwork> names)
    {
        _networks.AddRange(networks);
        _hosts = new(hosts, StringComparer.OrdinalIgnoreCase);
        _names = new(names, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Adds a network (or extends the one with the same name) with its aliases. The canonical name itself
    /// becomes an alias. An alias that already belongs to another network moves to this one.
    /// </summary>
    /// <param name="name">The canonical name, for example <c>Mastodon</c>.</param>
    /// <param name="aliases">Shorthands, <c>utm_source</c> values, hosts (matched with subdomains) or Android package ids.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> or an alias is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="aliases"/> is null.</exception>
    public SourceResolverBuilder AddNetwork(string name, IEnumerable<string> aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        SocialNetwork network = SocialNetwork.Create(name);
        int index = _networks.IndexOf(network);
        if (index < 0)
        {
            _networks.Add(network);
        }
        else
        {
            network = _networks[index];
        }

        AddAliasCore(network.Name, network);
        foreach (string alias in aliases)
        {
            AddAliasCore(alias, network);
        }

        return this;
    }

    /// <summary>Adds an alias to a network already in the builder.</summary>
    /// <param name="alias">A shorthand, <c>utm_source</c> value, host or Android package id.</param>
    /// <param name="networkName">The canonical name of the network.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The alias is empty, or no network has <paramref name="networkName"/>.</exception>
    public SourceResolverBuilder AddAlias(string alias, string networkName)
    {
        ArgumentNullException.ThrowIfNull(networkName);
        SocialNetwork? network = _networks.Find(n => string.Equals(n.Name, networkName.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"No network is named '{networkName}'; add it with AddNetwork first.", nameof(networkName));
        AddAliasCore(alias, network);
        return this;
    }

    /// <summary>Builds the resolver.</summary>
    /// <returns>An immutable, thread-safe resolver.</returns>
    public SourceResolver Build() =>
        new([.. _networks], new Dictionary<string, SocialNetwork>(_hosts, StringComparer.OrdinalIgnoreCase), new Dictionary<string, SocialNetwork>(_names, StringComparer.OrdinalIgnoreCase));

    private void AddAliasCore(string alias, SocialNetwork network)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        Span<char> buffer = alias.Length <= 256 ? stackalloc char[256] : new char[alias.Length];
        SourceForm form = SourceNormalizer.Normalize(alias, buffer, out int length);
        string key = buffer[..length].ToString();
        switch (form)
        {
            case SourceForm.Host or SourceForm.Package:
                _hosts[key] = network;
                break;
            case SourceForm.Value:
                _names[key] = network;
                break;
            default:
                throw new ArgumentException($"'{alias}' is not a usable alias.", nameof(alias));
        }
    }
}

internal enum SourceForm
{
    Empty,
    Value,
    Host,
    Package,
}

/// <summary>Normalises a source into a buffer at least as long as the input.</summary>
internal static class SourceNormalizer
{
    private const string AndroidAppScheme = "android-app://";

    public static SourceForm Normalize(ReadOnlySpan<char> input, Span<char> destination, out int length)
    {
        ReadOnlySpan<char> text = input.Trim();
        length = 0;
        if (text.IsEmpty)
        {
            return SourceForm.Empty;
        }

        if (text.StartsWith(AndroidAppScheme, StringComparison.OrdinalIgnoreCase))
        {
            ReadOnlySpan<char> package = CutAt(text[AndroidAppScheme.Length..], "/?#");
            return package.IsEmpty ? SourceForm.Empty : Lower(package, destination, out length, SourceForm.Package);
        }

        ReadOnlySpan<char> hostPart;
        int schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0 && UrlText.StartsWithScheme(text) && text[..schemeEnd].IndexOf(':') < 0)
        {
            hostPart = text[(schemeEnd + 3)..];
        }
        else if (text.StartsWith("//", StringComparison.Ordinal))
        {
            hostPart = text[2..];
        }
        else
        {
            ReadOnlySpan<char> head = CutAt(text, "/?#");
            bool looksLikeHost = head.Contains('.') && head.IndexOfAny(' ', '\t', '@') < 0;
            if (!looksLikeHost)
            {
                return Lower(text, destination, out length, SourceForm.Value);
            }

            hostPart = text;
        }

        ReadOnlySpan<char> authority = CutAt(hostPart, "/?#\\");
        int at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority[(at + 1)..];
        }

        ReadOnlySpan<char> host;
        if (authority.StartsWith('['))
        {
            int close = authority.IndexOf(']');
            host = close < 0 ? authority : authority[..(close + 1)];
        }
        else
        {
            int colon = authority.IndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
        }

        host = host.TrimEnd('.');
        if (host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && host.Length > 4)
        {
            host = host[4..];
        }

        return host.IsEmpty ? SourceForm.Empty : Lower(host, destination, out length, SourceForm.Host);
    }

    private static ReadOnlySpan<char> CutAt(ReadOnlySpan<char> text, ReadOnlySpan<char> stops)
    {
        int stop = text.IndexOfAny(stops);
        return stop < 0 ? text : text[..stop];
    }

    private static SourceForm Lower(ReadOnlySpan<char> text, Span<char> destination, out int length, SourceForm form)
    {
        // Invariant lower-casing: the same answer under every culture (tr-TR's dotted/dotless i included).
        length = text.ToLowerInvariant(destination);
        return form;
    }
}
