using OpinionBot.Localization;
using OpinionBot.Roster;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Roster;

public sealed class PersonNamesTests : IDisposable
{
    private const string Named = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    private const string Unnamed = "3f2504e0-4f89-11d3-9a0c-0305e82c3302";
    private readonly TestDatabase _db = new();
    private readonly RosterStore _roster;
    private readonly PersonProfileStore _profiles;
    private readonly PersonNames _names;

    public PersonNamesTests()
    {
        _roster = new RosterStore(_db.Database);
        _profiles = new PersonProfileStore(_db.Database);
        _roster.Save(RosterPerson.From(new PersonOptions { Id = Named.ToUpperInvariant(), Name = " 王强 " }));
        _roster.Save(RosterPerson.From(new PersonOptions { Id = "Li.Na@Example.cn", Name = "李娜" }));
        _names = new PersonNames(_roster, _profiles, new BotTexts(), TestClock.At(DateTimeOffset.UnixEpoch).Clock);
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public void The_roster_name_comes_first_then_the_name_Teams_gave_then_the_email()
    {
        _profiles.Save(new PersonProfile { TeamsUserId = "29:w", AadObjectId = Named, Name = "Wang Qiang (Teams)" });
        _profiles.Save(new PersonProfile { TeamsUserId = "29:z", Email = "zhao@example.cn", Name = "Zhao Min" });

        Assert.Equal("王强", _names.DisplayName(Named));
        Assert.Equal("李娜", _names.DisplayName("li.na@example.cn"));
        Assert.Equal("Zhao Min", _names.DisplayName("zhao@example.cn"));
        Assert.Equal("nobody@example.cn", _names.DisplayName("nobody@example.cn"));
    }

    [Fact]
    public void An_object_id_with_no_known_name_is_never_shown()
    {
        Assert.Equal("（名册未登记姓名）", _names.DisplayName(Unnamed));
    }

    [Fact]
    public void A_changed_name_replaces_the_stored_one_and_an_unchanged_one_writes_nothing()
    {
        Assert.False(_roster.Save(RosterPerson.From(new PersonOptions { Id = "li.na@example.cn", Name = "李娜" })));
        Assert.True(_roster.Save(RosterPerson.From(new PersonOptions { Id = "li.na@example.cn", Name = "李娜（宣传部）" })));
        Assert.Equal("李娜（宣传部）", _names.DisplayName("LI.NA@example.cn"));
    }
}
