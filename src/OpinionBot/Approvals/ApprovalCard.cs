using System.Globalization;
using System.Text.Json.Nodes;
using OpinionBot.Cards;
using OpinionBot.Cases;
using OpinionBot.Configuration;
using OpinionBot.Localization;
using OpinionBot.Roster;

namespace OpinionBot.Approvals;

/// <summary>
/// The approval card in its three faces: with buttons for those who may decide, read-only for the others,
/// and decided (outcome, who, when, comment — no buttons) once the case has moved on.
/// </summary>
public sealed class ApprovalCard(BotTexts texts, OrganizationClock clock, RosterStore roster, Cases.Levels.LevelSuggestionLine levelSuggestion)
{
    public AdaptiveCard Actionable(Case c, ApprovalStage stage, Language language, IReadOnlyList<string> refreshUserIds, ApprovalCardData? entered = null, string? error = null)
    {
        string T(string key, params object?[] args) => texts.Get(language, key, args);
        var data = new ApprovalCardData(c.Number, c.Version, stage, language);
        var card = Summary(c, stage, language);
        if (error is not null)
            card.Add(CardElements.Attention(error));
        if (stage == ApprovalStage.Publish)
        {
            card.AddAction(CardElements.Execute(T("approval.markPublished"), ApprovalVerbs.VerbOf(Cases.Lifecycle.CaseAction.PublishResponse), data.ToJson()));
            return WithRefresh(card, data, refreshUserIds);
        }

        card.Add(CardInputs.Text(ApprovalCardData.CommentInput, T("approval.comment"), entered?.Comment ?? "", 1000, multiline: true));
        if (stage == ApprovalStage.ResponseReview)
        {
            card.AddAction(CardElements.Execute(T("approval.approve"), "response.approve", data.ToJson()));
            card.AddAction(CardElements.Execute(T("approval.sendBack"), "response.reject", data.ToJson()));
            return WithRefresh(card, data, refreshUserIds);
        }

        card.AddAction(CardElements.Execute(T("approval.approve"), "case.approve", data.ToJson()));
        card.AddAction(CardElements.Execute(T("approval.reject"), "case.reject", data.ToJson()));
        card.AddAction(CardElements.Execute(T("approval.needInfo"), "case.needInfo", data.ToJson()));
        var higher = Enum.GetValues<CaseLevel>().Where(l => l < c.Level).Select(l => (l.ToString(), T($"level.{l}"))).ToList();
        if (higher.Count > 0)
        {
            card.AddAction(ShowCard(T("approval.escalate"),
                CardInputs.Choice(ApprovalCardData.LevelInput, T("approval.newLevel"), entered?.NewLevel ?? "", higher),
                CardElements.Execute(T("approval.confirmEscalate"), "case.escalate", data.ToJson())));
        }

        var otherUnits = roster.AllUnits().Where(u => u.Id != c.UnitId).Select(u => (u.Id, u.Name)).ToList();
        if (otherUnits.Count > 0)
        {
            card.AddAction(ShowCard(T("approval.reassign"),
                CardInputs.Choice(ApprovalCardData.UnitInput, T("approval.newUnit"), entered?.NewUnit ?? "", otherUnits),
                CardElements.Execute(T("approval.confirmReassign"), "case.reassign", data.ToJson())));
        }

        return WithRefresh(card, data, refreshUserIds);
    }

    public AdaptiveCard ReadOnly(Case c, ApprovalStage stage, Language language, IReadOnlyList<string> refreshUserIds, string waitingFor)
    {
        var card = Summary(c, stage, language).Add(CardElements.Text(texts.Get(language, "approval.waitingFor", waitingFor), subtle: true));
        return WithRefresh(card, new ApprovalCardData(c.Number, c.Version, stage, language), refreshUserIds);
    }

    /// <summary>The card once decided: what happened, who, when and with what comment; no buttons.</summary>
    public AdaptiveCard Decided(Case c, ApprovalStage stage, Language language, CaseEvent outcome, string? note = null)
    {
        string T(string key, params object?[] args) => texts.Get(language, key, args);
        var card = Summary(c, stage, language);
        if (note is not null)
            card.Add(CardElements.Text(note, subtle: true));
        var when = clock.ToLocal(outcome.At).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        card.Add(CardElements.Text(T("approval.decided", T($"event.{outcome.Kind}"), outcome.ActorName, when), bold: true));
        if (outcome.Comment.Length > 0)
            card.Add(CardElements.Text(T("approval.decidedComment", outcome.Comment)));
        card.Add(CardElements.Text($"{T("case.fact.state")}: {T($"state.{c.State}")}", subtle: true));
        return card;
    }

    private AdaptiveCard Summary(Case c, ApprovalStage stage, Language language)
    {
        string T(string key, params object?[] args) => texts.Get(language, key, args);
        var unit = roster.FindUnit(c.UnitId)?.Name ?? c.UnitId;
        var card = new AdaptiveCard().Add(
            CardElements.Heading(T($"approval.title.{stage}", c.Number)),
            CardElements.Text($"**{c.Title}**"),
            CardElements.Facts(
            [
                (T("case.fact.level"), T($"level.{c.Level}")),
                (T("case.fact.category"), T($"category.{c.Category}")),
                (T("case.fact.platform"), T($"platform.{c.Platform}")),
                (T("case.fact.unit"), unit),
                (T("case.fact.reporter"), c.ReporterName),
                (T("case.fact.reported"), clock.ToLocal(c.ReportedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
            ]),
            CardElements.Text(string.Join("\n\n", c.Links.Take(3).Select(l => $"[{(l.Length > 60 ? l[..60] + "…" : l)}]({l})"))));
        levelSuggestion.AddTo(card, c, language);
        if (c.Summary.Length > 0)
            card.Add(CardElements.Text(c.Summary.Length > 400 ? c.Summary[..400] + "…" : c.Summary, subtle: true));
        if (c.PendingQuestion is not null)
            card.Add(CardElements.Text(T("approval.pendingQuestion", c.PendingQuestion)));
        if (stage is ApprovalStage.ResponseReview or ApprovalStage.Publish && c.Response is { } response)
            card.Add(CardElements.Text(T("approval.responseText"), bold: true), CardElements.Text(response.Text));
        return card;
    }

    private static AdaptiveCard WithRefresh(AdaptiveCard card, ApprovalCardData data, IReadOnlyList<string> userIds) =>
        card.With("refresh", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = ApprovalVerbs.Refresh, ["data"] = data.ToJson() },
            ["userIds"] = new JsonArray(userIds.Take(60).Select(id => (JsonNode)JsonValue.Create(id)).ToArray()),
        });

    private static JsonObject ShowCard(string title, JsonObject input, JsonObject execute) => new()
    {
        ["type"] = "Action.ShowCard",
        ["title"] = title,
        ["card"] = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["body"] = new JsonArray(input),
            ["actions"] = new JsonArray(execute),
        },
    };
}
