using ChannelMetrics.Tracking;

namespace ChannelMetrics.Tests.Tracking;

public sealed class ChannelGroupingTests
{
    // One case (or more) per GA4 rule, plus the cases where the rule order decides.
    [TestCase("(direct)", "(none)", null, DefaultChannel.Direct)]
    [TestCase("(direct)", "(not set)", null, DefaultChannel.Direct)]
    [TestCase("(DIRECT)", "(NONE)", null, DefaultChannel.Direct)]
    [TestCase("google", "cpc", "brand_cross-network_q3", DefaultChannel.CrossNetwork)]
    [TestCase("(direct)", "cpc", "Cross-Network", DefaultChannel.CrossNetwork)]
    [TestCase("amazon", "cpc", null, DefaultChannel.PaidShopping)]
    [TestCase("newsletter", "paid_ads", "summer_shop", DefaultChannel.PaidShopping)]
    [TestCase("newsletter", "cpc", "eshop", DefaultChannel.PaidShopping)]
    [TestCase("newsletter", "cpc", "Shop-Week", DefaultChannel.PaidShopping)]
    [TestCase("google", "cpc", "workshopping", DefaultChannel.PaidShopping)]
    [TestCase("google", "cpc", "workshop", DefaultChannel.PaidSearch)]
    [TestCase("bing", "ppc", null, DefaultChannel.PaidSearch)]
    [TestCase("google", "retargeting", null, DefaultChannel.PaidSearch)]
    [TestCase("facebook", "cpm", null, DefaultChannel.PaidSocial)]
    [TestCase("facebook", "cpc", null, DefaultChannel.PaidSocial)]
    [TestCase("Facebook", "Paid_Social", null, DefaultChannel.PaidSocial)]
    [TestCase("l.facebook.com", "paid", null, DefaultChannel.PaidSocial)]
    [TestCase("x.com", "cpc", null, DefaultChannel.PaidSocial)]
    [TestCase("threads.net", "cpc", null, DefaultChannel.PaidSocial)]
    [TestCase("youtube", "cpv", null, DefaultChannel.PaidVideo)]
    [TestCase("newsletter", "cpm", null, DefaultChannel.Display)]
    [TestCase("unknown-site", "cpm", null, DefaultChannel.Display)]
    [TestCase("unknown-site", "banner", null, DefaultChannel.Display)]
    [TestCase("unknown-site", "interstitial", null, DefaultChannel.Display)]
    [TestCase("facebook", "display", null, DefaultChannel.Display)]
    [TestCase("unknown-site", "cpc", null, DefaultChannel.PaidOther)]
    [TestCase("unknown-site", "paid-partner", null, DefaultChannel.PaidOther)]
    [TestCase("unknown-site", "epcp", null, DefaultChannel.PaidOther)]
    [TestCase("ebay", "referral", null, DefaultChannel.OrganicShopping)]
    [TestCase("partner", "referral", "shopping_days", DefaultChannel.OrganicShopping)]
    [TestCase("facebook", "referral", null, DefaultChannel.OrganicSocial)]
    [TestCase("newsletter", "social", null, DefaultChannel.OrganicSocial)]
    [TestCase("newsletter", "social network", null, DefaultChannel.OrganicSocial)]
    [TestCase("newsletter", "sm", null, DefaultChannel.OrganicSocial)]
    [TestCase("vimeo", "referral", null, DefaultChannel.OrganicVideo)]
    [TestCase("newsletter", "video_embed", null, DefaultChannel.OrganicVideo)]
    [TestCase("google", "organic", null, DefaultChannel.OrganicSearch)]
    [TestCase("mysite", "organic", null, DefaultChannel.OrganicSearch)]
    [TestCase("duckduckgo", "referral", null, DefaultChannel.OrganicSearch)]
    [TestCase("blog.example", "referral", null, DefaultChannel.Referral)]
    [TestCase("blog.example", "app", null, DefaultChannel.Referral)]
    [TestCase("blog.example", "link", null, DefaultChannel.Referral)]
    [TestCase("newsletter", "email", null, DefaultChannel.Email)]
    [TestCase("email", "weekly", null, DefaultChannel.Email)]
    [TestCase("newsletter", "E-Mail", null, DefaultChannel.Email)]
    [TestCase("newsletter", "e mail", null, DefaultChannel.Email)]
    [TestCase("partner", "affiliate", null, DefaultChannel.Affiliates)]
    [TestCase("spotify", "audio", null, DefaultChannel.Audio)]
    [TestCase("sms", "text", null, DefaultChannel.Sms)]
    [TestCase("twilio", "sms", null, DefaultChannel.Sms)]
    [TestCase("app", "web_push", null, DefaultChannel.MobilePushNotifications)]
    [TestCase("app", "mobile_message", null, DefaultChannel.MobilePushNotifications)]
    [TestCase("app", "in-app-notification", null, DefaultChannel.MobilePushNotifications)]
    [TestCase("firebase", "message", null, DefaultChannel.MobilePushNotifications)]
    [TestCase("newsletter", "weekly", null, DefaultChannel.Unassigned)]
    [TestCase("fb", null, null, DefaultChannel.OrganicSocial)]
    [TestCase(null, "cpc", null, DefaultChannel.PaidOther)]
    [TestCase("newsletter", null, null, DefaultChannel.Unassigned)]
    public void Classify_Ga4Rules_ReturnsChannel(string? source, string? medium, string? campaign, DefaultChannel expected)
    {
        var tags = new UtmTags { Source = source, Medium = medium, Campaign = campaign };
        Assert.That(ChannelGrouping.Default.Classify(tags), Is.EqualTo(expected));
    }

    [TestCase("newsletter", "cp\nc", DefaultChannel.Unassigned)]
    [TestCase("newsletter", "paid\n", DefaultChannel.Unassigned)]
    [TestCase("newsletter", "video\n", DefaultChannel.Unassigned)]
    public void Classify_NewlineInMedium_RegexDotDoesNotMatchIt(string source, string medium, DefaultChannel expected)
    {
        Assert.That(ChannelGrouping.Default.Classify(new UtmTags { Source = source, Medium = medium }), Is.EqualTo(expected));
    }

    [TestCase("shop", true)]
    [TestCase("eshop", true)]
    [TestCase("E-SHOP", true)]
    [TestCase("1shop", true)]
    [TestCase("summer_shop", true)]
    [TestCase("workshop", false)]
    [TestCase("bishop", false)]
    [TestCase("Workshop", false)]
    [TestCase("workshopping", true)]
    [TestCase("shopping", true)]
    [TestCase("sho p", false)]
    [TestCase("éshop", true)]
    [TestCase("x\nshop", false)]
    public void IsShoppingCampaign_Ga4Regex_Matches(string campaign, bool expected)
    {
        Assert.That(Ga4Patterns.IsShoppingCampaign(campaign), Is.EqualTo(expected));
    }

    [TestCase(null, DefaultChannel.Direct)]
    [TestCase("", DefaultChannel.Direct)]
    [TestCase("https://www.google.com/", DefaultChannel.OrganicSearch)]
    [TestCase("https://www.google.co.uk/search?q=x", DefaultChannel.OrganicSearch)]
    [TestCase("https://duckduckgo.com/", DefaultChannel.OrganicSearch)]
    [TestCase("https://l.facebook.com/l.php?u=x", DefaultChannel.OrganicSocial)]
    [TestCase("https://t.co/abc", DefaultChannel.OrganicSocial)]
    [TestCase("https://www.youtube.com/watch?v=1", DefaultChannel.OrganicVideo)]
    [TestCase("https://www.amazon.com/", DefaultChannel.OrganicShopping)]
    [TestCase("https://blog.example.org/post", DefaultChannel.Referral)]
    [TestCase("https://docs.google.com/document/d/1", DefaultChannel.Referral)]
    [TestCase("https://mail.google.com/mail/u/0/", DefaultChannel.Referral)]
    [TestCase("https://news.google.com/", DefaultChannel.OrganicSearch)]
    [TestCase("https://sites.google.com/view/x", DefaultChannel.OrganicSocial)]
    [TestCase("https://m.yahoo.co.jp/", DefaultChannel.OrganicSearch)]
    [TestCase("https://google.de/", DefaultChannel.OrganicSearch)]
    [TestCase("https://images.google.de/", DefaultChannel.OrganicSearch)]
    [TestCase("https://lite.duckduckgo.com/lite/", DefaultChannel.OrganicSearch)]
    [TestCase("https://drive.google.com/file/d/1", DefaultChannel.Referral)]
    public void Classify_NoTagsWithReferrer_UsesReferrer(string? referrer, DefaultChannel expected)
    {
        Assert.That(ChannelGrouping.Default.Classify(UtmTags.Empty, referrer), Is.EqualTo(expected));
    }

    [Test]
    public void Classify_TagsAndReferrer_TagsWin()
    {
        var tags = new UtmTags { Source = "newsletter", Medium = "email" };
        Assert.That(ChannelGrouping.Default.Classify(tags, "https://www.google.com/"), Is.EqualTo(DefaultChannel.Email));
    }

    [TestCase("https://shop.example/?gclid=abc", DefaultChannel.PaidSearch)]
    [TestCase("https://shop.example/?wbraid=abc", DefaultChannel.PaidSearch)]
    [TestCase("https://shop.example/?dclid=abc", DefaultChannel.Display)]
    [TestCase("https://shop.example/?fbclid=abc", DefaultChannel.Direct)]
    public void Classify_ClickIdsWithoutTags_AutoTagging(string url, DefaultChannel expected)
    {
        Assert.That(ChannelGrouping.Default.Classify(UtmParser.Parse(url).Tags), Is.EqualTo(expected));
    }

    [Test]
    public void Classify_Ga4ListWithoutGapsClosed_XComIsNotSocial()
    {
        var tags = new UtmTags { Source = "x.com", Medium = "cpc" };
        Assert.That(ChannelGrouping.Create(SourceCategories.Ga4).Classify(tags), Is.EqualTo(DefaultChannel.PaidOther));
        Assert.That(ChannelGrouping.Default.Classify(tags), Is.EqualTo(DefaultChannel.PaidSocial));
    }

    [Test]
    public void Classify_InternedPath_MatchesTagsPathAndAllocatesNothing()
    {
        var pool = new UtmValuePool();
        string[] urls =
        [
            "https://s.example/?utm_source=facebook&utm_medium=cpc&utm_campaign=spring",
            "https://s.example/?utm_source=newsletter&utm_medium=email",
            "https://s.example/?gclid=x",
            "https://s.example/",
        ];
        foreach (string url in urls)
        {
            var values = UtmParser.ParseInterned(url, pool);
            Assert.That(ChannelGrouping.Default.Classify(values, "https://www.google.com/"),
                Is.EqualTo(ChannelGrouping.Default.Classify(UtmParser.Parse(url).Tags, "https://www.google.com/")));
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            foreach (string url in urls)
            {
                _ = ChannelGrouping.Default.Classify(UtmParser.ParseInterned(url, pool), "https://www.google.com/search");
            }
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void Classify_HostileInput_FinishesQuickly()
    {
        // Linear by construction: no regular expression engine runs. Mostly checks nothing throws on huge input.
        string medium = new string('c', 200_000) + "\n";
        string campaign = string.Concat(Enumerable.Repeat("workshop", 25_000));
        Assert.That(ChannelGrouping.Default.Classify(new UtmTags { Source = "unknown-site", Medium = medium, Campaign = campaign }), Is.EqualTo(DefaultChannel.Unassigned));
    }

    [Test]
    public void DisplayNames_AreGa4Names()
    {
        Assert.That(Enum.GetValues<DefaultChannel>().Select(c => c.ToDisplayName()), Is.EqualTo(new[]
        {
            "Direct", "Cross-network", "Paid Shopping", "Paid Search", "Paid Social", "Paid Video", "Display", "Paid Other",
            "Organic Shopping", "Organic Social", "Organic Video", "Organic Search", "Referral", "Email", "Affiliates", "Audio",
            "SMS", "Mobile Push Notifications", "Unassigned",
        }));
    }

    [Test]
    public void SourceCategories_EmbeddedLists_HaveGa4SizeAndAdditions()
    {
        Assert.That(SourceCategories.Ga4.Count, Is.EqualTo(819));
        Assert.That(SourceCategories.Default.Count, Is.GreaterThan(819));
        Assert.That(SourceCategories.Ga4.GetCategory("FACEBOOK"), Is.EqualTo(SourceCategory.Social));
        Assert.That(SourceCategories.Default.GetCategory("bsky.app"), Is.EqualTo(SourceCategory.Social));
        Assert.That(SourceCategories.Default.GetCategory("youtu.be"), Is.EqualTo(SourceCategory.Video));
        Assert.That(SourceCategories.Default.With("mysearch", SourceCategory.Search).GetCategory("mysearch"), Is.EqualTo(SourceCategory.Search));
    }
}
