namespace OpinionBot.BotFramework.Schema;

public sealed class ResourceResponse
{
    public string? Id { get; set; }
}
