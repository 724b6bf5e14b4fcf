using System.Text.Json.Nodes;
using OpinionBot.Cards;
using OpinionBot.Evidence;
using OpinionBot.Localization;

namespace OpinionBot.Records.Evidence;

/// <summary>
/// The case card's evidence section: each file's name, type, size and short hash with a Download button
/// (Action.Execute <see cref="DownloadVerb"/>). At most <see cref="MaxShown"/> files, so the card stays under 28 KB;
/// the archive package holds them all.
/// </summary>
public sealed class EvidenceList(IEvidenceStore evidence, BotTexts texts)
{
    public const int MaxShown = 5;
    public const int MaxName = 40;
    public const string DownloadVerb = "evidence.download";

    public IReadOnlyList<JsonObject> Elements(string caseNumber, Language language) => Elements(evidence.ForCase(caseNumber), language);

    public IReadOnlyList<JsonObject> Elements(IReadOnlyList<EvidenceFile> files, Language language)
    {
        if (files.Count == 0) return [];
        var elements = new List<JsonObject> { CardElements.Text(texts.Get(language, "evidence.list.title"), bold: true) };
        elements.AddRange(files.Take(MaxShown).Select(f => Row(f, language)));
        if (files.Count > MaxShown)
            elements.Add(CardElements.Text(texts.Get(language, "evidence.list.more", files.Count - MaxShown, files[0].CaseNumber), subtle: true));
        return elements;
    }

    private JsonObject Row(EvidenceFile file, Language language)
    {
        var name = file.Name.Length <= MaxName ? file.Name : file.Name[..MaxName] + "…";
        var line = $"{name} · {file.ContentType} · {FileSize.Format(file.Size)} · {file.Sha256[..12]}";
        var button = CardElements.Execute(texts.Get(language, "evidence.list.download"), DownloadVerb, new JsonObject { ["file"] = file.Id, ["lang"] = language.Tag() });
        return new JsonObject
        {
            ["type"] = "ColumnSet",
            ["columns"] = new JsonArray(
                new JsonObject { ["type"] = "Column", ["width"] = "stretch", ["verticalContentAlignment"] = "Center", ["items"] = new JsonArray(CardElements.Text(line)) },
                new JsonObject { ["type"] = "Column", ["width"] = "auto", ["items"] = new JsonArray(new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray(button) }) }),
        };
    }
}
