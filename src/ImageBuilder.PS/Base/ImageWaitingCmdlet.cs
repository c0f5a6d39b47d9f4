using System;
using System.Management.Automation;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Waiting;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// The base of the cmdlets whose -Wait follows an image build (a build, a pipeline run, an import, a
    /// distribution): the image is written as the wait ended with it, and -ShowLog shows the build log meanwhile.
    /// </summary>
    public abstract class ImageWaitingCmdlet : WaitingCmdlet
    {
        /// <summary>With -Wait: writes the build log's new lines to the information stream as they arrive.</summary>
        [Parameter]
        public SwitchParameter ShowLog { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (ShowLog && !Wait)
            {
                // Otherwise -ShowLog alone would quietly show nothing.
                WriteWarning("-ShowLog shows the build log while -Wait waits; without -Wait there is nothing to show it during. Add -Wait, or follow the build with Get-IbImageLog -Follow.");
            }
        }

        /// <summary>
        /// Writes an image a call has just started (CreateImage, an import, a pipeline run) as <see cref="WriteImage"/>
        /// does, read back by its ARN; when the read fails, what is known, with a warning (<see cref="IbCmdlet.WriteCreated"/>).
        /// </summary>
        protected void WriteCreatedImage(string arn, Func<Image> known, string done = "created") =>
            WriteCreated(IbOperations.GetImage,
                new GetImageRequest { ImageBuildVersionArn = arn }, arn,
                r => r.Image,
                () =>
                {
                    var image = known();
                    image.Arn = arn;
                    (image.Name, image.Version) = NameAndVersionOf(arn);
                    return image;
                },
                $"Get-IbImage -Arn {arn}", WriteImage, done);

        /// <summary>Writes an image, after waiting for its build to end when -Wait was given.</summary>
        protected void WriteImage(Image? image)
        {
            WriteResource(image, i =>
            {
                if (i.Arn is null)
                {
                    return i;
                }
                AnnounceWait($"the build {i.Arn}", $"to wait again: Wait-IbImage -Arn {i.Arn}" + (ShowLog ? " -ShowLog" : ""));
                return new ImageBuildWatcher(this).Wait(i.Arn, Timeout, PollInterval, showLog: ShowLog);
            });
        }
    }
}
