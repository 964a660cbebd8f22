namespace ChannelMetrics.Funnel;

/// <summary>What a <see cref="FunnelDiagnostic"/> reports.</summary>
public enum FunnelDiagnosticCode
{
    /// <summary>An input row had no network; it was skipped.</summary>
    MissingNetwork = 1,

    /// <summary>An input row had a negative count; it was skipped.</summary>
    NegativeCount = 2,

    /// <summary>An input row's period had another granularity than the first row's; it was skipped.</summary>
    MixedGranularity = 3,

    /// <summary>An input row repeated the period and dimensions of an earlier row; their counts were added.</summary>
    DuplicateRow = 4,

    /// <summary>Adding an input row's counts would take the table's total (and so some sum of its rows) past a 64-bit count; it was skipped.</summary>
    CountOverflow = 5,

    /// <summary>Campaigns beyond <see cref="FunnelOptions.MaxCampaignsPerNetwork"/> in a network were folded into <c>(other)</c>.</summary>
    CampaignsFolded = 6,

    /// <summary>
    /// Counts are dated before 1970-01-02 or in the year 9999, where a missing or default timestamp lands
    /// (0001-01-01, Unix time 0, <see cref="DateTimeOffset.MaxValue"/>). They are kept as dated, and stretch the
    /// table's period range and every series to those periods.
    /// </summary>
    ImplausibleDate = 7,
}

/// <summary>A note about data the table was built from: a skipped or merged input row, folded campaigns, or implausible dates.</summary>
/// <param name="Code">What happened.</param>
/// <param name="RowIndex">The zero-based index of the input row concerned, or -1 when it concerns no single row.</param>
/// <param name="Message">A sentence for a person.</param>
public readonly record struct FunnelDiagnostic(FunnelDiagnosticCode Code, int RowIndex, string Message);
