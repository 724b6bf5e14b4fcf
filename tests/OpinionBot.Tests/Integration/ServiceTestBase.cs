using OpinionBot.Tests.Support;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Integration;

/// <summary>The service in-process on a fresh database, talking to a fake Bot Connector on a loopback port.</summary>
public abstract class ServiceTestBase : IAsyncLifetime
{
    protected FakeBotConnector Connector { get; private set; } = null!;
    protected BotApplication Bot { get; private set; } = null!;

    protected virtual Dictionary<string, string?> Settings => [];

    public async Task InitializeAsync()
    {
        Connector = await FakeBotConnector.StartAsync();
        Bot = new BotApplication(Settings);
    }

    public virtual async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
