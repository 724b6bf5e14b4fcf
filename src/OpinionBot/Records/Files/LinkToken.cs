using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace OpinionBot.Records.Files;

/// <summary>
/// The unguessable part of a download link: 256 random bits as base64url (43 characters). Only its SHA-256 is
/// stored, so the database alone does not give working links.
/// </summary>
public static class LinkToken
{
    public const int RandomBytes = 32;
    public const int Length = 43;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>Whether <paramref name="candidate"/> could be a token at all; anything else is answered 404 without a lookup.</summary>
    public static bool HasTokenShape(string? candidate) =>
        candidate is { Length: Length } && candidate.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}
