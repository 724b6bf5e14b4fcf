using System.Globalization;

namespace OpinionBot.BotFramework.Authentication;

/// <summary>
/// The endpoints of one Azure cloud the Bot Framework runs in: who issues the channel's tokens and where its signing
/// keys are published (inbound), where the bot asks for its own token and for which scope (outbound), and the Entra
/// issuers of emulator tokens. <c>Bot:Cloud</c> picks one: <c>Public</c> (default), <c>China</c> (Microsoft Azure and
/// Teams operated by 21Vianet) or <c>USGov</c>.
/// </summary>
/// <param name="Name">The <c>Bot:Cloud</c> value.</param>
/// <param name="ChannelTokenIssuer">The <c>iss</c> of every token the channel service sends to the bot.</param>
/// <param name="ChannelOpenIdMetadataUrl">OpenID metadata whose <c>jwks_uri</c> publishes the channel's signing keys.</param>
/// <param name="LoginAuthority">The Microsoft Entra authority host of this cloud (token endpoint <c>{authority}/{tenant}/oauth2/v2.0/token</c>).</param>
/// <param name="MultiTenantChannelAuthTenant">The tenant a multi-tenant bot takes its outbound token from.</param>
/// <param name="ChannelAudience">The resource the bot's outbound token is for (the Bot Connector of this cloud).</param>
/// <param name="EmulatorOpenIdMetadataUrl">OpenID metadata of the Entra tenant that issues emulator tokens.</param>
/// <param name="EmulatorTokenIssuers">Issuers the Bot Framework Emulator's tokens carry in this cloud.</param>
/// <param name="EntraV1IssuerTemplate">Issuer of an Entra version 1.0 token; <c>{0}</c> is the tenant id.</param>
/// <param name="EntraV2IssuerTemplate">Issuer of an Entra version 2.0 token; <c>{0}</c> is the tenant id.</param>
public sealed record BotCloud(
    string Name,
    string ChannelTokenIssuer,
    string ChannelOpenIdMetadataUrl,
    string LoginAuthority,
    string MultiTenantChannelAuthTenant,
    string ChannelAudience,
    string EmulatorOpenIdMetadataUrl,
    IReadOnlyList<string> EmulatorTokenIssuers,
    string EntraV1IssuerTemplate,
    string EntraV2IssuerTemplate)
{
    /// <summary>
    /// The global Azure cloud. Values from botbuilder-dotnet
    /// <c>libraries/Microsoft.Bot.Connector/Authentication/AuthenticationConstants.cs</c> (ToBotFromChannelTokenIssuer,
    /// ToBotFromChannelOpenIdMetadataUrl, ToChannelFromBotLoginUrl, DefaultChannelAuthTenant, ToChannelFromBotOAuthScope,
    /// ToBotFromEmulatorOpenIdMetadataUrl) and <c>EmulatorValidation.cs</c> (the emulator issuers, Auth v3.1 and v3.2).
    /// </summary>
    public static BotCloud Public { get; } = new(
        Name: "Public",
        ChannelTokenIssuer: "https://api.botframework.com",
        ChannelOpenIdMetadataUrl: "https://login.botframework.com/v1/.well-known/openidconfiguration",
        LoginAuthority: "https://login.microsoftonline.com",
        MultiTenantChannelAuthTenant: "botframework.com",
        ChannelAudience: "https://api.botframework.com",
        EmulatorOpenIdMetadataUrl: "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
        EmulatorTokenIssuers:
        [
            "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
            "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
            "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
            "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
        ],
        EntraV1IssuerTemplate: "https://sts.windows.net/{0}/",
        EntraV2IssuerTemplate: "https://login.microsoftonline.com/{0}/v2.0");

    /// <summary>
    /// Microsoft Azure operated by 21Vianet, where Teams for China runs. Channel issuer, OpenID metadata, scope and
    /// emulator metadata from Microsoft's "Configure a bot in Microsoft Azure operated by 21Vianet"
    /// (bot-docs <c>articles/how-to-deploy-china-cloud.md</c>: ToBotFromChannelTokenIssuer, ToBotFromChannelOpenIdMetadataUrl,
    /// ToChannelFromBotOAuthScope, ToChannelFromBotLoginUrl <c>https://login.partner.microsoftonline.cn/microsoftservices.partner.onmschina.cn</c>
    /// for multi-tenant bots, ToBotFromEmulatorOpenIdMetadataUrl) and botbuilder-dotnet
    /// <c>ChinaAuthenticationConstants.cs</c> (same issuer and scope); the Entra authority
    /// <c>https://login.partner.microsoftonline.cn</c> from "National clouds" (Microsoft identity platform docs, which
    /// also give the v1 issuer host <c>sts.chinacloudapi.cn</c> and the v2 host <c>login.partner.microsoftonline.cn</c>).
    /// </summary>
    public static BotCloud China { get; } = new(
        Name: "China",
        ChannelTokenIssuer: "https://api.botframework.azure.cn",
        ChannelOpenIdMetadataUrl: "https://login.botframework.azure.cn/v1/.well-known/openidconfiguration",
        LoginAuthority: "https://login.partner.microsoftonline.cn",
        MultiTenantChannelAuthTenant: "microsoftservices.partner.onmschina.cn",
        ChannelAudience: "https://api.botframework.azure.cn",
        EmulatorOpenIdMetadataUrl: "https://login.partner.microsoftonline.cn/a55a4d5b-9241-49b1-b4ff-befa8db00269/v2.0/.well-known/openid-configuration",
        EmulatorTokenIssuers:
        [
            "https://sts.chinacloudapi.cn/a55a4d5b-9241-49b1-b4ff-befa8db00269/",
            "https://login.partner.microsoftonline.cn/a55a4d5b-9241-49b1-b4ff-befa8db00269/v2.0",
        ],
        EntraV1IssuerTemplate: "https://sts.chinacloudapi.cn/{0}/",
        EntraV2IssuerTemplate: "https://login.partner.microsoftonline.cn/{0}/v2.0");

    /// <summary>
    /// Azure Government. Values from botbuilder-dotnet <c>GovernmentAuthenticationConstants.cs</c>
    /// (ToBotFromChannelTokenIssuer, ToBotFromChannelOpenIdMetadataUrl, ToChannelFromBotLoginUrlTemplate,
    /// DefaultChannelAuthTenant <c>MicrosoftServices.onmicrosoft.us</c>, ToChannelFromBotOAuthScope,
    /// ToBotFromEmulatorOpenIdMetadataUrl) and <c>EmulatorValidation.cs</c> (the US Government emulator issuers).
    /// </summary>
    public static BotCloud USGov { get; } = new(
        Name: "USGov",
        ChannelTokenIssuer: "https://api.botframework.us",
        ChannelOpenIdMetadataUrl: "https://login.botframework.azure.us/v1/.well-known/openidconfiguration",
        LoginAuthority: "https://login.microsoftonline.us",
        MultiTenantChannelAuthTenant: "MicrosoftServices.onmicrosoft.us",
        ChannelAudience: "https://api.botframework.us",
        EmulatorOpenIdMetadataUrl: "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0/.well-known/openid-configuration",
        EmulatorTokenIssuers:
        [
            "https://sts.windows.net/cab8a31a-1906-4287-a0d8-4eef66b95f6e/",
            "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0",
        ],
        EntraV1IssuerTemplate: "https://sts.windows.net/{0}/",
        EntraV2IssuerTemplate: "https://login.microsoftonline.us/{0}/v2.0");

    public static IReadOnlyList<BotCloud> All { get; } = [Public, China, USGov];

    /// <summary>The scope the bot requests for its outbound token (<c>{audience}/.default</c>).</summary>
    public string ChannelScope => ChannelAudience + "/.default";

    /// <summary>The cloud named <paramref name="name"/> (case-insensitive); empty means <see cref="Public"/>.</summary>
    public static bool TryFind(string? name, out BotCloud cloud)
    {
        cloud = string.IsNullOrWhiteSpace(name)
            ? Public
            : All.FirstOrDefault(c => string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))!;
        return cloud is not null;
    }

    /// <exception cref="ArgumentException">The name is not one of the known clouds.</exception>
    public static BotCloud Find(string? name) =>
        TryFind(name, out var cloud)
            ? cloud
            : throw new ArgumentException($"Unknown Bot:Cloud '{name}'; use {string.Join(", ", All.Select(c => c.Name))}.", nameof(name));

    /// <summary>The authority a bot in <paramref name="tenant"/> takes its tokens from.</summary>
    public string AuthorityFor(string tenant) => $"{LoginAuthority}/{tenant}";

    /// <summary>The OAuth 2.0 token endpoint of <paramref name="tenant"/>.</summary>
    public Uri TokenEndpointFor(string tenant) => new($"{AuthorityFor(tenant)}/oauth2/v2.0/token");

    /// <summary>The issuers of Entra tokens (versions 1.0 and 2.0) from <paramref name="tenantId"/>.</summary>
    public IReadOnlyList<string> EntraIssuersOf(string tenantId) =>
    [
        string.Format(CultureInfo.InvariantCulture, EntraV1IssuerTemplate, tenantId),
        string.Format(CultureInfo.InvariantCulture, EntraV2IssuerTemplate, tenantId),
    ];
}
