namespace ChannelMetrics.Tracking;

/// <summary>A team's naming rules for UTM tags, checked by <see cref="UtmLinter"/>.</summary>
/// <remarks>Immutable; change a copy with <c>with</c>.</remarks>
public sealed record UtmNamingPolicy
{
    /// <summary>
    /// Lower case, words joined by <c>_</c>, source, medium and campaign required, any medium and source.
    /// </summary>
    public static UtmNamingPolicy Default { get; } = new();

    /// <summary>Every value must be lower case.</summary>
    /// <value>True by default.</value>
    public bool RequireLowercase { get; init; } = true;

    /// <summary>The word separator values must use: <c>'_'</c>, <c>'-'</c> or <c>' '</c>; null allows any.</summary>
    /// <value><c>'_'</c> by default.</value>
    public char? WordSeparator { get; init; } = '_';

    /// <summary>The fields every link must set.</summary>
    /// <value>Source, medium and campaign by default.</value>
    public IReadOnlyList<UtmField> RequiredFields { get; init; } = [UtmField.Source, UtmField.Medium, UtmField.Campaign];

    /// <summary>The allowed mediums (compared ignoring case); null allows any.</summary>
    /// <value>Null by default.</value>
    public IReadOnlyList<string>? AllowedMediums { get; init; }

    /// <summary>
    /// When true, the source must be a network the <see cref="Resolver"/> knows or one of
    /// <see cref="AllowedSources"/>.
    /// </summary>
    /// <value>False by default.</value>
    public bool RequireKnownSource { get; init; }

    /// <summary>Sources allowed besides known networks (compared ignoring case).</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<string> AllowedSources { get; init; } = [];

    /// <summary>The resolver that decides which sources are known networks.</summary>
    /// <value><see cref="SourceResolver.Default"/> when null.</value>
    public SourceResolver? Resolver { get; init; }
}

/// <summary>Checks UTM tags against a team's <see cref="UtmNamingPolicy"/>.</summary>
/// <remarks>Thread-safe.</remarks>
public static class UtmLinter
{
    private static readonly char[] s_separators = [' ', '-', '_'];

    /// <summary>Reports every way <paramref name="tags"/> breaks <paramref name="policy"/>.</summary>
    /// <param name="tags">The tags.</param>
    /// <param name="policy">The policy.</param>
    /// <returns>The violations (codes UTM101 to UTM105), in field order; empty when the tags comply.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The policy's word separator is not '_', '-' or ' ', or a list holds null.</exception>
    public static IReadOnlyList<UtmDiagnostic> Lint(UtmTags tags, UtmNamingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.WordSeparator is { } separator && Array.IndexOf(s_separators, separator) < 0)
        {
            throw new ArgumentException("The word separator must be '_', '-' or ' '.", nameof(policy));
        }

        // The lists are part of the call, checked whatever the tags hold.
        ThrowIfHoldsNull(policy.AllowedMediums, nameof(policy));
        ThrowIfHoldsNull(policy.AllowedSources, nameof(policy));
        var required = policy.RequiredFields ?? [];
        var diagnostics = new List<UtmDiagnostic>();
        for (int i = 0; i < UtmKeys.FieldCount; i++)
        {
            var field = (UtmField)i;
            string name = UtmKeys.Names[i];
            string? value = tags.Get(field);
            if (value is null)
            {
                if (required.Contains(field))
                {
                    diagnostics.Add(new UtmDiagnostic(UtmDiagnosticCode.RequiredFieldMissing, UtmSeverity.Error, $"{name} is required by the naming policy.", -1, name));
                }

                continue;
            }

            if (policy.RequireLowercase && !string.Equals(value, value.ToLowerInvariant(), StringComparison.Ordinal))
            {
                diagnostics.Add(new UtmDiagnostic(UtmDiagnosticCode.NotLowercase, UtmSeverity.Warning,
                    $"{name} '{value}' is not lower case; write '{value.ToLowerInvariant()}'.", -1, name));
            }

            if (policy.WordSeparator is { } wanted && value.AsSpan().IndexOfAnyExcept(s_separators) >= 0)
            {
                foreach (char other in s_separators)
                {
                    if (other != wanted && value.Contains(other, StringComparison.Ordinal))
                    {
                        diagnostics.Add(new UtmDiagnostic(UtmDiagnosticCode.WrongSeparator, UtmSeverity.Warning,
                            $"{name} '{value}' separates words with '{other}'; the policy uses '{wanted}'.", -1, name));
                        break;
                    }
                }
            }

            if (field == UtmField.Medium && policy.AllowedMediums is { } mediums && !Contains(mediums, value))
            {
                diagnostics.Add(new UtmDiagnostic(UtmDiagnosticCode.MediumNotAllowed, UtmSeverity.Warning,
                    $"utm_medium '{value}' is not one of the allowed mediums ({string.Join(", ", mediums)}).", -1, name));
            }

            if (field == UtmField.Source && policy.RequireKnownSource &&
                !(policy.Resolver ?? SourceResolver.Default).TryResolve(value, out _) && !Contains(policy.AllowedSources ?? [], value))
            {
                diagnostics.Add(new UtmDiagnostic(UtmDiagnosticCode.UnknownSource, UtmSeverity.Warning,
                    $"utm_source '{value}' is neither a known network nor an allowed source.", -1, name));
            }
        }

        return diagnostics;
    }

    private static void ThrowIfHoldsNull(IReadOnlyList<string>? list, string parameterName)
    {
        if (list is not null && list.Contains(null!))
        {
            throw new ArgumentException("The policy's lists must not hold null.", parameterName);
        }
    }

    private static bool Contains(IReadOnlyList<string> list, string value)
    {
        foreach (string item in list)
        {
            if (string.Equals(item, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
