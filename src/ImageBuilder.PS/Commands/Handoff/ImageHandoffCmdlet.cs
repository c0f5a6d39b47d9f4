using System;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Handoff
{
    /// <summary>
    /// The base of the cmdlets that hand an Image Builder image on to AppStream or WorkSpaces: an image piped in
    /// supplies its output AMI in the region the cmdlet calls.
    /// </summary>
    public abstract class ImageHandoffCmdlet : WaitingCmdlet
    {
        /// <summary>
        /// The id of the AMI <paramref name="image"/> produced in the region <paramref name="binding"/> is called in, or
        /// null after an error that says what to give instead. An image without output resources (a summary from a
        /// listing, or just an ARN) is read in full first.
        /// </summary>
        /// <param name="amiParameter">The cmdlet's parameter that takes an AMI id, named in the error.</param>
        protected string? AmiInCallRegion(Image image, ServiceBinding binding, string amiParameter)
        {
            if (image.OutputResources?.Amis is not { Count: > 0 } && image.Arn is not null)
            {
                var get = new GetImageRequest { ImageBuildVersionArn = image.Arn };
                if (!Validate(get, image.Arn) || Call(IbOperations.GetImage, get, image.Arn) is not { Image: { } full })
                {
                    return null;
                }
                image = full;
            }
            var region = ConnectionFor(binding).Region;
            var amis = image.OutputResources?.Amis ?? new();
            var here = amis.Where(a => a.Image is not null && string.Equals(a.Region, region, StringComparison.OrdinalIgnoreCase)).ToList();
            if (here.Count > 1 && IbArn.TryParse(image.Arn, out var arn))
            {
                // A distribution can copy the AMI to other accounts in the same region; the image's own account's copy is the one meant.
                here = here.Where(a => a.AccountId is null || a.AccountId == arn.Account).ToList();
            }
            if (here.Count == 1)
            {
                return here[0].Image;
            }
            var name = image.Arn ?? image.Name ?? "given";
            var message = here.Count > 1
                ? $"The image '{name}' has {here.Count} AMIs in {region} ({string.Join(", ", here.Select(a => a.Image))}). Give the one to import with -{amiParameter}."
                : amis.Count == 0
                    ? $"The image '{name}' has no output AMI{(image.State?.Status is { } status ? $" (its status is {status})" : "")}. Import an image whose build is AVAILABLE, or give an AMI id with -{amiParameter}."
                    : $"The image '{name}' has no AMI in {region}; its AMIs are in {string.Join(", ", amis.Select(a => a.Region).Distinct())}. Call with -Region set to one of those, or give an AMI id with -{amiParameter}.";
            WriteError(new ErrorRecord(new ItemNotFoundException(message), "ImageAmiNotFound", ErrorCategory.ObjectNotFound, image.Arn ?? (object)image));
            return null;
        }
    }
}
