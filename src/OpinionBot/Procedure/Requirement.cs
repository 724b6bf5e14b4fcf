namespace OpinionBot.Procedure;

/// <summary>What a command must carry for its row to apply; a missing or wrong input is refused with what to fix.</summary>
[Flags]
public enum Requirement
{
    None = 0,
    Reason = 1,
    Question = 2,
    Text = 4,
    HigherLevel = 8,
    LowerLevel = 16,
    OtherUnit = 32,
    NewCooperatingUnit = 64,
    ValidPromise = 128,
}
