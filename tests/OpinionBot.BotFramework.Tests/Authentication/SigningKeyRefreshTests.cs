using System.Net;
using OpinionBot.BotFramework.Authentication;
using static OpinionBot.BotFramework.Tests.Authentication.ChannelAuthenticationTestBed;

namespace OpinionBot.BotFramework.Tests.Authentication;

public sealed class SigningKeyRefreshTests
{
    private readonly ChannelAuthenticationTestBed _bed = new();
    private readonly ChannelRequestAuthenticator _authenticator;
    private readonly TestSigningKey _rotatedKey = new("bf-key-2", ["msteams"]);

    public SigningKeyRefreshTests() => _authenticator = _bed.CreateAuthenticator();

    private int MetadataFetches => _bed.Handler.CountRequests(BotFrameworkMetadataUrl);

    private int KeySetFetches => _bed.Handler.CountRequests(BotFrameworkKeysUrl);

    private Task<ChannelAuthenticationResult> Authenticate(TestSigningKey key) =>
        _authenticator.AuthenticateAsync(
            Bearer(Sign(_bed.ChannelToken(), key.Credentials())), "msteams", ServiceUrl, CancellationToken.None);

    [Fact]
    public async Task Keys_are_fetched_once_and_reused()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await Authenticate(_bed.ChannelKey)).IsAuthenticated);
        }

        Assert.Equal(1, MetadataFetches);
        Assert.Equal(1, KeySetFetches);
    }

    [Fact]
    public async Task An_unknown_kid_fetches_the_keys_at_most_once_an_hour()
    {
        Assert.True((await Authenticate(_bed.ChannelKey)).IsAuthenticated);
        var unknown = new TestSigningKey("never-published", ["msteams"]);

        Assert.False((await Authenticate(unknown)).IsAuthenticated);
        _bed.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.False((await Authenticate(unknown)).IsAuthenticated);
        Assert.Equal(1, MetadataFetches);

        _bed.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.False((await Authenticate(unknown)).IsAuthenticated);
        Assert.False((await Authenticate(unknown)).IsAuthenticated);
        Assert.Equal(2, MetadataFetches);
        Assert.Equal(2, KeySetFetches);

        _bed.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.False((await Authenticate(unknown)).IsAuthenticated);
        Assert.Equal(2, MetadataFetches);

        _bed.Time.Advance(TimeSpan.FromMinutes(31));
        Assert.False((await Authenticate(unknown)).IsAuthenticated);
        Assert.Equal(3, MetadataFetches);
    }

    [Fact]
    public async Task A_rotated_key_is_picked_up_by_the_unknown_kid_refresh()
    {
        Assert.True((await Authenticate(_bed.ChannelKey)).IsAuthenticated);
        _bed.ChannelKeys.Add(_rotatedKey);

        Assert.Equal("signing key not found", (await Authenticate(_rotatedKey)).FailureReason);
        _bed.Time.Advance(TimeSpan.FromMinutes(61));

        var result = await Authenticate(_rotatedKey);

        Assert.True(result.IsAuthenticated, result.FailureReason);
        Assert.Equal(2, MetadataFetches);
    }

    [Fact]
    public async Task Known_keys_are_fetched_again_after_a_day()
    {
        Assert.True((await Authenticate(_bed.ChannelKey)).IsAuthenticated);

        _bed.Time.Advance(TimeSpan.FromHours(23));
        Assert.True((await Authenticate(_bed.ChannelKey)).IsAuthenticated);
        Assert.Equal(1, MetadataFetches);

        _bed.Time.Advance(TimeSpan.FromHours(1));
        Assert.True((await Authenticate(_bed.ChannelKey)).IsAuthenticated);
        Assert.Equal(2, MetadataFetches);
    }

    [Fact]
    public async Task A_failed_refresh_keeps_the_keys_already_held()
    {
        Assert.True((await Authenticate(_bed.ChannelKey)).IsAuthenticated);
        _bed.Handler.RespondJson(BotFrameworkMetadataUrl, () => "{}", HttpStatusCode.ServiceUnavailable);
        _bed.Time.Advance(TimeSpan.FromDays(1));

        var result = await Authenticate(_bed.ChannelKey);

        Assert.True(result.IsAuthenticated, result.FailureReason);
        Assert.Equal(2, MetadataFetches);
    }

    [Fact]
    public async Task Unreachable_metadata_refuses_without_throwing()
    {
        _bed.Handler.RespondJson(BotFrameworkMetadataUrl, () => "{}", HttpStatusCode.InternalServerError);

        var result = await Authenticate(_bed.ChannelKey);

        Assert.False(result.IsAuthenticated);
        Assert.Equal("signing keys unavailable", result.FailureReason);
    }

    [Fact]
    public async Task Before_any_success_a_failed_fetch_is_tried_again_at_most_every_30_seconds()
    {
        _bed.Handler.RespondJson(BotFrameworkMetadataUrl, () => "{}", HttpStatusCode.ServiceUnavailable);
        var forged = new TestSigningKey("bf-key-1", ["msteams"]);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("signing keys unavailable", (await Authenticate(forged)).FailureReason);
        }

        Assert.Equal(1, MetadataFetches);
        _bed.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal("signing keys unavailable", (await Authenticate(forged)).FailureReason);
        Assert.Equal(1, MetadataFetches);

        _bed.Time.Advance(TimeSpan.FromSeconds(1));
        _bed.Handler.RespondJson(BotFrameworkMetadataUrl, () => $$"""{"issuer":"https://api.botframework.com","jwks_uri":"{{BotFrameworkKeysUrl}}"}""");
        Assert.True((await Authenticate(_bed.ChannelKey)).IsAuthenticated);
        Assert.Equal(2, MetadataFetches);
    }

    [Fact]
    public async Task A_jwks_uri_that_is_not_https_is_never_fetched()
    {
        const string plainHttpKeys = "http://login.botframework.test/v1/.well-known/keys";
        _bed.Handler.RespondJson(BotFrameworkMetadataUrl, () => $$"""{"issuer":"https://api.botframework.com","jwks_uri":"{{plainHttpKeys}}"}""");
        _bed.Handler.RespondJson(plainHttpKeys, () => TestSigningKey.JwksJson([_bed.ChannelKey]));

        var result = await Authenticate(_bed.ChannelKey);

        Assert.Equal("signing keys unavailable", result.FailureReason);
        Assert.Equal(0, _bed.Handler.CountRequests(plainHttpKeys));
    }

    [Fact]
    public async Task Metadata_that_is_not_https_is_never_fetched()
    {
        const string plainHttpMetadata = "http://login.botframework.test/v1/.well-known/openidconfiguration";
        var authenticator = new ChannelRequestAuthenticator(
            Microsoft.Extensions.Options.Options.Create(new BotCredentialsOptions { MicrosoftAppId = AppId, MicrosoftAppTenantId = TenantId }),
            Microsoft.Extensions.Options.Options.Create(new ChannelAuthenticationOptions { BotFrameworkOpenIdMetadataUrl = plainHttpMetadata }),
            new FakeHttpClientFactory(_bed.Handler),
            _bed.Time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ChannelRequestAuthenticator>.Instance);

        var result = await authenticator.AuthenticateAsync(
            Bearer(Sign(_bed.ChannelToken(), _bed.ChannelKey.Credentials())), "msteams", ServiceUrl, CancellationToken.None);

        Assert.Equal("signing keys unavailable", result.FailureReason);
        Assert.Empty(_bed.Handler.Requests);
    }
}
