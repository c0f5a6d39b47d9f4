using System;
using System.Collections;
using System.Management.Automation;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Conversion
{
    /// <summary>
    /// Lets a parameter that takes an Image Builder image also take what the other image cmdlets write: the build
    /// summaries of Get-IbImageBuildVersion and the version summaries of Get-IbImage (their members are copied onto
    /// an Image; the owner, which an Image does not carry, is left out), an image ARN, or a hashtable or
    /// PSCustomObject with an image's properties.
    /// </summary>
    /// <remarks>
    /// Anything else is refused as an invalid cast, which is what lets PowerShell, binding a piped object, go on to
    /// the parameters that take it by property name (a WorkSpaces image's ImageId, say).
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ImageTransformationAttribute : ArgumentTransformationAttribute
    {
        private static readonly ShapeDef ImageShape = ((IAwsStructure)new Image()).GetShape();

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject ps && ps.BaseObject is not PSCustomObject ? ps.BaseObject : inputData;
            switch (value)
            {
                case null:
                case Image:
                    return value;
                case ImageSummary or ImageVersion:
                    return CopyOf((IAwsStructure)value);
                case string arn when IbArn.TryParse(arn, out var parsed) && parsed.ResourceType == "image":
                    return new Image { Arn = arn };
                case IDictionary map:
                    return Convert(map, value);
                case PSObject custom:
                    // A PSCustomObject's properties live on its wrapper, which the shape converter would unwrap and lose.
                    var properties = new Hashtable(StringComparer.OrdinalIgnoreCase);
                    foreach (var property in custom.Properties)
                    {
                        properties[property.Name] = property.Value;
                    }
                    return Convert(properties, value);
                default:
                    throw NotAnImage(value);
            }
        }

        private static object Convert(IDictionary properties, object original)
        {
            try
            {
                return ShapeConverter.Convert(properties, ImageShape, "the image")!;
            }
            catch (ArgumentException e)
            {
                throw NotAnImage(original, e.Message);
            }
        }

        private static ArgumentTransformationMetadataException NotAnImage(object value, string? why = null)
        {
            var message = $"This parameter takes an Image Builder image (from Get-IbImage, Get-IbImageBuildVersion or New-IbImage) or an image ARN, not '{value}'."
                + (why is null ? "" : " " + why);
            return new ArgumentTransformationMetadataException(message, new PSInvalidCastException(message));
        }

        private static Image CopyOf(IAwsStructure summary)
        {
            IAwsStructure image = new Image();
            foreach (var member in summary.GetShape().Members)
            {
                // Members of the same name share their shape across these types; anything else is left out.
                if (ImageShape.FindMember(member.WireName) is { } target && target.Shape == member.Shape)
                {
                    image.SetMember(target.Index, summary.GetMember(member.Index));
                }
            }
            return (Image)image;
        }
    }
}
