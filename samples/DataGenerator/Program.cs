using System.Globalization;
using System.IO.Compression;
using System.Text;
using DataGenerator;

// Writes (or verifies) the bundled data set: samples/data/events.csv.gz and samples/data/snapshots.csv.
// Usage: dotnet run --project samples/DataGenerator [-- --out DIR | --verify [--data DIR]]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

bool verify = false;
string? dir = null;
string? dirOption = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--verify":
            verify = true;
            break;
        case "--out" or "--data":
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"Option {args[i]} needs a folder.");
                return 2;
            }

            dirOption = args[i];
            dir = args[++i];
            break;
        case "-h" or "--help":
            Console.WriteLine("""
                DataGenerator: the bundled synthetic data set of the AgencyReport demo (fixed seed).

                  --out DIR     write events.csv.gz and snapshots.csv into DIR (default: samples/data)
                  --verify      regenerate in memory and check that the files in samples/data (or --data DIR)
                                hold exactly the same content; exit code 1 if not
                """);
            return 0;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Try --help.");
            return 2;
    }
}

// --out names where to write, --data what to check: the other way round is a mistake, not a request.
if (dirOption is not null && (dirOption == "--data") != verify)
{
    Console.Error.WriteLine(verify ? "--verify checks the folder given with --data, not --out." : "--data names the folder --verify checks; use --out to write the data set.");
    return 2;
}

dir ??= Path.Combine(RepositoryRoot() ?? Directory.GetCurrentDirectory(), "samples", "data");
var generator = new Generator();
generator.Run();
byte[] events = Encoding.UTF8.GetBytes(generator.EventsCsv);
byte[] snapshots = Encoding.UTF8.GetBytes(generator.SnapshotsCsv);

string eventsPath = Path.Combine(dir, "events.csv.gz");
string snapshotsPath = Path.Combine(dir, "snapshots.csv");
if (verify)
{
    // Compare the decompressed events: the gzip bytes themselves depend on the zlib build of the runtime.
    byte[]? committed;
    try
    {
        committed = File.Exists(eventsPath) ? Gunzip(eventsPath) : null;
    }
    catch (InvalidDataException e)
    {
        Console.Error.WriteLine($"events.csv.gz: not a readable gzip file ({e.Message}).");
        committed = [];
    }

    bool ok = Same("events.csv.gz", events, committed)
        & Same("snapshots.csv", snapshots, File.Exists(snapshotsPath) ? File.ReadAllBytes(snapshotsPath) : null);
    Console.WriteLine(ok
        ? $"The data set in {dir} is exactly what seed {Story.Seed} generates ({generator.EventCount:N0} events)."
        : "The committed data set differs from what the generator writes: run DataGenerator without --verify and commit.");
    return ok ? 0 : 1;
}

Directory.CreateDirectory(dir);
using (var file = File.Create(eventsPath))
using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
{
    gzip.Write(events);
}

File.WriteAllBytes(snapshotsPath, snapshots);
Console.WriteLine($"Wrote {generator.EventCount:N0} events to {eventsPath} ({new FileInfo(eventsPath).Length:N0} bytes) and {snapshotsPath}.");
return 0;

static byte[] Gunzip(string path)
{
    using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
    using var buffer = new MemoryStream();
    gzip.CopyTo(buffer);
    return buffer.ToArray();
}

static bool Same(string name, byte[] expected, byte[]? actual)
{
    if (actual is null)
    {
        Console.Error.WriteLine($"{name}: missing.");
        return false;
    }

    int length = Math.Min(expected.Length, actual.Length);
    int at = 0;
    while (at < length && expected[at] == actual[at])
    {
        at++;
    }

    if (at == expected.Length && at == actual.Length)
    {
        return true;
    }

    int line = 1 + expected.AsSpan(0, at).Count((byte)'\n');
    Console.Error.WriteLine($"{name}: differs from line {line} on (committed {actual.Length:N0} bytes, generated {expected.Length:N0}).");
    return false;
}

static string? RepositoryRoot()
{
    foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "ChannelMetrics.sln")))
            {
                return d.FullName;
            }
        }
    }

    return null;
}
