using System.Globalization;

namespace ChannelMetrics.Reporting;

/// <summary>
/// Writes RFC 4180 CSV: fields separated by commas, records ended by CRLF, a field quoted when it holds a comma,
/// a quote, a CR or an LF, quotes inside doubled. Numbers are invariant; an unknown value is an empty field.
/// </summary>
internal sealed class CsvRowWriter(TextWriter writer, bool protectFormulas)
{
    private const string RecordEnd = "\r\n";

    private bool _first = true;

    /// <summary>Writes a text field; <see langword="null"/> is an empty field.</summary>
    public void Text(string? value)
    {
        Separate();
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        // OWASP CSV injection: a leading = + - @ (or tab / CR, which some spreadsheets skip before one) makes a
        // spreadsheet evaluate the cell, and some trim leading spaces first. A leading apostrophe makes it text and is
        // hidden by the spreadsheet.
        bool prefix = protectFormulas && value.AsSpan().TrimStart(' ') is ['=' or '+' or '-' or '@' or '\t' or '\r', ..];
        bool quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        if (!quote)
        {
            if (prefix)
            {
                writer.Write('\'');
            }

            writer.Write(value);
            return;
        }

        writer.Write('"');
        if (prefix)
        {
            writer.Write('\'');
        }

        var rest = value.AsSpan();
        int q;
        while ((q = rest.IndexOf('"')) >= 0)
        {
            writer.Write(rest[..(q + 1)]);
            writer.Write('"');
            rest = rest[(q + 1)..];
        }

        writer.Write(rest);
        writer.Write('"');
    }

    /// <summary>Writes an integer field.</summary>
    public void Number(long value)
    {
        Separate();

        // Formatted into a stack buffer: a report writes thousands of numbers, none of which needs to be a string.
        Span<char> buffer = stackalloc char[24];
        value.TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture);
        writer.Write(buffer[..written]);
    }

    /// <summary>Writes a number in its shortest round-trip invariant form; <see langword="null"/> is an empty field.</summary>
    public void Number(double? value)
    {
        Separate();
        if (value is { } v)
        {
            Span<char> buffer = stackalloc char[32];
            v.TryFormat(buffer, out int written, "R", CultureInfo.InvariantCulture);
            writer.Write(buffer[..written]);
        }
    }

    /// <summary>Writes a period in its invariant text form (never quoted: it has no comma, quote or line break).</summary>
    public void Period(Period value)
    {
        Separate();
        Span<char> buffer = stackalloc char[16];
        value.TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture);
        writer.Write(buffer[..written]);
    }

    /// <summary>Ends the record.</summary>
    public void EndRecord()
    {
        writer.Write(RecordEnd);
        _first = true;
    }

    private void Separate()
    {
        if (!_first)
        {
            writer.Write(',');
        }

        _first = false;
    }
}
