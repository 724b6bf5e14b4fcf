using LiteDB;
using OpinionBot.Storage;

namespace OpinionBot.Roster;

public sealed class PersonProfileStore(ILiteDatabase database) : IPersonProfileStore, ICollectionIndexes
{
    private static readonly PreparedExpression AadObjectIdEquals = new("$.AadObjectId = @0");
    private static readonly PreparedExpression EmailEquals = new("$.Email = @0");
    private static readonly PreparedExpression UserPrincipalNameEquals = new("$.UserPrincipalName = @0");

    private readonly DocumentCache _read = DocumentCache.Of(database, "people");

    private ILiteCollection<PersonProfile> Profiles => database.GetCollection<PersonProfile>("people");
    private ILiteCollection<BsonDocument> Documents => database.GetCollection("people");

    public void EnsureIndexes()
    {
        Profiles.EnsureIndex(p => p.AadObjectId);
        Profiles.EnsureIndex(p => p.Email);
        Profiles.EnsureIndex(p => p.UserPrincipalName);
    }

    public PersonProfile? Find(string teamsUserId) =>
        One(_read.Get($"id:{teamsUserId}", () => Documents.Get(teamsUserId) is { } found ? [found] : []));

    /// <summary>By Entra object id, else email, else UPN: three index lookups (an OR would read every profile).</summary>
    public PersonProfile? FindByKey(string personKey) => One(_read.Get($"key:{personKey}", () =>
        Documents.Find(AadObjectIdEquals.With(personKey)).Take(1).ToList() is [_] byAad ? byAad
        : Documents.Find(EmailEquals.With(personKey)).Take(1).ToList() is [_] byEmail ? byEmail
        : Documents.Find(UserPrincipalNameEquals.With(personKey)).Take(1).ToList()));

    private PersonProfile? One(IReadOnlyList<BsonDocument> found) => found is [var profile] ? database.Mapper.ToObject<PersonProfile>(profile) : null;

    public void Save(PersonProfile profile)
    {
        Profiles.Upsert(profile);
        _read.Written();
    }
}
