namespace OpinionBot.BotFramework.Authentication;

/// <summary>Where the bot asks for its own tokens; tests point <see cref="LoginBaseUrl"/> at a local endpoint.</summary>
public sealed class ClientCredentialsTokenOptions
{
    /// <summary>The login authority's base address; the token endpoint is <c>{LoginBaseUrl}/{tenant}/oauth2/v2.0/token</c>.</summary>
    public string LoginBaseUrl { get; set; } = BotFrameworkAuthenticationConstants.LoginBaseUrl;
}
