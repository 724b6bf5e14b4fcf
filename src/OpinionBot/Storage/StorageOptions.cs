namespace OpinionBot.Storage;

/// <summary>The <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// <see cref="StorageProvider.LiteDb"/> (default: one embedded file, nothing to install) or
    /// <see cref="StorageProvider.PostgreSql"/> (several instances on one database: every store, the outbox with its
    /// rate limits, and the Quartz schedules, clustered).
    /// </summary>
    public StorageProvider Provider { get; set; } = StorageProvider.LiteDb;

    public LiteDbOptions LiteDb { get; set; } = new();

    public PostgreSqlOptions PostgreSql { get; set; } = new();

    public BackupOptions Backup { get; set; } = new();
}

public enum StorageProvider
{
    LiteDb,
    PostgreSql,
}

public sealed class LiteDbOptions
{
    public string Path { get; set; } = "data/opinionbot.db";
}

public sealed class PostgreSqlOptions
{
    /// <summary>An Npgsql connection string, e.g. <c>Host=db;Database=opinionbot;Username=opinionbot;Password=…</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// How long an instance holds an outbox message it claimed; should it die meanwhile, another instance delivers the
    /// message once the lease has run out. Longer than one delivery attempt can take (the Connector call's timeout).
    /// </summary>
    public TimeSpan OutboxLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often an idle instance looks for outbox messages nobody is delivering (another instance stopped).</summary>
    public TimeSpan OutboxPoll { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often each instance's scheduler checks in with the others; one silent for about twice this has its
    /// triggers taken over (Quartz's clustered job store).
    /// </summary>
    public TimeSpan SchedulerCheckin { get; set; } = TimeSpan.FromSeconds(7.5);
}

/// <summary>Scheduled copies of the LiteDB file (<c>Storage:Backup</c>).</summary>
public sealed class BackupOptions
{
    /// <summary>Quartz cron (seconds first) in the organisation's time zone; empty: no backups.</summary>
    public string Cron { get; set; } = "";

    /// <summary>How many backups to keep; older ones are deleted after each new one.</summary>
    public int Keep { get; set; } = 7;

    /// <summary>Where the copies go; relative paths are relative to the working directory.</summary>
    public string Folder { get; set; } = "data/backups";
}
