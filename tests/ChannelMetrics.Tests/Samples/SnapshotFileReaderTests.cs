using AgencyReport.Input;
using ChannelMetrics.Metrics;

namespace ChannelMetrics.Tests.Samples;

public sealed class SnapshotFileReaderTests
{
    private const string Header = "period,network,followers,impressions,reach,comments,shares,likes,reposts,mentions,positive,neutral,negative,spend,hours,revenue\n";

    private static (List<ChannelSnapshot> Snapshots, List<InputProblem> Problems) Read(string csv)
    {
        var problems = new List<InputProblem>();
        return (SnapshotFileReader.Read(new StringReader(csv), "snapshots.csv", problems), problems);
    }

    [Test]
    public void Read_EmptyCells_AreUnknownNotZero()
    {
        var (snapshots, problems) = Read(Header + "2025-01,\"X (Twitter)\",6100,56000,39000,70,30,500,,34,10,20,4,0.00,20,\n");

        Assert.That(problems, Is.Empty);
        ChannelSnapshot s = snapshots.Single();
        Assert.That((s.Period, s.Network), Is.EqualTo((Period.Month(2025, 1), "X (Twitter)")));
        Assert.That((s.Followers, s.Impressions, s.Reposts, s.NegativeCount), Is.EqualTo(((long?)6100, (long?)56000, (long?)null, (long?)4)));
        Assert.That((s.Spend, s.HoursSpent, s.Revenue), Is.EqualTo(((decimal?)0m, (double?)20, (decimal?)null)));
    }

    [Test]
    public void Read_ValuesTheSnapshotRefuses_AreLineProblemsNotCrashes()
    {
        var (snapshots, problems) = Read(Header
            + "2025-01,Facebook,1,1,1,1,1,1,,1,1,1,1,1,99999999999999999999,1\n"
            + "2025-02,Facebook,2000000000000000000,1,1,1,1,1,,1,1,1,1,1,1,1\n"
            + "2025-03,Facebook,1,1,1,1,1,1,,1,1,1,1,1,1,1\n");

        Assert.Multiple(() =>
        {
            Assert.That(snapshots.Select(s => s.Period), Is.EqualTo(new[] { Period.Month(2025, 3) }));
            Assert.That(problems.Select(p => (p.Line, p.Message)), Is.EqualTo(new[]
            {
                (2L, "hours '99999999999999999999' is out of range"),
                (3L, "followers '2000000000000000000' is out of range"),
            }));
        });
    }

    [Test]
    public void Read_BadRows_AreSkippedWithTheirLineNumbers()
    {
        var (snapshots, problems) = Read(Header
            + "2025-13,Facebook,1,1,1,1,1,1,,1,1,1,1,1,1,1\n"
            + "2025-01,Facebook,-5,1,1,1,1,1,,1,1,1,1,1,1,1\n"
            + "2025-01,Facebook,1,1,1,1,1,1,,1,1,1,1,\"1,5\",1,1\n"
            + "2025-01,Facebook,1,1,1,1,1,1,,1,1,1,1,1,1\n"
            + "2025-01,Facebook,1,1,1,1,1,1,,1,1,1,1,1,1,1\n"
            + "2025-01,facebook,1,1,1,1,1,1,,1,1,1,1,1,1,1\n");

        Assert.That(snapshots, Has.Count.EqualTo(1));
        Assert.That(problems.Select(p => p.Line), Is.EqualTo(new[] { 2L, 3L, 4L, 5L, 7L }));
        Assert.That(problems[0].Message, Does.Contain("not a period"));
        Assert.That(problems[1].Message, Does.Contain("followers '-5'"));
        Assert.That(problems[2].Message, Does.Contain("spend '1,5'"));
        Assert.That(problems[3].Message, Does.Contain("expected 16 fields, found 15"));
        Assert.That(problems[4].Message, Does.Contain("a second row for facebook in 2025-01"));
    }

    [Test]
    public void Read_HeaderWithoutNetwork_ThrowsNamingTheColumn()
    {
        Assert.That(() => Read("period,followers\n2025-01,3\n"), Throws.TypeOf<InvalidDataException>().With.Message.Contains("'network'"));
    }
}
