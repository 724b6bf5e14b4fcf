using System.Net;
using OpinionBot.BotFramework.Connector;

namespace OpinionBot.Delivery.Outbox;

/// <summary>When to try again: Retry-After when Teams gives one, else exponential back-off with full jitter.</summary>
public sealed class RetryPolicy(DeliveryOptions options, Func<double>? jitter = null)
{
    private readonly Func<double> _jitter = jitter ?? Random.Shared.NextDouble;

    public int MaxAttempts => Math.Max(1, options.MaxAttempts);

    /// <summary>The ceiling of the back-off after <paramref name="attempts"/> failed attempts: base × 2^(attempts−1), capped.</summary>
    public TimeSpan Ceiling(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ticks = options.BaseDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= options.MaxDelay.Ticks ? options.MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The wait after <paramref name="attempts"/> failed attempts.</summary>
    public TimeSpan Delay(int attempts, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked && asked > TimeSpan.Zero)
            return asked;
        return TimeSpan.FromTicks((long)(Ceiling(attempts).Ticks * _jitter()));
    }

    /// <summary>Whether a failure is worth another attempt: 412, 429, 5xx and network failures; other answers are final.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        ConnectorException connector => connector.IsTransient,
        HttpRequestException { StatusCode: null or >= HttpStatusCode.InternalServerError } => true,
        TaskCanceledException or TimeoutException => true,
        _ => false,
    };

    public static TimeSpan? RetryAfterOf(Exception exception) => (exception as ConnectorException)?.RetryAfter;
}
