using System.Text;
using System.Text.RegularExpressions;

namespace OpinionBot.Bot;

public static partial class CommandText
{
    /// <summary>NFKC folds full-width letters and the ideographic space into their ASCII forms; whitespace runs become one space.</summary>
    public static string Normalize(string text) =>
        Whitespace().Replace(text.Normalize(NormalizationForm.FormKC), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
