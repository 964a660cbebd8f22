namespace ChannelMetrics.Tests;

/// <summary>Checks on UTF-16 text shared by the tests.</summary>
internal static class Utf16Text
{
    /// <summary>Returns whether <paramref name="text"/> holds a surrogate that is not half of a pair.</summary>
    public static bool HasLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
