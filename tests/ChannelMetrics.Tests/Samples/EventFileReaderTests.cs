using System.IO.Compression;
using System.Text;
using AgencyReport.Input;
using ChannelMetrics.Funnel;

namespace ChannelMetrics.Tests.Samples;

public sealed class EventFileReaderTests
{
    private const string Header = "timestamp,stage,visitor_id,landing_url\n";

    private static (List<EventRecord> Records, List<InputProblem> Problems) Read(string csv)
    {
        var problems = new List<InputProblem>();
        var records = EventFileReader.Read(new StringReader(csv), "events.csv", problems).ToList();
        return (records, problems);
    }

    [Test]
    public void Read_GoodLines_ReturnsRecordsWithLineNumbers()
    {
        var (records, problems) = Read(Header
            + "2025-03-14T09:12:44+01:00,visit,V1,https://x.example/?utm_source=fb\n"
            + "2025-03-14T08:30:00Z,LEAD,V1,\n"
            + "\n"
            + "2025-04-02T10:00:00.125+02:00,customer,V1,\n");

        Assert.That(problems, Is.Empty);
        Assert.That(records.Select(r => (r.Line, r.Stage, r.VisitorId)), Is.EqualTo(new[]
        {
            (2L, FunnelStage.Visit, (string?)"V1"), (3L, FunnelStage.Lead, "V1"), (5L, FunnelStage.Customer, "V1"),
        }));
        Assert.That(records[0].Timestamp, Is.EqualTo(new DateTimeOffset(2025, 3, 14, 9, 12, 44, TimeSpan.FromHours(1))));
        Assert.That(records[0].LandingUrl, Is.EqualTo("https://x.example/?utm_source=fb"));
        Assert.That(records[1].LandingUrl, Is.Null);
        Assert.That(records[1].Timestamp.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Read_BadLines_AreSkippedCountedAndNamedByLine()
    {
        var (records, problems) = Read(Header
            + "2025-02-30T10:15:00+01:00,visit,V1,https://x.example/\n"
            + "2025-09-12T14:03:27+02:00,signup,V2\n"
            + "2025-09-12T14:03:27+02:00,signup,V2,\n"
            + "2026-03-03T09:41:12+01:00,visit,V3,\"https://x.example/?utm_source=linkedin\n"
            + "2026-03-03T09:41:12,visit,V4,https://x.example/\n"
            + "2026-03-03T09:45:00+01:00,visit,V5,\"https://x.example/?utm_content=a,b\"\n");

        Assert.That(records.Select(r => r.VisitorId), Is.EqualTo(new[] { "V5" }));
        Assert.That(records[0].LandingUrl, Is.EqualTo("https://x.example/?utm_content=a,b"));
        Assert.That(problems.Select(p => p.Line), Is.EqualTo(new[] { 2L, 3L, 4L, 5L, 6L }));
        Assert.That(problems[0].Message, Does.Contain("not a valid ISO 8601 timestamp"));
        Assert.That(problems[1].Message, Does.Contain("expected 4 fields, found 3"));
        Assert.That(problems[2].Message, Does.Contain("unknown stage 'signup'"));
        Assert.That(problems[3].Message, Does.Contain("never closed"));
        Assert.That(problems[4].Message, Does.Contain("no UTC offset"));
        Assert.That(problems[0].ToString(), Does.StartWith("events.csv, line 2: "));
    }

    [Test]
    public void Read_ColumnsInAnotherOrder_AreFoundByName()
    {
        var (records, problems) = Read("Landing_URL,Stage,Timestamp\nhttps://x.example/,visit,2025-01-01T00:00:00Z\n");

        Assert.That(problems, Is.Empty);
        Assert.That(records.Single().VisitorId, Is.Null);
        Assert.That(records.Single().LandingUrl, Is.EqualTo("https://x.example/"));
    }

    [Test]
    public void Read_HeaderWithoutTimestamp_ThrowsNamingTheColumn()
    {
        Assert.That(() => Read("when,stage\n2025-01-01T00:00:00Z,visit\n"),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("'timestamp'"));
    }

    [Test]
    public void Read_EmptyFile_ThrowsSayingWhatWasExpected()
    {
        Assert.That(() => Read(""), Throws.TypeOf<InvalidDataException>().With.Message.Contains("header"));
    }

    [Test]
    public void Read_GzipFile_IsDecompressedAndReportsProgress()
    {
        string path = Path.Combine(Path.GetTempPath(), $"events-{Guid.NewGuid():N}.csv.gz");
        try
        {
            var csv = new StringBuilder(Header);
            for (int i = 0; i < 40_000; i++)
            {
                csv.Append("2025-01-01T00:00:00Z,visit,V").Append(i).Append(",https://x.example/\n");
            }

            using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
            {
                gzip.Write(Encoding.UTF8.GetBytes(csv.ToString()));
            }

            var reports = new List<ReadProgress>();
            var problems = new List<InputProblem>();
            int count = EventFileReader.Read(path, problems, new SynchronousProgress(reports)).Count();

            Assert.That(count, Is.EqualTo(40_000));
            Assert.That(problems, Is.Empty);
            Assert.That(reports, Has.Count.GreaterThan(1));
            Assert.That(reports[^1].Fraction, Is.EqualTo(1.0));
            Assert.That(reports.Select(r => r.Lines), Is.Ordered);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Read_GzipFileCutShort_ReportsItAndSkipsThePossiblyCutLastLine()
    {
        string path = Path.Combine(Path.GetTempPath(), $"events-{Guid.NewGuid():N}.csv.gz");
        try
        {
            byte[] whole = NumberedVisitsGzip(20_000, CompressionLevel.Fastest, out _);
            File.WriteAllBytes(path, whole[..(whole.Length / 2)]);
            var problems = new List<InputProblem>();

            var records = EventFileReader.Read(path, problems).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(records.Count, Is.GreaterThan(1000).And.LessThan(20_000));
                Assert.That(problems.Single().Message, Does.Contain("cut short"));
                // Every record given out is a whole line: its visitor and URL carry the same number as its line.
                Assert.That(records.Where(r => r.VisitorId != "V" + (r.Line - 2) || r.LandingUrl != "https://x.example/" + (r.Line - 2)), Is.Empty);
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Read_GzipCutInsideALineItRejects_KeepsTheWholeLineBeforeIt()
    {
        string path = Path.Combine(Path.GetTempPath(), $"events-{Guid.NewGuid():N}.csv.gz");
        try
        {
            // Stored (uncompressed) deflate: the file is a 10-byte gzip header, a 5-byte block header, then the text,
            // so a cut at a known byte ends the text inside line 53's timestamp (V51), which is rejected.
            byte[] whole = NumberedVisitsGzip(100, CompressionLevel.NoCompression, out string text);
            int line53 = text.IndexOf('\n', text.IndexOf("V50,", StringComparison.Ordinal)) + 1;
            File.WriteAllBytes(path, whole[..(10 + 5 + line53 + 10)]);
            var problems = new List<InputProblem>();

            var records = EventFileReader.Read(path, problems).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(records.Select(r => r.Line), Is.EqualTo(Enumerable.Range(2, 51).Select(i => (long)i)), "lines 2 to 52 are whole");
                Assert.That(problems, Has.Count.EqualTo(2));
                Assert.That(problems.Select(p => p.Line), Is.All.EqualTo(53));
                Assert.That(problems[1].Message, Does.Contain("cut short").And.Contain("reported above"));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("2025-03-14T09:12:44+01:00", true)]
    [TestCase("2025-03-14T09:12:44-05:30", true)]
    [TestCase("2025-03-14T09:12:44Z", true)]
    [TestCase("2025-03-14T09:12Z", true)]
    [TestCase("2025-03-14T09:12:44", false)]
    [TestCase("14/03/2025 09:12", false)]
    [TestCase("2025-13-01T00:00:00Z", false)]
    [TestCase("", false)]
    public void TryParseTimestamp_RequiresIsoWithOffset(string text, bool expected)
    {
        Assert.That(EventFileReader.TryParseTimestamp(text, out _, out string? problem), Is.EqualTo(expected));
        Assert.That(problem is null, Is.EqualTo(expected));
    }

    private sealed class SynchronousProgress(List<ReadProgress> reports) : IProgress<ReadProgress>
    {
        public void Report(ReadProgress value) => reports.Add(value);
    }

    /// <summary>A gzip file of <paramref name="count"/> visits whose visitor and URL carry their line's number, and its text.</summary>
    private static byte[] NumberedVisitsGzip(int count, CompressionLevel level, out string text)
    {
        var csv = new StringBuilder(Header);
        for (int i = 0; i < count; i++)
        {
            csv.Append("2025-01-01T00:00:00Z,visit,V").Append(i).Append(",https://x.example/").Append(i).Append('\n');
        }

        text = csv.ToString();
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, level, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
