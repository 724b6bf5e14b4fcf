namespace OpinionBot.BotFramework.Builder;

/// <summary>
/// The activity's <c>value</c> does not have the shape its type or name requires (an invoke whose value is a string,
/// a verb that is a number, button data that is not an object). The adapter answers such a request with 400.
/// </summary>
public sealed class InvalidActivityValueException : Exception
{
    public InvalidActivityValueException(string message)
        : base(message)
    {
    }

    public InvalidActivityValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
