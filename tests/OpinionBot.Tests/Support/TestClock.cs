using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OpinionBot.Configuration;
using OpinionBot.Roster;

namespace OpinionBot.Tests.Support;

public static class TestClock
{
    /// <summary>An organisation clock in Asia/Shanghai over a fake time provider set to <paramref name="utcNow"/>.</summary>
    public static (OrganizationClock Clock, FakeTimeProvider Time) At(DateTimeOffset utcNow)
    {
        var time = new FakeTimeProvider(utcNow);
        return (new OrganizationClock(time, Options.Create(new OrganizationOptions { TimeZone = "Asia/Shanghai" })), time);
    }
}
