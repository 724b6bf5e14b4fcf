using System.Globalization;

namespace OpinionBot.Deadlines;

/// <summary>
/// One period of work within a local day, such as 09:00–12:00. <see cref="Start"/> and <see cref="End"/> are offsets
/// from local midnight; <see cref="End"/> may be 24:00 (the next midnight), and is always after <see cref="Start"/>.
/// </summary>
public readonly record struct WorkingPeriod(TimeSpan Start, TimeSpan End)
{
    public TimeSpan Length => End - Start;

    /// <summary>Reads <c>HH:mm-HH:mm</c> (24-hour clock, end up to 24:00, end after start).</summary>
    public static bool TryParse(string? text, out WorkingPeriod period)
    {
        period = default;
        var parts = text?.Split('-');
        if (parts is not { Length: 2 }
            || !TryParseTime(parts[0].Trim(), allowMidnightEnd: false, out var start)
            || !TryParseTime(parts[1].Trim(), allowMidnightEnd: true, out var end))
            return false;
        period = new WorkingPeriod(start, end);
        return end > start;
    }

    /// <summary>True when <paramref name="text"/> has the <c>HH:mm-HH:mm</c> shape, whatever the order of its times.</summary>
    public static bool HasValidShape(string? text)
    {
        var parts = text?.Split('-');
        return parts is { Length: 2 }
            && TryParseTime(parts[0].Trim(), allowMidnightEnd: false, out _)
            && TryParseTime(parts[1].Trim(), allowMidnightEnd: true, out _);
    }

    public override string ToString() => $"{Format(Start)}-{Format(End)}";

    private static string Format(TimeSpan time) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours:00}:{time.Minutes:00}");

    private static bool TryParseTime(string text, bool allowMidnightEnd, out TimeSpan time)
    {
        time = default;
        if (allowMidnightEnd && text == "24:00")
        {
            time = TimeSpan.FromHours(24);
            return true;
        }
        if (!TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return false;
        time = parsed.ToTimeSpan();
        return true;
    }
}
