namespace OpinionBot.BotFramework.Schema;

/// <summary>The <c>value</c> of an <c>adaptiveCard/action</c> invoke (Universal Actions).</summary>
public sealed class AdaptiveCardInvokeValue
{
    public AdaptiveCardInvokeAction? Action { get; set; }

    /// <summary><c>manual</c> for a press, <c>automatic</c> for a refresh.</summary>
    public string? Trigger { get; set; }
}

public sealed class AdaptiveCardInvokeAction
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public string? Verb { get; set; }
    public object? Data { get; set; }
}
