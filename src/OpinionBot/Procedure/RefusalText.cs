using OpinionBot.Cases;
using OpinionBot.Localization;
using OpinionBot.Roster;

namespace OpinionBot.Procedure;

/// <summary>Says why the procedure refused, in the reader's language (states, levels and units by their names).</summary>
public sealed class RefusalText(BotTexts texts, IRosterStore roster)
{
    /// <summary>Refusals the person can fix on the card itself; the card comes back with the message and their input.</summary>
    public static bool IsInputProblem(Decision decision) => decision.RefusalKey is
        "lifecycle.reasonRequired" or "lifecycle.questionRequired" or "lifecycle.levelNotHigher" or "lifecycle.levelNotLower" or
        "lifecycle.unitSame" or "lifecycle.unitUnknown" or "lifecycle.textRequired" or "lifecycle.unitIsLead" or "lifecycle.alreadyCooperating";

    public string For(Decision decision, Language language)
    {
        var argument = decision.RefusalArgument switch
        {
            CaseState state => texts.Get(language, $"state.{state}"),
            CaseLevel level => texts.Get(language, $"level.{level}"),
            string unitId when roster.FindUnit(unitId) is { } unit => unit.Name,
            var other => other,
        };
        return texts.Get(language, decision.RefusalKey!, argument);
    }
}
