using System;
using System.Collections.Generic;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Model.WorkSpaces;

namespace ImageBuilder.PS.Waiting
{
    /// <summary>One look at a WorkSpaces image being imported (BYOL), for <see cref="WaitLoop"/>.</summary>
    internal static class WorkSpacesImportWatcher
    {
        public static WaitObservation<WorkspaceImage>? Observe(IbCmdlet cmdlet, string imageId)
        {
            var request = new DescribeWorkspaceImagesRequest { ImageIds = new List<string> { imageId } };
            if (new WaitLoop(cmdlet).Poll(WorkSpacesOperations.DescribeWorkspaceImages, request, imageId) is not { } result)
            {
                return null;
            }
            if (result.Images is not { Count: > 0 } images)
            {
                return WaitLoop.Gone<WorkspaceImage>(cmdlet, $"WorkSpaces has no image '{imageId}' any more.", imageId);
            }
            var image = images[0];
            var status = image.State ?? "PENDING";
            return new WaitObservation<WorkspaceImage>(image, status, status == "AVAILABLE" ? 100 : 40)
            {
                Succeeded = status == "AVAILABLE",
                Failure = status == "ERROR" ? $"{image.ErrorCode}: {image.ErrorMessage ?? "WorkSpaces gives no reason."}" : null,
            };
        }
    }
}
