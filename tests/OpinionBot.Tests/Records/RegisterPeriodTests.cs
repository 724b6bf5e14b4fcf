using OpinionBot.Records.Register;

namespace OpinionBot.Tests.Records;

public sealed class RegisterPeriodTests
{
    private static readonly DateOnly Today = new(2026, 11, 25); // a Wednesday

    [Theory]
    [InlineData("", "2026-11-01", "2026-11-30", "2026-11")]
    [InlineData("本月", "2026-11-01", "2026-11-30", "2026-11")]
    [InlineData("This Month", "2026-11-01", "2026-11-30", "2026-11")]
    [InlineData("上月", "2026-10-01", "2026-10-31", "2026-10")]
    [InlineData("last month", "2026-10-01", "2026-10-31", "2026-10")]
    [InlineData("本周", "2026-11-23", "2026-11-29", "2026-11-23_2026-11-29")]
    [InlineData("this week", "2026-11-23", "2026-11-29", "2026-11-23_2026-11-29")]
    [InlineData("上周", "2026-11-16", "2026-11-22", "2026-11-16_2026-11-22")]
    [InlineData("2026-02", "2026-02-01", "2026-02-28", "2026-02")]
    [InlineData("2026年3月", "2026-03-01", "2026-03-31", "2026-03")]
    [InlineData("2026-11-01..2026-11-30", "2026-11-01", "2026-11-30", "2026-11-01_2026-11-30")]
    [InlineData("2026-11-01 ~ 2026-11-10", "2026-11-01", "2026-11-10", "2026-11-01_2026-11-10")]
    [InlineData("2026-11-01至2026-11-10", "2026-11-01", "2026-11-10", "2026-11-01_2026-11-10")]
    [InlineData("2026-11-01 to 2026-11-10", "2026-11-01", "2026-11-10", "2026-11-01_2026-11-10")]
    [InlineData("2026-11-23", "2026-11-23", "2026-11-23", "2026-11-23")]
    public void Reads_the_periods_people_write(string text, string from, string through, string label)
    {
        var period = RegisterPeriod.Parse(text, Today);

        Assert.NotNull(period);
        Assert.Equal(DateOnly.Parse(from), period.From);
        Assert.Equal(DateOnly.Parse(through), period.Through);
        Assert.Equal(label, period.Label);
    }

    [Theory]
    [InlineData("全部")]
    [InlineData("all")]
    public void All_runs_from_the_beginning_to_today(string text)
    {
        var period = RegisterPeriod.Parse(text, Today)!;

        Assert.True(period.IsAll);
        Assert.Equal(Today, period.Through);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("2026-13")]
    [InlineData("2026-11-30..2026-11-01")]
    [InlineData("2026-02-30")]
    [InlineData("下个月")]
    public void Anything_else_is_not_a_period(string text) => Assert.Null(RegisterPeriod.Parse(text, Today));
}
