using ImageBuilder.PS.Validation;

namespace ImageBuilder.PS.UnitTests.Validation;

public sealed class CronFieldsTests
{
    private static string? Problem(string fields) => CronFields.Problem(fields.Split(' '));

    [Theory]
    [InlineData("0 3 * * ? *")]
    [InlineData("0 6 ? * MON *")]
    [InlineData("*/15 0-23 1,15 JAN-DEC ? 2026-2030")]
    [InlineData("0 0 L * ? *")]
    [InlineData("0 0 LW * ? *")]
    [InlineData("0 0 15W * ? *")]
    [InlineData("0 0 ? * 6L *")]
    [InlineData("0 0 ? * 3#2 *")]
    [InlineData("0 0 ? * mon-fri")]
    [InlineData("59 23 31 12 7 2199")]
    [InlineData("0 12 ? * SUN,SAT *")]
    public void Schedules_the_service_takes_pass(string fields) => Assert.Null(Problem(fields));

    [Theory]
    [InlineData("90 3 * * ? *", "its minutes field ('90') holds 90, where it takes 0 to 59")]
    [InlineData("0 24 * * ? *", "its hours field ('24') holds 24, where it takes 0 to 23")]
    [InlineData("0 3 0 * ? *", "its day-of-month field ('0') holds 0, where it takes 1 to 31")]
    [InlineData("0 3 1-32 * ? *", "its day-of-month field ('1-32') holds 32, where it takes 1 to 31")]
    [InlineData("0 3 ? 13 MON *", "its month field ('13') holds 13, where it takes 1 to 12 or JAN to DEC")]
    [InlineData("0 3 ? JANN MON *", "its month field ('JANN') holds 'JANN', which is no month name (1 to 12 or JAN to DEC)")]
    [InlineData("0 3 ? * 8 *", "its day-of-week field ('8') holds 8, where it takes 1 to 7 or SUN to SAT")]
    [InlineData("0 3 ? * MOM *", "its day-of-week field ('MOM') holds 'MOM', which is no day name (1 to 7 or SUN to SAT)")]
    [InlineData("0 3 ? * 3#6 *", "its day-of-week field ('3#6') asks for week '6' of the month in '3#6', where it takes 1 to 5")]
    [InlineData("0 3 * * ? 1969", "its year field ('1969') holds 1969, where it takes 1970 to 2199")]
    [InlineData("*/0 3 * * ? *", "its minutes field ('*/0') steps by '0', where a step is a whole number of at least 1 (such as */15)")]
    [InlineData("5,75 3 * * ? *", "its minutes field ('5,75') holds 75, where it takes 0 to 59")]
    public void Out_of_range_values_are_named_with_their_field_and_range(string fields, string expected) =>
        Assert.Equal(expected, Problem(fields));

    [Theory]
    [InlineData("cron(0 3 * * ? *)", null)]
    [InlineData("  CRON(0 6 ? * MON *)  ", null)]
    [InlineData("rate(1 day)", "it does not start with cron(")]
    [InlineData("cron(0 3 * * ? *", "it does not end with )")]
    [InlineData("cron(0 3 * *)", "it has 4 fields where Image Builder takes 6 (or 5, without the year)")]
    [InlineData("cron(0 3 * * ? * 1)", "it has 7 fields where Image Builder takes 6 (or 5, without the year)")]
    [InlineData("cron(0 3 * * ? %)", "its field 6 ('%') holds '%', which no cron field takes")]
    [InlineData("cron(0 25 * * ? *)", "its hours field ('25') holds 25, where it takes 0 to 23")]
    public void A_whole_expression_is_checked_for_its_form_then_its_fields(string expression, string? expected) =>
        Assert.Equal(expected, CronFields.ExpressionProblem(expression));
}
