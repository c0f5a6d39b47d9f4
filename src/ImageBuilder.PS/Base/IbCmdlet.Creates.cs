using System;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Base
{
    public abstract partial class IbCmdlet
    {
        /// <summary>
        /// The last step of a cmdlet that creates something and then reads it back (CreateX, then GetX), so it
        /// writes the same object Get- does. Once the create has succeeded the resource exists, so a failed read
        /// (throttled past its retries, a dropped connection, a 5xx) is never reported as a failure: what is
        /// known (the create's answer and the request's own values) is written instead, with a warning that names
        /// the resource and how to read it, and a re-run that would fail with "already exists" is not needed.
        /// </summary>
        /// <param name="get">The read, e.g. GetComponent for the new ARN.</param>
        /// <param name="id">The new resource's ARN (or id), for the warning and as the read's target.</param>
        /// <param name="resource">The resource in the read's answer.</param>
        /// <param name="known">The resource as far as the create tells it, used when the read fails.</param>
        /// <param name="readAgain">The command that reads it, e.g. "Get-IbComponent -Arn ...".</param>
        /// <param name="write">How the resource is written (after a wait, for instance); WriteObject by default.</param>
        private protected void WriteCreated<TRequest, TResponse, TResource>(OperationDef<TRequest, TResponse> get, TRequest request, string id,
            Func<TResponse, TResource?> resource, Func<TResource> known, string readAgain, Action<TResource>? write = null, string done = "created")
            where TRequest : class, IAwsStructure
            where TResponse : class, IAwsStructure
            where TResource : class =>
            new ReadBack(this).Write(get, request, id, resource, known, readAgain, write, done, "What the call told is written");

        /// <summary>
        /// After an Update- call the service carried out: the resource read back, or, when that read fails, the
        /// resource as it was before with a warning that says so. An update that was made is never reported as a
        /// failure, and the pipeline still gets its object (its ARN is what the next command needs).
        /// </summary>
        private protected void WriteUpdated<TRequest, TResponse, TResource>(OperationDef<TRequest, TResponse> get, TRequest request, string id,
            Func<TResponse, TResource?> resource, TResource before, string readAgain)
            where TRequest : class, IAwsStructure
            where TResponse : class, IAwsStructure
            where TResource : class =>
            new ReadBack(this).Write(get, request, id, resource, () => before, readAgain, null, "updated", "It is written as it was before the update");

        /// <summary>The name and version an Image Builder ARN holds (…/name/1.0.0/1 gives name and 1.0.0), for an object built from a create's answer.</summary>
        private protected static (string? Name, string? Version) NameAndVersionOf(string? arn) =>
            Model.Ib.IbArn.TryParse(arn, out var parsed) ? (parsed.Name, parsed.Version) : (null, null);
    }
}
