using System.Globalization;
using System.Text.Json;

namespace OpinionBot.BotFramework.Authentication;

/// <summary>The fields the bot needs from an OAuth 2.0 token response.</summary>
internal sealed record AccessTokenResponse(string AccessToken, TimeSpan ExpiresIn)
{
    /// <exception cref="InvalidDataException">The body has no usable <c>access_token</c> or <c>expires_in</c>.</exception>
    public static AccessTokenResponse Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("access_token", out var tokenElement)
            || tokenElement.ValueKind != JsonValueKind.String
            || string.IsNullOrEmpty(tokenElement.GetString()))
        {
            throw new InvalidDataException("The token response has no access_token.");
        }

        if (!root.TryGetProperty("expires_in", out var expiresElement) || ReadSeconds(expiresElement) is not { } seconds)
        {
            throw new InvalidDataException("The token response has no valid expires_in.");
        }

        return new AccessTokenResponse(tokenElement.GetString()!, TimeSpan.FromSeconds(seconds));
    }

    /// <summary>The <c>error</c> field of a failed token response, if the body carries one.</summary>
    public static string? TryReadError(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String
                    ? error.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static long? ReadSeconds(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetInt64(out var number) && number >= 0 => number,
        JsonValueKind.String when long.TryParse(element.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };
}
