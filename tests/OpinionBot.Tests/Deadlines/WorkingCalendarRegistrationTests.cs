using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpinionBot.Configuration;
using OpinionBot.Deadlines;

namespace OpinionBot.Tests.Deadlines;

public sealed class WorkingCalendarRegistrationTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();

    [Fact]
    public void Configured_working_hours_replace_the_defaults_instead_of_being_appended()
    {
        var options = Settings(("Calendar:WorkingHours:0", "08:00-12:00")).GetSection(CalendarOptions.Section).Get<CalendarOptions>()!;

        Assert.Equal(["08:00-12:00"], options.EffectiveWorkingHours);
        Assert.Equal(CalendarOptions.DefaultWorkingHours, new CalendarOptions().EffectiveWorkingHours);
    }

    [Fact]
    public void The_calendar_is_a_singleton_in_the_organisation_time_zone()
    {
        var configuration = Settings(
            ("Organization:TimeZone", "Europe/Berlin"),
            ("Calendar:Holidays:0", "2026-12-24"),
            ("Calendar:WorkingHours:0", "08:00-16:00"));
        using var provider = new ServiceCollection().AddLogging().AddOpinionBotOptions(configuration).BuildServiceProvider();

        var calendar = provider.GetRequiredService<WorkingCalendar>();

        Assert.Same(calendar, provider.GetRequiredService<WorkingCalendar>());
        Assert.Equal("Europe/Berlin", calendar.TimeZone.Id);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 12, 24)));
        Assert.Equal(TimeSpan.FromHours(8), calendar.WorkingDayLength);
        Assert.NotNull(provider.GetRequiredService<IOptions<CalendarOptions>>().Value.WorkingHours);
    }
}
