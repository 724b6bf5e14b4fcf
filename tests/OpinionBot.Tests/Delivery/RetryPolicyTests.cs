using System.Net;
using OpinionBot.BotFramework.Connector;
using OpinionBot.Delivery;
using OpinionBot.Delivery.Outbox;

namespace OpinionBot.Tests.Delivery;

public sealed class RetryPolicyTests
{
    private static readonly DeliveryOptions Options = new() { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromMinutes(5) };

    [Fact]
    public void The_ceiling_doubles_from_the_base_and_stops_at_the_maximum()
    {
        var policy = new RetryPolicy(Options);

        Assert.Equal(TimeSpan.FromSeconds(1), policy.Ceiling(1));
        Assert.Equal(TimeSpan.FromSeconds(2), policy.Ceiling(2));
        Assert.Equal(TimeSpan.FromSeconds(64), policy.Ceiling(7));
        Assert.Equal(TimeSpan.FromSeconds(256), policy.Ceiling(9));
        Assert.Equal(TimeSpan.FromMinutes(5), policy.Ceiling(10));
        Assert.Equal(TimeSpan.FromMinutes(5), policy.Ceiling(1000));
    }

    [Fact]
    public void Full_jitter_scales_the_ceiling_by_a_random_fraction()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), new RetryPolicy(Options, () => 0.5).Delay(3, null));
        Assert.Equal(TimeSpan.Zero, new RetryPolicy(Options, () => 0.0).Delay(3, null));
        var random = new RetryPolicy(Options);
        Assert.All(Enumerable.Range(0, 100), _ => Assert.InRange(random.Delay(4, null), TimeSpan.Zero, TimeSpan.FromSeconds(8)));
    }

    [Fact]
    public void Retry_after_from_Teams_is_honoured_as_given()
    {
        var policy = new RetryPolicy(Options, () => 0.0);

        Assert.Equal(TimeSpan.FromSeconds(7), policy.Delay(1, TimeSpan.FromSeconds(7)));
        Assert.Equal(TimeSpan.FromMinutes(10), policy.Delay(1, TimeSpan.FromMinutes(10)));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.PreconditionFailed, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    public void Which_answers_are_retried(HttpStatusCode status, bool transient) =>
        Assert.Equal(transient, RetryPolicy.IsTransient(new ConnectorException(status, "send", null, null)));

    [Fact]
    public void Network_failures_are_retried_and_an_untrusted_service_url_is_not()
    {
        Assert.True(RetryPolicy.IsTransient(new HttpRequestException("connection refused")));
        Assert.False(RetryPolicy.IsTransient(new UntrustedServiceUrlException("https://evil.example/")));
    }
}
