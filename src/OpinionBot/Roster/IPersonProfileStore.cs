namespace OpinionBot.Roster;

/// <summary>What Teams told us about people (<see cref="PersonProfileStore"/> on LiteDB, <see cref="PostgreSql.PostgresPersonProfileStore"/> on PostgreSQL).</summary>
public interface IPersonProfileStore
{
    PersonProfile? Find(string teamsUserId);

    PersonProfile? FindByKey(string personKey);

    void Save(PersonProfile profile);
}
