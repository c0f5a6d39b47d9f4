using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Model.Ib
{
    /// <summary>
    /// The request of a ListXBuildVersions operation (image, component, workflow): it lists the builds of the
    /// version whose ARN it is given, whatever the model calls that member.
    /// </summary>
    public interface IBuildVersionsRequest : IPagedRequest
    {
        string? VersionArn { get; set; }
    }

    public sealed partial class ListImageBuildVersionsRequest : IBuildVersionsRequest
    {
        string? IBuildVersionsRequest.VersionArn { get => ImageVersionArn; set => ImageVersionArn = value; }
    }

    public sealed partial class ListComponentBuildVersionsRequest : IBuildVersionsRequest
    {
        string? IBuildVersionsRequest.VersionArn { get => ComponentVersionArn; set => ComponentVersionArn = value; }
    }

    public sealed partial class ListWorkflowBuildVersionsRequest : IBuildVersionsRequest
    {
        string? IBuildVersionsRequest.VersionArn { get => WorkflowVersionArn; set => WorkflowVersionArn = value; }
    }
}
