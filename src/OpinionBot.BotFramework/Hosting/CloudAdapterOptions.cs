namespace OpinionBot.BotFramework.Hosting;

public sealed class CloudAdapterOptions
{
    /// <summary>Largest request body accepted, in bytes; larger → 413.</summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Tenant ids allowed to talk to the bot; empty allows any.</summary>
    public List<string> AllowedTenants { get; set; } = [];
}
