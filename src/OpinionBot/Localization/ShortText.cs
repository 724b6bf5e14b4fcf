using System.Globalization;

namespace OpinionBot.Localization;

/// <summary>Shortens text for display without breaking a character: never between the halves of a surrogate pair (an emoji, a rare Han character) nor inside a combined sequence.</summary>
public static class ShortText
{
    /// <summary><paramref name="text"/> when it has at most <paramref name="maxLength"/> UTF-16 units; otherwise the whole characters that fit, then "…".</summary>
    public static string Cut(string text, int maxLength)
    {
        if (text.Length <= maxLength)
            return text;

        var end = 0;
        while (end < text.Length)
        {
            var next = StringInfo.GetNextTextElementLength(text, end);
            if (end + next > maxLength)
                break;
            end += next;
        }

        return text[..end] + "…";
    }
}
