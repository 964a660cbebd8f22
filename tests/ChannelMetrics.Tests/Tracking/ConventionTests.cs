using System.Reflection;
using ChannelMetrics.Tracking;

namespace ChannelMetrics.Tests.Tracking;

/// <summary>Checks by reflection that the Tracking namespace keeps the library's design rules.</summary>
public sealed class ConventionTests
{
    private static IEnumerable<Type> PublicTrackingTypes() =>
        typeof(UtmParser).Assembly.GetExportedTypes().Where(t => t.Namespace == "ChannelMetrics.Tracking");

    [Test]
    public void PublicStructs_AreReadOnlyAndEquatable()
    {
        var structs = PublicTrackingTypes().Where(t => t.IsValueType && !t.IsEnum).ToList();
        Assert.That(structs, Is.Not.Empty);
        foreach (Type type in structs)
        {
            Assert.That(type.GetCustomAttributes().Any(a => a.GetType().Name == "IsReadOnlyAttribute"), Is.True, type.Name + " is readonly");
            Assert.That(typeof(IEquatable<>).MakeGenericType(type).IsAssignableFrom(type), Is.True, type.Name + " is IEquatable");
            Assert.That(type.GetMethod("op_Equality", [type, type]), Is.Not.Null, type.Name + " has ==");
        }
    }

    [Test]
    public void PublicClasses_AreSealedOrStatic()
    {
        foreach (Type type in PublicTrackingTypes().Where(t => t.IsClass))
        {
            Assert.That(type.IsSealed, Is.True, type.Name + " is sealed (or static)");
        }
    }
}
