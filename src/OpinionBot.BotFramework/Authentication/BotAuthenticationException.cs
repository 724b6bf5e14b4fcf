namespace OpinionBot.BotFramework.Authentication;

/// <summary>The bot could not obtain its own access token.</summary>
public sealed class BotAuthenticationException : Exception
{
    public BotAuthenticationException(string message)
        : base(message)
    {
    }

    public BotAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
