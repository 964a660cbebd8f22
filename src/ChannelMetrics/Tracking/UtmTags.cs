namespace ChannelMetrics.Tracking;

/// <summary>The nine UTM parameters that Google Analytics 4 reads.</summary>
public enum UtmField
{
    /// <summary><c>utm_source</c>: where the traffic comes from (facebook, newsletter).</summary>
    Source = 0,

    /// <summary><c>utm_medium</c>: the kind of traffic (cpc, social, email).</summary>
    Medium = 1,

    /// <summary><c>utm_campaign</c>: the campaign name.</summary>
    Campaign = 2,

    /// <summary><c>utm_term</c>: the paid keyword.</summary>
    Term = 3,

    /// <summary><c>utm_content</c>: which ad or link was clicked.</summary>
    Content = 4,

    /// <summary><c>utm_id</c>: the campaign id.</summary>
    Id = 5,

    /// <summary><c>utm_source_platform</c>: the buying platform (Search Ads 360, Display &amp; Video 360).</summary>
    SourcePlatform = 6,

    /// <summary><c>utm_creative_format</c>: the creative's format (display, native, video).</summary>
    CreativeFormat = 7,

    /// <summary><c>utm_marketing_tactic</c>: the targeting tactic (remarketing, prospecting).</summary>
    MarketingTactic = 8,
}

/// <summary>The UTM values and click ids of one landing URL, as received.</summary>
/// <remarks>
/// Values keep their text (case, spaces); normalising them is a separate, explicit step
/// (<see cref="SourceResolver"/>, <see cref="UtmLinter"/>). An empty value is stored as null: GA4 treats an
/// empty parameter as absent. Immutable and thread-safe; use <c>with</c> to change a copy.
/// </remarks>
public sealed record UtmTags
{
    private readonly string? _source;
    private readonly string? _medium;
    private readonly string? _campaign;
    private readonly string? _term;
    private readonly string? _content;
    private readonly string? _id;
    private readonly string? _sourcePlatform;
    private readonly string? _creativeFormat;
    private readonly string? _marketingTactic;
    private readonly ClickIds _clickIds = ClickIds.Empty;

    /// <summary>No tags at all.</summary>
    public static UtmTags Empty { get; } = new();

    /// <summary><c>utm_source</c>, or null.</summary>
    public string? Source { get => _source; init => _source = NullIfEmpty(value); }

    /// <summary><c>utm_medium</c>, or null.</summary>
    public string? Medium { get => _medium; init => _medium = NullIfEmpty(value); }

    /// <summary><c>utm_campaign</c>, or null.</summary>
    public string? Campaign { get => _campaign; init => _campaign = NullIfEmpty(value); }

    /// <summary><c>utm_term</c>, or null.</summary>
    public string? Term { get => _term; init => _term = NullIfEmpty(value); }

    /// <summary><c>utm_content</c>, or null.</summary>
    public string? Content { get => _content; init => _content = NullIfEmpty(value); }

    /// <summary><c>utm_id</c>, or null.</summary>
    public string? Id { get => _id; init => _id = NullIfEmpty(value); }

    /// <summary><c>utm_source_platform</c>, or null.</summary>
    public string? SourcePlatform { get => _sourcePlatform; init => _sourcePlatform = NullIfEmpty(value); }

    /// <summary><c>utm_creative_format</c>, or null.</summary>
    public string? CreativeFormat { get => _creativeFormat; init => _creativeFormat = NullIfEmpty(value); }

    /// <summary><c>utm_marketing_tactic</c>, or null.</summary>
    public string? MarketingTactic { get => _marketingTactic; init => _marketingTactic = NullIfEmpty(value); }

    /// <summary>The click ids, never null (<see cref="ClickIds.Empty"/> when there are none).</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public ClickIds ClickIds { get => _clickIds; init => _clickIds = value ?? throw new ArgumentNullException(nameof(value)); }

    /// <summary>True when no UTM value and no click id is set.</summary>
    public bool IsEmpty => HasNoUtmValues && _clickIds.Count == 0;

    private bool HasNoUtmValues =>
        _source is null && _medium is null && _campaign is null && _term is null && _content is null &&
        _id is null && _sourcePlatform is null && _creativeFormat is null && _marketingTactic is null;

    /// <summary>The value of <paramref name="field"/>, or null.</summary>
    /// <param name="field">The UTM field.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="field"/> is not defined.</exception>
    public string? Get(UtmField field) => field switch
    {
        UtmField.Source => _source,
        UtmField.Medium => _medium,
        UtmField.Campaign => _campaign,
        UtmField.Term => _term,
        UtmField.Content => _content,
        UtmField.Id => _id,
        UtmField.SourcePlatform => _sourcePlatform,
        UtmField.CreativeFormat => _creativeFormat,
        UtmField.MarketingTactic => _marketingTactic,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown UTM field."),
    };

    /// <summary>A copy with <paramref name="field"/> set to <paramref name="value"/> (null or empty clears it).</summary>
    /// <param name="field">The UTM field.</param>
    /// <param name="value">The new value.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="field"/> is not defined.</exception>
    public UtmTags With(UtmField field, string? value) => field switch
    {
        UtmField.Source => this with { Source = value },
        UtmField.Medium => this with { Medium = value },
        UtmField.Campaign => this with { Campaign = value },
        UtmField.Term => this with { Term = value },
        UtmField.Content => this with { Content = value },
        UtmField.Id => this with { Id = value },
        UtmField.SourcePlatform => this with { SourcePlatform = value },
        UtmField.CreativeFormat => this with { CreativeFormat = value },
        UtmField.MarketingTactic => this with { MarketingTactic = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown UTM field."),
    };

    /// <summary>The query parameter name of <paramref name="field"/>, for example <c>utm_source</c>.</summary>
    /// <param name="field">The UTM field.</param>
    /// <returns>The parameter name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="field"/> is not defined.</exception>
    public static string ParameterName(UtmField field) =>
        (uint)field < (uint)UtmKeys.Names.Length
            ? UtmKeys.Names[(int)field]
            : throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown UTM field.");

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>UTM parameter names.</summary>
internal static class UtmKeys
{
    /// <summary>
    /// Recognises a raw (still encoded) parameter name: a UTM field (returned) or a click id (<paramref name="clickId"/>).
    /// The raw name is tried first; only a name with '%' can decode into a known name, so only then is it decoded.
    /// </summary>
    /// <param name="rawName">The name as it appears in the query.</param>
    /// <param name="buffer">Scratch space, at least 60 characters.</param>
    /// <param name="clickId">The click id kind, or None.</param>
    /// <returns>The UTM field, or -1.</returns>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static int Classify(ReadOnlySpan<char> rawName, Span<char> buffer, out ClickIdKinds clickId)
    {
        clickId = ClickIdKinds.None;
        int field = Find(rawName);
        if (field >= 0)
        {
            return field;
        }

        clickId = ClickIdNames.Find(rawName);
        if (clickId != ClickIdKinds.None || rawName.Length > 60 || rawName.IndexOf('%') < 0)
        {
            // Every known name is ASCII of at most 20 characters, each at most 3 encoded characters; '+' decodes to a space.
            return -1;
        }

        return ClassifyEncoded(rawName, buffer, out clickId);
    }

    // Kept out of line: inlining the decoder would make every call pay for its larger stack frame.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int ClassifyEncoded(ReadOnlySpan<char> rawName, Span<char> buffer, out ClickIdKinds clickId)
    {
        ReadOnlySpan<char> decoded = buffer[..FormUrlEncoded.DecodeCore(rawName, buffer, out _)];
        int field = Find(decoded);
        clickId = field < 0 ? ClickIdNames.Find(decoded) : ClickIdKinds.None;
        return field;
    }

    public const int FieldCount = 9;

    public static readonly string[] Names =
    [
        "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "utm_id",
        "utm_source_platform", "utm_creative_format", "utm_marketing_tactic",
    ];

    /// <summary>The field whose parameter name equals <paramref name="key"/> (ASCII case-insensitive), or -1.</summary>
    public static int Find(ReadOnlySpan<char> key)
    {
        int field = Candidate(key);

        // Exact (lower-case) names are the common case and compare fastest; other casings are rare.
        return field >= 0 && (key.SequenceEqual(Names[field]) || key.Equals(Names[field], StringComparison.OrdinalIgnoreCase)) ? field : -1;
    }

    /// <summary>The field whose parameter name is exactly <paramref name="key"/> (ordinal), or -1.</summary>
    public static int FindExact(ReadOnlySpan<char> key)
    {
        int field = Candidate(key);
        return field >= 0 && key.SequenceEqual(Names[field]) ? field : -1;
    }

    /// <summary>The only field <paramref name="key"/> can name, judged by its length and a few letters, or -1.</summary>
    private static int Candidate(ReadOnlySpan<char> key)
    {
        if (key.Length < 6 || key.Length > 20 || (key[0] | 0x20) != 'u' || (key[1] | 0x20) != 't' || (key[2] | 0x20) != 'm' || key[3] != '_')
        {
            return -1;
        }

        return key.Length switch
        {
            6 => (int)UtmField.Id,
            8 => (int)UtmField.Term,
            10 => (key[4] | 0x20) == 's' ? (int)UtmField.Source : (int)UtmField.Medium,
            11 => (int)UtmField.Content,
            12 => (int)UtmField.Campaign,
            19 => (key[4] | 0x20) == 's' ? (int)UtmField.SourcePlatform : (int)UtmField.CreativeFormat,
            20 => (int)UtmField.MarketingTactic,
            _ => -1,
        };
    }
}
