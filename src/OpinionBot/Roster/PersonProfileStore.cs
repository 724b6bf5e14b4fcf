using LiteDB;
using OpinionBot.Storage;

namespace OpinionBot.Roster;

public sealed class PersonProfileStore(ILiteDatabase database) : IPersonProfileStore, ICollectionIndexes
{
    private ILiteCollection<PersonProfile> Profiles => database.GetCollection<PersonProfile>("people");

    public void EnsureIndexes()
    {
        Profiles.EnsureIndex(p => p.AadObjectId);
        Profiles.EnsureIndex(p => p.Email);
    }

    public PersonProfile? Find(string teamsUserId) => Profiles.FindById(teamsUserId);

    public PersonProfile? FindByKey(string personKey) =>
        Profiles.FindOne(p => p.AadObjectId == personKey || p.Email == personKey || p.UserPrincipalName == personKey);

    public void Save(PersonProfile profile) => Profiles.Upsert(profile);
}
