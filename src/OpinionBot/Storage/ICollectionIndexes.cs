namespace OpinionBot.Storage;

/// <summary>A store that declares its LiteDB indexes; they are ensured when the service starts.</summary>
public interface ICollectionIndexes
{
    void EnsureIndexes();
}
