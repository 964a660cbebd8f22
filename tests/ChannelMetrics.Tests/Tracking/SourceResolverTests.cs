using System.Globalization;
using ChannelMetrics.Tracking;

namespace ChannelMetrics.Tests.Tracking;

public sealed class SourceResolverTests
{
    [TestCase("fb", "Facebook")]
    [TestCase("FB", "Facebook")]
    [TestCase("facebook", "Facebook")]
    [TestCase("Facebook", "Facebook")]
    [TestCase("ig", "Instagram")]
    [TestCase("li", "LinkedIn")]
    [TestCase("yt", "YouTube")]
    [TestCase("tw", "X (Twitter)")]
    [TestCase("x", "X (Twitter)")]
    [TestCase("twitter", "X (Twitter)")]
    [TestCase("X (Twitter)", "X (Twitter)")]
    [TestCase("facebook.com", "Facebook")]
    [TestCase("m.facebook.com", "Facebook")]
    [TestCase("l.facebook.com", "Facebook")]
    [TestCase("lm.facebook.com", "Facebook")]
    [TestCase("web.facebook.com", "Facebook")]
    [TestCase("WWW.FACEBOOK.COM", "Facebook")]
    [TestCase("lnkd.in", "LinkedIn")]
    [TestCase("t.co", "X (Twitter)")]
    [TestCase("x.com", "X (Twitter)")]
    [TestCase("out.reddit.com", "Reddit")]
    [TestCase("threads.net", "Threads")]
    [TestCase("l.threads.com", "Threads")]
    [TestCase("bsky.app", "Bluesky")]
    [TestCase("go.bsky.app", "Bluesky")]
    [TestCase("mastodon.social", "Mastodon")]
    [TestCase("fosstodon.org", "Mastodon")]
    [TestCase("https://t.co/abc123", "X (Twitter)")]
    [TestCase("https://l.facebook.com/l.php?u=https%3A%2F%2Fshop.example", "Facebook")]
    [TestCase("http://user@www.linkedin.com:443/feed/", "LinkedIn")]
    [TestCase("//m.youtube.com/watch?v=1", "YouTube")]
    [TestCase("facebook.com/groups/marketing", "Facebook")]
    [TestCase("android-app://com.facebook.katana", "Facebook")]
    [TestCase("android-app://com.linkedin.android/", "LinkedIn")]
    [TestCase("android-app://com.google.android.youtube", "YouTube")]
    [TestCase("pinterest.co.uk", "Pinterest")]
    [TestCase("  Instagram.com.  ", "Instagram")]
    public void Resolve_KnownSource_ReturnsNetwork(string source, string network)
    {
        var resolution = SourceResolver.Default.Resolve(source);
        Assert.That(resolution.Network?.Name, Is.EqualTo(network));
        Assert.That(resolution.Name, Is.EqualTo(network));
        Assert.That(SourceResolver.Default.TryResolve(source, out var viaSpan) ? viaSpan.Name : null, Is.EqualTo(network));
    }

    [TestCase("xxt.co", "xxt.co")]
    [TestCase("t.co.evil.example", "t.co.evil.example")]
    [TestCase("notfacebook.com", "notfacebook.com")]
    [TestCase("https://www.Example.com/page", "example.com")]
    [TestCase("Newsletter", "newsletter")]
    [TestCase("facebook_ads", "facebook_ads")]
    [TestCase("android-app://com.example.App", "com.example.app")]
    [TestCase("bit.ly", "bit.ly")]
    [TestCase("social", "social")]
    [TestCase("Social", "social")]
    [TestCase("", "(not set)")]
    [TestCase("   ", "(not set)")]
    public void Resolve_UnknownSource_ReturnsNormalisedSourceWithoutNetwork(string source, string normalised)
    {
        var resolution = SourceResolver.Default.Resolve(source);
        Assert.That(resolution.IsKnown, Is.False);
        Assert.That(resolution.Network, Is.Null);
        Assert.That(resolution.NormalizedSource, Is.EqualTo(normalised));
        Assert.That(resolution.Name, Is.EqualTo(normalised));
    }

    [Test]
    public void Resolve_UnderTurkishCulture_MatchesCaseInsensitively()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            Assert.That(SourceResolver.Default.Resolve("LINKEDIN").Network, Is.EqualTo(SocialNetwork.LinkedIn));
            Assert.That(SourceResolver.Default.Resolve("INSTAGRAM.COM").Network, Is.EqualTo(SocialNetwork.Instagram));
            Assert.That(SourceResolver.Default.Resolve("IG").Network, Is.EqualTo(SocialNetwork.Instagram));
            Assert.That(SourceResolver.Default.Resolve("TIKTOK").NormalizedSource, Is.EqualTo("tiktok"));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Test]
    public void Resolve_AlreadyNormalisedUnknown_ReturnsInputInstance()
    {
        string source = "newsletter";
        Assert.That(SourceResolver.Default.Resolve(source).NormalizedSource, Is.SameAs(source));
    }

    [Test]
    public void Resolve_SpanWithPool_AllocatesNothingAfterWarmUp()
    {
        var pool = new UtmValuePool();
        string[] sources = ["fb", "https://l.facebook.com/l.php?u=x", "xxt.co", "Newsletter", "android-app://com.linkedin.android"];
        foreach (string source in sources)
        {
            _ = SourceResolver.Default.Resolve(source.AsSpan(), pool);
            _ = SourceResolver.Default.TryResolve(source, out _);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            foreach (string source in sources)
            {
                _ = SourceResolver.Default.Resolve(source.AsSpan(), pool);
                _ = SourceResolver.Default.TryResolve(source, out _);
            }
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void Builder_AddAliasAndNetwork_NewResolverDefaultUnchanged()
    {
        var custom = SourceResolver.Default.ToBuilder()
            .AddAlias("meta_ads", "Facebook")
            .AddNetwork("Nextdoor", ["nextdoor.com", "nd"])
            .Build();
        Assert.That(custom.Resolve("meta_ads").Network, Is.EqualTo(SocialNetwork.Facebook));
        Assert.That(custom.Resolve("https://nextdoor.com/news_feed/").Name, Is.EqualTo("Nextdoor"));
        Assert.That(custom.Resolve("ND").Name, Is.EqualTo("Nextdoor"));
        Assert.That(custom.Resolve("fb").Network, Is.SameAs(SocialNetwork.Facebook));
        Assert.That(SourceResolver.Default.Resolve("meta_ads").IsKnown, Is.False);
        Assert.That(SourceResolver.Default.FindNetwork("Nextdoor"), Is.Null);
        Assert.That(custom.FindNetwork("nextdoor")?.Name, Is.EqualTo("Nextdoor"));
    }

    [Test]
    public void ToBuilder_KeepsEveryAliasInItsOwnTable()
    {
        // A host alias without a dot and a value alias with one: their text alone would put each in the wrong table.
        var first = SourceResolver.CreateBuilder().AddNetwork("Intranet", ["https://intranet/", "team@corp.example"]).Build();

        var copy = first.ToBuilder().Build();

        Assert.Multiple(() =>
        {
            foreach (var source in new[] { "https://intranet/", "intranet", "team@corp.example" })
            {
                Assert.That(first.Resolve(source).Name, Is.EqualTo("Intranet"), "first: " + source);
                Assert.That(copy.Resolve(source).Name, Is.EqualTo("Intranet"), "copy: " + source);
            }
        });
    }

    [Test]
    public void Builder_AliasForUnknownNetwork_Throws()
    {
        Assert.That(() => SourceResolver.CreateBuilder().AddAlias("x", "Nope"), Throws.ArgumentException.With.Property("ParamName").EqualTo("networkName"));
    }

    [Test]
    public void Default_CanonicalNames_AreUniqueAndWellKnownInstancesShared()
    {
        var names = SourceResolver.Default.Networks.Select(n => n.Name).ToList();
        Assert.That(names, Is.Unique.Using((IEqualityComparer<string>)StringComparer.OrdinalIgnoreCase));
        Assert.That(SourceResolver.Default.FindNetwork("x (twitter)"), Is.SameAs(SocialNetwork.X));
        Assert.That(names, Does.Contain("WhatsApp").And.Contain("Threads").And.Contain("Bluesky").And.Contain("Mastodon"));
    }

    [Test]
    public void SocialNetwork_EqualityIgnoresCase()
    {
        Assert.That(SocialNetwork.Create("linkedin"), Is.SameAs(SocialNetwork.LinkedIn));
        Assert.That(SocialNetwork.Create("Nextdoor") == SocialNetwork.Create("NEXTDOOR"), Is.True);
        Assert.That(() => SocialNetwork.Create(" "), Throws.ArgumentException);
    }
}
