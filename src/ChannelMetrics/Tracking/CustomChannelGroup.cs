using System.Buffers;
using System.Text.RegularExpressions;

namespace ChannelMetrics.Tracking;

/// <summary>How a text condition of a custom channel group matches a value (ASCII case-insensitive, like GA4).</summary>
/// <remarks>Regular expressions run with <see cref="RegexOptions.NonBacktracking"/>: time is linear in the input. Immutable and thread-safe.</remarks>
public sealed class TextMatch
{
    private readonly string[] _values;
    private readonly Kind _kind;
    private readonly Regex? _regex;

    private TextMatch(Kind kind, string[] values, Regex? regex, string description)
    {
        _kind = kind;
        _values = values;
        _regex = regex;
        Description = description;
    }

    private enum Kind
    {
        Exactly,
        Contains,
        StartsWith,
        EndsWith,
        Regex,
    }

    /// <summary>A readable form, for example <c>is one of (social, sm)</c>.</summary>
    public string Description { get; }

    /// <summary>The value equals one of <paramref name="values"/>.</summary>
    /// <param name="values">The accepted values.</param>
    /// <returns>The match.</returns>
    /// <exception cref="ArgumentException">No values, or a null value.</exception>
    public static TextMatch OneOf(params string[] values) => Create(Kind.Exactly, values, "is one of");

    /// <summary>The value contains <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The match.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> is null or empty.</exception>
    public static TextMatch Contains(string text) => Create(Kind.Contains, [text], "contains");

    /// <summary>The value starts with <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The match.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> is null or empty.</exception>
    public static TextMatch StartsWith(string text) => Create(Kind.StartsWith, [text], "starts with");

    /// <summary>The value ends with <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The match.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> is null or empty.</exception>
    public static TextMatch EndsWith(string text) => Create(Kind.EndsWith, [text], "ends with");

    /// <summary>
    /// The whole value matches <paramref name="pattern"/> (GA4's "matches regex"); with <paramref name="partial"/>,
    /// some part of it does ("partially matches regex").
    /// </summary>
    /// <param name="pattern">A .NET regular expression without backreferences or lookarounds.</param>
    /// <param name="partial">Match anywhere instead of the whole value.</param>
    /// <returns>The match.</returns>
    /// <exception cref="ArgumentException">The pattern is empty, invalid, or uses constructs that need backtracking.</exception>
    public static TextMatch Regex(string pattern, bool partial = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        string anchored = partial ? pattern : "^(?:" + pattern + ")\\z";
        try
        {
            var regex = new Regex(anchored, RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            return new TextMatch(Kind.Regex, [pattern], regex, (partial ? "partially matches " : "matches ") + pattern);
        }
        catch (NotSupportedException e)
        {
            throw new ArgumentException($"The pattern '{pattern}' needs backtracking: {e.Message}", nameof(pattern), e);
        }
    }

    internal bool IsMatch(ReadOnlySpan<char> value)
    {
        switch (_kind)
        {
            case Kind.Exactly:
                foreach (string candidate in _values)
                {
                    if (value.Equals(candidate, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
            case Kind.Contains: return value.Contains(_values[0], StringComparison.OrdinalIgnoreCase);
            case Kind.StartsWith: return value.StartsWith(_values[0], StringComparison.OrdinalIgnoreCase);
            case Kind.EndsWith: return value.EndsWith(_values[0], StringComparison.OrdinalIgnoreCase);
            default: return _regex!.IsMatch(value);
        }
    }

    private static TextMatch Create(Kind kind, string[] values, string verb)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0)
        {
            throw new ArgumentException("At least one value is needed.", nameof(values));
        }

        foreach (string value in values)
        {
            if (kind == Kind.Exactly)
            {
                ArgumentNullException.ThrowIfNull(value, nameof(values));
            }
            else
            {
                ArgumentException.ThrowIfNullOrEmpty(value, nameof(values));
            }
        }

        string[] copy = [.. values];
        return new TextMatch(kind, copy, null, kind == Kind.Exactly ? $"{verb} ({string.Join(", ", copy)})" : $"{verb} {copy[0]}");
    }

    /// <summary>The description.</summary>
    /// <returns><see cref="Description"/>.</returns>
    public override string ToString() => Description;
}

/// <summary>A condition of a custom channel rule: on source, medium, campaign, source category, click ids or the default channel.</summary>
/// <remarks>Values are those GA4 would report: <c>(not set)</c> for a missing tag, <c>(direct)</c> / <c>(none)</c> for direct traffic. Immutable and thread-safe.</remarks>
public sealed class ChannelCondition
{
    private readonly Func<ChannelCondition, TrafficSnapshot, bool> _evaluate;
    private readonly TextMatch? _text;
    private readonly ChannelCondition[] _children;
    private readonly SourceCategory _category;
    private readonly ClickIdKinds _clickIds;
    private readonly DefaultChannel _channel;

    private ChannelCondition(Func<ChannelCondition, TrafficSnapshot, bool> evaluate, string description, TextMatch? text = null,
        ChannelCondition[]? children = null, SourceCategory category = default, ClickIdKinds clickIds = default, DefaultChannel channel = default)
    {
        _evaluate = evaluate;
        Description = description;
        _text = text;
        _children = children ?? [];
        _category = category;
        _clickIds = clickIds;
        _channel = channel;
    }

    /// <summary>A readable form, for example <c>medium is one of (cpc)</c>.</summary>
    public string Description { get; }

    /// <summary>The source matches.</summary>
    /// <param name="match">How.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="match"/> is null.</exception>
    public static ChannelCondition Source(TextMatch match) => Text(match, "source", static (c, t) => c._text!.IsMatch(t.Source));

    /// <summary>The medium matches.</summary>
    /// <param name="match">How.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="match"/> is null.</exception>
    public static ChannelCondition Medium(TextMatch match) => Text(match, "medium", static (c, t) => c._text!.IsMatch(t.Medium));

    /// <summary>The campaign matches.</summary>
    /// <param name="match">How.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="match"/> is null.</exception>
    public static ChannelCondition Campaign(TextMatch match) => Text(match, "campaign", static (c, t) => c._text!.IsMatch(t.Campaign));

    /// <summary>The source is in <paramref name="category"/> of the group's source categories.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The condition.</returns>
    public static ChannelCondition SourceCategoryIs(SourceCategory category) =>
        new(static (c, t) => t.Category == c._category, $"source category is {category}", category: category);

    /// <summary>At least one of the click ids in <paramref name="anyOf"/> is present.</summary>
    /// <param name="anyOf">The click id kinds.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentException"><paramref name="anyOf"/> is None.</exception>
    public static ChannelCondition ClickId(ClickIdKinds anyOf)
    {
        if (anyOf == ClickIdKinds.None)
        {
            throw new ArgumentException("Name at least one click id kind.", nameof(anyOf));
        }

        return new(static (c, t) => (t.ClickIds & c._clickIds) != 0, $"click id is one of ({anyOf})", clickIds: anyOf);
    }

    /// <summary>GA4's default channel group puts the visit in <paramref name="channel"/>.</summary>
    /// <param name="channel">The default channel.</param>
    /// <returns>The condition.</returns>
    public static ChannelCondition DefaultChannelIs(DefaultChannel channel) =>
        new(static (c, t) => t.DefaultChannel == c._channel, $"default channel is {channel.ToDisplayName()}", channel: channel);

    /// <summary>All conditions hold.</summary>
    /// <param name="conditions">The conditions.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentException">No conditions, or a null one.</exception>
    public static ChannelCondition All(params ChannelCondition[] conditions) =>
        Combine(conditions, " and ", static (c, t) => Array.TrueForAll(c._children, child => child._evaluate(child, t)));

    /// <summary>At least one condition holds.</summary>
    /// <param name="conditions">The conditions.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentException">No conditions, or a null one.</exception>
    public static ChannelCondition Any(params ChannelCondition[] conditions) =>
        Combine(conditions, " or ", static (c, t) => Array.Exists(c._children, child => child._evaluate(child, t)));

    /// <summary>The condition does not hold.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The negation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is null.</exception>
    public static ChannelCondition Not(ChannelCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new(static (c, t) => !c._children[0]._evaluate(c._children[0], t), "not (" + condition.Description + ")", children: [condition]);
    }

    internal bool Evaluate(TrafficSnapshot traffic) => _evaluate(this, traffic);

    /// <summary>The description.</summary>
    /// <returns><see cref="Description"/>.</returns>
    public override string ToString() => Description;

    private static ChannelCondition Text(TextMatch match, string field, Func<ChannelCondition, TrafficSnapshot, bool> evaluate)
    {
        ArgumentNullException.ThrowIfNull(match);
        return new ChannelCondition(evaluate, field + " " + match.Description, text: match);
    }

    private static ChannelCondition Combine(ChannelCondition[] conditions, string separator, Func<ChannelCondition, TrafficSnapshot, bool> evaluate)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        if (conditions.Length == 0 || Array.Exists(conditions, static c => c is null))
        {
            throw new ArgumentException("Give at least one condition, none of them null.", nameof(conditions));
        }

        ChannelCondition[] copy = [.. conditions];
        return new ChannelCondition(evaluate, "(" + string.Join(separator, copy.Select(static c => c.Description)) + ")", children: copy);
    }
}

/// <summary>One rule of a custom channel group: the channel and when it applies.</summary>
/// <param name="Channel">The channel name.</param>
/// <param name="Condition">When the rule applies.</param>
public sealed record ChannelRule(string Channel, ChannelCondition Condition);

/// <summary>
/// A custom channel group, as GA4 allows: ordered rules, the first that matches names the channel, else
/// <see cref="Fallback"/>. Build one with <see cref="CreateBuilder"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CustomChannelGroup
{
    private const int StackBufferSize = 256;
    private readonly ChannelRule[] _rules;

    internal CustomChannelGroup(string name, ChannelRule[] rules, string fallback, SourceCategories categories)
    {
        Name = name;
        _rules = rules;
        Rules = Array.AsReadOnly(rules);
        Fallback = fallback;
        Categories = categories;
    }

    /// <summary>The group's name.</summary>
    public string Name { get; }

    /// <summary>The rules, in evaluation order.</summary>
    public IReadOnlyList<ChannelRule> Rules { get; }

    /// <summary>The channel when no rule matches.</summary>
    public string Fallback { get; }

    /// <summary>The source categories that category conditions use.</summary>
    public SourceCategories Categories { get; }

    /// <summary>Starts a builder.</summary>
    /// <param name="name">The group's name.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static CustomChannelGroupBuilder CreateBuilder(string name) => new(name);

    /// <summary>Classifies a visit by its tags and, when it has no tags, its referrer.</summary>
    /// <param name="tags">The tags.</param>
    /// <param name="referrer">The referrer, if any.</param>
    /// <returns>The channel name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tags"/> is null.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads", Justification = "The UtmTags overload is the documented entry point; the span overloads are the allocation-free path.")]
    public string Classify(UtmTags tags, string? referrer = null)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return Classify(tags.Source, tags.Medium, tags.Campaign, tags.ClickIds.Kinds, referrer);
    }

    /// <summary>Classifies a visit read by the allocation-free path.</summary>
    /// <param name="values">The values.</param>
    /// <param name="referrer">The referrer, or empty.</param>
    /// <returns>The channel name.</returns>
    public string Classify(UtmValues values, ReadOnlySpan<char> referrer) =>
        Classify(values.Source, values.Medium, values.Campaign, values.ClickIds, referrer);

    private string Classify(string? source, string? medium, string? campaign, ClickIdKinds clickIds, ReadOnlySpan<char> referrer)
    {
        char[]? rented = null;
        Span<char> buffer = referrer.Length <= StackBufferSize
            ? stackalloc char[Math.Max(referrer.Length, 1)]
            : (rented = ArrayPool<char>.Shared.Rent(referrer.Length));
        var view = TrafficView.Create(source, medium, campaign, clickIds, referrer, Categories, buffer);

        // Conditions run through delegates, which cannot take spans: copy the view into strings once per visit.
        var snapshot = new TrafficSnapshot(view);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        foreach (ChannelRule rule in _rules)
        {
            if (rule.Condition.Evaluate(snapshot))
            {
                return rule.Channel;
            }
        }

        return Fallback;
    }
}

/// <summary>Builds a <see cref="CustomChannelGroup"/>.</summary>
/// <remarks>Not thread-safe.</remarks>
public sealed class CustomChannelGroupBuilder
{
    private readonly string _name;
    private readonly List<ChannelRule> _rules = [];
    private string _fallback = "Unassigned";
    private SourceCategories _categories = SourceCategories.Default;

    internal CustomChannelGroupBuilder(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _name = name;
    }

    /// <summary>Appends a rule.</summary>
    /// <param name="channel">The channel name.</param>
    /// <param name="condition">When it applies.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is null.</exception>
    public CustomChannelGroupBuilder Add(string channel, ChannelCondition condition)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentNullException.ThrowIfNull(condition);
        _rules.Add(new ChannelRule(channel, condition));
        return this;
    }

    /// <summary>Appends one rule per GA4 default channel (named as GA4 shows it), so the group falls back to GA4's grouping.</summary>
    /// <returns>This builder.</returns>
    public CustomChannelGroupBuilder AddDefaultChannels()
    {
        foreach (DefaultChannel channel in Enum.GetValues<DefaultChannel>())
        {
            if (channel != DefaultChannel.Unassigned)
            {
                _rules.Add(new ChannelRule(channel.ToDisplayName(), ChannelCondition.DefaultChannelIs(channel)));
            }
        }

        return this;
    }

    /// <summary>Sets the channel used when no rule matches (<c>Unassigned</c> by default).</summary>
    /// <param name="channel">The channel name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is empty.</exception>
    public CustomChannelGroupBuilder WithFallback(string channel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        _fallback = channel;
        return this;
    }

    /// <summary>Sets the source categories (<see cref="SourceCategories.Default"/> by default).</summary>
    /// <param name="categories">The categories.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="categories"/> is null.</exception>
    public CustomChannelGroupBuilder WithSourceCategories(SourceCategories categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        _categories = categories;
        return this;
    }

    /// <summary>Builds the group.</summary>
    /// <returns>An immutable group.</returns>
    /// <exception cref="InvalidOperationException">No rules were added.</exception>
    public CustomChannelGroup Build()
    {
        if (_rules.Count == 0)
        {
            throw new InvalidOperationException($"The channel group '{_name}' has no rules.");
        }

        return new CustomChannelGroup(_name, [.. _rules], _fallback, _categories);
    }
}

/// <summary>A visit's traffic as strings, for conditions evaluated through delegates.</summary>
internal sealed class TrafficSnapshot
{
    public TrafficSnapshot(in TrafficView view)
    {
        Source = view.Source.ToString();
        Medium = view.Medium.ToString();
        Campaign = view.Campaign.ToString();
        Category = view.Category;
        ClickIds = view.ClickIds;
        DefaultChannel = ChannelGrouping.Classify(view);
    }

    public string Source { get; }

    public string Medium { get; }

    public string Campaign { get; }

    public SourceCategory Category { get; }

    public ClickIdKinds ClickIds { get; }

    public DefaultChannel DefaultChannel { get; }
}
