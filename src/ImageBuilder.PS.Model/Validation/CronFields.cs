using System;
using System.Globalization;

namespace ImageBuilder.PS.Validation
{
    /// <summary>
    /// The values a pipeline schedule's cron fields may hold (minutes 0-59, hours 0-23, day of month 1-31, month 1-12
    /// or JAN-DEC, day of week 1-7 or SUN-SAT, year 1970-2199), checked before anything is sent, so that
    /// 'cron(90 3 * * ? *)' is refused with the field and its range in words instead of by the service.
    /// </summary>
    /// <remarks>
    /// Only what is surely wrong is refused: a number outside its field's range, a step that is not a whole number
    /// of at least 1, a word that names no month or day. The rarer forms (L, W, LW, 6L, 3#2) pass when their numbers
    /// are in range; whether the service takes a combination of fields is left to the service.
    /// </remarks>
    public static class CronFields
    {
        private sealed class Field
        {
            public Field(string name, int min, int max, string[]? names = null)
            {
                Name = name;
                Min = min;
                Max = max;
                Names = names;
            }

            public string Name { get; }
            public int Min { get; }
            public int Max { get; }
            public string[]? Names { get; }

            public string Range => Names is null ? $"{Min} to {Max}" : $"{Min} to {Max} or {Names[0]} to {Names[Names.Length - 1]}";
        }

        private static readonly Field[] Fields =
        {
            new("minutes", 0, 59),
            new("hours", 0, 23),
            new("day-of-month", 1, 31),
            new("month", 1, 12, new[] { "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC" }),
            // AWS counts the days of the week from 1 (Sunday) to 7 (Saturday).
            new("day-of-week", 1, 7, new[] { "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT" }),
            new("year", 1970, 2199),
        };

        private static readonly char[] FieldCharacters = "0123456789*?,-/#LW".ToCharArray();

        /// <summary>
        /// What is wrong with a whole schedule expression, or null: its form (cron( ), five or six fields, the
        /// characters a field may hold), then each field's values against its range. Only what is surely wrong is
        /// refused, so no schedule the service takes is refused here. -Schedule and a pipeline folder's schedule
        /// both ask this.
        /// </summary>
        public static string? ExpressionProblem(string expression)
        {
            var text = expression.Trim();
            if (!text.StartsWith("cron(", StringComparison.OrdinalIgnoreCase))
            {
                return "it does not start with cron(";
            }
            if (!text.EndsWith(")", StringComparison.Ordinal))
            {
                return "it does not end with )";
            }
            var fields = text.Substring(5, text.Length - 6).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length is < 5 or > 6)
            {
                return $"it has {fields.Length} field{(fields.Length == 1 ? "" : "s")} where Image Builder takes 6 (or 5, without the year)";
            }
            for (int i = 0; i < fields.Length; i++)
            {
                // Month and day names (JAN, MON) are letters; anything else outside the field characters is a typo.
                foreach (var c in fields[i])
                {
                    if (Array.IndexOf(FieldCharacters, char.ToUpperInvariant(c)) < 0 && !char.IsLetter(c))
                    {
                        return $"its field {i + 1} ('{fields[i]}') holds '{c}', which no cron field takes";
                    }
                }
            }
            return Problem(fields);
        }

        /// <summary>How a refused expression is explained, after what is wrong with it: the form, with two examples.</summary>
        public const string Form = "A schedule is cron(minutes hours day-of-month month day-of-week year), with '?' in one of the two day fields, " +
            "such as 'cron(0 3 * * ? *)' for 03:00 every day or 'cron(0 6 ? * MON *)' for 06:00 on Mondays (UTC unless the schedule names a Timezone).";

        /// <summary>What is out of range in the five or six fields (the year may be left out), or null.</summary>
        public static string? Problem(string[] fields)
        {
            for (int i = 0; i < fields.Length && i < Fields.Length; i++)
            {
                if (Problem(fields[i], Fields[i]) is { } problem)
                {
                    return problem;
                }
            }
            return null;
        }

        private static string? Problem(string text, Field field)
        {
            if (text is "*" or "?")
            {
                return null;
            }
            foreach (var item in text.Split(','))
            {
                var slash = item.IndexOf('/');
                var start = slash < 0 ? item : item.Substring(0, slash);
                if (slash >= 0)
                {
                    var step = item.Substring(slash + 1);
                    if (!int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var every) || every < 1)
                    {
                        return $"its {field.Name} field ('{text}') steps by '{step}', where a step is a whole number of at least 1 (such as */15)";
                    }
                }
                if (start == "*")
                {
                    continue;
                }
                foreach (var value in start.Split('-'))
                {
                    if (ValueProblem(value, field) is { } problem)
                    {
                        return $"its {field.Name} field ('{text}') {problem}";
                    }
                }
            }
            return null;
        }

        private static string? ValueProblem(string value, Field field)
        {
            var token = value.ToUpperInvariant();
            if (field.Name == "day-of-week" && token.IndexOf('#') is var hash and > 0)
            {
                // The n-th such day of the month: 3#2 is the second Tuesday.
                var nth = token.Substring(hash + 1);
                if (!int.TryParse(nth, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > 5)
                {
                    return $"asks for week '{nth}' of the month in '{value}', where it takes 1 to 5";
                }
                token = token.Substring(0, hash);
            }
            if (field.Name is "day-of-month" or "day-of-week")
            {
                // L (last), W (nearest weekday), LW, and a number with either after it (15W, 6L).
                if (token is "L" or "LW")
                {
                    return null;
                }
                if (token.Length > 1 && (token.EndsWith("L", StringComparison.Ordinal) || token.EndsWith("W", StringComparison.Ordinal)))
                {
                    token = token.Substring(0, token.Length - 1);
                }
            }
            if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return number < field.Min || number > field.Max ? $"holds {number}, where it takes {field.Range}" : null;
            }
            if (field.Names is not null && token.Length > 0 && IsLetters(token) && Array.IndexOf(field.Names, token) < 0)
            {
                return $"holds '{value}', which is no {(field.Name == "month" ? "month" : "day")} name ({field.Range})";
            }
            // Anything else (an empty part, letters in a numeric field) is left for the service to judge.
            return null;
        }

        private static bool IsLetters(string text)
        {
            foreach (var c in text)
            {
                if (c < 'A' || c > 'Z')
                {
                    return false;
                }
            }
            return true;
        }
    }
}
