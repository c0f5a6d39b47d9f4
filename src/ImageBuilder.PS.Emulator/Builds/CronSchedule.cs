using System.Globalization;

namespace ImageBuilder.PS.Emulator.Builds;

/// <summary>
/// A pipeline schedule, cron(minutes hours day-of-month month day-of-week year) as Image Builder writes it (the year
/// may be left out), with numbers, names (JAN, MON), '*', '?', lists, ranges and steps. The rarer forms (L, W, #) are
/// checked like the rest, as the service accepts them, but not evaluated here: such a schedule simply has no next run
/// in the emulator.
/// </summary>
internal sealed class CronSchedule
{
    private static readonly string[] Months = { "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC" };
    private static readonly string[] Days = { "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT" };
    private readonly HashSet<int> _minutes, _hours, _daysOfMonth, _months, _daysOfWeek;
    private readonly HashSet<int>? _years;
    private readonly bool _anyDayOfMonth, _anyDayOfWeek;
    private bool _evaluated = true;

    private CronSchedule(string[] f)
    {
        _minutes = Field(f[0], 0, 59, null);
        _hours = Field(f[1], 0, 23, null);
        _anyDayOfMonth = f[2] is "*" or "?";
        _daysOfMonth = Field(f[2], 1, 31, null, IsDayOfMonthSpecial);
        _months = Field(f[3], 1, 12, Months);
        _anyDayOfWeek = f[4] is "*" or "?";
        // AWS numbers days of the week 1 (SUN) to 7 (SAT).
        _daysOfWeek = Field(f[4], 1, 7, Days, IsDayOfWeekSpecial);
        _years = f.Length > 5 && f[5] != "*" ? Field(f[5], 1970, 2199, null) : null;
    }

    /// <summary>The schedule, or null when the expression is not a valid cron expression or uses a form not evaluated here.</summary>
    public static CronSchedule? TryParse(string? expression) => Parse(expression) is { _evaluated: true } cron ? cron : null;

    /// <summary>Whether Image Builder takes the expression, whether or not the emulator evaluates it.</summary>
    public static bool IsValid(string? expression) => Parse(expression) is not null;

    private static CronSchedule? Parse(string? expression)
    {
        var text = expression?.Trim();
        if (text is null || !text.StartsWith("cron(", StringComparison.OrdinalIgnoreCase) || !text.EndsWith(')'))
        {
            return null;
        }
        var fields = text.Substring(5, text.Length - 6).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is < 5 or > 6)
        {
            return null;
        }
        try
        {
            return new CronSchedule(fields.Select(x => x.ToUpperInvariant()).ToArray());
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>The first minute strictly after <paramref name="after"/> that matches, in the given time zone, as UTC; null within no year ahead.</summary>
    public DateTime? NextAfter(DateTime after, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(after, DateTimeKind.Utc), zone);
        var t = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified).AddMinutes(1);
        var end = t.AddYears(1);
        while (t < end)
        {
            if (!_months.Contains(t.Month) || (_years is not null && !_years.Contains(t.Year)) || !DayMatches(t))
            {
                t = t.Date.AddDays(1);
                continue;
            }
            if (!_hours.Contains(t.Hour))
            {
                t = t.Date.AddHours(t.Hour + 1);
                continue;
            }
            if (_minutes.Contains(t.Minute) && !zone.IsInvalidTime(t))
            {
                return TimeZoneInfo.ConvertTimeToUtc(t, zone);
            }
            t = t.AddMinutes(1);
        }
        return null;
    }

    private bool DayMatches(DateTime t)
    {
        bool dom = _daysOfMonth.Contains(t.Day);
        bool dow = _daysOfWeek.Contains((int)t.DayOfWeek + 1);
        return (_anyDayOfMonth, _anyDayOfWeek) switch
        {
            (true, true) => true,
            (true, false) => dow,
            (false, true) => dom,
            _ => dom && dow,
        };
    }

    /// <summary>
    /// The values a field selects. <paramref name="special"/> recognises the forms only the day fields have; a
    /// schedule using one is valid but not evaluated. '?' (no specific value) belongs to the day fields too.
    /// </summary>
    private HashSet<int> Field(string text, int min, int max, string[]? names, Func<string, bool>? special = null)
    {
        if (text == "?" && special is not null)
        {
            return Enumerable.Range(min, max - min + 1).ToHashSet();
        }
        var values = new HashSet<int>();
        foreach (var part in text.Split(','))
        {
            if (special?.Invoke(part) == true)
            {
                _evaluated = false;
                continue;
            }
            var (range, step) = part.Split('/') switch
            {
                [var r] => (r, 1),
                [var r, var s] => (r, int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture)),
                _ => throw new FormatException(part),
            };
            int from, to;
            if (range == "*")
            {
                (from, to) = (min, max);
            }
            else if (range.Split('-') is [var a, var b])
            {
                (from, to) = (Value(a, min, names), Value(b, min, names));
            }
            else
            {
                from = Value(range, min, names);
                to = step > 1 ? max : from;
            }
            if (from < min || to > max || from > to || step < 1)
            {
                throw new FormatException(part);
            }
            for (int v = from; v <= to; v += step)
            {
                values.Add(v);
            }
        }
        return values;
    }

    // L (the last day of the month), LW (its last weekday), 15W (the weekday nearest the 15th).
    private static bool IsDayOfMonthSpecial(string part) =>
        part is "L" or "LW" || (part.EndsWith('W') && IsValue(part[..^1], 1, 31, null));

    // L (the last day of the week), 6L (the month's last Friday), 2#1 (its first Monday).
    private static bool IsDayOfWeekSpecial(string part) =>
        part == "L"
        || (part.EndsWith('L') && IsValue(part[..^1], 1, 7, Days))
        || (part.Split('#') is [var day, var nth] && IsValue(day, 1, 7, Days) && IsValue(nth, 1, 5, null));

    private static bool IsValue(string text, int min, int max, string[]? names)
    {
        try
        {
            var value = Value(text, min, names);
            return value >= min && value <= max;
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return false;
        }
    }

    private static int Value(string text, int min, string[]? names)
    {
        int index = names is null ? -1 : Array.IndexOf(names, text);
        if (index >= 0)
        {
            return index + (min == 0 ? 0 : 1);
        }
        return int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
