using System.Collections.ObjectModel;

namespace ChannelMetrics.Decisions;

/// <summary>
/// Copies a list into a read-only one, for the list properties of the decision records: whoever sets them (the
/// engine, <c>FromJson</c> or a caller's <c>with</c>) keeps no handle that could change the record afterwards,
/// and a reader cannot cast the list back to an array and change it.
/// </summary>
internal static class ReadOnlyCopy
{
    internal static IReadOnlyList<T> Of<T>(IReadOnlyList<T> items, string name)
    {
        ArgumentNullException.ThrowIfNull(items, name);
        return items.Count == 0 ? [] : new ReadOnlyCollection<T>([.. items]);
    }

    internal static IReadOnlyList<T>? OfNullable<T>(IReadOnlyList<T>? items) =>
        items is null ? null : Of(items, nameof(items));
}
