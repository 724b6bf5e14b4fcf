using System.Collections;
using System.Reflection;
using System.Text.Json;
using OpinionBot.Conversations;
using OpinionBot.Roster;
using OpinionBot.Storage;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Storage;

/// <summary>
/// The roster, profiles and conversations are read from memory until written: a write is seen by the next read (inside
/// or outside a transaction), a rolled-back write is never seen, and what a caller changes on a returned object is not.
/// </summary>
public sealed class DocumentCacheTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly StoreTransaction _transaction;
    private readonly RosterStore _roster;
    private readonly PersonProfileStore _profiles;

    public DocumentCacheTests()
    {
        _transaction = new StoreTransaction(_db.Database);
        _roster = new RosterStore(_db.Database);
        _profiles = new PersonProfileStore(_db.Database);
        _roster.EnsureIndexes();
        _profiles.EnsureIndexes();
        _roster.Save(new Unit { Id = "u1", Name = "一中", Officers = ["officer@x"] });
    }

    public void Dispose()
    {
        _transaction.Dispose();
        _db.Dispose();
    }

    [Fact]
    public void A_unit_saved_after_it_was_read_is_read_back_changed()
    {
        Assert.Equal("一中", _roster.FindUnit("u1")!.Name);
        Assert.Single(_roster.AllUnits());

        _roster.Save(new Unit { Id = "u1", Name = "第一中学", Officers = ["officer@x"] });
        _transaction.Run(() => _roster.Save(new Unit { Id = "u2", Name = "二中" }));

        Assert.Equal("第一中学", _roster.FindUnit("u1")!.Name);
        Assert.Equal(["u1", "u2"], _roster.AllUnits().Select(u => u.Id));
    }

    [Fact]
    public void A_unit_is_found_by_its_id_in_any_case_as_before()
    {
        Assert.Equal("一中", _roster.FindUnit("U1")!.Name);
        Assert.Null(_roster.FindUnit("u3"));
    }

    [Fact]
    public void Inside_a_transaction_its_own_write_is_read_and_after_a_rollback_it_is_gone()
    {
        Assert.Equal("一中", _roster.FindUnit("u1")!.Name);

        string? readInside = null;
        Assert.Throws<InvalidOperationException>(() => _transaction.Run(() =>
        {
            _roster.Save(new Unit { Id = "u1", Name = "未提交" });
            readInside = _roster.FindUnit("u1")!.Name;
            throw new InvalidOperationException("refused");
        }));

        Assert.Equal("未提交", readInside);
        Assert.Equal("一中", _roster.FindUnit("u1")!.Name);
        Assert.Equal("一中", _transaction.Run(() => _roster.FindUnit("u1")!.Name));
    }

    [Fact]
    public void Changing_a_returned_object_changes_nothing_kept()
    {
        _profiles.Save(new PersonProfile { TeamsUserId = "29:a", AadObjectId = "aad-a", Name = "王芳" });
        var first = _profiles.FindByKey("aad-a")!;
        first.Name = "changed by a caller";
        _roster.FindUnit("u1")!.Officers.Clear();

        Assert.Equal("王芳", _profiles.FindByKey("aad-a")!.Name);
        Assert.Equal("王芳", _profiles.Find("29:a")!.Name);
        Assert.Equal(["officer@x"], _roster.FindUnit("u1")!.Officers);
    }

    [Fact]
    public void A_profile_or_conversation_unknown_at_first_is_found_once_saved()
    {
        var conversations = new ConversationStore(_db.Database);
        Assert.Null(_profiles.FindByKey("aad-b"));
        Assert.Null(conversations.FindPersonalChat("29:b", "aad-b"));

        _transaction.Run(() =>
        {
            _profiles.Save(new PersonProfile { TeamsUserId = "29:b", AadObjectId = "aad-b", Name = "李雷" });
            conversations.Save(new ConversationRecord
            {
                Id = "a:chat-b", BaseId = "a:chat-b", ConversationType = "personal", ServiceUrl = "https://smba.example/", UserId = "29:b",
            });
        });

        Assert.Equal("李雷", _profiles.FindByKey("aad-b")!.Name);
        Assert.Equal("a:chat-b", conversations.FindPersonalChat("29:b", "aad-b")!.Id);
    }

    [Fact]
    public void Lookups_of_ever_new_keys_do_not_grow_the_cache_without_bound()
    {
        var cache = DocumentCache.Of<PersonProfile>(_db.Database, "people", p => p.Copy());
        for (var i = 0; i < DocumentCache.MaxKept + 10; i++)
            cache.Get($"key:{i}", () => []);

        var reads = 0;
        cache.Get("key:0", () => { reads++; return []; });
        cache.Get($"key:{DocumentCache.MaxKept + 9}", () => { reads++; return []; });
        Assert.Equal(1, reads);
    }

    [Fact]
    public void A_kept_object_is_read_once_and_mapped_once_however_often_it_is_asked_for()
    {
        var cache = DocumentCache.Of<PersonProfile>(_db.Database, "people", p => p.Copy());
        var reads = 0;
        IEnumerable<LiteDB.BsonDocument> Read()
        {
            reads++;
            yield return new LiteDB.BsonDocument { ["_id"] = "29:c", ["Name"] = "韩梅梅" };
        }

        var first = cache.Get("id:29:c", Read);
        var second = cache.Get("id:29:c", Read);
        var third = cache.Find("id:29:c", Read, p => p.Name == "韩梅梅");

        Assert.Equal(1, reads);
        Assert.All(new[] { first[0], second[0], third! }, p => Assert.Equal("韩梅梅", p.Name));
        Assert.NotSame(first[0], second[0]);
        Assert.NotSame(second[0], third);
        Assert.Null(cache.Find("id:29:c", Read, p => p.Name == "someone else"));
    }

    [Fact]
    public void Two_stores_cannot_cache_one_collection_as_different_types()
    {
        DocumentCache.Of<PersonProfile>(_db.Database, "people", p => p.Copy());
        var refused = Assert.Throws<InvalidOperationException>(() => DocumentCache.Of<Unit>(_db.Database, "people", u => u.Copy()));
        Assert.Contains("people", refused.Message);
    }

    public static TheoryData<object> CachedTypes() => [new Unit(), new OrganizationRoles(), new RosterPerson(), new PersonProfile(), new ConversationRecord()];

    /// <summary>Guards each type's copy function against a member added later and left out, or a list shared.</summary>
    [Theory]
    [MemberData(nameof(CachedTypes))]
    public void A_copy_holds_every_member_and_shares_no_list(object empty)
    {
        var type = empty.GetType();
        var original = FilledObjects.Fill(empty);
        var copy = type.GetMethod("Copy")?.Invoke(original, null) ?? type.GetMethod("<Clone>$")!.Invoke(original, null)!;

        Assert.NotSame(original, copy);
        Assert.Equal(JsonSerializer.Serialize(original, type), JsonSerializer.Serialize(copy, type));
        foreach (var property in Settable(type).Where(p => typeof(IList).IsAssignableFrom(p.PropertyType)))
            Assert.NotSame(property.GetValue(original), property.GetValue(copy));
    }

    private static IEnumerable<PropertyInfo> Settable(Type type) => type.GetProperties().Where(p => p.CanWrite);
}
