using System;
using System.Management.Automation;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Validation;

namespace ImageBuilder.PS.Conversion
{
    /// <summary>
    /// A pipeline schedule: a Schedule, a hashtable with its properties, or just the cron expression as a string
    /// ('cron(0 3 * * ? *)'), the usual case. An empty string stands for no schedule, so that Update-IbPipeline
    /// -Schedule '' clears it as '' clears its other optional settings.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ScheduleTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = PropertyBag.Unwrap(inputData);
            Schedule? schedule;
            if (value is string expression)
            {
                schedule = expression.Length == 0 ? null : new Schedule { ScheduleExpression = expression };
            }
            else
            {
                try
                {
                    schedule = (Schedule?)ShapeConverter.Convert(value, IbShapes.Schedule, "the schedule");
                }
                catch (ArgumentException e)
                {
                    throw new ArgumentTransformationMetadataException(e.Message, e);
                }
            }
            if (schedule?.ScheduleExpression is { } given && Problem(given) is { } problem)
            {
                throw new ArgumentTransformationMetadataException(
                    $"-Schedule '{given}' is not a schedule Image Builder takes: {problem}. A schedule is cron(minutes hours day-of-month " +
                    "month day-of-week year), with '?' in one of the two day fields, such as 'cron(0 3 * * ? *)' for 03:00 every day " +
                    "or 'cron(0 6 ? * MON *)' for 06:00 on Mondays (UTC unless the schedule names a Timezone).");
            }
            return schedule;
        }

        private static readonly char[] FieldCharacters = "0123456789*?,-/#LW".ToCharArray();

        /// <summary>
        /// What is wrong with the expression, or null: its form (cron( ), five or six fields, the characters a field may
        /// hold), then each field's values against its range (<see cref="CronFields"/>). Only what is surely wrong is
        /// refused, so no schedule the service takes is refused here.
        /// </summary>
        private static string? Problem(string expression)
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
            return CronFields.Problem(fields);
        }
    }
}
