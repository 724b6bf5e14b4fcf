using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpinionBot.BotFramework.Authentication;

/// <summary>
/// The certificate the bot signs its token requests with: a PFX file (<c>Bot:CertificatePath</c>, with
/// <c>Bot:CertificatePassword</c>) or a certificate in the <c>My</c> store found by <c>Bot:CertificateThumbprint</c>.
/// Either way it must carry its private key.
/// </summary>
public static class BotCertificate
{
    /// <exception cref="BotAuthenticationException">The certificate cannot be loaded; the message names the setting, never the password.</exception>
    public static X509Certificate2 Load(BotCredentialsOptions credentials)
    {
        var certificate = !string.IsNullOrWhiteSpace(credentials.CertificatePath)
            ? FromFile(credentials.CertificatePath.Trim(), credentials.CertificatePassword)
            : FromStore(credentials.CertificateThumbprint, credentials.CertificateStoreLocation);
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new BotAuthenticationException(
                $"The bot's certificate ({Describe(credentials)}) has no private key; the bot cannot sign its token requests with it.");
        }

        return certificate;
    }

    private static X509Certificate2 FromFile(string path, string password)
    {
        if (!File.Exists(path))
        {
            throw new BotAuthenticationException($"Bot:CertificatePath '{path}' does not exist.");
        }

        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(
                path, string.IsNullOrEmpty(password) ? null : password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException exception)
        {
            throw new BotAuthenticationException(
                $"Bot:CertificatePath '{path}' is not a PFX file this password opens (check Bot:CertificatePassword): {exception.Message}", exception);
        }
    }

    private static X509Certificate2 FromStore(string thumbprint, string storeLocation)
    {
        if (!Enum.TryParse<StoreLocation>(storeLocation, ignoreCase: true, out var location) || !Enum.IsDefined(location))
        {
            throw new BotAuthenticationException($"Bot:CertificateStoreLocation '{storeLocation}' is neither CurrentUser nor LocalMachine.");
        }

        var wanted = new string(thumbprint.Where(char.IsAsciiHexDigit).ToArray());
        try
        {
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, wanted, validOnly: false);
            if (found.Count == 0)
            {
                throw new BotAuthenticationException(
                    $"No certificate with Bot:CertificateThumbprint {wanted} in the {location}\\My store of this user.");
            }

            return found[0];
        }
        catch (CryptographicException exception)
        {
            throw new BotAuthenticationException($"The {location}\\My certificate store cannot be read: {exception.Message}", exception);
        }
    }

    private static string Describe(BotCredentialsOptions credentials) =>
        !string.IsNullOrWhiteSpace(credentials.CertificatePath)
            ? $"Bot:CertificatePath '{credentials.CertificatePath}'"
            : $"Bot:CertificateThumbprint {credentials.CertificateThumbprint}";
}
