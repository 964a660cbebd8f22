using System.Buffers;
using System.Text;

namespace ChannelMetrics.Reporting;

/// <summary>Markdown helpers for text that comes from data (network and campaign names).</summary>
internal static class MarkdownText
{
    private static readonly SearchValues<char> s_special = SearchValues.Create("\\`*_[]<>|#~&\r\n\t");

    /// <summary>
    /// Escapes a value for a table cell or a heading: a pipe would end the cell; <c>*</c>, <c>_</c>, <c>`</c>,
    /// <c>[</c>, <c>]</c>, <c>&lt;</c>, <c>&gt;</c>, <c>#</c>, <c>~</c>, <c>&amp;</c> and <c>\</c> would turn a campaign name
    /// into emphasis, a link, HTML or an entity (campaign names come from <c>utm_campaign</c>, which anyone can
    /// write). Line breaks and tabs become spaces, since a cell is one line.
    /// </summary>
    public static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny(s_special) < 0)
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 8);
        foreach (char c in value)
        {
            switch (c)
            {
                case '\r' or '\n' or '\t':
                    text.Append(' ');
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '~' or '&':
                    text.Append('\\').Append(c);
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Keeps an escaped line that starts with a name from opening a block: inside a list item, a campaign called
    /// <c>- promo</c>, <c>1. spring</c> or <c>    code</c> would start a nested list, an ordered list or a code block.
    /// Leading spaces go, and a leading <c>-</c>, <c>+</c>, <c>=</c> or the <c>.</c> / <c>)</c> after a number is escaped.
    /// </summary>
    public static string EscapeLineStart(string line)
    {
        string text = line.TrimStart(' ');
        if (text.Length > 0 && text[0] is '-' or '+' or '=')
        {
            return "\\" + text;
        }

        int digits = text.AsSpan().IndexOfAnyExceptInRange('0', '9');
        return digits is > 0 and <= 9 && text[digits] is '.' or ')'
            ? string.Concat(text.AsSpan(0, digits), "\\", text.AsSpan(digits))
            : text;
    }

    /// <summary>Writes a table row from cells that are already escaped.</summary>
    public static void Row(TextWriter writer, params ReadOnlySpan<string> cells)
    {
        writer.Write('|');
        foreach (var cell in cells)
        {
            writer.Write(' ');
            writer.Write(cell);
            writer.Write(" |");
        }

        writer.Write('\n');
    }

    /// <summary>Writes a table's delimiter row: one letter per column, <c>l</c> for left-aligned text, <c>r</c> for right-aligned numbers.</summary>
    public static void Delimiter(TextWriter writer, string alignments)
    {
        writer.Write('|');
        foreach (char alignment in alignments)
        {
            writer.Write(alignment == 'r' ? " ---: |" : " --- |");
        }

        writer.Write('\n');
    }
}
