using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Tagging
{
    /// <summary>Removes tags from an Image Builder resource by key (UntagResource).</summary>
    [ApiOperation("imagebuilder", "UntagResource")]
    [Cmdlet(VerbsCommon.Remove, "IbTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(string))]
    public sealed class RemoveIbTagCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Arn")]
        public string ResourceArn { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1)]
        [Alias("TagKeys", "Key")]
        [ApiMember("tagKeys")]
        public string[] TagKey { get; set; } = new string[0];

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var request = new UntagResourceRequest { ResourceArn = ResourceArn, TagKeys = TagKey.ToList() };
            if (!Validate(request, ResourceArn))
            {
                return;
            }
            foreach (var arn in BuildsOrSelf(ResourceArn))
            {
                request.ResourceArn = arn;
                if (ShouldProcess(arn, $"Remove tags ({string.Join(", ", TagKey)})") && Call(IbOperations.UntagResource, request, arn) is not null && PassThru)
                {
                    WriteObject(arn);
                }
            }
        }
    }
}
