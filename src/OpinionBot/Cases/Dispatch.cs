using LiteDB;

namespace OpinionBot.Cases;

/// <summary>A case handed to a unit (交办): the lead unit (首问负责) or a cooperating one, and whether it acknowledged.</summary>
public sealed class Dispatch
{
    public string UnitId { get; set; } = "";
    public DispatchRole Role { get; set; }
    public DateTimeOffset DispatchedAt { get; set; }
    public string DispatchedByName { get; set; } = "";
    public string? AcknowledgedByName { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }

    /// <summary>The case moved to another lead unit before this one acknowledged it.</summary>
    public bool Withdrawn { get; set; }

    [BsonIgnore]
    public bool AwaitsAcknowledgement => AcknowledgedAt is null && !Withdrawn;

    /// <summary>A copy (every member is a value or a string).</summary>
    public Dispatch Copy() => (Dispatch)MemberwiseClone();
}

public enum DispatchRole
{
    Lead,
    Cooperating,
}
