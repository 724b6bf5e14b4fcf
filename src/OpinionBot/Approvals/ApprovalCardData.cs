using System.Text.Json.Nodes;
using LiteDB;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Localization;
using OpinionBot.Procedure;

namespace OpinionBot.Approvals;

/// <summary>What an approval card's buttons carry (the case, the request the card belongs to, its stage, its language), and the inputs Teams merges in when one is pressed.</summary>
public sealed record ApprovalCardData(string CaseNumber, ObjectId Request, ApprovalStage Stage, Language Language, string Comment = "", string NewLevel = "", string NewUnit = "")
{
    public const string CommentInput = "comment";
    public const string LevelInput = "newLevel";
    public const string UnitInput = "newUnit";

    public JsonObject ToJson() => new()
    {
        ["caseNumber"] = CaseNumber,
        ["request"] = Request.ToString(),
        ["stage"] = Stage.ToString(),
        ["lang"] = Language.Tag(),
    };

    /// <summary>The data of a press, or null when it is not an approval card's (missing or malformed fields).</summary>
    public static ApprovalCardData? From(object? data)
    {
        var values = BotJson.Convert<Dictionary<string, object?>>(data);
        string Get(string key) => values?.GetValueOrDefault(key)?.ToString() ?? "";
        if (Get("caseNumber") is not { Length: > 0 and <= 32 } number
            || Get("request") is not { Length: 24 } request || !request.All(Uri.IsHexDigit)
            || !Enum.TryParse<ApprovalStage>(Get("stage"), out var stage) || !Enum.IsDefined(stage))
            return null;

        return new ApprovalCardData(number, new ObjectId(request), stage, LanguageTags.FromLocale(Get("lang")) ?? Language.ZhCn,
            Get(CommentInput), Get(LevelInput), Get(UnitInput));
    }
}
