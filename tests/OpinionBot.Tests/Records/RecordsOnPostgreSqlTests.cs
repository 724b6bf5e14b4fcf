using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Cases;
using OpinionBot.Conversations;
using OpinionBot.Delivery;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Records.Archive;
using OpinionBot.Records.DeadLetters;
using OpinionBot.Records.Files;
using OpinionBot.Storage.PostgreSql;
using OpinionBot.Testing;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Records;

/// <summary>
/// The records on <c>Storage:Provider</c> PostgreSql, through POST /api/messages and GET /files/{id}: the register
/// exported and downloaded, its link expired and swept; a dead letter retried; an archived case's kept package (with its
/// evidence) served. Everything lands in PostgreSQL's tables.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RecordsOnPostgreSqlTests(PostgresFixture postgres) : RecordsTestBase
{
    private readonly string _database = postgres.CreateDatabaseAsync(migrate: false).GetAwaiter().GetResult();

    protected override Dictionary<string, string?> ExtraSettings => new(base.ExtraSettings)
    {
        ["Storage:Provider"] = "PostgreSql",
        ["Storage:PostgreSql:ConnectionString"] = _database,
    };

    private PostgresDatabase Postgres => Bot.Services.GetRequiredService<PostgresDatabase>();

    private IOutboxStore Outbox => Bot.Services.GetRequiredService<IOutboxStore>();

    private long Count(string sql) => Postgres.Scalar<long>(sql);

    [Fact]
    public async Task The_register_is_exported_to_PostgreSQL_downloaded_through_its_link_and_swept_once_expired()
    {
        var number = await ReportAsync();

        var reply = await OfficeSaysAsync("导出台账");

        var url = DownloadUrl(reply.Card);
        var sheets = OpenXmlFiles.ReadWorkbook(await DownloadAsync(url));
        var cases = sheets[0];
        Assert.Equal(2, cases.Rows.Count);
        Assert.Equal(number, cases.Rows[1][cases.Rows[0].IndexOf("编号")]);
        Assert.Contains(sheets[1].Rows, r => r[1] == "宣传部" && r[3] == "已报送（上报事件）");
        var download = Assert.Single(Links.RecentDownloads());
        Assert.Equal((TestRoster.OfficeEmail, FileKind.Register, 1), (download.IssuedToKey, download.Kind, download.CaseCount));
        Assert.Equal(1, Count("SELECT count(*) FROM download_links"));
        Assert.Equal(1, Count("SELECT count(*) FROM downloads"));
        Assert.Equal(1, Count("SELECT count(*) FROM record_files WHERE id LIKE 'generated/%'"));

        Bot.Clock.Advance(TimeSpan.FromMinutes(15) + DownloadLinks.DeletionGrace + TimeSpan.FromSeconds(1));
        Links.DeleteExpired(); // the background sweep, on the same fake clock, may have been first

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(url)).StatusCode);
        Assert.Equal(0, Count("SELECT count(*) FROM download_links"));
        Assert.Equal(0, Count("SELECT count(*) FROM record_files"));
        Assert.Equal(1, Count("SELECT count(*) FROM downloads"));
    }

    [Fact]
    public async Task A_dead_letter_is_listed_and_retried_by_the_office()
    {
        await OfficeSaysAsync("我的");
        var to = Bot.Services.GetRequiredService<IConversationStore>().Find("a:personal-1")!;
        Connector.FailWith = HttpStatusCode.Forbidden;
        var id = Bot.Services.GetRequiredService<ProactiveSender>().Enqueue(to, Activity.CreateMessageActivity("会失败的消息"));
        await Bot.DeliverOutboxAsync();
        Connector.FailWith = null;
        Assert.Equal(OutboxState.Dead, Outbox.Find(id)!.State);

        var card = (await OfficeSaysAsync("投递失败")).Card;
        Assert.Contains("投递失败的消息：1 条", Text(card), StringComparison.Ordinal);
        Assert.Contains($"#{id} · 新消息", Text(card), StringComparison.Ordinal);

        var before = Connector.ActivityCalls.Count;
        var retried = await PressAsync(Office, DeadLetterCard.RetryVerb, ButtonData(card, DeadLetterCard.RetryVerb));

        Assert.Contains($"消息 #{id} 已重新排队发送", Text(retried), StringComparison.Ordinal);
        Assert.Equal(OutboxState.Sent, Outbox.Find(id)!.State);
        Assert.Equal(0, Outbox.Count(OutboxState.Dead));
        Assert.Contains(Connector.ActivityCalls.Skip(before), c => c.Path.Contains("a:personal-1", StringComparison.Ordinal) && c.Text == "会失败的消息");
    }

    [Fact]
    public async Task An_archived_cases_package_with_its_evidence_is_kept_in_PostgreSQL_and_served()
    {
        var number = await ReportAsync();
        var image = RandomNumberGenerator.GetBytes(300);
        Connector.Files["img-1"] = image;
        await Bot.PostActivityAsync(MessageWithImage($"附件 {number}", "img-1"));
        Approve(number);
        await SayAsync($"办结 {number} 平台已删帖，已回复家长。");
        Assert.Equal(OpinionBot.Cases.CaseState.Archived, Bot.Services.GetRequiredService<ICaseStore>().Find(number)!.State);

        await Bot.Services.GetRequiredService<ArchiveWorker>().RunPendingAsync(CancellationToken.None);

        var kept = Bot.Services.GetRequiredService<ArchivePackages>().KeptFor(number);
        Assert.NotNull(kept);
        Assert.Equal(1, Count("SELECT count(*) FROM archive_packages"));
        Assert.Equal(0, Count("SELECT count(*) FROM archive_requests"));
        Assert.Single(Timeline(number), e => e.Kind == CaseEventKind.ArchivePackaged);

        var reply = await SayAsync($"archive {number}", locale: "en-US");

        var zip = await DownloadAsync(DownloadUrl(reply.Card));
        Assert.Equal(kept.Sha256, Convert.ToHexStringLower(SHA256.HashData(zip)));
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        var evidence = Assert.Single(archive.Entries, e => e.FullName.StartsWith("evidence/", StringComparison.Ordinal));
        using var content = new MemoryStream();
        using (var stream = evidence.Open())
            stream.CopyTo(content);
        Assert.Equal(image, content.ToArray());
    }
}
