using System;
using System.Management.Automation;
using ImageBuilder.PS.Model.Ib;

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
            if (value is string expression)
            {
                return expression.Length == 0 ? null : new Schedule { ScheduleExpression = expression };
            }
            try
            {
                return ShapeConverter.Convert(value, IbShapes.Schedule, "the schedule");
            }
            catch (ArgumentException e)
            {
                throw new ArgumentTransformationMetadataException(e.Message, e);
            }
        }
    }
}
