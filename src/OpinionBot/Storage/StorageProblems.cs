using System.Globalization;
using Npgsql;
using Quartz;

namespace OpinionBot.Storage;

/// <summary>The <c>Storage</c> section's checks, one readable line per problem (see ConfigurationProblems).</summary>
public static class StorageProblems
{
    public static IEnumerable<string> Find(IConfiguration configuration)
    {
        if (configuration["Storage:LiteDb:Path"] is { } path && string.IsNullOrWhiteSpace(path))
            yield return "Storage:LiteDb:Path is empty; give the database file's path.";

        var provider = configuration["Storage:Provider"];
        if (provider is not null && !Enum.TryParse<StorageProvider>(provider, ignoreCase: true, out _))
            yield return $"Storage:Provider is '{provider}'; use LiteDb or PostgreSql.";
        else if (string.Equals(provider, nameof(StorageProvider.PostgreSql), StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration["Storage:PostgreSql:ConnectionString"];
            if (string.IsNullOrWhiteSpace(connectionString))
                yield return "Storage:PostgreSql:ConnectionString is empty while Storage:Provider is PostgreSql; give an Npgsql connection string such as Host=db;Database=opinionbot;Username=opinionbot;Password=….";
            else if (ConnectionStringProblem(connectionString) is { } problem)
                yield return $"Storage:PostgreSql:ConnectionString is not a valid Npgsql connection string: {problem}";
        }

        foreach (var key in new[] { "Storage:PostgreSql:OutboxLease", "Storage:PostgreSql:OutboxPoll", "Storage:PostgreSql:SchedulerCheckin" })
        {
            if (configuration[key] is { } duration && !(TimeSpan.TryParse(duration, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero))
                yield return $"{key} is '{duration}'; expected a duration above zero such as 00:00:30 (hh:mm:ss).";
        }

        var cron = configuration["Storage:Backup:Cron"];
        if (!string.IsNullOrWhiteSpace(cron) && !CronExpression.TryParse(cron, out _))
            yield return $"Storage:Backup:Cron '{cron}' is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week); leave it empty for no backups.";
        if (configuration["Storage:Backup:Keep"] is { } keep && !(int.TryParse(keep, CultureInfo.InvariantCulture, out var count) && count >= 1))
            yield return $"Storage:Backup:Keep is '{keep}'; expected a whole number of backups to keep, at least 1.";
        if (!string.IsNullOrWhiteSpace(cron) && configuration["Storage:Backup:Folder"] is { } folder && string.IsNullOrWhiteSpace(folder))
            yield return "Storage:Backup:Folder is empty while Storage:Backup:Cron is set; give the folder the backups go to.";
    }

    private static string? ConnectionStringProblem(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(builder.Host) ? "it names no Host." : null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
