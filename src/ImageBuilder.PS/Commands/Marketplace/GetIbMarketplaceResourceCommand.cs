using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Marketplace
{
    /// <summary>
    /// Checks the subscription to an AWS Marketplace resource and gets what it takes to download it
    /// (GetMarketplaceResource): a component's document, or the URL of its artifact.
    /// </summary>
    [ApiOperation("imagebuilder", "GetMarketplaceResource")]
    [Cmdlet(VerbsCommon.Get, "IbMarketplaceResource")]
    [OutputType(typeof(MarketplaceResource))]
    public sealed class GetIbMarketplaceResourceCommand : IbCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Arn")]
        [ArnTransformation]
        public string ResourceArn { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1)]
        [ArgumentCompleter(typeof(MarketplaceResourceTypeCompleter))]
        public string ResourceType { get; set; } = "";

        [Parameter]
        public string? ResourceLocation { get; set; }

        protected override void ProcessRecord()
        {
            var request = new GetMarketplaceResourceRequest { ResourceArn = ResourceArn, ResourceType = ResourceType, ResourceLocation = ResourceLocation };
            if (Validate(request, ResourceArn) && Call(IbOperations.GetMarketplaceResource, request, ResourceArn) is { } response)
            {
                WriteObject(new MarketplaceResource { ResourceArn = response.ResourceArn ?? ResourceArn, ResourceType = ResourceType, Url = response.Url, Data = response.Data });
            }
        }
    }
}
