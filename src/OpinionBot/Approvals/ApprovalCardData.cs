using System.Globalization;
using System.Text.Json.Nodes;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Localization;

namespace OpinionBot.Approvals;

/// <summary>What an approval card's buttons carry, and the inputs Teams merges in when one is pressed.</summary>
public sealed record ApprovalCardData(string CaseNumber, int Version, ApprovalStage Stage, Language Language, string Comment = "", string NewLevel = "", string NewUnit = "")
{
    public const string CommentInput = "comment";
    public const string LevelInput = "newLevel";
    public const string UnitInput = "newUnit";

    public JsonObject ToJson() => new()
    {
        ["caseNumber"] = CaseNumber,
        ["version"] = Version,
        ["stage"] = Stage.ToString(),
        ["lang"] = Language.Tag(),
    };

    public static ApprovalCardData? From(object? data)
    {
        var values = BotJson.Convert<Dictionary<string, object?>>(data);
        string Get(string key) => values?.GetValueOrDefault(key)?.ToString() ?? "";
        if (Get("caseNumber") is not { Length: > 0 } number
            || !int.TryParse(Get("version"), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            || !Enum.TryParse<ApprovalStage>(Get("stage"), out var stage))
            return null;

        return new ApprovalCardData(number, version, stage, LanguageTags.FromLocale(Get("lang")) ?? Language.ZhCn,
            Get(CommentInput), Get(LevelInput), Get(UnitInput));
    }
}
