namespace ChannelMetrics.Tracking;

/// <summary>A social network, identified across the library by its canonical <see cref="Name"/>.</summary>
/// <remarks>
/// <para>
/// Canonical names follow the brand's own spelling: <c>Facebook</c>, <c>Instagram</c>, <c>LinkedIn</c>,
/// <c>X (Twitter)</c>, <c>YouTube</c>, <c>TikTok</c>, <c>Pinterest</c>, <c>Reddit</c>, <c>Threads</c>,
/// <c>Bluesky</c>, <c>Mastodon</c>, <c>Snapchat</c>, <c>WhatsApp</c>, <c>Telegram</c>, ... X keeps its old
/// name in brackets because reports and utm_source values still say Twitter. The full list is
/// <see cref="SourceResolver.Networks"/> of <see cref="SourceResolver.Default"/>.
/// </para>
/// <para>Two networks are equal when their names are equal ignoring case (ordinal). Immutable and thread-safe.</para>
/// </remarks>
public sealed class SocialNetwork : IEquatable<SocialNetwork>
{
    private SocialNetwork(string name) => Name = name;

    /// <summary>Facebook.</summary>
    public static SocialNetwork Facebook { get; } = new("Facebook");

    /// <summary>Instagram.</summary>
    public static SocialNetwork Instagram { get; } = new("Instagram");

    /// <summary>LinkedIn.</summary>
    public static SocialNetwork LinkedIn { get; } = new("LinkedIn");

    /// <summary>X, formerly Twitter: canonical name <c>X (Twitter)</c>.</summary>
    public static SocialNetwork X { get; } = new("X (Twitter)");

    /// <summary>YouTube.</summary>
    public static SocialNetwork YouTube { get; } = new("YouTube");

    /// <summary>TikTok.</summary>
    public static SocialNetwork TikTok { get; } = new("TikTok");

    /// <summary>Pinterest.</summary>
    public static SocialNetwork Pinterest { get; } = new("Pinterest");

    /// <summary>Reddit.</summary>
    public static SocialNetwork Reddit { get; } = new("Reddit");

    /// <summary>Threads.</summary>
    public static SocialNetwork Threads { get; } = new("Threads");

    /// <summary>Bluesky.</summary>
    public static SocialNetwork Bluesky { get; } = new("Bluesky");

    /// <summary>Mastodon (any instance).</summary>
    public static SocialNetwork Mastodon { get; } = new("Mastodon");

    /// <summary>Snapchat.</summary>
    public static SocialNetwork Snapchat { get; } = new("Snapchat");

    /// <summary>WhatsApp.</summary>
    public static SocialNetwork WhatsApp { get; } = new("WhatsApp");

    /// <summary>Telegram.</summary>
    public static SocialNetwork Telegram { get; } = new("Telegram");

    internal static SocialNetwork[] WellKnown { get; } =
        [Facebook, Instagram, LinkedIn, X, YouTube, TikTok, Pinterest, Reddit, Threads, Bluesky, Mastodon, Snapchat, WhatsApp, Telegram];

    /// <summary>The canonical name, the network's identity everywhere in the library.</summary>
    public string Name { get; }

    /// <summary>Creates a network with <paramref name="name"/> (trimmed); well-known names give the shared instance.</summary>
    /// <param name="name">The canonical name.</param>
    /// <returns>The network.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public static SocialNetwork Create(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string trimmed = name.Trim();
        foreach (SocialNetwork known in WellKnown)
        {
            if (string.Equals(known.Name, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return new SocialNetwork(trimmed);
    }

    /// <inheritdoc/>
    public bool Equals(SocialNetwork? other) => other is not null && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SocialNetwork);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

    /// <summary>The canonical name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name;

    /// <summary>Equality by name, ignoring case.</summary>
    /// <param name="left">The first network.</param>
    /// <param name="right">The second network.</param>
    /// <returns>Whether they are the same network.</returns>
    public static bool operator ==(SocialNetwork? left, SocialNetwork? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality by name, ignoring case.</summary>
    /// <param name="left">The first network.</param>
    /// <param name="right">The second network.</param>
    /// <returns>Whether they are different networks.</returns>
    public static bool operator !=(SocialNetwork? left, SocialNetwork? right) => !(left == right);
}
