using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Ib;

/// <summary>GetMarketplaceResource: the document or an artifact of an AWS Marketplace component, through a short-lived URL.</summary>
internal sealed class MarketplaceOperations
{
    private readonly EmulatorState _state;

    public MarketplaceOperations(EmulatorState state) => _state = state;

    public void Register(OperationTable table) =>
        table.Add(IbOperations.GetMarketplaceResource, Get);

    private GetMarketplaceResourceResponse Get(GetMarketplaceResourceRequest request, CallContext call)
    {
        var entry = IbSupport.Resolve(_state.Components, request.ResourceArn!, "resourceArn", "component");
        if (entry.Owner is not (Ownership.AWSMarketplace or Ownership.ThirdParty))
        {
            throw ServiceError.InvalidParameterValue($"The resource {entry.Arn} is not an AWS Marketplace component.");
        }
        var expires = ((DateTimeOffset)DateTime.SpecifyKind(call.Now, DateTimeKind.Utc)).ToUnixTimeSeconds() + 900;
        if (request.ResourceType == "COMPONENT_ARTIFACT")
        {
            if (request.ResourceLocation is null)
            {
                throw ServiceError.InvalidParameterCombination("A COMPONENT_ARTIFACT needs its resourceLocation.");
            }
            var key = request.ResourceLocation.Substring("s3://".Length);
            return new GetMarketplaceResourceResponse { ResourceArn = entry.Arn, Url = $"https://marketplace-artifacts.s3.amazonaws.com/{key}?X-Amz-Expires=900&Expires={expires}" };
        }
        return new GetMarketplaceResourceResponse
        {
            ResourceArn = entry.Arn,
            Url = $"https://marketplace-components.s3.amazonaws.com/{ArnBuilder.ArnName(entry.Value.Name!)}/{entry.Version}/document.yaml?Expires={expires}",
            Data = entry.Value.Data,
        };
    }
}
