using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace OpinionBot.BotFramework.Tests.Authentication;

/// <summary>An RSA key pair as a test identity provider holds it: private part to sign, public part to publish.</summary>
internal sealed class TestSigningKey(string keyId, string[]? endorsements = null, bool publishCertificate = false)
{
    private readonly RSA _rsa = RSA.Create(2048);

    public string KeyId { get; } = keyId;

    public SigningCredentials Credentials(string algorithm = SecurityAlgorithms.RsaSha256) =>
        new(new RsaSecurityKey(_rsa) { KeyId = KeyId }, algorithm);

    /// <summary>The key as a JWKS entry, with <c>endorsements</c> when the key has any.</summary>
    public Dictionary<string, object> ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus!),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent!),
        };
        if (publishCertificate)
        {
            var request = new CertificateRequest("CN=" + KeyId, _rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(
                new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero));
            jwk["x5t"] = Base64UrlEncoder.Encode(certificate.GetCertHash());
            jwk["x5c"] = new[] { Convert.ToBase64String(certificate.RawData) };
        }

        if (endorsements is not null)
        {
            jwk["endorsements"] = endorsements;
        }

        return jwk;
    }

    public static string JwksJson(IEnumerable<TestSigningKey> keys) =>
        JsonSerializer.Serialize(new { keys = keys.Select(key => key.ToJwk()).ToArray() });
}
