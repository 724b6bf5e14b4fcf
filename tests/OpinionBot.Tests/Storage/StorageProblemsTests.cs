using Microsoft.Extensions.Configuration;
using OpinionBot.Configuration;

namespace OpinionBot.Tests.Storage;

public sealed class StorageProblemsTests
{
    private static IReadOnlyList<string> Problems(params (string Key, string Value)[] settings) =>
        ConfigurationProblems.Find(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build(), "Development");

    [Fact]
    public void LiteDb_by_default_and_PostgreSql_with_a_connection_string_are_valid()
    {
        Assert.Empty(Problems());
        Assert.Empty(Problems(("Storage:Provider", "LiteDb")));
        Assert.Empty(Problems(("Storage:Provider", "postgresql"), ("Storage:PostgreSql:ConnectionString", "Host=db;Database=opinionbot;Username=bot")));
        Assert.Empty(Problems(("Storage:PostgreSql:OutboxLease", "00:02:00"), ("Storage:PostgreSql:OutboxPoll", "00:00:05"), ("Storage:PostgreSql:SchedulerCheckin", "00:00:07.5")));
        Assert.Empty(Problems(("Storage:Backup:Cron", "0 0 2 * * ?"), ("Storage:Backup:Keep", "14"), ("Storage:Backup:Folder", "/var/backups/opinionbot")));
    }

    [Theory]
    [InlineData("Storage:Provider", "Mongo", "Storage:Provider is 'Mongo'; use LiteDb or PostgreSql.")]
    [InlineData("Storage:Backup:Cron", "nightly", "Storage:Backup:Cron 'nightly' is not a valid Quartz cron expression")]
    [InlineData("Storage:Backup:Keep", "0", "Storage:Backup:Keep is '0'; expected a whole number of backups to keep, at least 1.")]
    [InlineData("Storage:LiteDb:Path", "", "Storage:LiteDb:Path is empty")]
    [InlineData("Storage:PostgreSql:OutboxLease", "0", "Storage:PostgreSql:OutboxLease is '0'; expected a duration above zero")]
    [InlineData("Storage:PostgreSql:OutboxPoll", "soon", "Storage:PostgreSql:OutboxPoll is 'soon'; expected a duration above zero")]
    [InlineData("Storage:PostgreSql:SchedulerCheckin", "-00:00:01", "Storage:PostgreSql:SchedulerCheckin is '-00:00:01'; expected a duration above zero")]
    public void Names_each_storage_problem(string key, string value, string expected) =>
        Assert.StartsWith(expected, Assert.Single(Problems((key, value))));

    [Fact]
    public void PostgreSql_needs_a_usable_connection_string()
    {
        Assert.StartsWith("Storage:PostgreSql:ConnectionString is empty while Storage:Provider is PostgreSql",
            Assert.Single(Problems(("Storage:Provider", "PostgreSql"))));
        Assert.StartsWith("Storage:PostgreSql:ConnectionString is not a valid Npgsql connection string",
            Assert.Single(Problems(("Storage:Provider", "PostgreSql"), ("Storage:PostgreSql:ConnectionString", "Colour=blue"))));
        Assert.Contains("names no Host",
            Assert.Single(Problems(("Storage:Provider", "PostgreSql"), ("Storage:PostgreSql:ConnectionString", "Database=opinionbot"))));
    }

    [Fact]
    public void A_backup_schedule_needs_a_folder() =>
        Assert.StartsWith("Storage:Backup:Folder is empty while Storage:Backup:Cron is set",
            Assert.Single(Problems(("Storage:Backup:Cron", "0 0 2 * * ?"), ("Storage:Backup:Folder", " "))));
}
