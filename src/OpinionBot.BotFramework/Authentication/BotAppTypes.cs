namespace OpinionBot.BotFramework.Authentication;

/// <summary>The values of <c>Bot:MicrosoftAppType</c>, named as the Bot Framework SDK and the Azure Bot resource name them.</summary>
public static class BotAppTypes
{
    /// <summary>The bot's app registration lives in one tenant (the default: Azure no longer creates multi-tenant bots).</summary>
    public const string SingleTenant = "SingleTenant";

    /// <summary>An older registration usable from any tenant; its token comes from the Bot Framework's own tenant.</summary>
    public const string MultiTenant = "MultiTenant";

    /// <summary>A user-assigned managed identity: no secret at all, the host (App Service, a VM, a container app) gives the token.</summary>
    public const string UserAssignedMsi = "UserAssignedMSI";

    public static IReadOnlyList<string> All { get; } = [SingleTenant, MultiTenant, UserAssignedMsi];

    /// <summary>The canonical spelling of <paramref name="value"/> (case-insensitive); empty means <see cref="SingleTenant"/>.</summary>
    public static string? Normalize(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? SingleTenant
            : All.FirstOrDefault(t => string.Equals(t, value.Trim(), StringComparison.OrdinalIgnoreCase));
}
