namespace OpinionBot.BotFramework.Schema;

public static class AttachmentContentTypes
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    public const string TeamsFileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";
}
