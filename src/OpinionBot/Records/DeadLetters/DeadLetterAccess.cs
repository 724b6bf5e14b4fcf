using OpinionBot.Roster;

namespace OpinionBot.Records.DeadLetters;

/// <summary>Who may see and act on dead-lettered messages: admins and the office.</summary>
public static class DeadLetterAccess
{
    public static bool MayUse(Actor actor) => actor.IsAdmin || actor.IsOffice;
}
