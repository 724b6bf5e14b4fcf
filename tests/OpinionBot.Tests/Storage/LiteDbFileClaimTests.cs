using OpinionBot.Storage;

namespace OpinionBot.Tests.Storage;

public sealed class LiteDbFileClaimTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "opinionbot-tests", Guid.NewGuid().ToString("N"), "bot.db");

    [Fact]
    public async Task A_second_claim_on_the_same_file_waits_until_the_first_is_released()
    {
        var first = new LiteDbFileClaim(_path);
        var second = Task.Run(() => new LiteDbFileClaim(Path.Combine(Path.GetDirectoryName(_path)!, ".", "bot.db")));

        await Task.Yield();
        Assert.False(second.IsCompleted);

        first.Dispose();
        using var claimed = await second.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Claims_on_different_files_do_not_wait_for_each_other_and_a_release_counts_once()
    {
        using var first = new LiteDbFileClaim(_path);
        using var other = new LiteDbFileClaim(_path + ".other");
        first.Dispose();
        first.Dispose();
        using var again = new LiteDbFileClaim(_path);
    }
}
