using System.Globalization;

namespace ChannelMetrics.Tests;

/// <summary>Runs every test under the invariant culture; tests that need another culture set it themselves.</summary>
[SetUpFixture]
public sealed class InvariantCultureSetup
{
    [OneTimeSetUp]
    public void UseInvariantCulture()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }
}
