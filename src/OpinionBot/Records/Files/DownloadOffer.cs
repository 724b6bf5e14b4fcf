using System.Globalization;
using System.Text.Json.Nodes;
using OpinionBot.Cards;
using OpinionBot.Configuration;
using OpinionBot.Evidence;
using OpinionBot.Localization;

namespace OpinionBot.Records.Files;

/// <summary>How a link reaches its person: an Action.OpenUrl button with the file's name, size and how long the link works.</summary>
public sealed class DownloadOffer(BotTexts texts, OrganizationClock clock)
{
    /// <summary>A card of its own, for a command's answer; <paramref name="intro"/> says what the file holds.</summary>
    public AdaptiveCard Card(IssuedLink issued, Language language, string? intro = null)
    {
        var card = new AdaptiveCard().Add(CardElements.Heading(issued.Link.FileName));
        if (intro is not null) card.Add(CardElements.Text(intro));
        return card.Add(Elements(issued, language).ToArray());
    }

    /// <summary>The note and the button, to put at the top of another card (the case card, a briefing).</summary>
    public IReadOnlyList<JsonObject> Elements(IssuedLink issued, Language language)
    {
        var link = issued.Link;
        var until = clock.ToLocal(link.ExpiresAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return
        [
            CardElements.Text(texts.Get(language, "download.ready", link.FileName, FileSize.Format(link.Size), link.IssuedToName, until)),
            new JsonObject
            {
                ["type"] = "ActionSet",
                ["actions"] = new JsonArray(OpenUrl(texts.Get(language, "download.button", Extension(link.FileName)), issued.Url)),
            },
        ];
    }

    public string NotConfigured(Language language) => texts.Get(language, "download.notConfigured");

    public static JsonObject OpenUrl(string title, Uri url) => new()
    {
        ["type"] = "Action.OpenUrl",
        ["title"] = title,
        ["url"] = url.AbsoluteUri,
    };

    private static string Extension(string fileName) => Path.GetExtension(fileName) is { Length: > 0 } e ? e : fileName;
}
