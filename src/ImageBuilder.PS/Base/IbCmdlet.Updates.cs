using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Base
{
    public abstract partial class IbCmdlet
    {
        /// <summary>
        /// The last step before an Update- call, whose request was built from the resource as it is
        /// (<see cref="UpdateRequests.FromCurrent{T}"/>) plus <paramref name="changes"/>. With no change given it
        /// says so and writes <paramref name="current"/> unchanged, so a pipeline still gets its object; otherwise
        /// it checks the request and asks (-WhatIf, -Confirm) naming what changes.
        /// </summary>
        /// <param name="what">The kind of resource, for the question: "image pipeline".</param>
        /// <returns>True when the update is to be sent.</returns>
        private protected bool ShouldSendUpdate(IAwsStructure request, ChangeList changes, object current, string arn, string what)
        {
            if (changes.Count == 0)
            {
                WriteWarning($"No change was given for {arn}; nothing was sent.");
                WriteObject(current);
                return false;
            }
            return Validate(request, arn) && ShouldProcess(arn, $"Update {what} ({changes})");
        }
    }
}
