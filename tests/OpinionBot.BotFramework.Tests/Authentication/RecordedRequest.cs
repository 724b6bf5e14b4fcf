namespace OpinionBot.BotFramework.Tests.Authentication;

internal sealed record RecordedRequest(HttpMethod Method, string Url, string? Body, IReadOnlyDictionary<string, string>? Headers = null);
