namespace OpinionBot.BotFramework.Schema;

/// <summary>The body of the invoke response to an <c>adaptiveCard/action</c>.</summary>
public sealed class AdaptiveCardInvokeResponse
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";
    public const string PreconditionFailedType = "application/vnd.microsoft.error.preconditionFailed";

    public int StatusCode { get; set; } = 200;
    public string? Type { get; set; }
    public object? Value { get; set; }

    public static AdaptiveCardInvokeResponse Card(object card) => new() { StatusCode = 200, Type = CardType, Value = card };

    public static AdaptiveCardInvokeResponse Message(string text) => new() { StatusCode = 200, Type = MessageType, Value = text };

    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message) =>
        new() { StatusCode = statusCode, Type = ErrorType, Value = new { code, message } };
}
