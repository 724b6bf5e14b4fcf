namespace OpinionBot.BotFramework.Schema;

/// <summary>The HTTP status and body a bot answers an <c>invoke</c> activity with.</summary>
public sealed class InvokeResponse
{
    public int Status { get; set; }
    public object? Body { get; set; }
}
