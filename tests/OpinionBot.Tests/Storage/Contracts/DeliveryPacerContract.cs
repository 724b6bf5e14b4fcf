using OpinionBot.Delivery.Outbox;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Storage.Contracts;

/// <summary>Teams' limits (PROTOCOL.md): per conversation 7 per second, 8 per 2 s, 60 per 30 s, 1800 per hour; the app <c>GlobalPerSecond</c> (10 here).</summary>
public abstract class DeliveryPacerContract(StoreSet stores) : StoreContract(stores)
{
    private static int s_hour;

    /// <summary>A moment of its own for each test: the app-wide count is shared by the class's tests on PostgreSQL.</summary>
    protected DateTimeOffset Now { get; } = new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(Interlocked.Increment(ref s_hour));

    protected static string Key(string name) => $"https://smba.example/|{name}-{Guid.NewGuid():N}";

    protected static int Take(IDeliveryPacer pacer, string key, DateTimeOffset at, int count) =>
        Enumerable.Range(0, count).Count(_ => pacer.TryAcquire(key, at, out DateTimeOffset _));

    [Fact]
    public void A_conversation_gets_seven_sends_a_second_then_eight_in_two_seconds()
    {
        var key = Key("conversation");
        Assert.Equal(7, Take(Stores.Pacer, key, Now, 7));
        Assert.False(Stores.Pacer.TryAcquire(key, Now.AddMilliseconds(500), out var free));
        Assert.Equal(Now.AddSeconds(1), free);

        Assert.True(Stores.Pacer.TryAcquire(key, Now.AddSeconds(1), out _));
        Assert.False(Stores.Pacer.TryAcquire(key, Now.AddSeconds(1.5), out free));
        Assert.Equal(Now.AddSeconds(2), free);
    }

    [Fact]
    public void The_app_limit_counts_every_conversation()
    {
        Assert.Equal(10, Enumerable.Range(0, 12).Count(i => Stores.Pacer.TryAcquire(Key($"c{i}"), Now, out _)));
        Assert.True(Stores.Pacer.TryAcquire(Key("later"), Now.AddSeconds(1), out _));
    }
}

public sealed class DeliveryPacerOnLiteDb() : DeliveryPacerContract(StoreSet.LiteDb());

[Collection(PostgresCollection.Name)]
public sealed class DeliveryPacerOnPostgreSql(PostgresFixture postgres)
    : DeliveryPacerContract(StoreSet.PostgreSql(postgres.DatabaseFor(typeof(DeliveryPacerOnPostgreSql)).GetAwaiter().GetResult()))
{
    [Fact]
    public async Task Instances_share_the_limits()
    {
        using var other = Stores.AnotherInstance()!;
        var key = Key("shared");
        Assert.Equal(4, Take(Stores.Pacer, key, Now, 4));
        Assert.Equal(3, Take(other.Pacer, key, Now, 5));
        Assert.False(Stores.Pacer.TryAcquire(key, Now, out _));

        // Racing for one conversation's last slots: exactly seven granted in the second, whoever asks.
        var race = Key("race");
        var granted = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => Take(i % 2 == 0 ? Stores.Pacer : other.Pacer, race, Now.AddMinutes(1), 5))));
        Assert.Equal(7, granted.Sum());
    }
}
