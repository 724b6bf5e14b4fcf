using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpinionBot.Scheduling;
using OpinionBot.Tests.Support;
using Quartz;

namespace OpinionBot.Tests.Scheduling;

/// <summary>
/// Two Quartz schedulers configured as the bot configures them for <c>Storage:Provider</c> PostgreSql, each in a host
/// of its own, on one real PostgreSQL database: one cluster. Waits are for conditions, bounded.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class QuartzClusterTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly List<IHost> _hosts = [];
    private readonly string _run = Guid.NewGuid().ToString("N");

    public async Task InitializeAsync()
    {
        // Both instances start at once: the advisory lock lets exactly one of them create the tables.
        var created = await Task.WhenAll(
            QuartzPostgresSchema.EnsureAsync(postgres.Server.ConnectionString, CancellationToken.None),
            QuartzPostgresSchema.EnsureAsync(postgres.Server.ConnectionString, CancellationToken.None));
        Assert.True(created.Count(c => c > 0) <= 1, "the second instance found the tables made");
        Assert.Equal(0, await QuartzPostgresSchema.EnsureAsync(postgres.Server.ConnectionString, CancellationToken.None));
        await using var connection = new NpgsqlConnection(postgres.Server.ConnectionString);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE tablename IN ('qrtz_locks', 'qrtz_triggers', 'qrtz_scheduler_state', 'qrtz_fired_triggers')", connection);
        Assert.Equal(4L, await tables.ExecuteScalarAsync());
    }

    public async Task DisposeAsync()
    {
        // The schedules outlive the hosts (that is the point): remove this test's job and triggers from the database.
        if (_hosts.Count > 0)
            await (await SchedulerOf(_hosts[^1])).DeleteJob(Key);
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    private async Task<IHost> StartInstanceAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddQuartz(q =>
        {
            QuartzRegistration.UseClusteredPostgres(q, postgres.Server.ConnectionString, checkinInterval: TimeSpan.FromSeconds(1), idleWaitTime: TimeSpan.FromSeconds(1));
            q.AddJob<RecordingJob>(job => job.WithIdentity(Key).StoreDurably());
        });
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        var host = builder.Build();
        await host.StartAsync();
        _hosts.Add(host);
        return host;
    }

    private JobKey Key => new($"record-{_run}");

    private static ValueTask<IScheduler> SchedulerOf(IHost host) => host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    private async Task ScheduleAsync(IHost host, string name, Action<SimpleScheduleBuilder> repeat)
    {
        var trigger = TriggerBuilder.Create().WithIdentity($"{name}-{_run}").ForJob(Key).UsingJobData("run", _run)
            .StartAt(DateTimeOffset.UtcNow.AddMilliseconds(500))
            .WithSimpleSchedule(repeat)
            .Build();
        await (await SchedulerOf(host)).ScheduleJob(trigger);
    }

    private IReadOnlyList<Fire> Fires => RecordingJob.Fires.Where(f => f.Run == _run).ToList();

    private async Task WaitUntil(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}; fires so far: {string.Join(", ", Fires)}");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Each_fire_of_a_trigger_runs_once_across_two_instances()
    {
        var first = await StartInstanceAsync();
        await StartInstanceAsync();

        await ScheduleAsync(first, "ten", s => s.WithInterval(TimeSpan.FromMilliseconds(300)).WithRepeatCount(9));
        await WaitUntil(() => Fires.Count >= 10, "ten fires were recorded");
        var scheduler = await SchedulerOf(first);
        await WaitUntil(() => scheduler.GetTrigger(new TriggerKey($"ten-{_run}")).AsTask().GetAwaiter().GetResult() is null, "the trigger completed");

        Assert.Equal(10, Fires.Count);
        Assert.Equal(10, Fires.Select(f => f.ScheduledAt).Distinct().Count());
    }

    [Fact]
    public async Task A_stopped_instance_triggers_are_fired_by_the_other()
    {
        var first = await StartInstanceAsync();
        var firstId = (await SchedulerOf(first)).SchedulerInstanceId;
        await ScheduleAsync(first, "forever", s => s.WithInterval(TimeSpan.FromMilliseconds(500)).RepeatForever());
        await WaitUntil(() => Fires.Count(f => f.Instance == firstId) >= 2, "the first instance fired twice");

        var second = await StartInstanceAsync();
        var secondId = (await SchedulerOf(second)).SchedulerInstanceId;
        Assert.NotEqual(firstId, secondId);
        await first.StopAsync();
        var stoppedAt = Fires.Count;

        await WaitUntil(() => Fires.Skip(stoppedAt).Count(f => f.Instance == secondId) >= 3, "the second instance fired three times");
        Assert.All(Fires.Skip(stoppedAt), f => Assert.Equal(secondId, f.Instance));
        Assert.Equal(Fires.Count, Fires.Select(f => f.ScheduledAt).Distinct().Count());
    }

    [Fact]
    public async Task The_bot_with_Storage_Provider_PostgreSql_keeps_its_schedules_in_the_database()
    {
        using var bot = new BotApplication(new()
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:PostgreSql:ConnectionString"] = postgres.Server.ConnectionString,
        });
        using var health = await bot.CreateClient().GetAsync("/health");
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);

        await using var connection = new NpgsqlConnection(postgres.Server.ConnectionString);
        await connection.OpenAsync();
        await using var triggers = new NpgsqlCommand(
            "SELECT string_agg(trigger_name, ',' ORDER BY trigger_name) FROM qrtz_triggers WHERE sched_name = @name", connection);
        triggers.Parameters.AddWithValue("name", QuartzRegistration.SchedulerName);
        var names = (string?)await triggers.ExecuteScalarAsync() ?? "";
        Assert.Contains("overdue-scan", names);
        Assert.Contains("zero-report-reminder", names);
        await using var instances = new NpgsqlCommand("SELECT count(*) FROM qrtz_scheduler_state WHERE sched_name = @name", connection);
        instances.Parameters.AddWithValue("name", QuartzRegistration.SchedulerName);
        // The hosted scheduler may start after the host answers (it waits for the application to have started).
        await WaitUntil(() => (long)instances.ExecuteScalar()! >= 1, "the bot checked in as a cluster member");
    }

    public sealed record Fire(string Run, string Instance, DateTimeOffset? ScheduledAt);

    /// <summary>Records who fired what; the run id keeps the tests apart.</summary>
    [DisallowConcurrentExecution]
    public sealed class RecordingJob : IJob
    {
        public static readonly ConcurrentQueue<Fire> Fires = new();

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            Fires.Enqueue(new Fire(context.MergedJobDataMap.GetString("run") ?? "", context.Scheduler.SchedulerInstanceId, context.ScheduledFireTimeUtc));
            return ValueTask.CompletedTask;
        }
    }
}
