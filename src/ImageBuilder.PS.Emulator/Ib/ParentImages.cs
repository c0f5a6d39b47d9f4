using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Ib;

/// <summary>What a recipe's parent image tells about the image built on it: an Image Builder image, or an AMI id.</summary>
internal static class ParentImages
{
    public sealed record ParentInfo(string Platform, string OsVersion);

    public static ParentInfo Describe(EmulatorState state, string parentImage)
    {
        if (parentImage.StartsWith("ami-", StringComparison.Ordinal))
        {
            // An AMI outside Image Builder: the emulator has no EC2 to ask, so it takes the common case.
            return new ParentInfo("Linux", "Amazon Linux 2023");
        }
        if (!IbArn.TryParse(parentImage, out var arn) || arn.ResourceType != "image")
        {
            throw ServiceError.InvalidParameterValue($"The parent image '{parentImage}' is neither an AMI id nor an image ARN.");
        }
        var image = state.Images.Resolve(IbSupport.Family(arn), arn.Version ?? "x.x.x", IbSupport.BuildNumber(arn))
            ?? throw ServiceError.InvalidParameterValue($"The parent image {parentImage} does not exist.");
        return new ParentInfo(image.Value.Platform ?? "Linux", image.Value.OsVersion ?? "Amazon Linux 2023");
    }
}
