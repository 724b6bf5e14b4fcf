using OpinionBot.Roster;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Roster;

public sealed class RosterDirectoryTests : IDisposable
{
    private const string Aad = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    private readonly TestDatabase _db = new();
    private readonly RosterDirectory _directory;

    public RosterDirectoryTests()
    {
        var store = new RosterStore(_db.Database);
        store.Save(Unit.From(new UnitOptions { Id = "u1", Name = "U1", Officers = [Aad.ToUpperInvariant()], SupervisingLeaders = ["Leader@Example.cn"] }));
        store.Save(Unit.From(new UnitOptions { Id = "u2", Name = "U2", Officers = ["wang@example.cn"], SupervisingLeaders = ["leader@example.cn"] }));
        store.Save(OrganizationRoles.From(new OrganizationOptions { Office = new OfficeOptions { Members = ["office@example.cn"] }, Admins = ["admin@example.cn"] }));
        _directory = new RosterDirectory(store);
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Matches_an_object_id_case_insensitively() =>
        Assert.Equal(["u1"], _directory.Find("29:a", "A", [Aad, null])!.OfficerOf);

    [Fact]
    public void Matches_an_email_and_gathers_every_role_the_person_holds()
    {
        var leader = _directory.Find("29:l", "L", [null, "LEADER@example.cn"])!;

        Assert.Equal(["u1", "u2"], leader.SupervisorOf);
        Assert.Empty(leader.OfficerOf);
        Assert.True(leader.CanSeeUnit("u2"));
        Assert.False(leader.SeesAllUnits);
    }

    [Fact]
    public void The_office_sees_every_unit_and_someone_unknown_is_nobody()
    {
        Assert.True(_directory.Find("29:o", "O", ["office@example.cn"])!.CanSeeUnit("u2"));
        Assert.Null(_directory.Find("29:x", "X", ["stranger@example.cn", Guid.NewGuid().ToString()]));
        Assert.Null(_directory.Find("29:x", "X", [null, ""]));
    }

    [Fact]
    public void Saving_an_unchanged_unit_reports_no_change_and_a_changed_one_replaces_it()
    {
        var store = new RosterStore(_db.Database);

        Assert.False(store.Save(Unit.From(new UnitOptions { Id = "u2", Name = "U2", Officers = ["WANG@example.cn"], SupervisingLeaders = ["leader@example.cn"] })));
        Assert.True(store.Save(Unit.From(new UnitOptions { Id = "u2", Name = "U2 renamed", Officers = ["wang@example.cn"], SupervisingLeaders = ["leader@example.cn"] })));
        Assert.Equal("U2 renamed", store.FindUnit("u2")!.Name);
    }
}
