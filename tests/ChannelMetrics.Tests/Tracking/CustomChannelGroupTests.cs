using ChannelMetrics.Tracking;

namespace ChannelMetrics.Tests.Tracking;

public sealed class CustomChannelGroupTests
{
    private static readonly CustomChannelGroup s_group = CustomChannelGroup.CreateBuilder("Agency")
        .Add("Meta Ads", ChannelCondition.All(
            ChannelCondition.Source(TextMatch.OneOf("facebook", "instagram", "fb", "ig")),
            ChannelCondition.Medium(TextMatch.Regex("paid.*|cp."))))
        .Add("Google Ads", ChannelCondition.ClickId(ClickIdKinds.Gclid | ClickIdKinds.Gbraid | ClickIdKinds.Wbraid))
        .Add("Partners", ChannelCondition.Campaign(TextMatch.StartsWith("partner_")))
        .Add("Newsletter", ChannelCondition.Any(ChannelCondition.Medium(TextMatch.Contains("mail")), ChannelCondition.Source(TextMatch.EndsWith("letter"))))
        .Add("Not social", ChannelCondition.All(ChannelCondition.Medium(TextMatch.OneOf("referral")), ChannelCondition.Not(ChannelCondition.SourceCategoryIs(SourceCategory.Social))))
        .AddDefaultChannels()
        .WithFallback("Other")
        .Build();

    [TestCase("https://s.example/?utm_source=facebook&utm_medium=paid_social", "Meta Ads")]
    [TestCase("https://s.example/?utm_source=IG&utm_medium=CPM", "Meta Ads")]
    [TestCase("https://s.example/?utm_source=facebook&utm_medium=cpcx", "Paid Social")]
    [TestCase("https://s.example/?utm_source=google&utm_medium=cpc&gclid=1", "Google Ads")]
    [TestCase("https://s.example/?utm_source=acme&utm_medium=referral&utm_campaign=partner_acme", "Partners")]
    [TestCase("https://s.example/?utm_source=weekly&utm_medium=e-mail", "Newsletter")]
    [TestCase("https://s.example/?utm_source=newsletter&utm_medium=x", "Newsletter")]
    [TestCase("https://s.example/?utm_source=blog.example&utm_medium=referral", "Not social")]
    [TestCase("https://s.example/?utm_source=facebook&utm_medium=referral", "Organic Social")]
    [TestCase("https://s.example/?utm_source=foo&utm_medium=bar", "Other")]
    [TestCase("https://s.example/", "Direct")]
    public void Classify_OrderedRules_FirstMatchWins(string url, string expected)
    {
        Assert.That(s_group.Classify(UtmParser.Parse(url).Tags), Is.EqualTo(expected));
        Assert.That(s_group.Classify(UtmParser.ParseInterned(url, new UtmValuePool()), default), Is.EqualTo(expected));
    }

    [Test]
    public void Rules_Describe_Themselves()
    {
        Assert.That(s_group.Rules[0].Condition.Description, Is.EqualTo("(source is one of (facebook, instagram, fb, ig) and medium matches paid.*|cp.)"));
        Assert.That(s_group.Name, Is.EqualTo("Agency"));
    }

    [Test]
    public void Regex_BacktrackingConstruct_ThrowsArgumentException()
    {
        Assert.That(() => TextMatch.Regex("(a)\\1"), Throws.InstanceOf<ArgumentException>());
        Assert.That(() => TextMatch.Regex("(?=a)a"), Throws.InstanceOf<ArgumentException>());
        Assert.That(() => TextMatch.Regex("("), Throws.InstanceOf<ArgumentException>());
    }

    [Test]
    public void Regex_CatastrophicPattern_StaysLinear()
    {
        // (a+)+$ backtracks exponentially in a backtracking engine; NonBacktracking answers at once.
        var group = CustomChannelGroup.CreateBuilder("g").Add("A", ChannelCondition.Medium(TextMatch.Regex("(a+)+b"))).Build();
        string medium = new string('a', 50_000) + "c";
        Assert.That(group.Classify(new UtmTags { Source = "s", Medium = medium }), Is.EqualTo("Unassigned"));
    }

    [Test]
    public void Builder_NoRules_Throws()
    {
        Assert.That(() => CustomChannelGroup.CreateBuilder("empty").Build(), Throws.InvalidOperationException);
        Assert.That(() => ChannelCondition.ClickId(ClickIdKinds.None), Throws.ArgumentException);
        Assert.That(() => TextMatch.OneOf(), Throws.ArgumentException);
    }
}
