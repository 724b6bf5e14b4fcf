namespace OpinionBot.BotFramework.Connector;

public sealed class UntrustedServiceUrlException(string serviceUrl)
    : Exception($"The serviceUrl '{serviceUrl}' never arrived on an accepted activity; the bot does not send to it.");
