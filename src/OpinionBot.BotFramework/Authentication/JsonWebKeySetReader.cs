using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace OpinionBot.BotFramework.Authentication;

/// <summary>Parses a JWKS document, keeping each key's <c>endorsements</c> array (first entry wins per <c>kid</c>).</summary>
internal static class JsonWebKeySetReader
{
    public static SigningKeySet Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("keys", out var keysElement) || keysElement.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("The JSON Web Key Set has no 'keys' array.");
        }

        var keys = new List<JsonWebKey>();
        var endorsements = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var element in keysElement.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var key = new JsonWebKey(element.GetRawText());
            keys.Add(key);
            if (key.Kid is { } keyId && !endorsements.ContainsKey(keyId)
                && element.TryGetProperty(BotFrameworkAuthenticationConstants.EndorsementsProperty, out var endorsementsElement)
                && endorsementsElement.ValueKind == JsonValueKind.Array)
            {
                endorsements.Add(keyId, ReadStrings(endorsementsElement));
            }
        }

        return new SigningKeySet(keys, endorsements);
    }

    private static HashSet<string> ReadStrings(JsonElement array) =>
        array.EnumerateArray()
            .Where(item => item.ValueKind == JsonValueKind.String)
            .Select(item => item.GetString()!)
            .ToHashSet(StringComparer.Ordinal);
}
