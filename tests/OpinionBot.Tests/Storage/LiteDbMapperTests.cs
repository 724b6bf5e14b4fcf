using LiteDB;
using OpinionBot.Deadlines;
using OpinionBot.Storage;

namespace OpinionBot.Tests.Storage;

public sealed class LiteDbMapperTests
{
    /// <summary>
    /// LiteDB publishes a type's member map before it has filled it in; two threads reading a type for the first time
    /// (the outbox rendering a card while a scan reads the same case's clocks) then saw steps without their deadlines,
    /// or "Collection was modified". A prepared mapper has every stored type mapped before anyone reads. (Without it,
    /// this failed in the first or second round of every run.)
    /// </summary>
    [Fact]
    public async Task Two_threads_reading_a_type_for_the_first_time_both_get_every_member()
    {
        var due = new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);
        var clocks = CaseClocks.Of("2026-0001", Enumerable.Range(0, 8).Select(i => new OwedStep
        {
            Id = $"2026-0001:{i}", CaseNumber = "2026-0001", UnitId = "u", DueAt = due, SlipsFrom = due, OpenDueAt = due, NextSlipAt = due, SlipsSent = i,
        }));
        var document = CaseClocksDocument.Of(clocks);
        var failures = new List<string>();

        for (var round = 0; round < 20 && failures.Count == 0; round++)
        {
            var mapper = LiteDbMapper.Create();
            using var start = new Barrier(2);
            var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait();
                try
                {
                    var read = mapper.ToObject<CaseClocks>(document);
                    if (read.Steps.Any(s => s.NextSlipAt != due || s.DueAt != due))
                        return "a step came back without its deadlines";
                    return null;
                }
                catch (InvalidOperationException e)
                {
                    return e.Message;
                }
            })).ToArray();
            failures.AddRange((await Task.WhenAll(readers)).OfType<string>().Select(f => $"round {round}: {f}"));
        }

        Assert.Empty(failures);
    }
}
