using LiteDB;

namespace OpinionBot.Roster;

/// <summary>A person's display name as the roster gives it, by their person key.</summary>
public sealed class RosterPerson
{
    [BsonId]
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";

    public RosterPerson Copy() => (RosterPerson)MemberwiseClone();

    public static RosterPerson From(PersonOptions options) => new() { Key = PersonKey.Normalize(options.Id), Name = options.Name.Trim() };
}
