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
            if (schedule?.ScheduleExpression is { } given && CronFields.ExpressionProblem(given) is { } problem)
            {
                throw new ArgumentTransformationMetadataException($"-Schedule '{given}' is not a schedule Image Builder takes: {problem}. {CronFields.Form}");
            }
            return schedule;
        }
    }
}
