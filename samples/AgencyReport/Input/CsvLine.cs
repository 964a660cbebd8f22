namespace AgencyReport.Input;

/// <summary>
/// Splits one line of a CSV export into fields (RFC 4180 quoting: a field in double quotes may hold
/// commas, and "" inside it stands for one quote).
/// </summary>
/// <remarks>
/// The exports this demo reads hold one record per line (URLs and network names never contain line
/// breaks), so a quote left open at the end of the line is an error of that line. A reader that let
/// the field run on into the next lines, as the general RFC 4180 grammar allows, would silently
/// swallow thousands of good records after one truncated line.
/// </remarks>
internal static class CsvLine
{
    /// <summary>Splits <paramref name="line"/> into <paramref name="fields"/> (cleared first).</summary>
    /// <returns>Null when the line is well-formed, else what is wrong with it.</returns>
    public static string? Split(string line, List<string> fields)
    {
        fields.Clear();
        int i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                var value = new System.Text.StringBuilder();
                int column = i + 1;
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        return $"field {fields.Count + 1} opens a quote at column {column} that is never closed";
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            value.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    value.Append(line[i]);
                    i++;
                }

                fields.Add(value.ToString());
                if (i < line.Length && line[i] != ',')
                {
                    return $"unexpected text after the closing quote of field {fields.Count} at column {i + 1}";
                }
            }
            else
            {
                int comma = line.IndexOf(',', i);
                int end = comma < 0 ? line.Length : comma;
                fields.Add(line[i..end]);
                i = end;
            }

            if (i >= line.Length)
            {
                return null;
            }

            i++; // the comma
        }
    }
}
