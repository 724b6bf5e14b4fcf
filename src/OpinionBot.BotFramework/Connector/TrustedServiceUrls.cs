using System.Collections.Concurrent;

namespace OpinionBot.BotFramework.Connector;

/// <summary>The serviceUrls seen on authenticated inbound activities — the only places the bot sends to.</summary>
public sealed class TrustedServiceUrls
{
    private readonly ConcurrentDictionary<string, byte> _urls = new(StringComparer.OrdinalIgnoreCase);

    public void Trust(string serviceUrl) => _urls.TryAdd(Normalize(serviceUrl), 0);

    public bool IsTrusted(string serviceUrl) => _urls.ContainsKey(Normalize(serviceUrl));

    private static string Normalize(string url) => url.TrimEnd('/');
}
