namespace OpinionBot.Cases.Intake;

/// <summary>The input ids of the intake card, which are also the keys of its submitted data.</summary>
public static class IntakeFields
{
    public const string Title = "title";
    public const string Links = "links";
    public const string Platform = "platform";
    public const string PublishedDate = "publishedDate";
    public const string PublishedTime = "publishedTime";
    public const string DiscoveredDate = "discoveredDate";
    public const string DiscoveredTime = "discoveredTime";
    public const string Level = "level";
    public const string Category = "category";
    public const string Flags = "flags";
    public const string Reposts = "reposts";
    public const string Comments = "comments";
    public const string Views = "views";
    public const string Tendency = "tendency";
    public const string Summary = "summary";
    public const string Unit = "unit";

    public const string SubmissionId = "submissionId";
    public const string Language = "lang";

    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 2000;
    public const int MaxLinks = 10;
    public const int MaxLinkLength = 2000;
}
