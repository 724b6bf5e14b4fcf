using System.Globalization;
using System.Text.RegularExpressions;
using OpinionBot.Cases;

namespace OpinionBot.Statements;

/// <summary>
/// What follows the case number in <c>respond</c> / <c>回应</c>: an optional kind word (first/formal/update/final,
/// 首次/正式/阶段/最终), an optional promised date (<c>promise 2026-12-01</c> / <c>承诺 2026-12-01</c>), then the text.
/// </summary>
public sealed partial record StatementDraft(StatementKind? Kind, DateOnly? PromisedDate, string Text, bool BadDate)
{
    private static readonly Dictionary<string, StatementKind> KindWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["first"] = StatementKind.FirstResponse, ["formal"] = StatementKind.FormalAnswer,
        ["update"] = StatementKind.StagedUpdate, ["final"] = StatementKind.FinalResult,
        ["首次"] = StatementKind.FirstResponse, ["首次回应"] = StatementKind.FirstResponse,
        ["正式"] = StatementKind.FormalAnswer, ["正式答复"] = StatementKind.FormalAnswer,
        ["阶段"] = StatementKind.StagedUpdate, ["阶段性"] = StatementKind.StagedUpdate, ["阶段性信息"] = StatementKind.StagedUpdate,
        ["最终"] = StatementKind.FinalResult, ["最终结果"] = StatementKind.FinalResult,
    };

    public static StatementDraft Parse(string afterNumber)
    {
        var rest = afterNumber.Trim();
        StatementKind? kind = null;
        if (Word().Match(rest) is { Success: true } first && KindWords.TryGetValue(first.Groups[1].Value, out var named))
        {
            kind = named;
            rest = rest[first.Length..].Trim();
        }

        DateOnly? promised = null;
        var badDate = false;
        if (Promise().Match(rest) is { Success: true } promise)
        {
            rest = rest[promise.Length..].Trim();
            if (DateOnly.TryParseExact(promise.Groups[1].Value.Replace('/', '-'), ["yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                promised = date;
            else
                badDate = true;
        }

        return new StatementDraft(kind, promised, rest.TrimStart(':', '：', ' ', '\u3000'), badDate);
    }

    /// <summary>A leading word followed by a space or a colon, so a text that merely starts with 正式… keeps its first word.</summary>
    [GeneratedRegex(@"^(\S+?)(?:[\s\u3000]+|[:：])")]
    private static partial Regex Word();

    [GeneratedRegex(@"^(?:promise|承诺|承诺办理时限)[\s\u3000:：]*(\d{4}[-/]\d{1,2}[-/]\d{1,2})(?=[\s\u3000:：]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Promise();
}
