using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using OpinionBot.BotFramework.Authentication;
using static OpinionBot.BotFramework.Tests.Authentication.ChannelAuthenticationTestBed;

namespace OpinionBot.BotFramework.Tests.Authentication;

public sealed class ChannelRequestAuthenticatorTests
{
    private readonly ChannelAuthenticationTestBed _bed = new();

    private Task<ChannelAuthenticationResult> Authenticate(
        string? header, string channelId = "msteams", string serviceUrl = ServiceUrl) =>
        _bed.CreateAuthenticator().AuthenticateAsync(header, channelId, serviceUrl, CancellationToken.None);

    private Task<ChannelAuthenticationResult> AuthenticateChannelToken(
        Action<SecurityTokenDescriptor> change, string channelId = "msteams", string serviceUrl = ServiceUrl)
    {
        var descriptor = _bed.ChannelToken();
        change(descriptor);
        return Authenticate(Bearer(Sign(descriptor, _bed.ChannelKey.Credentials())), channelId, serviceUrl);
    }

    private static void Refused(ChannelAuthenticationResult result, string reason)
    {
        Assert.False(result.IsAuthenticated);
        Assert.Null(result.Identity);
        Assert.Equal(reason, result.FailureReason);
    }

    [Fact]
    public async Task Accepts_a_good_channel_token_and_carries_its_claims()
    {
        var result = await AuthenticateChannelToken(_ => { });

        Assert.True(result.IsAuthenticated, result.FailureReason);
        Assert.NotNull(result.Identity);
        Assert.True(result.Identity.IsAuthenticated);
        Assert.Equal(AppId, result.Identity.FindFirst("aud")?.Value);
        Assert.Equal(ServiceUrl, result.Identity.FindFirst("serviceurl")?.Value);
        Assert.Equal("https://api.botframework.com", result.Identity.FindFirst("iss")?.Value);
    }

    [Theory]
    [InlineData("RS384")]
    [InlineData("RS512")]
    public async Task Accepts_the_other_allowed_rsa_algorithms(string algorithm)
    {
        var token = Sign(_bed.ChannelToken(), _bed.ChannelKey.Credentials(algorithm));

        var result = await Authenticate(Bearer(token));

        Assert.True(result.IsAuthenticated, result.FailureReason);
    }

    [Fact]
    public async Task Accepts_keys_published_with_certificates_as_the_bot_framework_does()
    {
        var key = new TestSigningKey("bf-key-x5c", ["msteams"], publishCertificate: true);
        _bed.ChannelKeys.Add(key);

        var result = await Authenticate(Bearer(Sign(_bed.ChannelToken(), key.Credentials())));

        Assert.True(result.IsAuthenticated, result.FailureReason);
    }

    [Fact]
    public async Task Compares_the_service_url_ignoring_case()
    {
        var result = await AuthenticateChannelToken(_ => { }, serviceUrl: ServiceUrl.ToUpperInvariant());

        Assert.True(result.IsAuthenticated, result.FailureReason);
    }

    [Fact]
    public async Task Anonymous_mode_accepts_any_request_when_allowed()
    {
        var authenticator = _bed.CreateAuthenticator(new BotCredentialsOptions { AllowAnonymous = true });

        var result = await authenticator.AuthenticateAsync(null, "msteams", ServiceUrl, CancellationToken.None);

        Assert.Same(ChannelAuthenticationResult.Anonymous, result);
        Assert.Empty(_bed.Handler.Requests);
    }

    [Fact]
    public async Task Without_an_app_id_and_without_permission_every_request_is_refused()
    {
        var authenticator = _bed.CreateAuthenticator(new BotCredentialsOptions());

        var result = await authenticator.AuthenticateAsync(null, "msteams", ServiceUrl, CancellationToken.None);

        Refused(result, "no app id is configured and anonymous requests are not allowed");
        Assert.Empty(_bed.Handler.Requests);
    }

    [Fact]
    public async Task Refuses_a_missing_header() => Refused(await Authenticate(null), "missing Authorization header");

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer a b")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30.c2ln")]
    public async Task Refuses_a_header_that_is_not_a_bearer_token(string header) =>
        Refused(await Authenticate(header), "Authorization header is not a Bearer token");

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c.d.e")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjQyfQ.c2ln")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.bm90LWpzb24.c2ln")]
    public async Task Refuses_a_malformed_token(string token) => Refused(await Authenticate(Bearer(token)), "malformed token");

    [Fact]
    public async Task Refuses_a_wrong_issuer() =>
        Refused(await AuthenticateChannelToken(d => d.Issuer = "https://api.botframework.evil"), "untrusted issuer");

    [Fact]
    public async Task Refuses_a_wrong_audience() =>
        Refused(await AuthenticateChannelToken(d => d.Audience = "someone-else"), "aud claim is not this bot's app id");

    [Fact]
    public async Task Refuses_a_missing_audience() =>
        Refused(await AuthenticateChannelToken(d => d.Audience = null), "missing aud claim");

    [Fact]
    public async Task Refuses_an_empty_audience() =>
        Refused(await AuthenticateChannelToken(d =>
        {
            d.Audience = null;
            d.Claims["aud"] = "";
        }), "empty aud claim");

    [Fact]
    public async Task Refuses_a_token_expired_beyond_the_clock_skew() =>
        Refused(await AuthenticateChannelToken(d =>
        {
            d.NotBefore = d.IssuedAt = Start.UtcDateTime.AddHours(-2);
            d.Expires = Start.UtcDateTime.AddMinutes(-6);
        }), "token expired");

    [Fact]
    public async Task Accepts_a_token_expired_within_the_clock_skew()
    {
        var result = await AuthenticateChannelToken(d =>
        {
            d.NotBefore = d.IssuedAt = Start.UtcDateTime.AddHours(-1);
            d.Expires = Start.UtcDateTime.AddMinutes(-3);
        });

        Assert.True(result.IsAuthenticated, result.FailureReason);
    }

    [Fact]
    public async Task Refuses_a_token_not_yet_valid_beyond_the_clock_skew() =>
        Refused(await AuthenticateChannelToken(d =>
        {
            d.NotBefore = d.IssuedAt = Start.UtcDateTime.AddMinutes(6);
            d.Expires = Start.UtcDateTime.AddHours(1);
        }), "token not yet valid");

    [Fact]
    public async Task Refuses_a_token_without_expiry() =>
        Refused(await AuthenticateChannelToken(d => d.Expires = null), "token has no expiry");

    [Fact]
    public async Task Refuses_an_unsigned_token() =>
        Refused(await Authenticate(Bearer(Unsigned(_bed.ChannelToken(), _bed.ChannelKey.KeyId))), "signing algorithm not allowed");

    [Fact]
    public async Task Refuses_an_hs256_token()
    {
        var key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = _bed.ChannelKey.KeyId };
        var token = Sign(_bed.ChannelToken(), new SigningCredentials(key, SecurityAlgorithms.HmacSha256));

        Refused(await Authenticate(Bearer(token)), "signing algorithm not allowed");
    }

    [Fact]
    public async Task Refuses_a_token_signed_by_an_unpublished_key()
    {
        var token = Sign(_bed.ChannelToken(), new TestSigningKey("unknown-key").Credentials());

        Refused(await Authenticate(Bearer(token)), "signing key not found");
    }

    [Fact]
    public async Task Refuses_a_token_naming_a_published_key_but_signed_by_another()
    {
        var token = Sign(_bed.ChannelToken(), new TestSigningKey(_bed.ChannelKey.KeyId).Credentials());

        Refused(await Authenticate(Bearer(token)), "invalid signature");
    }

    [Fact]
    public async Task Refuses_a_key_not_endorsed_for_the_channel() =>
        Refused(await AuthenticateChannelToken(_ => { }, channelId: "webchat"), "signing key not endorsed for channel");

    [Fact]
    public async Task Endorsements_are_case_sensitive() =>
        Refused(await AuthenticateChannelToken(_ => { }, channelId: "MSTeams"), "signing key not endorsed for channel");

    [Fact]
    public async Task Refuses_a_channel_token_whose_key_has_no_endorsements()
    {
        var unendorsed = new TestSigningKey("bf-key-plain");
        _bed.ChannelKeys.Add(unendorsed);

        var result = await Authenticate(Bearer(Sign(_bed.ChannelToken(), unendorsed.Credentials())));

        Refused(result, "signing key has no endorsements");
    }

    [Fact]
    public async Task Refuses_a_service_url_mismatch() =>
        Refused(await AuthenticateChannelToken(_ => { }, serviceUrl: "https://evil.example/amer/"), "serviceurl claim mismatch");

    [Fact]
    public async Task Refuses_a_missing_service_url_claim() =>
        Refused(await AuthenticateChannelToken(d => d.Claims.Remove("serviceurl")), "missing serviceurl claim");
}
