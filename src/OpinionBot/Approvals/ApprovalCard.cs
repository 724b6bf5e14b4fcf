using System.Globalization;
using System.Text.Json.Nodes;
using OpinionBot.Cards;
using OpinionBot.Cases;
using OpinionBot.Configuration;
using OpinionBot.Deadlines;
using OpinionBot.Localization;
using OpinionBot.Procedure;
using OpinionBot.Roster;

namespace OpinionBot.Approvals;

/// <summary>
/// The approval card in its three faces: with the buttons its stage offers (<see cref="ProcedureTable.Stages"/>) for
/// those who may decide, read-only for the others, and decided (outcome, who, when, comment — no buttons) once closed.
/// </summary>
public sealed class ApprovalCard(BotTexts texts, OrganizationClock clock, IRosterStore roster, CaseWarnings warnings, Cases.Levels.LevelSuggestionLine levelSuggestion)
{
    /// <summary>The level button: a higher level raises the case (<see cref="CaseAction.RaiseLevel"/>), a lower one lowers it, with a reason.</summary>
    public const string ChangeLevelVerb = "case.changeLevel";

    public AdaptiveCard Actionable(Case c, ApprovalRequest request, Language language, IReadOnlyList<string> refreshUserIds, ApprovalCardData? entered = null, string? error = null)
    {
        string T(string key, params object?[] args) => texts.Get(language, key, args);
        var card = Summary(c, request, language);
        if (error is not null)
            card.Add(CardElements.Attention(error));

        var actions = ProcedureTable.Stages[request.Stage].Actions;
        if (actions.Any(NeedsComment))
            card.Add(CardInputs.Text(ApprovalCardData.CommentInput, T("approval.comment"), entered?.Comment ?? "", ApprovalDecisionAction.MaxCommentLength, multiline: true));

        foreach (var action in actions)
        {
            var verb = ProcedureTable.Verbs[action];
            switch (action)
            {
                case CaseAction.RaiseLevel:
                    var others = Enum.GetValues<CaseLevel>().Where(l => l != c.Level).Select(l => (l.ToString(), T($"level.{l}"))).ToList();
                    card.AddAction(ShowCard(T("approval.changeLevel"), CardInputs.Choice(ApprovalCardData.LevelInput, T("approval.newLevel"), entered?.NewLevel ?? "", others),
                        CardElements.Execute(T("approval.confirmChangeLevel"), ChangeLevelVerb, Data(c, request, language))));
                    break;
                case CaseAction.LowerLevel:
                    // Raising and lowering share one "change level" button: a card shows at most five actions.
                    break;
                case CaseAction.Reassign:
                    var otherUnits = roster.AllUnits().Where(u => u.Id != c.UnitId).Select(u => (u.Id, u.Name)).ToList();
                    if (otherUnits.Count > 0)
                        card.AddAction(ShowCard(T("approval.reassign"), CardInputs.Choice(ApprovalCardData.UnitInput, T("approval.newUnit"), entered?.NewUnit ?? "", otherUnits),
                            CardElements.Execute(T("approval.confirmReassign"), verb, Data(c, request, language))));
                    break;
                default:
                    card.AddAction(CardElements.Execute(T(ButtonTitle(action, request.Stage)), verb, Data(c, request, language)));
                    break;
            }
        }

        return WithRefresh(card, Data(c, request, language), refreshUserIds);
    }

    public AdaptiveCard ReadOnly(Case c, ApprovalRequest request, Language language, IReadOnlyList<string> refreshUserIds, string waitingFor)
    {
        var card = Summary(c, request, language).Add(CardElements.Text(texts.Get(language, "approval.waitingFor", waitingFor), subtle: true));
        return WithRefresh(card, Data(c, request, language), refreshUserIds);
    }

    /// <summary>The card once decided: what happened, who, when and with what comment; no buttons.</summary>
    public AdaptiveCard Decided(Case c, ApprovalRequest request, Language language, string? note = null)
    {
        string T(string key, params object?[] args) => texts.Get(language, key, args);
        var card = Summary(c, request, language);
        if (note is not null)
            card.Add(CardElements.Text(note, subtle: true));
        if (request.Outcome is { } outcome)
        {
            var when = clock.ToLocal(outcome.At).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            card.Add(CardElements.Text(T("approval.decided", T($"event.{outcome.Kind}"), outcome.ActorName, when), bold: true));
            if (outcome.Comment.Length > 0)
                card.Add(CardElements.Text(T("approval.decidedComment", outcome.Comment)));
        }

        card.Add(CardElements.Text($"{T("case.fact.state")}: {T($"state.{c.State}")}", subtle: true));
        return card;
    }

    public string StaleNote(Language language) => texts.Get(language, "approval.staleNote");

    public string MentionLine(ApprovalStage stage, string names, Language language) =>
        texts.Get(language, stage == ApprovalStage.Dispatch ? "dispatch.mention" : "approval.mention", names);

    public string Title(Case c, ApprovalRequest request, Language language) =>
        texts.Get(language, $"approval.title.{request.Stage}", c.Number, roster.FindUnit(request.UnitId)?.Name ?? request.UnitId);

    private AdaptiveCard Summary(Case c, ApprovalRequest request, Language language)
    {
        string T(string key, params object?[] args) => texts.Get(language, key, args);
        var unit = roster.FindUnit(c.UnitId)?.Name ?? c.UnitId;
        var card = new AdaptiveCard().Add(
            CardElements.Heading(Title(c, request, language)),
            CardElements.Text($"**{c.Title}**"),
            CardElements.Facts(
            [
                (T("case.fact.level"), T($"level.{c.Level}")),
                (T("case.fact.category"), T($"category.{c.Category}")),
                (T("case.fact.platform"), T($"platform.{c.Platform}")),
                (T("case.fact.unit"), unit),
                (T("case.fact.reporter"), c.ReporterName),
                (T("case.fact.published"), c.PublishedAt is { } posted ? Time(posted) : T("case.none")),
                (T("case.fact.reported"), Time(c.ReportedAt)),
            ]),
            CardElements.Text(string.Join("\n\n", c.Links.Take(3).Select(l => $"[{ShortText.Cut(l, 60)}]({l})"))));
        levelSuggestion.AddTo(card, c, language);
        if (c.Summary.Length > 0)
            card.Add(CardElements.Text(ShortText.Cut(c.Summary, 400), subtle: true));
        foreach (var warning in warnings.For(c, language))
            card.Add(CardElements.Attention(warning));
        if (c.PendingQuestion is not null)
            card.Add(CardElements.Text(T("approval.pendingQuestion", c.PendingQuestion)));
        if (request.StatementId is { } id && c.Statements.FirstOrDefault(s => s.Id == id) is { } statement)
            AddStatement(card, statement, language);
        if (request.Stage == ApprovalStage.Dispatch)
            card.Add(CardElements.Text(T("dispatch.instruction", roster.FindUnit(request.UnitId)?.Name ?? request.UnitId), bold: true));
        return card;
    }

    private void AddStatement(AdaptiveCard card, Statement statement, Language language)
    {
        string T(string key, params object?[] args) => texts.Get(language, key, args);
        card.Add(CardElements.Text(T("approval.statementHeading", T($"statement.kind.{statement.Kind}"), statement.DraftedByName), bold: true),
            CardElements.Text(statement.Text));
        if (statement.PromisedDate is { } promised)
            card.Add(CardElements.Text(T("approval.promisedDate", promised.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        if (statement.ApprovedByName is { } approvedBy)
            card.Add(CardElements.Text(T("approval.statementApprovedBy", approvedBy), subtle: true));
    }

    private static bool NeedsComment(CaseAction action) => action is not (CaseAction.PublishStatement or CaseAction.Acknowledge);

    private static string ButtonTitle(CaseAction action, ApprovalStage stage) => action switch
    {
        CaseAction.Approve => "approval.approve",
        CaseAction.Reject => "approval.reject",
        CaseAction.NeedInfo => "approval.needInfo",
        CaseAction.ApproveStatement when stage == ApprovalStage.StatementSign => "approval.sign",
        CaseAction.ApproveStatement => "approval.approve",
        CaseAction.ReturnStatement => "approval.sendBack",
        CaseAction.PublishStatement => "approval.markPublished",
        CaseAction.Acknowledge => "dispatch.acknowledge",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "No button for this action."),
    };

    private static JsonObject Data(Case c, ApprovalRequest request, Language language) =>
        new ApprovalCardData(c.Number, request.Id, request.Stage, language).ToJson();

    private string Time(DateTimeOffset utc) => clock.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static AdaptiveCard WithRefresh(AdaptiveCard card, JsonObject data, IReadOnlyList<string> userIds) =>
        card.With("refresh", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = ApprovalRefreshAction.Verb, ["data"] = data.DeepClone() },
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
