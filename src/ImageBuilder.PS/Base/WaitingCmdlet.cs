using System;
using System.Collections.Generic;
using System.Management.Automation;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.AppStream;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Model.WorkSpaces;
using ImageBuilder.PS.Waiting;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// The base of cmdlets that start long work (builds, imports, distributions, state changes): with -Wait they
    /// follow it to its end, with a progress bar, and write the resource as it ended.
    /// </summary>
    public abstract class WaitingCmdlet : IbCmdlet
    {
        /// <summary>Waits for the work to end before writing the resource.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: how long to wait at most (no limit unless given).</summary>
        [Parameter]
        [SecondsTransformation]
        public TimeSpan? Timeout { get; set; }

        /// <summary>With -Wait: the longest pause between two looks.</summary>
        [Parameter]
        [SecondsTransformation]
        public TimeSpan PollInterval { get; set; } = WaitLoop.DefaultPollCeiling;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (Wait)
            {
                WaitLoop.CheckSettings(this, Timeout, PollInterval);
            }
        }

        /// <summary>A wait announced first (see <see cref="AnnounceWait"/>).</summary>
        private T? Announced<T>(string what, string again, Func<T?> wait) where T : class
        {
            AnnounceWait(what, again);
            return wait();
        }

        /// <summary>
        /// Names what is about to be waited on and how to pick the wait up again, before the wait starts: after
        /// Ctrl+C, or a session that ends, the progress bar is gone and nothing else says which build is still
        /// running. It goes to the information stream tagged PSHOST, as Write-Host's lines do: shown at a prompt
        /// and in a runbook's transcript without -Verbose, kept out of the output, and it can be captured
        /// (-InformationVariable, 6>) or silenced (-InformationAction Ignore). A warning would say something
        /// is wrong, and verbose lines are hidden exactly when the user needs this one.
        /// </summary>
        private protected void AnnounceWait(string what, string again)
        {
            var message = $"Waiting for {what}. Ctrl+C stops the waiting, not the work; {again}";
            WriteInformation(new HostInformationMessage { Message = message }, new[] { "PSHOST", "ImageBuilder.PS.Wait" });
        }

        /// <summary>Writes an imported AppStream image, after waiting for the import to end when -Wait was given.</summary>
        protected void WriteAppStreamImage(Model.AppStream.Image? image) =>
            WriteResource(image, i => i.Name is null ? i : Announced($"the AppStream import of {i.Name}", $"to see how it goes: Get-IbAppStreamImage -Name {i.Name}", () => new WaitLoop(this).Run(() => AppStreamImportWatcher.Observe(this, i.Name), $"AppStream image {i.Name}", i.Name, $"Get-IbAppStreamImage -Name {i.Name}", Timeout, PollInterval)));

        /// <summary>Writes an imported WorkSpaces image, after waiting for the import to end when -Wait was given.</summary>
        protected void WriteWorkSpacesImage(WorkspaceImage? image) =>
            WriteResource(image, i => i.ImageId is null ? i : Announced($"the WorkSpaces import {i.ImageId} ({i.Name})", $"to see how it goes: Get-IbWorkSpacesImage -ImageId {i.ImageId}", () => new WaitLoop(this).Run(() => WorkSpacesImportWatcher.Observe(this, i.ImageId), $"WorkSpaces image {i.ImageId} ({i.Name})", i.ImageId, $"Get-IbWorkSpacesImage -ImageId {i.ImageId}", Timeout, PollInterval)));

        /// <summary>Writes a lifecycle run, after waiting for it to end when -Wait was given.</summary>
        protected void WriteLifecycleExecution(LifecycleExecution? execution) =>
            WriteResource(execution, e => e.LifecycleExecutionId is null ? e : Announced($"the lifecycle run {e.LifecycleExecutionId}", $"to see how it goes: Get-IbLifecycleExecution -LifecycleExecutionId {e.LifecycleExecutionId}", () => new WaitLoop(this).Run(() => LifecycleRunWatcher.Observe(this, e.LifecycleExecutionId), $"Lifecycle run {e.LifecycleExecutionId}", e.LifecycleExecutionId, $"Get-IbLifecycleExecution -LifecycleExecutionId {e.LifecycleExecutionId}", Timeout, PollInterval)));

        /// <summary>Writes the resource, or with -Wait the resource as the wait ended with it (nothing when it did not end well).</summary>
        private protected void WriteResource<T>(T? resource, Func<T, T?> wait) where T : class
        {
            if (resource is null)
            {
                return;
            }
            if (!Wait)
            {
                WriteObject(resource);
                return;
            }
            if (wait(resource) is { } ended)
            {
                WriteObject(ended);
            }
        }
    }
}
