namespace ChannelMetrics.Tracking;

/// <summary>The outcome of <see cref="UtmParser.Parse(string, UtmParserOptions?)"/>: tags and diagnostics.</summary>
/// <remarks>
/// <see cref="Tags"/> is always available, also when <see cref="Success"/> is false: the parser reads
/// what is there and says what is wrong with it. Immutable and thread-safe.
/// </remarks>
public sealed class UtmParseResult
{
    internal UtmParseResult(UtmTags tags, IReadOnlyList<UtmDiagnostic> diagnostics)
    {
        Tags = tags;
        Diagnostics = diagnostics;
        foreach (UtmDiagnostic diagnostic in diagnostics)
        {
            if (diagnostic.Severity == UtmSeverity.Error)
            {
                Success = false;
                return;
            }
        }

        Success = true;
    }

    /// <summary>True when no diagnostic is an <see cref="UtmSeverity.Error"/>.</summary>
    public bool Success { get; }

    /// <summary>The tags read (possibly <see cref="UtmTags.Empty"/>).</summary>
    public UtmTags Tags { get; }

    /// <summary>The findings, in input order.</summary>
    public IReadOnlyList<UtmDiagnostic> Diagnostics { get; }

    /// <summary>True when a diagnostic with <paramref name="code"/> was reported.</summary>
    /// <param name="code">The code.</param>
    /// <returns>Whether it was reported.</returns>
    public bool Has(UtmDiagnosticCode code)
    {
        foreach (UtmDiagnostic diagnostic in Diagnostics)
        {
            if (diagnostic.Code == code)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets the tags when parsing succeeded.</summary>
    /// <param name="tags">The tags (also set when parsing failed).</param>
    /// <returns><see cref="Success"/>.</returns>
    public bool TryGetValue(out UtmTags tags)
    {
        tags = Tags;
        return Success;
    }

    /// <summary>Returns the tags, or throws when parsing failed.</summary>
    /// <returns>The tags.</returns>
    /// <exception cref="FormatException">An error diagnostic was reported; the message lists the errors.</exception>
    public UtmTags GetValueOrThrow()
    {
        if (Success)
        {
            return Tags;
        }

        var errors = Diagnostics.Where(static d => d.Severity == UtmSeverity.Error).Select(static d => d.Id + ": " + d.Message);
        throw new FormatException("The tracking code is not valid: " + string.Join(" ", errors));
    }
}
