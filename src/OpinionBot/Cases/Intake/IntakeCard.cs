using System.Text.Json.Nodes;
using OpinionBot.Cards;
using OpinionBot.Localization;
using OpinionBot.Roster;

namespace OpinionBot.Cases.Intake;

/// <summary>The intake card (上报卡): every field of the incident log, pre-filled or as entered, with errors on top.</summary>
public static class IntakeCard
{
    public const string Verb = "case.report";

    public static AdaptiveCard Build(IntakeValues values, IReadOnlyList<IntakeError> errors, IReadOnlyList<Unit> units, Language language, BotTexts texts, bool prefilled = false)
    {
        string T(string key, params object?[] args) => texts.Get(language, key, args);
        string Label(string field) => T("intake.field." + field);
        IEnumerable<(string, string)> Choices<TEnum>(string prefix) where TEnum : struct, Enum =>
            Enum.GetValues<TEnum>().Select(v => (v.ToString(), T($"{prefix}.{v}")));
        JsonObject Required(JsonObject input, string field) { input["errorMessage"] = T("intake.error.required", Label(field)); return input; }

        var card = new AdaptiveCard().Add(CardElements.Heading(T("intake.title")));
        if (prefilled)
            card.Add(CardElements.Text(T("intake.prefilledNote"), subtle: true));
        if (errors.Count > 0)
        {
            card.Add(CardElements.Attention(T("intake.fixErrors")));
            foreach (var error in errors)
                card.Add(CardElements.Attention("• " + Describe(error, language, texts)));
        }

        card.Add(
            Required(CardInputs.Text(IntakeFields.Title, Label(IntakeFields.Title), values[IntakeFields.Title], IntakeFields.MaxTitleLength, required: true), IntakeFields.Title),
            Required(CardInputs.Text(IntakeFields.Links, Label(IntakeFields.Links), values[IntakeFields.Links], IntakeFields.MaxLinks * (IntakeFields.MaxLinkLength + 1), multiline: true, required: true, placeholder: "https://"), IntakeFields.Links),
            Required(CardInputs.Choice(IntakeFields.Platform, Label(IntakeFields.Platform), values[IntakeFields.Platform], Choices<Platform>("platform"), required: true), IntakeFields.Platform),
            CardInputs.Date(IntakeFields.PublishedDate, Label(IntakeFields.PublishedDate), values[IntakeFields.PublishedDate]),
            CardInputs.Time(IntakeFields.PublishedTime, Label(IntakeFields.PublishedTime), values[IntakeFields.PublishedTime]),
            Required(CardInputs.Date(IntakeFields.DiscoveredDate, Label(IntakeFields.DiscoveredDate), values[IntakeFields.DiscoveredDate], required: true), IntakeFields.DiscoveredDate),
            CardInputs.Time(IntakeFields.DiscoveredTime, Label(IntakeFields.DiscoveredTime), values[IntakeFields.DiscoveredTime]),
            Required(CardInputs.Choice(IntakeFields.Level, Label(IntakeFields.Level), values[IntakeFields.Level], Choices<CaseLevel>("level"), required: true), IntakeFields.Level),
            Required(CardInputs.Choice(IntakeFields.Category, Label(IntakeFields.Category), values[IntakeFields.Category], Choices<CaseCategory>("category"), required: true), IntakeFields.Category),
            CardInputs.Choice(IntakeFields.Flags, Label(IntakeFields.Flags), values[IntakeFields.Flags], Choices<CaseFlag>("flag"), multiSelect: true),
            CardInputs.Number(IntakeFields.Reposts, Label(IntakeFields.Reposts), values[IntakeFields.Reposts]),
            CardInputs.Number(IntakeFields.Comments, Label(IntakeFields.Comments), values[IntakeFields.Comments]),
            CardInputs.Number(IntakeFields.Views, Label(IntakeFields.Views), values[IntakeFields.Views]),
            CardInputs.Choice(IntakeFields.Tendency, Label(IntakeFields.Tendency), values[IntakeFields.Tendency], Choices<CommentTendency>("tendency")),
            CardInputs.Text(IntakeFields.Summary, Label(IntakeFields.Summary), values[IntakeFields.Summary], IntakeFields.MaxSummaryLength, multiline: true),
            Required(CardInputs.Choice(IntakeFields.Unit, Label(IntakeFields.Unit), values[IntakeFields.Unit], units.Select(u => (u.Id, u.Name)), required: true), IntakeFields.Unit));

        card.AddAction(CardElements.Execute(T("intake.submit"), Verb, new JsonObject
        {
            [IntakeFields.SubmissionId] = values[IntakeFields.SubmissionId],
            [IntakeFields.Language] = language.Tag(),
        }));
        return card;
    }

    public static string Describe(IntakeError error, Language language, BotTexts texts)
    {
        var args = new List<object?>();
        if (error.Field is not null) args.Add(texts.Get(language, "intake.field." + error.Field));
        if (error.Detail is not null) args.Add(error.Detail);
        return texts.Get(language, error.Key, [.. args]);
    }
}
