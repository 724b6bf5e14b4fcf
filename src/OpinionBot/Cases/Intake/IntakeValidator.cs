using System.Globalization;
using OpinionBot.Configuration;
using OpinionBot.Localization;

namespace OpinionBot.Cases.Intake;

/// <summary>
/// Checks a submitted intake card: required fields, http(s) links, published ≤ discovered ≤ now (entered in the
/// organisation's zone), non-negative numbers, bounded texts, a unit the officer may report for.
/// </summary>
public sealed class IntakeValidator(OrganizationClock clock)
{
    public IntakeResult Validate(IntakeValues values, IReadOnlyCollection<string> allowedUnits)
    {
        var errors = new List<IntakeError>();
        var draft = new Case();

        draft.Title = Text(values, IntakeFields.Title, IntakeFields.MaxTitleLength, required: true, errors);
        draft.Summary = Text(values, IntakeFields.Summary, IntakeFields.MaxSummaryLength, required: false, errors);
        draft.Links = Links(values, errors);
        draft.Platform = Choice<Platform>(values, IntakeFields.Platform, errors) ?? default;
        draft.Level = Choice<CaseLevel>(values, IntakeFields.Level, errors) ?? default;
        draft.Category = Choice<CaseCategory>(values, IntakeFields.Category, errors) ?? default;
        draft.Flags = Flags(values, errors);
        draft.CommentTendency = string.IsNullOrWhiteSpace(values[IntakeFields.Tendency]) ? null : Choice<CommentTendency>(values, IntakeFields.Tendency, errors);
        draft.Reach = new Reach
        {
            Reposts = Count(values, IntakeFields.Reposts, errors),
            Comments = Count(values, IntakeFields.Comments, errors),
            Views = Count(values, IntakeFields.Views, errors),
        };

        var published = Moment(values, IntakeFields.PublishedDate, IntakeFields.PublishedTime, required: false, errors);
        var discovered = Moment(values, IntakeFields.DiscoveredDate, IntakeFields.DiscoveredTime, required: true, errors);
        if (published is not null && discovered is not null && published > discovered)
            errors.Add(new IntakeError("intake.error.publishedAfterDiscovered"));
        if (discovered is not null && discovered > clock.UtcNow)
            errors.Add(new IntakeError("intake.error.discoveredInFuture"));
        draft.PublishedAt = published;
        draft.DiscoveredAt = discovered ?? default;

        var unit = values[IntakeFields.Unit].Trim();
        if (unit.Length == 0)
            errors.Add(new IntakeError("intake.error.required", IntakeFields.Unit));
        else if (!allowedUnits.Contains(unit))
            errors.Add(new IntakeError("intake.error.unitNotYours", Detail: unit));
        draft.UnitId = unit;

        return new IntakeResult(errors.Count == 0 ? draft : null, errors);
    }

    private static string Text(IntakeValues values, string field, int maxLength, bool required, List<IntakeError> errors)
    {
        var text = values[field].Trim();
        if (required && text.Length == 0)
            errors.Add(new IntakeError("intake.error.required", field));
        else if (text.Length > maxLength)
            errors.Add(new IntakeError("intake.error.tooLong", field, maxLength));
        return text;
    }

    private static List<string> Links(IntakeValues values, List<IntakeError> errors)
    {
        var links = values[IntakeFields.Links]
            .Split(['\n', '\r', ' ', '\t', ',', '，', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct()
            .ToList();
        if (links.Count == 0)
            errors.Add(new IntakeError("intake.error.required", IntakeFields.Links));
        if (links.Count > IntakeFields.MaxLinks)
            errors.Add(new IntakeError("intake.error.tooManyLinks", Detail: IntakeFields.MaxLinks));
        foreach (var link in links)
        {
            var ok = link.Length <= IntakeFields.MaxLinkLength
                && Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;
            if (!ok)
                errors.Add(new IntakeError("intake.error.badLink", Detail: ShortText.Cut(link, 80)));
        }

        return links;
    }

    private static T? Choice<T>(IntakeValues values, string field, List<IntakeError> errors) where T : struct, Enum
    {
        var value = values[field].Trim();
        if (value.Length == 0)
        {
            errors.Add(new IntakeError("intake.error.required", field));
            return null;
        }

        if (Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
            return parsed;
        errors.Add(new IntakeError("intake.error.badChoice", field));
        return null;
    }

    private static List<CaseFlag> Flags(IntakeValues values, List<IntakeError> errors)
    {
        var flags = new List<CaseFlag>();
        foreach (var part in values[IntakeFields.Flags].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<CaseFlag>(part, out var flag) && Enum.IsDefined(flag) && !int.TryParse(part, out _))
                flags.Add(flag);
            else
            {
                errors.Add(new IntakeError("intake.error.badChoice", IntakeFields.Flags));
                break;
            }
        }

        return flags.Distinct().ToList();
    }

    private static long? Count(IntakeValues values, string field, List<IntakeError> errors)
    {
        var text = values[field].Trim();
        if (text.Length == 0) return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            return count;
        errors.Add(new IntakeError("intake.error.number", field));
        return null;
    }

    private DateTimeOffset? Moment(IntakeValues values, string dateField, string timeField, bool required, List<IntakeError> errors)
    {
        var dateText = values[dateField].Trim();
        var timeText = values[timeField].Trim();
        if (dateText.Length == 0)
        {
            if (required || timeText.Length > 0)
                errors.Add(new IntakeError("intake.error.required", dateField));
            return null;
        }

        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new IntakeError("intake.error.badDate", dateField));
            return null;
        }

        var time = TimeOnly.MinValue;
        if (timeText.Length > 0 && !TimeOnly.TryParseExact(timeText, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            errors.Add(new IntakeError("intake.error.badDate", timeField));
            return null;
        }

        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, clock.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}

public sealed record IntakeResult(Case? Draft, IReadOnlyList<IntakeError> Errors);
