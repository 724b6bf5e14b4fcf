using Microsoft.IdentityModel.Tokens;

namespace OpinionBot.BotFramework.Authentication;

/// <summary>Short, token-free reasons for Microsoft.IdentityModel validation failures.</summary>
internal static class TokenValidationFailureReason
{
    public static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "token expired",
        SecurityTokenNotYetValidException => "token not yet valid",
        SecurityTokenNoExpirationException => "token has no expiry",
        SecurityTokenInvalidLifetimeException => "invalid token lifetime",
        SecurityTokenInvalidIssuerException => "invalid issuer",
        SecurityTokenInvalidAlgorithmException => "signing algorithm not allowed",
        SecurityTokenSignatureKeyNotFoundException => "signing key not found",
        SecurityTokenInvalidSignatureException => "invalid signature",
        SecurityTokenInvalidSigningKeyException => "invalid signing key",
        SecurityTokenMalformedException => "malformed token",
        _ => "invalid token",
    };
}
