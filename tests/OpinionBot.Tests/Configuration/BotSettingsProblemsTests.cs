using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using OpinionBot.Configuration;

namespace OpinionBot.Tests.Configuration;

/// <summary>The Bot section fails closed: authentication is off only on purpose, and a registration has exactly one credential.</summary>
public sealed class BotSettingsProblemsTests
{
    private const string AppId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    private const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private static IReadOnlyList<string> Problems(string environment, params (string Key, string Value)[] settings) =>
        ConfigurationProblems.Find(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build(), environment);

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public void Without_credentials_outside_Development_the_start_is_refused_in_one_line(string environment)
    {
        var problem = Assert.Single(Problems(environment));

        Assert.StartsWith($"Bot:MicrosoftAppId is empty in the {environment} environment: the bot would accept requests from anyone.", problem);
        Assert.Contains("Bot:AllowAnonymous=true", problem);
    }

    [Fact]
    public void Anonymous_is_fine_in_Development_or_when_asked_for_explicitly()
    {
        Assert.Empty(Problems("Development"));
        Assert.Empty(Problems("Production", ("Bot:AllowAnonymous", "true")));
    }

    /// <summary>The deployment of the issue: password, SingleTenant, tenant and AllowedTenants under Bot:, the app id at the root.</summary>
    [Fact]
    public void An_app_id_at_the_root_with_credentials_under_Bot_is_refused_naming_the_key()
    {
        var problems = Problems("Production",
            ("MicrosoftAppId", AppId), ("Bot:MicrosoftAppPassword", "secret"), ("Bot:MicrosoftAppType", "SingleTenant"),
            ("Bot:MicrosoftAppTenantId", TenantId), ("Bot:AllowedTenants:0", TenantId));

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("MicrosoftAppId is set at the top level of the configuration, where OpinionBot does not read it; put it under Bot: (Bot:MicrosoftAppId", problems[0]);
        Assert.StartsWith("Bot:MicrosoftAppPassword, Bot:MicrosoftAppTenantId, Bot:AllowedTenants are set but Bot:MicrosoftAppId is empty", problems[1]);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public void Credentials_without_an_app_id_are_refused_even_where_anonymous_is_allowed(string environment)
    {
        var problem = Assert.Single(Problems(environment, ("Bot:AllowAnonymous", "true"), ("Bot:MicrosoftAppPassword", "secret")));

        Assert.StartsWith("Bot:MicrosoftAppPassword is set but Bot:MicrosoftAppId is empty", problem);
    }

    [Fact]
    public void Emulator_tokens_are_for_Development_only()
    {
        Assert.Empty(Problems("Development", ("Bot:AllowEmulatorTokens", "true")));
        Assert.Equal(
            "Bot:AllowEmulatorTokens is true in the Production environment; emulator tokens are accepted in Development only.",
            Assert.Single(Problems("Production", ("Bot:AllowEmulatorTokens", "true"), ("Bot:AllowAnonymous", "true"))));
    }

    [Theory]
    [InlineData("Bot:AllowAnonymous", "yes", "Bot:AllowAnonymous is 'yes'; expected true or false.")]
    [InlineData("Bot:Cloud", "Germany", "Bot:Cloud is 'Germany'; use Public, China, USGov.")]
    [InlineData("Bot:MicrosoftAppType", "Federated", "Bot:MicrosoftAppType is 'Federated'; use SingleTenant, MultiTenant, UserAssignedMSI.")]
    public void Names_a_bad_value(string key, string value, string expected) =>
        Assert.Contains(expected, Problems("Development", (key, value)));

    [Theory]
    [InlineData("Public")]
    [InlineData("china")]
    [InlineData("USGov")]
    public void Every_cloud_is_accepted(string cloud) =>
        Assert.Empty(Problems("Development", ("Bot:Cloud", cloud)));

    [Fact]
    public void Single_tenant_is_the_default_and_needs_the_tenant()
    {
        Assert.Equal(
            "Bot:MicrosoftAppTenantId must be the tenant's GUID when Bot:MicrosoftAppType is SingleTenant (the default).",
            Assert.Single(Problems("Production", ("Bot:MicrosoftAppId", AppId), ("Bot:MicrosoftAppPassword", "secret"))));
        Assert.Empty(Problems("Production", ("Bot:MicrosoftAppId", AppId), ("Bot:MicrosoftAppPassword", "secret"), ("Bot:MicrosoftAppTenantId", TenantId)));
        Assert.Empty(Problems("Production", ("Bot:MicrosoftAppId", AppId), ("Bot:MicrosoftAppPassword", "secret"), ("Bot:MicrosoftAppType", "MultiTenant")));
    }

    [Fact]
    public void A_registration_needs_exactly_one_credential()
    {
        (string, string)[] registration = [("Bot:MicrosoftAppId", AppId), ("Bot:MicrosoftAppTenantId", TenantId)];

        Assert.StartsWith("Bot:MicrosoftAppPassword is empty while Bot:MicrosoftAppId is set; give the client secret, or a certificate",
            Assert.Single(Problems("Production", registration)));
        Assert.Equal("Bot:MicrosoftAppPassword and Bot:CertificateThumbprint are both set; give exactly one credential.",
            Assert.Single(Problems("Production", [.. registration, ("Bot:MicrosoftAppPassword", "s"), ("Bot:CertificateThumbprint", "ab12")])));
    }

    [Fact]
    public void A_managed_identity_needs_its_tenant_and_no_secret()
    {
        (string, string)[] identity = [("Bot:MicrosoftAppId", AppId), ("Bot:MicrosoftAppType", "UserAssignedMSI")];

        Assert.StartsWith("Bot:MicrosoftAppTenantId must be the tenant's GUID when Bot:MicrosoftAppType is UserAssignedMSI",
            Assert.Single(Problems("Production", identity)));
        Assert.Empty(Problems("Production", [.. identity, ("Bot:MicrosoftAppTenantId", TenantId)]));
        Assert.StartsWith("Bot:MicrosoftAppPassword: a managed identity",
            Assert.Single(Problems("Production", [.. identity, ("Bot:MicrosoftAppTenantId", TenantId), ("Bot:MicrosoftAppPassword", "s")])));
    }

    [Fact]
    public void A_certificate_is_loaded_at_start_so_a_missing_file_or_wrong_password_stops_it()
    {
        var folder = Directory.CreateTempSubdirectory("opinionbot-cert-").FullName;
        try
        {
            using var key = RSA.Create(2048);
            using var certificate = new CertificateRequest("CN=OpinionBot", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            var path = Path.Combine(folder, "bot.pfx");
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "right"));
            (string, string)[] registration = [("Bot:MicrosoftAppId", AppId), ("Bot:MicrosoftAppTenantId", TenantId), ("Bot:CertificatePath", path)];

            Assert.Empty(Problems("Production", [.. registration, ("Bot:CertificatePassword", "right")]));
            var wrong = Assert.Single(Problems("Production", [.. registration, ("Bot:CertificatePassword", "wrong")]));
            Assert.StartsWith($"Bot:CertificatePath '{path}' is not a PFX file this password opens", wrong);
            Assert.DoesNotContain("wrong'", wrong);
            Assert.Equal($"Bot:CertificatePath '{path}.missing' does not exist.",
                Assert.Single(Problems("Production", ("Bot:MicrosoftAppId", AppId), ("Bot:MicrosoftAppTenantId", TenantId), ("Bot:CertificatePath", path + ".missing"))));
            Assert.StartsWith("No certificate with Bot:CertificateThumbprint 00FF",
                Assert.Single(Problems("Production", ("Bot:MicrosoftAppId", AppId), ("Bot:MicrosoftAppTenantId", TenantId), ("Bot:CertificateThumbprint", "00FF"))));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
