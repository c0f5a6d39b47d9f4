using ImageBuilder.PS.Tests.Support;
using static ImageBuilder.PS.Tests.Images.ImageSamples;

namespace ImageBuilder.PS.Tests.Images;

/// <summary>
/// Every parameter that takes the ARN of another resource also takes the module's object for it, as New-IbPipeline
/// does: -InfrastructureConfigurationArn $infra works as well as $infra.Arn. Before, the object was turned into its
/// type name and refused as a malformed ARN, so nothing was sent.
/// </summary>
public sealed class ObjectArgumentTests : IClassFixture<LoopbackFixture>
{
    private const string WorkflowArn = "arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-image/1.0.0";
    private const string TestWorkflowArn = "arn:aws:imagebuilder:us-east-1:aws:workflow/test/test-image/1.0.0";
    private const string ComponentArn = "arn:aws:imagebuilder:us-east-1:123456789012:component/web-setup/1.0.0/1";
    private const string LifecyclePolicyArn = "arn:aws:imagebuilder:us-east-1:123456789012:lifecycle-policy/keep-recent";

    // The objects a user has in hand from the module's Get- and New- cmdlets. The first line loads the model
    // assembly, which a fresh session has not loaded before its first cmdlet.
    private const string Objects = """
        $null = (Get-Command New-IbImage).OutputType
        $recipe = [ImageBuilder.PS.Model.Ib.ImageRecipe]@{ Arn = $RecipeArn }
        $container = [ImageBuilder.PS.Model.Ib.ContainerRecipe]@{ Arn = $ContainerRecipeArn }
        $infra = [ImageBuilder.PS.Model.Ib.InfrastructureConfiguration]@{ Arn = $InfrastructureArn }
        $dist = [ImageBuilder.PS.Model.Ib.DistributionConfiguration]@{ Arn = $DistributionArn }
        $image = [ImageBuilder.PS.Model.Ib.Image]@{ Arn = $BuildArn }
        $pipeline = [ImageBuilder.PS.Model.Ib.ImagePipeline]@{ Arn = $PipelineArn }
        $workflow = [ImageBuilder.PS.Model.Ib.Workflow]@{ Arn = $WorkflowArn }
        $component = [ImageBuilder.PS.Model.Ib.Component]@{ Arn = $ComponentArn }
        $policy = [ImageBuilder.PS.Model.Ib.LifecyclePolicy]@{ Arn = $LifecyclePolicyArn }

        """;

    private readonly LoopbackFixture _f;

    public ObjectArgumentTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
        _f.Session.Host.Captured.ChoiceAnswer = -1;
        // Whatever is asked, an answer good enough for the cmdlet to finish; the tests look at what was sent.
        _f.Server.Default = request => request.Path switch
        {
            "/GetImage" => CannedResponse.Json(Image()),
            "/GetContainerRecipe" => CannedResponse.Json(FullContainerRecipe()),
            _ => CannedResponse.Json($"{{\"imageBuildVersionArn\":\"{BuildArn}\",\"containerRecipeArn\":\"{ContainerRecipeArn}\"}}"),
        };
    }

    private static Dictionary<string, object?> Vars() => new()
    {
        ["RecipeArn"] = RecipeArn, ["ContainerRecipeArn"] = ContainerRecipeArn, ["InfrastructureArn"] = InfrastructureArn,
        ["DistributionArn"] = DistributionArn, ["BuildArn"] = BuildArn, ["PipelineArn"] = PipelineArn, ["WorkflowArn"] = WorkflowArn,
        ["ComponentArn"] = ComponentArn, ["LifecyclePolicyArn"] = LifecyclePolicyArn,
    };

    [Fact]
    public void NewImageTakesRecipeConfigurationAndWorkflowObjects()
    {
        var result = _f.Run(Objects + $"New-IbImage -EndpointUrl $Endpoint -RecipeArn $recipe -InfrastructureConfigurationArn $infra -DistributionConfigurationArn $dist -Workflow $workflow, '{TestWorkflowArn}', @{{ Arn = $WorkflowArn; OnFailure = 'ABORT'; Parameters = @{{ waitForActionAtEnd = 'true' }} }}", Vars());
        result.AssertSuccess();
        var body = _f.Server.Requests.First(r => r.Path == "/CreateImage").Json;
        Assert.Equal(RecipeArn, body.GetProperty("imageRecipeArn").GetString());
        Assert.Equal(InfrastructureArn, body.GetProperty("infrastructureConfigurationArn").GetString());
        Assert.Equal(DistributionArn, body.GetProperty("distributionConfigurationArn").GetString());
        Assert.Equal(
            $"[{{\"workflowArn\":\"{WorkflowArn}\"}},{{\"workflowArn\":\"{TestWorkflowArn}\"}},{{\"workflowArn\":\"{WorkflowArn}\",\"parameters\":[{{\"name\":\"waitForActionAtEnd\",\"value\":[\"true\"]}}],\"onFailure\":\"ABORT\"}}]",
            body.GetProperty("workflows").GetRawText());

        _f.Server.Requests.Clear();
        _f.Run(Objects + "New-IbImage -EndpointUrl $Endpoint -ContainerRecipeArn $container -InfrastructureConfigurationArn $infra", Vars()).AssertSuccess();
        Assert.Equal(ContainerRecipeArn, _f.Server.Requests.First(r => r.Path == "/CreateImage").Json.GetProperty("containerRecipeArn").GetString());
    }

    [Fact]
    public void NewContainerRecipeTakesComponentAndImageObjects()
    {
        var result = _f.Run(Objects + $"New-IbContainerRecipe -EndpointUrl $Endpoint web-app 1.0.0 -ParentImage $image -RepositoryName web-app -DockerfileTemplateData 'FROM x' -Component $component, @{{ Arn = $ComponentArn; Parameters = @{{ Port = '8080' }} }}", Vars());
        result.AssertSuccess();
        var body = _f.Server.Requests.First(r => r.Path == "/CreateContainerRecipe").Json;
        Assert.Equal(BuildArn, body.GetProperty("parentImage").GetString());
        Assert.Equal(
            $"[{{\"componentArn\":\"{ComponentArn}\"}},{{\"componentArn\":\"{ComponentArn}\",\"parameters\":[{{\"name\":\"Port\",\"value\":[\"8080\"]}}]}}]",
            body.GetProperty("components").GetRawText());
    }

    [Theory]
    [InlineData("Start-IbImageDistribution -SourceImage $image -DistributionConfigurationArn $dist -ExecutionRole DistributeRole", "/DistributeImage", "sourceImage", BuildArn)]
    [InlineData("Start-IbImageDistribution -SourceImage $image -DistributionConfigurationArn $dist -ExecutionRole DistributeRole", "/DistributeImage", "distributionConfigurationArn", DistributionArn)]
    [InlineData("Import-IbDiskImage golden 1.0.0 -Platform Windows -OsVersion 'Microsoft Windows 11' -Uri s3://isos/win11.iso -InfrastructureConfigurationArn $infra", "/ImportDiskImage", "infrastructureConfigurationArn", InfrastructureArn)]
    [InlineData("Get-IbImageScanFinding -ImageArn $image", "/ListImageScanFindings", "filters", BuildArn)]
    [InlineData("Get-IbImageScanFinding -PipelineArn $pipeline", "/ListImageScanFindings", "filters", PipelineArn)]
    [InlineData("Get-IbImageScanFindingAggregation -ImageArn $image", "/ListImageScanFindingAggregations", "filter", BuildArn)]
    [InlineData("Get-IbImageScanFindingAggregation -PipelineArn $pipeline", "/ListImageScanFindingAggregations", "filter", PipelineArn)]
    [InlineData("Get-IbWorkflowExecution -ImageArn $image", "/ListWorkflowExecutions", "imageBuildVersionArn", BuildArn)]
    [InlineData("Send-IbStepAction -StepExecutionId step-11111111-2222-4333-8444-555555555555 -ImageArn $image -Action RESUME", "/SendWorkflowStepAction", "imageBuildVersionArn", BuildArn)]
    [InlineData("Set-IbResourceState -ResourceArn $image -State DEPRECATED -Force", "/StartResourceStateUpdate", "resourceArn", BuildArn)]
    [InlineData("Get-IbLifecycleExecution -ResourceArn $policy", "/ListLifecycleExecutions", "resourceArn", LifecyclePolicyArn)]
    [InlineData("Get-IbMarketplaceResource -ResourceArn $component -ResourceType COMPONENT_DATA", "/GetMarketplaceResource", "resourceArn", ComponentArn)]
    public void ParametersTakingAnotherResourcesArnTakeItsObject(string command, string path, string member, string arn)
    {
        var cmdlet = command.Split(' ')[0];
        _f.Run(Objects + command.Replace(cmdlet, cmdlet + " -EndpointUrl $Endpoint"), Vars());
        var request = Assert.Single(_f.Server.Requests, r => r.Path == path);
        Assert.Contains(arn, request.Json.GetProperty(member).GetRawText());
    }
}
