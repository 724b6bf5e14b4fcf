using Microsoft.Extensions.Options;
using OpinionBot.Localization;
using OpinionBot.Roster;

namespace OpinionBot.Configuration;

/// <summary>The organisation's time zone and default language, over the injected <see cref="TimeProvider"/>.</summary>
public sealed class OrganizationClock(TimeProvider timeProvider, IOptions<OrganizationOptions> options)
{
    public TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public Language DefaultLanguage { get; } = LanguageTags.FromLocale(options.Value.DefaultLocale) ?? Language.ZhCn;

    public DateTimeOffset UtcNow => timeProvider.GetUtcNow();

    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(UtcNow, TimeZone);

    public DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, TimeZone);

    /// <summary>Midnight at the start of <paramref name="day"/> in the organisation's zone, as UTC.</summary>
    public DateTimeOffset StartOfLocalDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (TimeZone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
