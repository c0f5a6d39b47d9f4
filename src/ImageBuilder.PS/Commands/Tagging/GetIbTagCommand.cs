using System;
using System.Collections;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Tagging
{
    /// <summary>Gets the tags of an Image Builder resource (ListTagsForResource) as a hashtable.</summary>
    [ApiOperation("imagebuilder", "ListTagsForResource")]
    [Cmdlet(VerbsCommon.Get, "IbTag")]
    [OutputType(typeof(Hashtable))]
    public sealed class GetIbTagCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Arn")]
        public string ResourceArn { get; set; } = "";

        protected override void ProcessRecord()
        {
            var request = new ListTagsForResourceRequest { ResourceArn = ResourceArn };
            if (!Validate(request, ResourceArn))
            {
                return;
            }
            foreach (var arn in BuildsOrSelf(ResourceArn))
            {
                request.ResourceArn = arn;
                if (Call(IbOperations.ListTagsForResource, request, arn) is { } response)
                {
                    // Keys match without regard to case, as in a hashtable PowerShell itself makes (@{}).
                    var tags = new Hashtable(StringComparer.OrdinalIgnoreCase);
                    if (response.Tags is not null)
                    {
                        foreach (var tag in response.Tags)
                        {
                            tags[tag.Key] = tag.Value;
                        }
                    }
                    WriteObject(tags);
                }
            }
        }
    }
}
