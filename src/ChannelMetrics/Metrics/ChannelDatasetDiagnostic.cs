namespace ChannelMetrics.Metrics;

/// <summary>What <see cref="ChannelDataset.Create"/> did with an input it could not use as given.</summary>
public enum ChannelDatasetDiagnosticCode
{
    /// <summary>A second snapshot for the same period and network was ignored (the first one is kept).</summary>
    DuplicateSnapshot = 0,

    /// <summary>A snapshot or section count of another period granularity than the dataset's was ignored.</summary>
    MixedGranularity = 1,

    /// <summary>A section count with a blank network or section, a negative count, or a count that would overflow a 64-bit sum with an earlier duplicate, was ignored.</summary>
    InvalidSectionVisits = 2,

    /// <summary>A second section count for the same period, network and section was added to the first.</summary>
    DuplicateSectionVisits = 3,
}

/// <summary>A note about an input row of a <see cref="ChannelDataset"/> that was ignored or merged.</summary>
/// <param name="Code">What happened.</param>
/// <param name="Index">The zero-based position of the row in its input sequence (snapshots or section counts).</param>
/// <param name="Message">A sentence naming the row.</param>
public readonly record struct ChannelDatasetDiagnostic(ChannelDatasetDiagnosticCode Code, int Index, string Message);
