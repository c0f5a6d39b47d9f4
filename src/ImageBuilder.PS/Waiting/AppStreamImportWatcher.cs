using System;
using System.Collections.Generic;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Model.AppStream;

namespace ImageBuilder.PS.Waiting
{
    /// <summary>One look at an AppStream image being imported, for <see cref="WaitLoop"/>: its state as a stage, and why it failed.</summary>
    internal static class AppStreamImportWatcher
    {
        private static readonly Dictionary<string, int> AppStreamStages = new(StringComparer.Ordinal)
        {
            ["PENDING"] = 5, ["CREATING"] = 15, ["IMPORTING"] = 30, ["VALIDATING"] = 70, ["COPYING"] = 85, ["AVAILABLE"] = 100,
        };

        public static WaitObservation<Model.AppStream.Image>? Observe(IbCmdlet cmdlet, string name)
        {
            var request = new DescribeImagesRequest { Names = new List<string> { name } };
            if (new WaitLoop(cmdlet).Poll(AppStreamOperations.DescribeImages, request, name) is not { } result)
            {
                return null;
            }
            if (result.Images is not { Count: > 0 } images)
            {
                return WaitLoop.Gone<Model.AppStream.Image>(cmdlet, $"AppStream has no image named '{name}' any more.", name);
            }
            var image = images[0];
            var status = image.State ?? "PENDING";
            return new WaitObservation<Model.AppStream.Image>(image, status, AppStreamStages.TryGetValue(status, out var percent) ? percent : 50)
            {
                Succeeded = status == "AVAILABLE",
                Failure = status == "FAILED" ? Reason(image) : null,
            };
        }

        private static string Reason(Model.AppStream.Image image)
        {
            if (image.StateChangeReason?.Message is { } message) return message;
            if (image.ImageErrors is { Count: > 0 } errors) return string.Join("; ", errors.ConvertAll(e => $"{e.ErrorCode}: {e.ErrorMessage}"));
            return "AppStream gives no reason.";
        }
    }
}
