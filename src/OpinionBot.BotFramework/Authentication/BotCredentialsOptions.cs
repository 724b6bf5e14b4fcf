namespace OpinionBot.BotFramework.Authentication;

/// <summary>The Azure Bot registration, bound from the <c>Bot</c> configuration section.</summary>
public sealed class BotCredentialsOptions
{
    public string MicrosoftAppId { get; set; } = "";
    public string MicrosoftAppPassword { get; set; } = "";
    public string MicrosoftAppTenantId { get; set; } = "";

    /// <summary><c>MultiTenant</c> (default) or <c>SingleTenant</c>.</summary>
    public string MicrosoftAppType { get; set; } = "MultiTenant";

    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);

    public bool IsSingleTenant => string.Equals(MicrosoftAppType, "SingleTenant", StringComparison.OrdinalIgnoreCase);
}
