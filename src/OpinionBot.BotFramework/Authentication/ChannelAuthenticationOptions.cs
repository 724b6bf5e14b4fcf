namespace OpinionBot.BotFramework.Authentication;

/// <summary>
/// Where inbound-token signing keys are published. Left empty, the addresses of the configured <see cref="BotCloud"/>
/// are used; tests point them at a local metadata document.
/// </summary>
public sealed class ChannelAuthenticationOptions
{
    /// <summary>OpenID metadata of the channel service; empty = the cloud's.</summary>
    public string? BotFrameworkOpenIdMetadataUrl { get; set; }

    /// <summary>OpenID metadata of the emulator's Entra tenant; empty = the cloud's.</summary>
    public string? EntraOpenIdMetadataUrl { get; set; }

    /// <summary>Refuse metadata and <c>jwks_uri</c> addresses that are not https (as JwtBearer's <c>RequireHttpsMetadata</c>).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
