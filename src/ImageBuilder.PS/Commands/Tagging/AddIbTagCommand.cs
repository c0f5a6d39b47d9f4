using System.Collections;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Tagging
{
    /// <summary>Adds tags to an Image Builder resource, or changes their values (TagResource).</summary>
    [ApiOperation("imagebuilder", "TagResource")]
    [Cmdlet(VerbsCommon.Add, "IbTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(string))]
    public sealed class AddIbTagCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Arn")]
        public string ResourceArn { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1)]
        [Alias("Tags")]
        [ApiMember("tags")]
        [ValidateTextValues]
        public Hashtable Tag { get; set; } = new();

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var request = new TagResourceRequest { ResourceArn = ResourceArn, Tags = Tags.From(Tag) };
            var keys = string.Join(", ", Tag.Keys.Cast<object>());
            if (!Validate(request, ResourceArn))
            {
                return;
            }
            foreach (var arn in BuildsOrSelf(ResourceArn))
            {
                request.ResourceArn = arn;
                if (ShouldProcess(arn, $"Add tags ({keys})") && Call(IbOperations.TagResource, request, arn) is not null && PassThru)
                {
                    WriteObject(arn);
                }
            }
        }
    }
}
