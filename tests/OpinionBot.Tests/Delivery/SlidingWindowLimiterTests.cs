using OpinionBot.Delivery.Outbox;

namespace OpinionBot.Tests.Delivery;

public sealed class SlidingWindowLimiterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private static int Burst(SlidingWindowLimiter limiter, string key, DateTimeOffset at, int tries = 100)
    {
        var granted = 0;
        for (var i = 0; i < tries && limiter.TryAcquire(key, at, out _); i++) granted++;
        return granted;
    }

    [Fact]
    public void Seven_sends_per_second_then_the_eighth_waits_for_the_first_to_leave_the_window()
    {
        var limiter = new SlidingWindowLimiter(SlidingWindowLimiter.TeamsPerConversation);

        Assert.Equal(7, Burst(limiter, "a", T0));
        Assert.False(limiter.TryAcquire("a", T0.AddMilliseconds(999), out var freeAt));
        Assert.Equal(T0.AddSeconds(1), freeAt);
        Assert.True(limiter.TryAcquire("a", T0.AddSeconds(1), out _));
    }

    [Fact]
    public void Eight_per_two_seconds_holds_even_when_each_second_has_room()
    {
        var limiter = new SlidingWindowLimiter(SlidingWindowLimiter.TeamsPerConversation);

        Assert.Equal(7, Burst(limiter, "a", T0));
        Assert.Equal(1, Burst(limiter, "a", T0.AddSeconds(1)));
        Assert.False(limiter.TryAcquire("a", T0.AddSeconds(1.5), out var freeAt));
        Assert.Equal(T0.AddSeconds(2), freeAt);
        Assert.Equal(7, Burst(limiter, "a", T0.AddSeconds(2)));
    }

    [Fact]
    public void Sixty_per_thirty_seconds_and_1800_per_hour()
    {
        var limiter = new SlidingWindowLimiter(SlidingWindowLimiter.TeamsPerConversation);
        var granted = 0;
        for (var s = 0; s < 30; s++) granted += Burst(limiter, "a", T0.AddSeconds(s * 1.0));
        Assert.Equal(60, granted);
        Assert.Equal(T0.AddSeconds(30), limiter.AvailableAt("a", T0.AddSeconds(29)));

        var hourly = new SlidingWindowLimiter(SlidingWindowLimiter.TeamsPerConversation);
        var total = 0;
        for (var s = 0; s < 3600; s++) total += Burst(hourly, "b", T0.AddSeconds(s));
        Assert.Equal(1800, total);
        Assert.Equal(T0.AddHours(1), hourly.AvailableAt("b", T0.AddSeconds(3599)));
    }

    [Fact]
    public void Conversations_are_limited_separately_and_a_released_slot_is_free_again()
    {
        var limiter = new SlidingWindowLimiter(SlidingWindowLimiter.TeamsPerConversation);

        Assert.Equal(7, Burst(limiter, "a", T0));
        Assert.Equal(7, Burst(limiter, "b", T0));
        limiter.Release("a", T0);
        Assert.True(limiter.TryAcquire("a", T0, out _));
    }

    [Fact]
    public void The_app_wide_limit_is_per_second()
    {
        var limiter = SlidingWindowLimiter.PerSecond(50);

        Assert.Equal(50, Burst(limiter, "*", T0));
        Assert.Equal(50, Burst(limiter, "*", T0.AddSeconds(1)));
    }
}
