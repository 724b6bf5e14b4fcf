using OpinionBot.Cases;
using OpinionBot.Cases.Intake;
using OpinionBot.Testing;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Cases;

public sealed class IntakeValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private readonly IntakeValidator _validator = new(TestClock.At(Now).Clock);

    private static IntakeValues Values(Action<Dictionary<string, string>>? change = null)
    {
        var data = IntakeSubmission.Valid();
        change?.Invoke(data);
        var values = new IntakeValues();
        foreach (var (key, value) in data) values[key] = value;
        return values;
    }

    private IReadOnlyList<string> Errors(Action<Dictionary<string, string>> change) =>
        _validator.Validate(Values(change), [TestRoster.Unit1]).Errors.Select(e => e.Key + ":" + (e.Field ?? e.Detail)).ToList();

    [Fact]
    public void A_valid_card_becomes_a_draft_with_times_converted_from_the_organisations_zone_to_utc()
    {
        var result = _validator.Validate(Values(), [TestRoster.Unit1]);

        Assert.Empty(result.Errors);
        var draft = result.Draft!;
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 1, 30, 0, TimeSpan.Zero), draft.DiscoveredAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), draft.PublishedAt);
        Assert.Equal(2, draft.Links.Count);
        Assert.Equal(CaseLevel.III, draft.Level);
        Assert.Equal([CaseFlag.Sensitive, CaseFlag.BigV], draft.Flags);
        Assert.Equal(10000, draft.Reach.Views);
        Assert.Equal(TestRoster.Unit1, draft.UnitId);
    }

    [Theory]
    [InlineData("title", "", "intake.error.required:title")]
    [InlineData("title", "   ", "intake.error.required:title")]
    [InlineData("links", "", "intake.error.required:links")]
    [InlineData("links", "javascript:alert(1)", "intake.error.badLink:javascript:alert(1)")]
    [InlineData("links", "https://", "intake.error.badLink:https://")]
    [InlineData("platform", "MySpace", "intake.error.badChoice:platform")]
    [InlineData("level", "3", "intake.error.badChoice:level")]
    [InlineData("flags", "Sensitive,Loud", "intake.error.badChoice:flags")]
    [InlineData("views", "1e6", "intake.error.number:views")]
    [InlineData("comments", "-1", "intake.error.number:comments")]
    [InlineData("discoveredDate", "23/11/2026", "intake.error.badDate:discoveredDate")]
    [InlineData("discoveredTime", "9.30", "intake.error.badDate:discoveredTime")]
    [InlineData("unit", "", "intake.error.required:unit")]
    [InlineData("unit", "education", "intake.error.unitNotYours:education")]
    public void Each_bad_field_is_named(string field, string value, string expected) =>
        Assert.Equal([expected], Errors(d => d[field] = value));

    [Fact]
    public void Texts_are_bounded_and_links_counted()
    {
        Assert.Equal(["intake.error.tooLong:title"], Errors(d => d["title"] = new string('x', 201)));
        Assert.Equal(["intake.error.tooLong:summary"], Errors(d => d["summary"] = new string('x', 2001)));
        Assert.Equal(["intake.error.tooManyLinks:10"], Errors(d => d["links"] = string.Join("\n", Enumerable.Range(0, 11).Select(i => $"https://x.example/{i}"))));
    }

    [Fact]
    public void Published_must_not_follow_discovery_and_discovery_must_not_be_in_the_future()
    {
        Assert.Equal(["intake.error.publishedAfterDiscovered:"], Errors(d => d["publishedTime"] = "09:31"));
        Assert.Equal(["intake.error.discoveredInFuture:"], Errors(d => { d["discoveredTime"] = "10:01"; d["publishedDate"] = ""; d["publishedTime"] = ""; }));
        Assert.Empty(Errors(d => { d["discoveredTime"] = "10:00"; }));
    }

    [Fact]
    public void Publication_time_is_optional_but_a_time_without_a_date_is_not()
    {
        Assert.Empty(Errors(d => { d["publishedDate"] = ""; d["publishedTime"] = ""; }));
        Assert.Equal(["intake.error.required:publishedDate"], Errors(d => d["publishedDate"] = ""));
    }
}
