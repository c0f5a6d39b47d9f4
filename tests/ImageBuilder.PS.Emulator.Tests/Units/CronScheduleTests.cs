using ImageBuilder.PS.Emulator.Builds;

namespace ImageBuilder.PS.Emulator.Tests.Units;

public sealed class CronScheduleTests
{
    private static readonly DateTime Start = new(2025, 6, 4, 10, 15, 0, DateTimeKind.Utc); // a Wednesday

    [Theory]
    [InlineData("cron(0 0 * * ? *)", "2025-06-05T00:00:00")]
    [InlineData("cron(30 10 * * ? *)", "2025-06-04T10:30:00")]
    [InlineData("cron(0/20 * * * ? *)", "2025-06-04T10:20:00")]
    [InlineData("cron(0 9 ? * MON *)", "2025-06-09T09:00:00")]
    [InlineData("cron(0 9 ? * 2-6 *)", "2025-06-05T09:00:00")]
    [InlineData("cron(0 0 1 JAN,JUL ? *)", "2025-07-01T00:00:00")]
    [InlineData("cron(15 10 4 6 ? 2026)", "2026-06-04T10:15:00")]
    public void Next_runs(string expression, string expected)
    {
        var cron = CronSchedule.TryParse(expression);
        Assert.NotNull(cron);
        Assert.Equal(DateTime.Parse(expected + "Z", null, System.Globalization.DateTimeStyles.AdjustToUniversal), cron!.NextAfter(Start, TimeZoneInfo.Utc));
    }

    [Fact]
    public void Time_zones_shift_the_run()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var next = CronSchedule.TryParse("cron(0 9 * * ? *)")!.NextAfter(Start, zone);
        Assert.Equal(new DateTime(2025, 6, 4, 13, 0, 0, DateTimeKind.Utc), next);
    }

    [Theory]
    [InlineData("rate(1 day)")]
    [InlineData("cron(0 0 L * ? *)")]
    [InlineData("cron(61 0 * * ? *)")]
    [InlineData("cron(0 0 * *)")]
    [InlineData("every day")]
    public void Forms_it_does_not_evaluate_have_no_schedule(string expression) => Assert.Null(CronSchedule.TryParse(expression));

    [Theory]
    [InlineData("cron(0 3 * * ? *)")]
    [InlineData("cron(0 3 * * *)")]
    [InlineData("cron(0/15 8-18 ? * MON-FRI 2025-2030)")]
    [InlineData("cron(0 0 1 jan,jul ? *)")]
    [InlineData("cron(0 0 L * ? *)")]
    [InlineData("cron(0 0 LW * ? *)")]
    [InlineData("cron(0 0 15W * ? *)")]
    [InlineData("cron(0 9 ? * L *)")]
    [InlineData("cron(0 9 ? * 6L *)")]
    [InlineData("cron(0 9 ? * MON#2 *)")]
    [InlineData("cron(0 9 ? * 2#1,FRI *)")]
    public void Valid_expressions(string expression) => Assert.True(CronSchedule.IsValid(expression));

    [Theory]
    [InlineData("cron(99 99 * * ? *)")]
    [InlineData("rate(1 day)")]
    [InlineData("every day")]
    [InlineData("cron(0 0 * *)")]
    [InlineData("cron(0 0 * 13 ? *)")]
    [InlineData("cron(0 0 * * ? 1969)")]
    [InlineData("cron(0 0 32W * ? *)")]
    [InlineData("cron(0 9 ? * 8L *)")]
    [InlineData("cron(0 9 ? * MON#6 *)")]
    [InlineData("cron(? 0 * * ? *)")]
    [InlineData("cron(0 0 L-X * ? *)")]
    [InlineData("cron(99999999999 0 * * ? *)")]
    public void Invalid_expressions(string expression) => Assert.False(CronSchedule.IsValid(expression));
}
