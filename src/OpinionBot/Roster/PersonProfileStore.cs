using LiteDB;
using OpinionBot.Storage;

namespace OpinionBot.Roster;

public sealed class PersonProfileStore(ILiteDatabase database) : IPersonProfileStore, ICollectionIndexes
{
    private static readonly PreparedExpression AadObjectIdEquals = new("$.AadObjectId = @0");
    private static readonly PreparedExpression EmailEquals = new("$.Email = @0");
    private static readonly PreparedExpression UserPrincipalNameEquals = new("$.UserPrincipalName = @0");

    private readonly DocumentCache<PersonProfile> _read = DocumentCache.Of<PersonProfile>(database, "people", p => p.Copy());

    private ILiteCollection<PersonProfile> Profiles => database.GetCollection<PersonProfile>("people");
    private ILiteCollection<BsonDocument> Documents => database.GetCollection("people");

    public void EnsureIndexes()
    {
        Profiles.EnsureIndex(p => p.AadObjectId);
        Profiles.EnsureIndex(p => p.Email);
        Profiles.EnsureIndex(p => p.UserPrincipalName);
    }

    public PersonProfile? Find(string teamsUserId) => _read.GetOne($"id:{teamsUserId}", () => Documents.Get(teamsUserId));

    /// <summary>By Entra object id, else email, else UPN: three index lookups (an OR would read every profile).</summary>
    public PersonProfile? FindByKey(string personKey) => _read.GetOne($"key:{personKey}", () =>
        Documents.Find(AadObjectIdEquals.With(personKey)).FirstOrDefault()
        ?? Documents.Find(EmailEquals.With(personKey)).FirstOrDefault()
        ?? Documents.Find(UserPrincipalNameEquals.With(personKey)).FirstOrDefault());

    public void Save(PersonProfile profile)
    {
        Profiles.Upsert(profile);
        _read.Written();
    }
}
