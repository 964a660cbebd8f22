using NUnit.Framework.Constraints;

namespace ChannelMetrics.Tests.Reporting;

/// <summary>
/// String constraints that compare ordinally. NUnit's default string matching is culture-aware, and culture-aware
/// matching ignores format characters such as the bidi isolates U+2068/U+2069, so a test about them would pass
/// whether they are there or not.
/// </summary>
internal static class Ordinal
{
    public static Constraint Contains(string expected) => new SubstringConstraint(expected).Using(StringComparison.Ordinal);

    public static Constraint NotContains(string expected) => new NotConstraint(Contains(expected));

    public static Constraint StartsWith(string expected) => new StartsWithConstraint(expected).Using(StringComparison.Ordinal);

    public static Constraint EndsWith(string expected) => new EndsWithConstraint(expected).Using(StringComparison.Ordinal);
}
