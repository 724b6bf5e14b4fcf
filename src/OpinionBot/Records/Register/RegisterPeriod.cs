using System.Globalization;
using System.Text.RegularExpressions;

namespace OpinionBot.Records.Register;

/// <summary>
/// The period a register covers, by the local date cases were reported: <c>本周</c>/<c>this week</c>,
/// <c>本月</c>/<c>this month</c>, <c>上周</c>/<c>last week</c>, <c>上月</c>/<c>last month</c>, a month <c>2026-11</c>, a day
/// <c>2026-11-23</c>, a range <c>2026-11-01..2026-11-30</c> (also <c>~</c>, <c>至</c>, <c>to</c>), or <c>全部</c>/<c>all</c>.
/// Nothing given means this month. <see cref="Label"/> names the file.
/// </summary>
public sealed partial record RegisterPeriod(DateOnly From, DateOnly Through, string Label)
{
    /// <summary>The earliest date <c>all</c> starts at (the register has no cases before the bot existed).</summary>
    public static readonly DateOnly Beginning = new(2000, 1, 1);

    public bool IsAll => From == Beginning;

    /// <summary>The period, or null when <paramref name="text"/> names none of the forms above.</summary>
    public static RegisterPeriod? Parse(string text, DateOnly today)
    {
        var t = text.Trim().ToLowerInvariant();
        switch (t)
        {
            case "" or "本月" or "this month" or "month":
                return Month(today.Year, today.Month);
            case "上月" or "last month":
                var previous = today.AddMonths(-1);
                return Month(previous.Year, previous.Month);
            case "本周" or "this week" or "week":
                return Week(MondayOf(today));
            case "上周" or "last week":
                return Week(MondayOf(today).AddDays(-7));
            case "全部" or "all":
                return new RegisterPeriod(Beginning, today, "all");
        }

        if (MonthPattern().Match(t) is { Success: true } month
            && int.Parse(month.Groups[2].Value, CultureInfo.InvariantCulture) is >= 1 and <= 12 and var m)
            return Month(int.Parse(month.Groups[1].Value, CultureInfo.InvariantCulture), m);

        if (RangePattern().Match(t) is { Success: true } range && Day(range.Groups[1].Value) is { } from && Day(range.Groups[2].Value) is { } through && from <= through)
            return new RegisterPeriod(from, through, $"{Iso(from)}_{Iso(through)}");

        return Day(t) is { } day ? new RegisterPeriod(day, day, Iso(day)) : null;
    }

    public int Days => Through.DayNumber - From.DayNumber + 1;

    private static RegisterPeriod Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new RegisterPeriod(first, first.AddMonths(1).AddDays(-1), first.ToString("yyyy-MM", CultureInfo.InvariantCulture));
    }

    private static RegisterPeriod Week(DateOnly monday) => new(monday, monday.AddDays(6), $"{Iso(monday)}_{Iso(monday.AddDays(6))}");

    private static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static DateOnly? Day(string text) =>
        DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{4})\s*[-/年]\s*(\d{1,2})\s*月?$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^(\S+)\s*(?:\.\.|~|～|至|到|to|—|–)\s*(\S+)$")]
    private static partial Regex RangePattern();
}
