using System.Globalization;

namespace OpinionBot.Records.Files;

/// <summary>Checks <c>Bot:PublicUrl</c> and <c>Files:LinkLifetime</c>; one readable line per problem.</summary>
public static class FilesConfigurationProblems
{
    public static readonly TimeSpan LongestLinkLifetime = TimeSpan.FromDays(7);

    public static IEnumerable<string> Find(IConfiguration configuration)
    {
        var publicUrl = configuration[FilesOptions.PublicUrlKey];
        if (!string.IsNullOrWhiteSpace(publicUrl) && !IsBaseUrl(publicUrl.Trim()))
            yield return $"{FilesOptions.PublicUrlKey} '{publicUrl}' is not an absolute http(s) URL without query or fragment (e.g. https://opinionbot.example.org).";

        var lifetime = configuration[$"{FilesOptions.Section}:LinkLifetime"];
        if (lifetime is not null && !(TimeSpan.TryParse(lifetime, CultureInfo.InvariantCulture, out var parsed) && parsed > TimeSpan.Zero && parsed <= LongestLinkLifetime))
            yield return $"{FilesOptions.Section}:LinkLifetime is '{lifetime}'; expected a positive TimeSpan of at most 7 days, such as 00:15:00.";
    }

    private static bool IsBaseUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;
}
