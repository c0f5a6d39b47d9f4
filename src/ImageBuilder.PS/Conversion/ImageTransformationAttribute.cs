using System;
using System.Management.Automation;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Conversion
{
    /// <summary>
    /// Lets a parameter that takes an Image Builder image also take what the other image cmdlets write: the build
    /// summaries of Get-IbImageBuildVersion and the version summaries of Get-IbImage (their members are copied onto
    /// an Image; the owner, which an Image does not carry, is left out), an image ARN, or a hashtable.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ImageTransformationAttribute : ArgumentTransformationAttribute
    {
        private static readonly ShapeDef ImageShape = ((IAwsStructure)new Image()).Shape;

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            switch (value)
            {
                case null:
                case Image:
                    return value;
                case ImageSummary or ImageVersion:
                    return CopyOf((IAwsStructure)value);
                case string arn when IbArn.TryParse(arn, out var parsed) && parsed.ResourceType == "image":
                    return new Image { Arn = arn };
                case string or IAwsStructure:
                    // Other objects of the module (a WorkSpaces image, a recipe) must not pass for an image.
                    throw new ArgumentTransformationMetadataException(
                        $"This parameter takes an Image Builder image (from Get-IbImage, Get-IbImageBuildVersion or New-IbImage) or an image ARN, not '{value}'.");
                default:
                    try
                    {
                        return ShapeConverter.Convert(value, ImageShape, "the image");
                    }
                    catch (ArgumentException e)
                    {
                        throw new ArgumentTransformationMetadataException(e.Message, e);
                    }
            }
        }

        private static Image CopyOf(IAwsStructure summary)
        {
            IAwsStructure image = new Image();
            foreach (var member in summary.Shape.Members)
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
