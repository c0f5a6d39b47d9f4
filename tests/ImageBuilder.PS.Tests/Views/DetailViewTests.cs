using System.Text.RegularExpressions;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Views;

/// <summary>
/// The list views print the nested structures a resource carries as readable text (never "@{...}" or a type name),
/// and leave a line blank when the resource has nothing for it.
/// </summary>
public sealed class DetailViewTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public DetailViewTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
    }

    private const string P = "arn:aws:imagebuilder:us-east-1:123456789012:";

    private const string ContainerImage = """
        {"requestId":"d1","image":{"arn":"arn:aws:imagebuilder:us-east-1:123456789012:image/web-app/2.1.0/7","type":"DOCKER",
        "name":"web-app","version":"2.1.0","platform":"Linux","state":{"status":"AVAILABLE"},"dateCreated":"2026-03-05T03:00:01.000Z",
        "containerRecipe":{"arn":"arn:aws:imagebuilder:us-east-1:123456789012:container-recipe/web-app/2.1.0","name":"web-app"},
        "infrastructureConfiguration":{"arn":"arn:aws:imagebuilder:us-east-1:123456789012:infrastructure-configuration/build-small","name":"build-small","instanceTypes":["m5.large"]},
        "distributionConfiguration":{"arn":"arn:aws:imagebuilder:us-east-1:123456789012:distribution-configuration/two-regions","name":"two-regions"},
        "imageTestsConfiguration":{"imageTestsEnabled":true,"timeoutMinutes":60},
        "outputResources":{"containers":[
          {"region":"us-east-1","imageUris":["123456789012.dkr.ecr.us-east-1.amazonaws.com/web-app:2.1.0-7"]},
          {"region":"eu-west-1","imageUris":["123456789012.dkr.ecr.eu-west-1.amazonaws.com/web-app:2.1.0-7","123456789012.dkr.ecr.eu-west-1.amazonaws.com/web-app:latest"]}]},
        "buildType":"USER_INITIATED","executionRole":"arn:aws:iam::123456789012:role/ImageBuilderWorkflows",
        "imageScanningConfiguration":{"imageScanningEnabled":true,"ecrConfiguration":{"repositoryName":"scans","containerTags":["web","nightly"]}},
        "scanState":{"status":"COMPLETED"},
        "workflows":[
          {"workflowArn":"arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-container/1.0.1","onFailure":"ABORT","parallelGroup":"g1"},
          {"workflowArn":"arn:aws:imagebuilder:us-east-1:123456789012:workflow/test/smoke/1.0.0","parameters":[{"name":"waitMinutes","value":["5"]},{"name":"zones","value":["a","b"]}]}],
        "loggingConfiguration":{"logGroupName":"/aws/imagebuilder/web-app"}}}
        """;

    private const string PlainImage = """
        {"requestId":"d2","image":{"arn":"arn:aws:imagebuilder:us-east-1:123456789012:image/golden-windows/1.0.0/4","type":"AMI",
        "name":"golden-windows","version":"1.0.0","platform":"Windows","state":{"status":"AVAILABLE"},"dateCreated":"2026-03-05T03:00:01.000Z",
        "outputResources":{"amis":[{"region":"us-east-1","image":"ami-0123456789abcdef0"}]}}}
        """;

    [Fact]
    public void ImageListShowsContainersConfigurationsWorkflowsRoleAndScanning()
    {
        _f.Server.Enqueue(CannedResponse.Json(ContainerImage));
        var list = _f.Render("Get-IbImage -EndpointUrl $Endpoint -Arn " + P + "image/web-app/2.1.0/7 | Format-List");
        Assert.Matches(@"Containers\s+: us-east-1: 123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com/web-app:2\.1\.0-7\s*\n\s+eu-west-1: 123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com/web-app:2\.1\.0-7\s*\n\s+eu-west-1: 123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com/web-app:latest", list);
        Assert.Matches(@"Infrastructure\s+: build-small\r?\n", list);
        Assert.Matches(@"Distribution\s+: two-regions\r?\n", list);
        Assert.Matches(@"Workflows\s+: build/build-container/1\.0\.1 \(on failure ABORT, group g1\)\s*\n\s+test/smoke/1\.0\.0 \(waitMinutes=5; zones=a,b\)", list);
        Assert.Matches(@"ExecutionRole\s+: arn:aws:iam::123456789012:role/ImageBuilderWorkflows", list);
        Assert.Matches(@"Tests\s+: on, 60 min timeout", list);
        Assert.Matches(@"Scanning\s+: on, ECR scans \(tags web, nightly\)", list);
        Assert.Matches(@"Scan\s+: COMPLETED", list);
        Assert.Matches(@"LogGroup\s+: /aws/imagebuilder/web-app", list);
        Assert.DoesNotContain("@{", list);
        Assert.DoesNotContain("ImageBuilder.PS.Model", list);
    }

    [Fact]
    public void ImageListLeavesWhatAnImageDoesNotHaveBlank()
    {
        _f.Server.Enqueue(CannedResponse.Json(PlainImage));
        var list = _f.Render("Get-IbImage -EndpointUrl $Endpoint -Arn " + P + "image/golden-windows/1.0.0/4 | Format-List");
        Assert.Matches(@"Amis\s+: us-east-1: ami-0123456789abcdef0", list);
        foreach (var label in new[] { "Containers", "Infrastructure", "Distribution", "Workflows", "ExecutionRole", "Tests", "Scanning", "LogGroup" })
        {
            Assert.Matches(new Regex("^" + label + @"\s+:[ \t]*\r?$", RegexOptions.Multiline), list);
        }
        Assert.DoesNotContain("@{", list);
    }

    private const string PlacedInfra = """
        {"requestId":"d3","infrastructureConfiguration":{"arn":"arn:aws:imagebuilder:us-east-1:123456789012:infrastructure-configuration/dedicated",
        "name":"dedicated","instanceTypes":["m5.large"],"instanceProfileName":"ImageBuilderInstance",
        "logging":{"s3Logs":{"s3BucketName":"build-logs","s3KeyPrefix":"dedicated/"}},
        "instanceMetadataOptions":{"httpTokens":"required","httpPutResponseHopLimit":1},
        "placement":{"tenancy":"dedicated","hostId":"h-0123456789abcdef0","availabilityZone":"us-east-1a"},
        "dateCreated":"2026-01-10T10:00:00.000Z"}}
        """;

    private const string PlacedInfraSummaries = """
        {"requestId":"d4","infrastructureConfigurationSummaryList":[
          {"arn":"arn:aws:imagebuilder:us-east-1:123456789012:infrastructure-configuration/on-hosts","name":"on-hosts","instanceTypes":["mac2.metal"],
           "instanceProfileName":"ImageBuilderInstance","dateCreated":"2026-01-10T10:00:00.000Z",
           "placement":{"tenancy":"host","hostResourceGroupArn":"arn:aws:resource-groups:us-east-1:123456789012:group/mac-hosts"}},
          {"arn":"arn:aws:imagebuilder:us-east-1:123456789012:infrastructure-configuration/shared","name":"shared","instanceTypes":["m5.large"],
           "instanceProfileName":"ImageBuilderInstance","dateCreated":"2026-01-10T10:00:00.000Z"}]}
        """;

    [Fact]
    public void InfrastructurePlacementAndOtherNestedMembersReadAsText()
    {
        _f.Server.Enqueue(CannedResponse.Json(PlacedInfra));
        var list = _f.Render("Get-IbInfrastructureConfiguration -EndpointUrl $Endpoint -Arn " + P + "infrastructure-configuration/dedicated | Format-List");
        Assert.Matches(@"Placement\s+: tenancy dedicated, host h-0123456789abcdef0, zone us-east-1a", list);
        Assert.Matches(@"Logs\s+: s3://build-logs/dedicated/", list);
        Assert.Matches(@"InstanceMetadata\s+: tokens required, hop limit 1", list);
        Assert.DoesNotContain("@{", list);
        Assert.DoesNotContain("ImageBuilder.PS.Model", list);

        _f.Server.Enqueue(CannedResponse.Json(PlacedInfraSummaries));
        var summaries = _f.Render("Get-IbInfrastructureConfiguration -EndpointUrl $Endpoint | Format-List");
        Assert.Matches(@"Placement\s+: tenancy host, host group mac-hosts", summaries);
        Assert.Matches(new Regex(@"^Placement\s+:[ \t]*\r?$", RegexOptions.Multiline), summaries);
        Assert.DoesNotContain("@{", summaries);
    }

    private const string DetailedPipeline = """
        {"requestId":"d5","imagePipeline":{"arn":"arn:aws:imagebuilder:us-east-1:123456789012:image-pipeline/nightly","name":"nightly","platform":"Linux",
        "imageRecipeArn":"arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/golden-linux/1.0.0",
        "infrastructureConfigurationArn":"arn:aws:imagebuilder:us-east-1:123456789012:infrastructure-configuration/build-small",
        "status":"ENABLED","dateCreated":"2026-02-01T09:00:00.000Z",
        "imageScanningConfiguration":{"imageScanningEnabled":true},
        "executionRole":"arn:aws:iam::123456789012:role/ImageBuilderWorkflows",
        "workflows":[
          {"workflowArn":"arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-image/1.0.0","onFailure":"CONTINUE","parallelGroup":"builds"},
          {"workflowArn":"arn:aws:imagebuilder:us-east-1:123456789012:workflow/test/smoke/1.0.0","parameters":[{"name":"retries","value":["2"]}]}],
        "loggingConfiguration":{"imageLogGroupName":"/aws/imagebuilder/nightly-images","pipelineLogGroupName":"/aws/imagebuilder/pipeline/nightly"}}}
        """;

    [Fact]
    public void PipelineListShowsWorkflowOptionsParametersAndLogGroups()
    {
        _f.Server.Enqueue(CannedResponse.Json(DetailedPipeline));
        var list = _f.Render("Get-IbPipeline -EndpointUrl $Endpoint -Arn " + P + "image-pipeline/nightly | Format-List");
        Assert.Matches(@"Workflows\s+: build/build-image/1\.0\.0 \(on failure CONTINUE, group builds\)\s*\n\s+test/smoke/1\.0\.0 \(retries=2\)", list);
        Assert.Matches(@"Logging\s+: image /aws/imagebuilder/nightly-images, pipeline /aws/imagebuilder/pipeline/nightly", list);
        Assert.Matches(@"Scanning\s+: on\r?\n", list);
        Assert.DoesNotContain("@{", list);
        Assert.DoesNotContain("ImageBuilder.PS.Model", list);
    }

    private const string DetailedContainerRecipe = """
        {"requestId":"d6","containerRecipe":{"arn":"arn:aws:imagebuilder:us-east-1:123456789012:container-recipe/web-app/1.0.0","containerType":"DOCKER",
        "name":"web-app","platform":"Linux","owner":"123456789012","version":"1.0.0","parentImage":"amazonlinux:2023",
        "components":[{"componentArn":"arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x"},
          {"componentArn":"arn:aws:imagebuilder:us-east-1:123456789012:component/install-app/1.0.0","parameters":[{"name":"Channel","value":["stable"]},{"name":"Extras","value":["a","b"]}]}],
        "instanceConfiguration":{"image":"ami-0abcdef1234567890","blockDeviceMappings":[{"deviceName":"/dev/xvda","ebs":{"volumeSize":50,"volumeType":"gp3","encrypted":true}},{"deviceName":"/dev/sdb","noDevice":""}]},
        "targetRepository":{"service":"ECR","repositoryName":"web-app"},"dateCreated":"2026-02-03T04:05:06.000Z"}}
        """;

    [Fact]
    public void ContainerRecipeListShowsComponentParametersAndBuildInstanceDisks()
    {
        _f.Server.Enqueue(CannedResponse.Json(DetailedContainerRecipe));
        var list = _f.Render("Get-IbContainerRecipe -EndpointUrl $Endpoint -Arn " + P + "container-recipe/web-app/1.0.0 | Format-List");
        Assert.Matches(@"Components\s+: arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x\.x\.x\s*\n\s+arn:aws:imagebuilder:us-east-1:123456789012:component/install-app/1\.0\.0 \(Channel=stable; Extras=a,b\)", list);
        Assert.Matches(@"InstanceImage\s+: ami-0abcdef1234567890", list);
        Assert.Matches(@"BlockDevices\s+: /dev/xvda: 50 GiB gp3 encrypted\s*\n\s+/dev/sdb: no device", list);
        Assert.DoesNotContain("@{", list);
        Assert.DoesNotContain("ImageBuilder.PS.Model", list);
    }

    private const string ContainerBuilds = """
        {"requestId":"d7","imageSummaryList":[
          {"arn":"arn:aws:imagebuilder:us-east-1:123456789012:image/web-app/2.1.0/7","name":"web-app","type":"DOCKER","version":"2.1.0",
           "platform":"Linux","state":{"status":"AVAILABLE"},"owner":"123456789012","dateCreated":"2026-03-04T03:00:00.000Z","buildType":"USER_INITIATED",
           "outputResources":{"containers":[{"region":"us-east-1","imageUris":["123456789012.dkr.ecr.us-east-1.amazonaws.com/web-app:2.1.0-7"]},
             {"region":"eu-west-1","imageUris":["123456789012.dkr.ecr.eu-west-1.amazonaws.com/web-app:2.1.0-7"]}]}}]}
        """;

    [Fact]
    public void ImageBuildListNamesTheRegionOfEachContainerImage()
    {
        _f.Server.Enqueue(CannedResponse.Json(ContainerBuilds));
        var list = _f.Render("Get-IbImageBuildVersion -EndpointUrl $Endpoint " + P + "image/web-app/2.1.0 | Format-List");
        Assert.Matches(@"Containers\s+: us-east-1: 123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com/web-app:2\.1\.0-7\s*\n\s+eu-west-1: 123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com/web-app:2\.1\.0-7", list);
        Assert.DoesNotContain("@{", list);
    }
}
