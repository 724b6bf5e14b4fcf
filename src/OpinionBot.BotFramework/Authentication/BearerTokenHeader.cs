using System.Diagnostics.CodeAnalysis;

namespace OpinionBot.BotFramework.Authentication;

/// <summary>Reads the token out of an <c>Authorization: Bearer &lt;jwt&gt;</c> header value.</summary>
internal static class BearerTokenHeader
{
    private const string Scheme = "Bearer";

    /// <summary>True when the header has exactly two space-separated parts, the first being <c>Bearer</c>.</summary>
    public static bool TryGetToken(string authorizationHeader, [NotNullWhen(true)] out string? token)
    {
        token = null;
        var parts = authorizationHeader.Split(' ');
        if (parts.Length != 2 || !string.Equals(parts[0], Scheme, StringComparison.OrdinalIgnoreCase) || parts[1].Length == 0)
        {
            return false;
        }

        token = parts[1];
        return true;
    }
}
