using System.Globalization;
using System.Text.RegularExpressions;

namespace OpinionBot.Cases;

/// <summary>Case numbers <c>YYYY-NNNN</c>: per year in the organisation's time zone, counted from 1 without gaps.</summary>
public static partial class CaseNumber
{
    public static string Format(int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{sequence:D4}");

    /// <summary>Finds a case number in free text (<c>2026-0042</c>, also <c>2026-42</c>), normalised.</summary>
    public static string? Find(string text)
    {
        var match = Pattern().Match(text);
        return match.Success
            ? Format(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : null;
    }

    [GeneratedRegex(@"(?<!\d)(\d{4})\s*[-－—]\s*(\d{1,6})(?!\d)")]
    private static partial Regex Pattern();
}
