using OpinionBot.BotFramework.Authentication;

namespace OpinionBot.Configuration;

/// <summary>
/// The <c>Bot</c> section's contract, checked before anything starts: authentication is never off by accident.
/// Without <c>Bot:MicrosoftAppId</c> the bot runs only in Development or with an explicit <c>Bot:AllowAnonymous=true</c>;
/// credentials without an app id, or Bot Framework keys at the top level (where Microsoft's samples put them), are
/// mistakes that would otherwise turn authentication off; an app id needs exactly one way to prove it.
/// </summary>
public static class BotSettingsProblems
{
    private const string Development = "Development";

    private static readonly string[] RootKeys = ["MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId", "MicrosoftAppType"];

    private static readonly string[] CredentialKeys =
        ["MicrosoftAppPassword", "MicrosoftAppTenantId", "CertificatePath", "CertificatePassword", "CertificateThumbprint"];

    public static void Check(IConfiguration configuration, string environmentName, List<string> problems)
    {
        var bot = configuration.GetSection("Bot");
        environmentName = string.IsNullOrWhiteSpace(environmentName) ? "unnamed" : environmentName;
        var isDevelopment = string.Equals(environmentName, Development, StringComparison.OrdinalIgnoreCase);
        foreach (var key in RootKeys.Where(k => !string.IsNullOrWhiteSpace(configuration[k])))
            problems.Add($"{key} is set at the top level of the configuration, where OpinionBot does not read it; put it under Bot: (Bot:{key}, or the environment variable Bot__{key}).");

        var allowAnonymous = Flag(bot, "AllowAnonymous", problems);
        if (Flag(bot, "AllowEmulatorTokens", problems) && !isDevelopment)
            problems.Add($"Bot:AllowEmulatorTokens is true in the {environmentName} environment; emulator tokens are accepted in Development only.");
        if (!BotCloud.TryFind(bot["Cloud"], out _))
            problems.Add($"Bot:Cloud is '{bot["Cloud"]}'; use {string.Join(", ", BotCloud.All.Select(c => c.Name))}.");
        var appType = BotAppTypes.Normalize(bot["MicrosoftAppType"]);
        if (appType is null)
            problems.Add($"Bot:MicrosoftAppType is '{bot["MicrosoftAppType"]}'; use {string.Join(", ", BotAppTypes.All)}.");

        if (string.IsNullOrWhiteSpace(bot["MicrosoftAppId"]))
            CheckWithoutAppId(bot, environmentName, isDevelopment, allowAnonymous, problems);
        else
            CheckRegistration(bot, appType, problems);
    }

    private static void CheckWithoutAppId(IConfigurationSection bot, string environmentName, bool isDevelopment, bool allowAnonymous, List<string> problems)
    {
        var orphans = CredentialKeys.Where(k => !string.IsNullOrWhiteSpace(bot[k])).Select(k => "Bot:" + k).ToList();
        if (bot.GetSection("AllowedTenants").GetChildren().Any(t => !string.IsNullOrWhiteSpace(t.Value)))
            orphans.Add("Bot:AllowedTenants");
        if (orphans.Count > 0)
            problems.Add($"{string.Join(", ", orphans)} {(orphans.Count == 1 ? "is" : "are")} set but Bot:MicrosoftAppId is empty, which would leave the bot without authentication; set Bot:MicrosoftAppId to the Azure Bot's app id.");
        else if (!isDevelopment && !allowAnonymous)
            problems.Add($"Bot:MicrosoftAppId is empty in the {environmentName} environment: the bot would accept requests from anyone. Configure the Azure Bot's credentials (README, Deploy to Teams), or set Bot:AllowAnonymous=true for a local trial.");
    }

    private static void CheckRegistration(IConfigurationSection bot, string? appType, List<string> problems)
    {
        var appId = bot["MicrosoftAppId"]!;
        if (!Guid.TryParse(appId, out _))
            problems.Add($"Bot:MicrosoftAppId '{appId}' is not a GUID (the Azure Bot's app id).");
        if (appType is BotAppTypes.SingleTenant or BotAppTypes.UserAssignedMsi && !Guid.TryParse(bot["MicrosoftAppTenantId"], out _))
            problems.Add($"Bot:MicrosoftAppTenantId must be the tenant's GUID when Bot:MicrosoftAppType is {appType}{(string.IsNullOrWhiteSpace(bot["MicrosoftAppType"]) ? " (the default)" : "")}.");

        var secret = !string.IsNullOrWhiteSpace(bot["MicrosoftAppPassword"]);
        var path = !string.IsNullOrWhiteSpace(bot["CertificatePath"]);
        var thumbprint = !string.IsNullOrWhiteSpace(bot["CertificateThumbprint"]);
        var given = new[] { (secret, "Bot:MicrosoftAppPassword"), (path, "Bot:CertificatePath"), (thumbprint, "Bot:CertificateThumbprint") }
            .Where(c => c.Item1).Select(c => c.Item2).ToList();
        if (appType == BotAppTypes.UserAssignedMsi)
        {
            if (given.Count > 0)
                problems.Add($"{string.Join(", ", given)}: a managed identity (Bot:MicrosoftAppType UserAssignedMSI) uses no secret or certificate; remove it.");
            return;
        }

        if (given.Count == 0)
            problems.Add("Bot:MicrosoftAppPassword is empty while Bot:MicrosoftAppId is set; give the client secret, or a certificate (Bot:CertificatePath or Bot:CertificateThumbprint), or use Bot:MicrosoftAppType UserAssignedMSI.");
        else if (given.Count > 1)
            problems.Add($"{string.Join(" and ", given)} are both set; give exactly one credential.");
        else if (path || thumbprint)
            CheckCertificate(bot, problems);
    }

    private static void CheckCertificate(IConfigurationSection bot, List<string> problems)
    {
        var credentials = new BotCredentialsOptions
        {
            CertificatePath = bot["CertificatePath"] ?? "",
            CertificatePassword = bot["CertificatePassword"] ?? "",
            CertificateThumbprint = bot["CertificateThumbprint"] ?? "",
            CertificateStoreLocation = bot["CertificateStoreLocation"] is { Length: > 0 } location ? location : "CurrentUser",
        };
        try
        {
            using var certificate = BotCertificate.Load(credentials);
        }
        catch (BotAuthenticationException exception)
        {
            problems.Add(exception.Message);
        }
    }

    private static bool Flag(IConfigurationSection bot, string key, List<string> problems)
    {
        var value = bot[key];
        if (string.IsNullOrWhiteSpace(value))
            return false;
        if (bool.TryParse(value, out var flag))
            return flag;
        problems.Add($"Bot:{key} is '{value}'; expected true or false.");
        return false;
    }
}
