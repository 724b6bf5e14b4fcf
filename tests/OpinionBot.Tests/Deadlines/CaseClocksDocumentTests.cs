using OpinionBot.Deadlines;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Deadlines;

public sealed class CaseClocksDocumentTests
{
    private static void AssertWrittenAsTheMapperWrites(CaseClocks clocks) => MapperDocuments.AssertWrittenAsTheMapperWrites(clocks, CaseClocksDocument.Of);

    [Fact]
    public void Every_member_filled_is_written_byte_for_byte_as_the_mapper_writes_it()
    {
        var clocks = (CaseClocks)FilledObjects.Filled(typeof(CaseClocks));
        clocks.Steps.Add((OwedStep)FilledObjects.Filled(typeof(OwedStep)));
        clocks.DueWeeks.Add(2_800);

        AssertWrittenAsTheMapperWrites(clocks);
    }

    [Fact]
    public void Members_left_empty_are_left_out_as_the_mapper_leaves_them_out()
    {
        AssertWrittenAsTheMapperWrites(new CaseClocks { CaseNumber = "2026-0001" });
        AssertWrittenAsTheMapperWrites(CaseClocks.Of("2026-0002", [new OwedStep { Id = "2026-0002:Report", CaseNumber = "2026-0002" }]));
    }

    [Fact]
    public void A_case_with_open_and_closed_steps_is_written_as_the_mapper_writes_it()
    {
        var reported = new DateTimeOffset(2026, 11, 26, 9, 30, 0, TimeSpan.FromHours(8));
        var done = new OwedStep
        {
            Id = "2026-0003:Report", CaseNumber = "2026-0003", UnitId = "unit-1", Clock = StepClock.Report, StartedAt = reported,
            DueAt = reported.AddHours(2), SlipsFrom = reported.AddHours(2), Open = false, DoneAt = reported.AddMinutes(20),
            Lateness = TimeSpan.FromMinutes(-100),
        };
        var open = new OwedStep
        {
            Id = "2026-0003:Review", CaseNumber = "2026-0003", UnitId = "unit-1", Clock = StepClock.Review,
            OwedBy = StepOwner.SupervisingLeader, StartedAt = reported, DueAt = reported.AddHours(4), SlipsFrom = reported.AddHours(4),
            OpenDueAt = reported.AddHours(4), NextSlipAt = reported.AddHours(4), SlipsSent = 2, Escalated = true,
        };

        AssertWrittenAsTheMapperWrites(CaseClocks.Of("2026-0003", [open, done]));
    }
}
