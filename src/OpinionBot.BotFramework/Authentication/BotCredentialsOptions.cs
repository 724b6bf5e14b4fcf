namespace OpinionBot.BotFramework.Authentication;

/// <summary>The Azure Bot registration and how the bot proves it is that bot, bound from the <c>Bot</c> configuration section.</summary>
public sealed class BotCredentialsOptions
{
    /// <summary>The Azure Bot's app id (for a managed identity: the identity's client id). Empty only for local testing.</summary>
    public string MicrosoftAppId { get; set; } = "";

    /// <summary>The client secret, when the bot authenticates with one.</summary>
    public string MicrosoftAppPassword { get; set; } = "";

    /// <summary>The bot's tenant (required for <see cref="BotAppTypes.SingleTenant"/> and <see cref="BotAppTypes.UserAssignedMsi"/>).</summary>
    public string MicrosoftAppTenantId { get; set; } = "";

    /// <summary><see cref="BotAppTypes.SingleTenant"/> (default), <see cref="BotAppTypes.MultiTenant"/> or <see cref="BotAppTypes.UserAssignedMsi"/>.</summary>
    public string MicrosoftAppType { get; set; } = BotAppTypes.SingleTenant;

    /// <summary>A PFX (PKCS #12) file holding the certificate and its private key, instead of a client secret.</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>The PFX file's password, if it has one.</summary>
    public string CertificatePassword { get; set; } = "";

    /// <summary>The thumbprint of a certificate (with private key) in the <c>My</c> store, instead of a client secret.</summary>
    public string CertificateThumbprint { get; set; } = "";

    /// <summary>Which <c>My</c> store <see cref="CertificateThumbprint"/> is looked up in: <c>CurrentUser</c> (default) or <c>LocalMachine</c>.</summary>
    public string CertificateStoreLocation { get; set; } = "CurrentUser";

    /// <summary><c>Public</c> (default), <c>China</c> or <c>USGov</c>: see <see cref="BotCloud"/>.</summary>
    public string Cloud { get; set; } = BotCloud.Public.Name;

    /// <summary>
    /// With no app id, accept requests without a token (local testing). The host sets it in the Development environment;
    /// anywhere else only an explicit <c>Bot:AllowAnonymous=true</c> does. Ignored when an app id is set.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>Also accept Entra-issued tokens from the Bot Framework Emulator (Development only), checking their audience and app id.</summary>
    public bool AllowEmulatorTokens { get; set; }

    public bool HasAppId => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>No app id: the bot neither checks inbound tokens (when <see cref="AllowAnonymous"/>) nor sends its own.</summary>
    public bool IsAnonymous => !HasAppId;

    public string AppType => BotAppTypes.Normalize(MicrosoftAppType) ?? MicrosoftAppType;

    public bool IsSingleTenant => AppType == BotAppTypes.SingleTenant;

    public bool IsManagedIdentity => AppType == BotAppTypes.UserAssignedMsi;

    public BotCloud CloudEndpoints => BotCloud.Find(Cloud);

    public bool UsesCertificate => !string.IsNullOrWhiteSpace(CertificatePath) || !string.IsNullOrWhiteSpace(CertificateThumbprint);

    /// <summary>The tenant the bot's outbound token comes from.</summary>
    public string TokenTenant =>
        IsSingleTenant || IsManagedIdentity ? MicrosoftAppTenantId.Trim() : CloudEndpoints.MultiTenantChannelAuthTenant;
}
