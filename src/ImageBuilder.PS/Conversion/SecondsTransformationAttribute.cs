using System;
using System.Globalization;
using System.Management.Automation;

namespace ImageBuilder.PS.Conversion
{
    /// <summary>
    /// Lets a TimeSpan parameter take a number of seconds (-Timeout 3600), a TimeSpan string (-Timeout 01:00:00)
    /// or a TimeSpan. Without it PowerShell would read a bare number as ticks.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class SecondsTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            switch (value)
            {
                case TimeSpan span:
                    return span;
                case int or long or double or float or decimal:
                    return TimeSpan.FromSeconds(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                case string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds):
                    return TimeSpan.FromSeconds(seconds);
                case string text when TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var parsed):
                    return parsed;
                default:
                    throw new ArgumentTransformationMetadataException($"'{value}' is neither a number of seconds nor a time span such as 01:30:00.");
            }
        }
    }
}
