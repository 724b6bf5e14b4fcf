using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OpinionBot.Cases;

/// <summary>Case numbers <c>YYYY-NNNN</c>: per year in the organisation's time zone, counted from 1 without gaps.</summary>
public static partial class CaseNumber
{
    public static string Format(int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{sequence:D4}");

    /// <summary>Finds a case number in free text (<c>2026-0042</c>, also <c>2026-42</c> or full-width digits), normalised.</summary>
    public static string? Find(string text)
    {
        var match = Pattern().Match(text);
        return match.Success ? Format(Number(match.Groups[1].Value), Number(match.Groups[2].Value)) : null;
    }

    /// <summary>Every case number in free text, in order, normalised.</summary>
    public static IReadOnlyList<string> FindAll(string text) =>
        Pattern().Matches(text).Select(m => Format(Number(m.Groups[1].Value), Number(m.Groups[2].Value))).ToList();

    /// <summary>The text after the first case number, as typed (e.g. the note of <c>update 2026-0042 …</c>).</summary>
    public static string TextAfter(string text)
    {
        var match = Pattern().Match(text);
        return match.Success ? text[(match.Index + match.Length)..].Trim(' ', '\u3000', ':', '：', ',', '，') : "";
    }

    private static int Number(string digits) => int.Parse(digits.Normalize(NormalizationForm.FormKC), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<!\d)(\d{4})\s*[-－—]\s*(\d{1,6})(?!\d)")]
    private static partial Regex Pattern();
}
