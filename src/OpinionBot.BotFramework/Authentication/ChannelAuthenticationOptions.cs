namespace OpinionBot.BotFramework.Authentication;

/// <summary>Where inbound-token signing keys are published; tests point these at a local metadata document.</summary>
public sealed class ChannelAuthenticationOptions
{
    public string BotFrameworkOpenIdMetadataUrl { get; set; } = BotFrameworkAuthenticationConstants.BotFrameworkOpenIdMetadataUrl;

    public string EntraOpenIdMetadataUrl { get; set; } = BotFrameworkAuthenticationConstants.EntraOpenIdMetadataUrl;
}
