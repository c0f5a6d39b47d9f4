using System;
using System.Management.Automation;

namespace ImageBuilder.PS.Conversion
{
    /// <summary>
    /// Lets a parameter that takes an ARN (or an AMI id) also take one of the module's objects, so that
    /// -InfrastructureConfigurationArn $infra works as well as -InfrastructureConfigurationArn $infra.Arn.
    /// Strings pass unchanged.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ArnTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = PropertyBag.Unwrap(inputData);
            if (value is null || value is string)
            {
                return value;
            }
            if (PropertyBag.Items(value) is { } items)
            {
                if (items.Count != 1)
                {
                    throw new ArgumentTransformationMetadataException($"This parameter takes one ARN; {items.Count} values were given.");
                }
                return Transform(engineIntrinsics, items[0]);
            }
            return PropertyBag.ArnOf(inputData!)
                ?? throw new ArgumentTransformationMetadataException($"This parameter takes an ARN, or an object with an Arn property; the {value.GetType().Name} given has none.");
        }
    }
}
