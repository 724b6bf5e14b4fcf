using OpinionBot.Storage.PostgreSql;

namespace OpinionBot.Roster.PostgreSql;

/// <summary>What Teams told us about people (<c>person_profiles</c>) on PostgreSQL.</summary>
public sealed class PostgresPersonProfileStore(PostgresDatabase database) : IPersonProfileStore
{
    public PersonProfile? Find(string teamsUserId) =>
        database.FindDocument<PersonProfile>("SELECT doc FROM person_profiles WHERE teams_user_id = $1", teamsUserId);

    public PersonProfile? FindByKey(string personKey) =>
        database.FindDocument<PersonProfile>("""
            SELECT doc FROM person_profiles WHERE aad_object_id = $1 OR email = $1 OR user_principal_name = $1
            ORDER BY teams_user_id LIMIT 1
            """, personKey);

    public void Save(PersonProfile profile) =>
        database.Execute("""
            INSERT INTO person_profiles (teams_user_id, aad_object_id, email, user_principal_name, doc) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (teams_user_id) DO UPDATE SET aad_object_id = $2, email = $3, user_principal_name = $4, doc = $5
            """, profile.TeamsUserId, profile.AadObjectId, profile.Email, profile.UserPrincipalName, PostgresDatabase.Json(profile));
}
