using OpinionBot.Testing;

namespace OpinionBot.Tests.Integration;

/// <summary>The suggested level shows on the case card that replaces the intake card, on the case card and on the approval card.</summary>
public sealed class LevelSuggestionCardTests : ApprovalTestBase
{
    [Fact]
    public async Task A_mass_incident_reported_as_III_shows_the_suggestion_of_II_everywhere_and_the_leader_still_decides()
    {
        await MeetAsync(Leader, TestRoster.LeaderEmail, LeaderChat);

        var submitted = Text(await SubmitAsync(IntakeSubmission.Valid().With("flags", "MassIncident,LeaderInstruction").With("level", "III")));
        var number = System.Text.RegularExpressions.Regex.Match(submitted, @"\d{4}-\d{4}").Value;

        const string line = "建议不低于 II 级：群体性、领导批示（当前为 III 级，由领导决定）";
        Assert.Contains(line, submitted);
        var approval = Assert.Single(SentTo(LeaderChat), c => c.Body!.Value.TryGetProperty("attachments", out _));
        Assert.Contains(line, Text(approval.Card));
        Assert.Contains(line, Text((await SayAsync($"查看 {number}")).Card));

        await PressAsync(Leader, "case.approve", ButtonData(approval.Card, "case.approve"));
        Assert.Equal("InProgress", CaseState(number));
    }

    [Fact]
    public async Task A_case_at_or_above_its_suggestion_shows_it_quietly_and_one_without_any_shows_nothing()
    {
        var english = Text(await SubmitAsync(IntakeSubmission.Valid().With("lang", "en-US").With("flags", "BigV").With("views", "2000000").With("level", "II")));
        Assert.Contains("Suggested ≥ II because: views ≥ 1,000,000\"", english);
        Assert.DoesNotContain("the leader decides", english);

        var plain = Text(await SubmitAsync(IntakeSubmission.Valid().With("flags", "Sensitive").With("views", "10").With("reposts", "1")));
        Assert.DoesNotContain("建议不低于", plain);
    }

    [Fact]
    public async Task The_intake_card_offers_the_new_flags() =>
        Assert.Contains("{\"title\":\"领导批示\",\"value\":\"LeaderInstruction\"},{\"title\":\"越级上访\",\"value\":\"PetitionBeyondLevel\"}", Text((await SayAsync("上报")).Card));
}
