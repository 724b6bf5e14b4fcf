namespace OpinionBot.Storage;

/// <summary>The <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public LiteDbOptions LiteDb { get; set; } = new();
}

public sealed class LiteDbOptions
{
    public string Path { get; set; } = "data/opinionbot.db";
}
