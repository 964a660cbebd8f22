namespace ChannelMetrics.Tracking;

/// <summary>How <see cref="UtmParser"/> reads input.</summary>
public sealed record UtmParserOptions
{
    /// <summary>Strict parsing: the input is read exactly as GA4 would read it.</summary>
    public static UtmParserOptions Strict { get; } = new();

    /// <summary>Lenient parsing: repairs what people paste from documents and e-mails.</summary>
    public static UtmParserOptions Lenient { get; } = new() { Repair = true };

    /// <summary>
    /// Repairs spaces around <c>=</c> and <c>&amp;</c>, <c>&amp;amp;</c> / <c>&amp;#038;</c> separators, a
    /// non-ASCII question mark (<c>؟</c>, <c>？</c>) in place of <c>?</c> and parameters after <c>#</c>;
    /// each repair is reported as an <see cref="UtmSeverity.Info"/> diagnostic.
    /// </summary>
    /// <value>False by default: strict.</value>
    public bool Repair { get; init; }
}
