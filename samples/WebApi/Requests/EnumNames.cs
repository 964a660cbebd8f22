namespace WebApi.Requests;

/// <summary>Reads an enum value from its member name only.</summary>
internal static class EnumNames
{
    /// <summary>
    /// Finds the member named <paramref name="text"/>, ignoring case. Unlike <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/>
    /// it takes no number (<c>" 2"</c>) and no comma-separated combination (<c>"firstTouch, lastTouch"</c>).
    /// </summary>
    public static bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (string name in Enum.GetNames<TEnum>())
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                value = Enum.Parse<TEnum>(name);
                return true;
            }
        }

        value = default;
        return false;
    }
}
