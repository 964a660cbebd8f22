using System.Globalization;
using System.IO.Compression;
using ChannelMetrics.Funnel;

namespace AgencyReport.Input;

/// <summary>One funnel event as read from the events CSV.</summary>
internal readonly record struct EventRecord(long Line, DateTimeOffset Timestamp, FunnelStage Stage, string? VisitorId, string? LandingUrl);

/// <summary>
/// Reads an events CSV (<c>timestamp,stage,visitor_id,landing_url</c>, columns in any order, plain or
/// gzip-compressed) line by line. A bad line never stops the read: it is added to the problems with
/// its line number and skipped.
/// </summary>
internal static class EventFileReader
{
    private static readonly string[] s_required = ["timestamp", "stage"];

    private static readonly string[] s_timestampFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK",
    ];

    /// <summary>Opens <paramref name="path"/>, decompressing it when it starts with the gzip magic bytes.</summary>
    /// <param name="path">The file.</param>
    /// <param name="file">The opened file, for the caller to dispose and to ask for its position.</param>
    /// <param name="decompressed">For a gzip file, the decompressed bytes read so far; otherwise <see langword="null"/>.</param>
    public static TextReader Open(string path, out Stream file, out CountingStream? decompressed)
    {
        file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        int read = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        decompressed = read == 2 && magic[0] == 0x1f && magic[1] == 0x8b
            ? new CountingStream(new GZipStream(file, CompressionMode.Decompress, leaveOpen: true))
            : null;
        // The reader owns the decompressor (which leaves the file open, for the caller to check its end).
        return new StreamReader(decompressed ?? file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: decompressed is null);
    }

    /// <summary>Reads every good record of <paramref name="path"/>.</summary>
    /// <remarks>
    /// .NET's gzip reader ends quietly where a cut-off file ends, in the middle of a line. So each record is held back
    /// until the next one is read, and the last one only goes out if the file ends as gzip says it should: a whole file
    /// ends with the size of its content (modulo 2³²).
    /// </remarks>
    /// <exception cref="InvalidDataException">The file has no header line, or the header lacks a required column.</exception>
    public static IEnumerable<EventRecord> Read(string path, ICollection<InputProblem> problems, IProgress<ReadProgress>? progress = null)
    {
        string name = Path.GetFileName(path);
        using TextReader reader = Open(path, out Stream file, out CountingStream? decompressed);
        using Stream owned = file;
        EventRecord? held = null;
        foreach (EventRecord record in Read(reader, name, problems, progress, () => (file.Position, file.Length)))
        {
            if (held is { } previous)
            {
                yield return previous;
            }

            held = record;
        }

        if (decompressed is not null && !EndsWithSize(file, decompressed.Count))
        {
            // The cut can only have shortened the last line read. When that line was rejected already, the held
            // record before it ended with a line break, so it is whole and goes out.
            bool cutLineRejected = held is { } h && problems.Any(p => p.File == name && p.Line > h.Line);
            if (!cutLineRejected)
            {
                problems.Add(new InputProblem(name, held?.Line ?? 1, "the gzip file is cut short (or is several gzip files joined): it ends before the size it records, so its last line may be cut and was skipped"));
                yield break;
            }

            problems.Add(new InputProblem(name, problems.Where(p => p.File == name).Max(p => p.Line), "the gzip file is cut short (or is several gzip files joined): it ends before the size it records, in the line reported above"));
        }

        if (held is { } last)
        {
            yield return last;
        }
    }

    private static bool EndsWithSize(Stream file, long contentLength)
    {
        if (file.Length < 4)
        {
            return false;
        }

        Span<byte> trailer = stackalloc byte[4];
        file.Position = file.Length - 4;
        file.ReadExactly(trailer);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer) == (uint)contentLength;
    }

    /// <summary>Reads every good record from <paramref name="reader"/>; <paramref name="fileName"/> names it in problems.</summary>
    public static IEnumerable<EventRecord> Read(
        TextReader reader,
        string fileName,
        ICollection<InputProblem> problems,
        IProgress<ReadProgress>? progress = null,
        Func<(long Read, long Total)>? position = null)
    {
        string header = reader.ReadLine() ?? throw new InvalidDataException($"{fileName} is empty: expected a header line such as 'timestamp,stage,visitor_id,landing_url'.");
        var fields = new List<string>();
        if (CsvLine.Split(header, fields) is { } headerError)
        {
            throw new InvalidDataException($"{fileName}: the header line is not valid CSV ({headerError}).");
        }

        int timestampColumn = Column(fields, "timestamp");
        int stageColumn = Column(fields, "stage");
        int visitorColumn = Column(fields, "visitor_id");
        int urlColumn = Column(fields, "landing_url");
        foreach (string required in s_required)
        {
            if (Column(fields, required) < 0)
            {
                throw new InvalidDataException($"{fileName}: the header has no '{required}' column (found: {string.Join(", ", fields)}).");
            }
        }

        int columns = fields.Count;
        long line = 1;
        long records = 0;
        long skipped = 0;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            if (progress is not null && (line & 0x3FFF) == 0)
            {
                (long read, long total) = position?.Invoke() ?? (0, 0);
                progress.Report(new ReadProgress(line, records, skipped, read, total));
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            string? problem = CsvLine.Split(text, fields);
            EventRecord record = default;
            if (problem is null && fields.Count != columns)
            {
                problem = $"expected {columns} fields, found {fields.Count}";
            }

            problem ??= ParseRecord(fields, line, timestampColumn, stageColumn, visitorColumn, urlColumn, out record);
            if (problem is not null)
            {
                skipped++;
                problems.Add(new InputProblem(fileName, line, problem));
                continue;
            }

            records++;
            yield return record;
        }

        if (progress is not null)
        {
            (long read, long total) = position?.Invoke() ?? (1, 1);
            progress.Report(new ReadProgress(line, records, skipped, Math.Max(read, total), total));
        }
    }

    private static string? ParseRecord(List<string> fields, long line, int timestampColumn, int stageColumn, int visitorColumn, int urlColumn, out EventRecord record)
    {
        record = default;
        string timestampText = fields[timestampColumn].Trim();
        if (!TryParseTimestamp(timestampText, out DateTimeOffset timestamp, out string? timestampProblem))
        {
            return timestampProblem;
        }

        FunnelStage stage;
        string stageText = fields[stageColumn].Trim();
        if (stageText.Equals("visit", StringComparison.OrdinalIgnoreCase))
        {
            stage = FunnelStage.Visit;
        }
        else if (stageText.Equals("lead", StringComparison.OrdinalIgnoreCase))
        {
            stage = FunnelStage.Lead;
        }
        else if (stageText.Equals("customer", StringComparison.OrdinalIgnoreCase))
        {
            stage = FunnelStage.Customer;
        }
        else
        {
            return $"unknown stage '{stageText}' (expected visit, lead or customer)";
        }

        string? visitor = visitorColumn >= 0 && fields[visitorColumn].Trim() is { Length: > 0 } v ? v : null;
        string? url = urlColumn >= 0 && fields[urlColumn].Trim() is { Length: > 0 } u ? u : null;
        record = new EventRecord(line, timestamp, stage, visitor, url);
        return null;
    }

    /// <summary>Parses an ISO 8601 timestamp that states its offset (<c>Z</c> or <c>±hh:mm</c>); a bare local time is refused, since its instant is unknown.</summary>
    public static bool TryParseTimestamp(string text, out DateTimeOffset timestamp, out string? problem)
    {
        timestamp = default;
        if (text.Length == 0)
        {
            problem = "the timestamp is empty";
            return false;
        }

        bool hasOffset = text[^1] is 'Z' or 'z' || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (!hasOffset)
        {
            problem = $"the timestamp '{text}' has no UTC offset (expected for example 2025-03-14T09:12:44+01:00 or ...Z)";
            return false;
        }

        if (!DateTimeOffset.TryParseExact(text, s_timestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out timestamp))
        {
            // A valid timestamp whose UTC instant leaves years 1 to 9999 (0001-01-01T00:00+01:00) fails here too.
            problem = $"'{text}' is not a valid ISO 8601 timestamp, or its UTC time lies outside years 1 to 9999";
            return false;
        }

        problem = null;
        return true;
    }

    private static int Column(List<string> header, string name)
    {
        for (int i = 0; i < header.Count; i++)
        {
            if (header[i].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A read-only pass-through that counts the bytes read from the stream it wraps (and disposes it).</summary>
internal sealed class CountingStream(Stream inner) : Stream
{
    public long Count { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => Count; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read = inner.Read(buffer);
        Count += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
