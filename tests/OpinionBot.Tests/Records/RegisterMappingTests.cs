using System.Text.Json;
using OpinionBot.Cases;
using OpinionBot.Deadlines;
using OpinionBot.Records.Register;
using OpinionBot.Storage;

namespace OpinionBot.Tests.Records;

/// <summary>The register's fast reader gives back exactly what the general mapper stored.</summary>
public sealed class RegisterMappingTests
{
    private static readonly LiteDB.BsonMapper Mapper = LiteDbMapper.Create();

    [Fact]
    public void A_case_with_every_field_set_reads_back_the_same()
    {
        var at = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
        var c = new Case
        {
            Number = "2026-0042", Year = 2026, Sequence = 42, SubmissionId = "s-1", Title = "标题", Summary = "摘要", Links = ["https://a.example", "https://b.example"],
            Platform = Platform.Douyin, PublishedAt = at.AddHours(-5), DiscoveredAt = at.AddHours(-1), ReportedAt = at, ReporterKey = "officer@x", ReporterName = "王芳",
            UnitId = "propaganda", CooperatingUnits = ["education"], Level = CaseLevel.II, Category = CaseCategory.Rumour, Flags = [CaseFlag.BigV, CaseFlag.Sensitive],
            Reach = new Reach { Reposts = 1, Comments = 2, Views = 3_000_000_000 }, CommentTendency = CommentTendency.Neutral, State = CaseState.Responded,
            NextDeadline = at.AddDays(3), ReportedOn = new DateOnly(2026, 11, 23), Version = 7, PendingQuestion = null,
            QuestionAskedBy = "leader@x",
            Statements =
            [
                new Statement { Id = 1, Kind = StatementKind.FirstResponse, Text = "回应", Stage = StatementStage.Published, DraftedBy = "officer@x", DraftedByName = "王芳",
                    DraftedAt = at.AddMinutes(30), ApprovedByName = "王强", SignedByName = "赵敏", PublishedByName = "陈杰", PublishedAt = at.AddHours(1) },
                new Statement { Id = 2, Kind = StatementKind.FormalAnswer, Text = "答复", Stage = StatementStage.Returned, DraftedBy = "officer@x",
                    DraftedAt = at.AddHours(2), PromisedDate = new DateOnly(2026, 12, 1), ReturnReason = "再核实" },
            ],
            Dispatches =
            [
                new Dispatch { UnitId = "propaganda", Role = DispatchRole.Lead, DispatchedAt = at, DispatchedByName = "陈杰", AcknowledgedByName = "王芳", AcknowledgedAt = at.AddMinutes(5) },
                new Dispatch { UnitId = "education", Role = DispatchRole.Cooperating, DispatchedAt = at, DispatchedByName = "陈杰", Withdrawn = true },
            ],
            HandlingResult = "结果", Reopened = 2, Escalated = true, ClosingReview = "总结", RelatedCases = ["2026-0040", "2026-0041"],
        };

        var read = RegisterMapping.ToCase(Mapper.ToDocument(c));

        Assert.Equal(JsonSerializer.Serialize(c), JsonSerializer.Serialize(read));
    }

    [Fact]
    public void A_case_with_only_the_required_fields_reads_back_the_same()
    {
        var c = new Case { Number = "2026-0001", Year = 2026, Sequence = 1, DiscoveredAt = DateTimeOffset.UnixEpoch, ReportedAt = DateTimeOffset.UnixEpoch, ReportedOn = new DateOnly(2026, 1, 1) };

        Assert.Equal(JsonSerializer.Serialize(c), JsonSerializer.Serialize(RegisterMapping.ToCase(Mapper.ToDocument(c))));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_owed_step_reads_back_the_same(bool done)
    {
        var due = new DateTimeOffset(2026, 11, 23, 5, 0, 0, TimeSpan.Zero);
        var step = new OwedStep
        {
            Id = "2026-0042:Review:2", CaseNumber = "2026-0042", UnitId = "propaganda", Clock = StepClock.Review, OwedBy = StepOwner.PrincipalLeader,
            StartedAt = due.AddHours(-1), DueAt = due, Open = !done, OpenDueAt = done ? null : due, DoneAt = done ? due.AddMinutes(90) : null,
            Lateness = done ? TimeSpan.FromMinutes(90) : null, Cancelled = false, SlipsSent = 2, Escalated = done,
        };

        Assert.Equal(JsonSerializer.Serialize(step), JsonSerializer.Serialize(RegisterMapping.ToStep(Mapper.ToDocument(step))));
    }

    [Fact]
    public void An_event_reads_back_its_case_kind_time_and_actor()
    {
        var e = new CaseEvent { CaseNumber = "2026-0042", At = DateTimeOffset.UnixEpoch.AddDays(1), Kind = CaseEventKind.ResponsePublished, ActorKey = "office@x", ActorName = "陈杰", Comment = "c" };

        var read = RegisterMapping.ToEvent(Mapper.ToDocument(e));

        Assert.Equal((e.CaseNumber, e.At, e.Kind, e.ActorKey, e.ActorName), (read.CaseNumber, read.At, read.Kind, read.ActorKey, read.ActorName));
    }
}
