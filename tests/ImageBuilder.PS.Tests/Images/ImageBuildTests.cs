using System.Management.Automation;
using System.Text.RegularExpressions;
using ImageBuilder.PS.Tests.Support;
using static ImageBuilder.PS.Tests.Images.ImageSamples;

namespace ImageBuilder.PS.Tests.Images;

/// <summary>
/// The cmdlets that start, stop, delete and import image builds: New-IbImage, Stop-IbImage, Remove-IbImage,
/// Import-IbVmImage, Import-IbDiskImage, Start-IbImageDistribution, Restart-IbImageDistribution.
/// </summary>
public sealed class ImageBuildTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public ImageBuildTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
        _f.Session.Host.Captured.ChoiceAnswer = -1;
    }

    private static Dictionary<string, object?> Vars(params (string, object?)[] pairs) => pairs.ToDictionary(p => p.Item1, p => p.Item2);

    private static void AssertWrote(RunResult result, string arn)
    {
        result.AssertSuccess();
        var image = Assert.Single(result.Output);
        Assert.Equal("ImageBuilder.PS.Model.Ib.Image", image.TypeNames[0]);
        Assert.Equal(arn, image.Properties["Arn"].Value);
    }

    private static void AssertRefused(RunResult result, LoopbackServer server, string parameter, string rule)
    {
        Assert.Empty(server.Requests);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(parameter, error.Exception.Message);
        Assert.Contains(rule, error.Exception.Message);
    }

    [Fact]
    public void NewImageSendsTheBuildAndWritesTheImage()
    {
        _f.Server.Enqueue(CannedResponse.Json(BuildArnAnswer("imageBuildVersionArn", BuildArn)), CannedResponse.Json(Image(status: "PENDING")));
        var result = _f.Run("New-IbImage -EndpointUrl $Endpoint -RecipeArn $Recipe -InfrastructureConfigurationArn $Infra -DistributionConfigurationArn $Dist " +
            "-SkipTest -EnableImageScanning -DisableEnhancedImageMetadata -Workflow @{ WorkflowArn = 'arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-image/1.0.0' } " +
            "-ExecutionRole ImageBuilderRole -LogGroupName /builds/golden -Tag @{ Team = 'Platform' }",
            Vars(("Recipe", RecipeArn), ("Infra", InfrastructureArn), ("Dist", DistributionArn)));
        AssertWrote(result, BuildArn);
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(new[] { "PUT /CreateImage", "GET /GetImage?imageBuildVersionArn=" + Uri.EscapeDataString(BuildArn) }, requests.Select(r => r.Method + " " + r.RawUrl));
        var body = requests[0].Json;
        Assert.Equal(RecipeArn, body.GetProperty("imageRecipeArn").GetString());
        Assert.False(body.TryGetProperty("containerRecipeArn", out _));
        Assert.Equal(InfrastructureArn, body.GetProperty("infrastructureConfigurationArn").GetString());
        Assert.Equal(DistributionArn, body.GetProperty("distributionConfigurationArn").GetString());
        Assert.Equal("{\"imageTestsEnabled\":false}", body.GetProperty("imageTestsConfiguration").GetRawText());
        Assert.Equal("{\"imageScanningEnabled\":true}", body.GetProperty("imageScanningConfiguration").GetRawText());
        Assert.False(body.GetProperty("enhancedImageMetadataEnabled").GetBoolean());
        Assert.Equal("[{\"workflowArn\":\"arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-image/1.0.0\"}]", body.GetProperty("workflows").GetRawText());
        Assert.Equal("ImageBuilderRole", body.GetProperty("executionRole").GetString());
        Assert.Equal("{\"logGroupName\":\"/builds/golden\"}", body.GetProperty("loggingConfiguration").GetRawText());
        Assert.Equal("Platform", body.GetProperty("tags").GetProperty("Team").GetString());
        Assert.True(Guid.TryParse(body.GetProperty("clientToken").GetString(), out _));
    }

    [Fact]
    public void NewImageTakesAPipelineOrAContainerRecipeFromThePipeline()
    {
        _f.Server.Default = request => request.Path == "/CreateImage" ? CannedResponse.Json(BuildArnAnswer("imageBuildVersionArn", BuildArn)) : CannedResponse.Json(Image());
        // The model assembly loads with the first cmdlet that uses it; a fresh session has not used one yet.
        var result = _f.Run("""
            $null = (Get-Command New-IbImage).OutputType
            [ImageBuilder.PS.Model.Ib.ImagePipeline]@{ Arn = $Pipeline; ImageRecipeArn = $Recipe; InfrastructureConfigurationArn = $Infra; DistributionConfigurationArn = $Dist } |
                New-IbImage -EndpointUrl $Endpoint -ClientToken rerun-1
            [ImageBuilder.PS.Model.Ib.ContainerRecipe]@{ Arn = $Container } | New-IbImage -EndpointUrl $Endpoint -InfrastructureConfigurationArn $Infra
            """, Vars(("Pipeline", PipelineArn), ("Recipe", RecipeArn), ("Infra", InfrastructureArn), ("Dist", DistributionArn), ("Container", ContainerRecipeArn)));
        result.AssertSuccess();
        var creates = _f.Server.Requests.Where(r => r.Path == "/CreateImage").Select(r => r.Json).ToList();
        Assert.Equal(2, creates.Count);
        Assert.Equal(RecipeArn, creates[0].GetProperty("imageRecipeArn").GetString());
        Assert.Equal(DistributionArn, creates[0].GetProperty("distributionConfigurationArn").GetString());
        Assert.Equal("rerun-1", creates[0].GetProperty("clientToken").GetString());
        Assert.Equal(ContainerRecipeArn, creates[1].GetProperty("containerRecipeArn").GetString());
        Assert.False(creates[1].TryGetProperty("imageRecipeArn", out _));
        Assert.Equal(2, result.Output.Count);
    }

    [Fact]
    public void NewImageWhatIfSendsNothingAndBadInputIsRefused()
    {
        var whatIf = _f.Run("New-IbImage -EndpointUrl $Endpoint -RecipeArn $Recipe -InfrastructureConfigurationArn $Infra -WhatIf", Vars(("Recipe", RecipeArn), ("Infra", InfrastructureArn)));
        whatIf.AssertSuccess();
        Assert.Empty(_f.Server.Requests);
        Assert.Contains($"What if: Performing the operation \"Build image\" on target \"{RecipeArn}\".", whatIf.HostText);

        var bad = _f.Run("New-IbImage -EndpointUrl $Endpoint -RecipeArn $Recipe -InfrastructureConfigurationArn 'build-small'", Vars(("Recipe", RecipeArn)));
        AssertRefused(bad, _f.Server, "The value 'build-small' of -InfrastructureConfigurationArn", "must be an infrastructure configuration ARN");
        var badLog = _f.Run("New-IbImage -EndpointUrl $Endpoint -RecipeArn $Recipe -InfrastructureConfigurationArn $Infra -LogGroupName 'no spaces'", Vars(("Recipe", RecipeArn), ("Infra", InfrastructureArn)));
        AssertRefused(badLog, _f.Server, "-LogGroupName (loggingConfiguration.logGroupName)", "must match the pattern");
    }

    [Fact]
    public void NewImageOutputRendersThroughTheImageViews()
    {
        _f.Server.Default = request => request.Path == "/CreateImage" ? CannedResponse.Json(BuildArnAnswer("imageBuildVersionArn", BuildArn)) : CannedResponse.Json(Image(status: "PENDING"));
        var table = _f.Render($"New-IbImage -EndpointUrl $Endpoint -RecipeArn {RecipeArn} -InfrastructureConfigurationArn {InfrastructureArn}");
        Assert.Matches(@"PENDING\s+golden-windows\s+1\.0\.0/3\s", table);
        var list = _f.Render($"New-IbImage -EndpointUrl $Endpoint -RecipeArn {RecipeArn} -InfrastructureConfigurationArn {InfrastructureArn} | Format-List");
        Assert.Matches(@"Status\s+: PENDING", list);
        Assert.Matches(@"Recipe\s+: " + Regex.Escape(RecipeArn), list);
    }

    [Fact]
    public void StopCancelsARunningBuildAndPassThruWritesIt()
    {
        _f.Server.Enqueue(CannedResponse.Json(BuildArnAnswer("imageBuildVersionArn", BuildArn)), CannedResponse.Json(Image(status: "CANCELLED")));
        var result = _f.Run("Stop-IbImage -EndpointUrl $Endpoint $Arn -ClientToken stop-1 -PassThru -Force", Vars(("Arn", BuildArn)));
        AssertWrote(result, BuildArn);
        var request = _f.Server.Requests.First();
        Assert.Equal("PUT /CancelImageCreation", request.Method + " " + request.RawUrl);
        Assert.Equal($"{{\"imageBuildVersionArn\":\"{BuildArn}\",\"clientToken\":\"stop-1\"}}", request.BodyText);
        Assert.Equal("CANCELLED", ((dynamic)result.Output[0]).State.Status);

        _f.Server.Reset();
        _f.Server.Enqueue(CannedResponse.Json(BuildArnAnswer("imageBuildVersionArn", BuildArn)));
        var quiet = _f.Run("Stop-IbImage -EndpointUrl $Endpoint $Arn -Force", Vars(("Arn", BuildArn)));
        quiet.AssertSuccess();
        Assert.Empty(quiet.Output);
        Assert.Single(_f.Server.Requests);

        _f.Server.Reset();
        _f.Server.Enqueue(CannedResponse.Json(BuildArnAnswer("imageBuildVersionArn", BuildArn)), CannedResponse.Json(Image(status: "CANCELLED")));
        var list = _f.Render($"Stop-IbImage -EndpointUrl $Endpoint {BuildArn} -PassThru -Force | Format-List");
        Assert.Matches(@"Status\s+: CANCELLED", list);
    }

    [Fact]
    public void StopGivenAVersionCancelsOnlyTheBuildsInProgress()
    {
        _f.Server.Default = request => request.Path == "/ListImageBuildVersions"
            ? CannedResponse.Json(BuildVersions(null, Build("golden-windows", "1.0.0", 1, "AVAILABLE"), Build("golden-windows", "1.0.0", 2, "BUILDING"), Build("golden-windows", "1.0.0", 3, "TESTING")))
            : CannedResponse.Json(BuildArnAnswer("imageBuildVersionArn", request.Json.GetProperty("imageBuildVersionArn").GetString()!));
        var whatIf = _f.Run("[pscustomobject]@{ Arn = $Arn } | Stop-IbImage -EndpointUrl $Endpoint -WhatIf", Vars(("Arn", VersionArn)));
        whatIf.AssertSuccess();
        Assert.Equal(new[] { "/ListImageBuildVersions" }, _f.Server.Requests.Select(r => r.Path));
        Assert.Contains($"What if: Performing the operation \"Cancel image build\" on target \"{VersionArn}/2\".", whatIf.HostText);
        Assert.Contains($"What if: Performing the operation \"Cancel image build\" on target \"{VersionArn}/3\".", whatIf.HostText);
        Assert.DoesNotContain($"{VersionArn}/1\"", whatIf.HostText);

        _f.Server.Requests.Clear();
        var result = _f.Run("Stop-IbImage -EndpointUrl $Endpoint $Arn -ClientToken nightly-stop -Force", Vars(("Arn", VersionArn)));
        result.AssertSuccess();
        var cancels = _f.Server.Requests.Where(r => r.Path == "/CancelImageCreation").Select(r => r.Json).ToList();
        Assert.Equal(new[] { VersionArn + "/2", VersionArn + "/3" }, cancels.Select(c => c.GetProperty("imageBuildVersionArn").GetString()));
        Assert.Equal(new[] { "nightly-stop-2", "nightly-stop-3" }, cancels.Select(c => c.GetProperty("clientToken").GetString()));

        _f.Server.Default = _ => CannedResponse.Json(BuildVersions(null, Build("golden-windows", "1.0.0", 1, "AVAILABLE")));
        var idle = _f.Run("Stop-IbImage -EndpointUrl $Endpoint $Arn -Force", Vars(("Arn", VersionArn)));
        idle.AssertSuccess();
        Assert.Contains("nothing to cancel", Assert.Single(idle.Warnings).Message);
    }

    [Fact]
    public void StopRefusesABadArn()
    {
        var result = _f.Run("Stop-IbImage -EndpointUrl $Endpoint -Arn $Arn", Vars(("Arn", RecipeArn)));
        AssertRefused(result, _f.Server, "-Arn", "must be an image build ARN");
    }

    [Fact]
    public void RemoveDeletesEachBuildOfAVersionAndAsksFirst()
    {
        _f.Server.Default = request => request.Path == "/ListImageBuildVersions"
            ? CannedResponse.Json(BuildVersions(null, Build("golden-windows", "1.0.0", 1, "AVAILABLE"), Build("golden-windows", "1.0.0", 2, "FAILED")))
            : CannedResponse.Json(BuildArnAnswer("imageBuildVersionArn", Uri.UnescapeDataString(request.Query.Split('=')[1])));
        var whatIf = _f.Run("Get-IbImage -EndpointUrl $Endpoint -Arn x -ErrorAction SilentlyContinue; Remove-IbImage -EndpointUrl $Endpoint $Arn -WhatIf", Vars(("Arn", VersionArn)));
        Assert.Equal(new[] { "/ListImageBuildVersions" }, _f.Server.Requests.Select(r => r.Path));
        Assert.Contains($"What if: Performing the operation \"Delete image build version\" on target \"{VersionArn}/1\".", whatIf.HostText);

        _f.Server.Requests.Clear();
        _f.Session.Host.Captured.ChoiceAnswer = 2; // [N] No
        var declined = _f.Run("Remove-IbImage -EndpointUrl $Endpoint $Arn", Vars(("Arn", BuildArn)));
        declined.AssertSuccess();
        Assert.Empty(_f.Server.Requests);
        Assert.Contains(_f.Session.Host.Captured.Prompts, p => p.Contains(BuildArn));

        var removed = _f.Run("Remove-IbImage -EndpointUrl $Endpoint $Arn -Force -PassThru", Vars(("Arn", VersionArn)));
        removed.AssertSuccess();
        Assert.Equal(new[] { "POST /ListImageBuildVersions", "DELETE /DeleteImage", "DELETE /DeleteImage" }, _f.Server.Requests.Select(r => r.Method + " " + r.Path));
        Assert.Equal("imageBuildVersionArn=" + Uri.EscapeDataString(VersionArn + "/1"), _f.Server.Requests.ElementAt(1).Query);
        Assert.Equal(new[] { VersionArn + "/1", VersionArn + "/2" }, removed.Output.Select(o => (string)o.BaseObject));
    }

    [Fact]
    public void RemoveReportsADependencyAndRefusesWhatIsNotAnImage()
    {
        _f.Server.Enqueue(CannedResponse.Error(400, "ResourceDependencyException", "A lifecycle policy uses this image."));
        var result = _f.Run("Remove-IbImage -EndpointUrl $Endpoint $Arn -Force", Vars(("Arn", BuildArn)));
        var error = Assert.Single(result.Errors);
        Assert.Equal("ResourceDependencyException", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(BuildArn, error.TargetObject);

        _f.Server.Reset();
        var bad = _f.Run("Remove-IbImage -EndpointUrl $Endpoint $Arn -Force", Vars(("Arn", ContainerRecipeArn)));
        Assert.Empty(_f.Server.Requests);
        Assert.Contains("is not an image ARN", Assert.Single(bad.Errors).Exception.Message);
    }

    [Fact]
    public void ImportVmImageSendsTheTaskAndWritesTheImage()
    {
        _f.Server.Enqueue(CannedResponse.Json(BuildArnAnswer("imageArn", BuildArn)), CannedResponse.Json(Image()));
        var result = _f.Run("Import-IbVmImage -EndpointUrl $Endpoint golden-windows 1.0.0 -Platform Windows -VmImportTaskId import-ami-0abc -OsVersion 'Microsoft Windows Server 2022' -Description 'From the lab' -Tag @{ Source = 'vmware' }");
        AssertWrote(result, BuildArn);
        var requests = _f.Server.Requests.ToList();
        Assert.Equal("PUT /ImportVmImage", requests[0].Method + " " + requests[0].RawUrl);
        var body = requests[0].Json;
        Assert.Equal("golden-windows", body.GetProperty("name").GetString());
        Assert.Equal("1.0.0", body.GetProperty("semanticVersion").GetString());
        Assert.Equal("Windows", body.GetProperty("platform").GetString());
        Assert.Equal("import-ami-0abc", body.GetProperty("vmImportTaskId").GetString());
        Assert.Equal("Microsoft Windows Server 2022", body.GetProperty("osVersion").GetString());
        Assert.Equal("From the lab", body.GetProperty("description").GetString());
        Assert.Equal("vmware", body.GetProperty("tags").GetProperty("Source").GetString());
        Assert.Equal("GET", requests[1].Method);

        _f.Server.Reset();
        var whatIf = _f.Run("Import-IbVmImage -EndpointUrl $Endpoint golden-windows 1.0.0 -Platform Windows -VmImportTaskId import-ami-0abc -WhatIf");
        Assert.Empty(_f.Server.Requests);
        Assert.Contains("What if: Performing the operation \"Import VM image\" on target \"golden-windows 1.0.0 (from import-ami-0abc)\".", whatIf.HostText);

        var bad = _f.Run("Import-IbVmImage -EndpointUrl $Endpoint golden-windows 1.0 -Platform Windows -VmImportTaskId import-ami-0abc");
        AssertRefused(bad, _f.Server, "-SemanticVersion", "must be a version of three whole numbers");

        _f.Server.Enqueue(CannedResponse.Json(BuildArnAnswer("imageArn", BuildArn)), CannedResponse.Json(Image()));
        var list = _f.Render("Import-IbVmImage -EndpointUrl $Endpoint golden-windows 1.0.0 -Platform Windows -VmImportTaskId import-ami-0abc | Format-List");
        Assert.Matches(@"Amis\s+: us-east-1: ami-0123456789abcdef0", list);
    }

    [Fact]
    public void ImportDiskImageSendsTheIsoAndWindowsSettings()
    {
        _f.Server.Enqueue(CannedResponse.Json(BuildArnAnswer("imageBuildVersionArn", BuildArn)), CannedResponse.Json(Image(status: "PENDING")));
        var result = _f.Run("Import-IbDiskImage -EndpointUrl $Endpoint golden-windows 1.0.0 -Platform Windows -OsVersion 'Microsoft Windows 11' -Uri s3://isos/win11.iso -InfrastructureConfigurationArn $Infra -WindowsImageIndex 3 -DisableSecureBoot -ExecutionRole ImportRole",
            Vars(("Infra", InfrastructureArn)));
        AssertWrote(result, BuildArn);
        var request = _f.Server.Requests.First();
        Assert.Equal("PUT /ImportDiskImage", request.Method + " " + request.RawUrl);
        var body = request.Json;
        Assert.Equal("s3://isos/win11.iso", body.GetProperty("uri").GetString());
        Assert.Equal(InfrastructureArn, body.GetProperty("infrastructureConfigurationArn").GetString());
        Assert.Equal("Microsoft Windows 11", body.GetProperty("osVersion").GetString());
        Assert.Equal("{\"imageIndex\":3}", body.GetProperty("windowsConfiguration").GetRawText());
        Assert.Equal("{\"secureBootEnabled\":false}", body.GetProperty("registerImageOptions").GetRawText());
        Assert.Equal("ImportRole", body.GetProperty("executionRole").GetString());
        Assert.True(Guid.TryParse(body.GetProperty("clientToken").GetString(), out _));

        _f.Server.Reset();
        var whatIf = _f.Run("Import-IbDiskImage -EndpointUrl $Endpoint golden-windows 1.0.0 -Platform Windows -OsVersion 'Microsoft Windows 11' -Uri s3://isos/win11.iso -InfrastructureConfigurationArn $Infra -WhatIf",
            Vars(("Infra", InfrastructureArn)));
        Assert.Empty(_f.Server.Requests);
        Assert.Contains("What if: Performing the operation \"Import disk image\" on target \"golden-windows 1.0.0 (from s3://isos/win11.iso)\".", whatIf.HostText);

        var bad = _f.Run("Import-IbDiskImage -EndpointUrl $Endpoint golden-windows 1.0.0 -Platform Windows -OsVersion 'Microsoft Windows 11' -Uri s3://isos/win11.iso -InfrastructureConfigurationArn $Infra -WindowsImageIndex 0",
            Vars(("Infra", InfrastructureArn)));
        AssertRefused(bad, _f.Server, "-WindowsImageIndex (windowsConfiguration.imageIndex)", "must be at least 1");

        _f.Server.Enqueue(CannedResponse.Json(BuildArnAnswer("imageBuildVersionArn", BuildArn)), CannedResponse.Json(Image(status: "PENDING")));
        var table = _f.Render($"Import-IbDiskImage -EndpointUrl $Endpoint golden-windows 1.0.0 -Platform Windows -OsVersion 'Microsoft Windows 11' -Uri s3://isos/win11.iso -InfrastructureConfigurationArn {InfrastructureArn}");
        Assert.Matches(@"PENDING\s+golden-windows\s+1\.0\.0/3\s", table);
    }

    [Fact]
    public void DistributionStartsFromAPipedImageAndWritesTheNewImage()
    {
        const string distributed = VersionArn + "/4";
        _f.Server.Default = request => request.Path switch
        {
            "/GetImage" when request.Query.Contains("%2F3") => CannedResponse.Json(Image()),
            "/GetImage" => CannedResponse.Json(Image(distributed, "DISTRIBUTING")),
            _ => CannedResponse.Json(BuildArnAnswer("imageBuildVersionArn", distributed)),
        };
        var result = _f.Run("Get-IbImage -EndpointUrl $Endpoint -Arn $Arn | Start-IbImageDistribution -EndpointUrl $Endpoint -DistributionConfigurationArn $Dist -ExecutionRole DistributeRole -Tag @{ Wave = '2' }",
            Vars(("Arn", BuildArn), ("Dist", DistributionArn)));
        AssertWrote(result, distributed);
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(new[] { "GET /GetImage", "PUT /DistributeImage", "GET /GetImage" }, requests.Select(r => r.Method + " " + r.Path));
        var body = requests[1].Json;
        Assert.Equal(BuildArn, body.GetProperty("sourceImage").GetString());
        Assert.Equal(DistributionArn, body.GetProperty("distributionConfigurationArn").GetString());
        Assert.Equal("DistributeRole", body.GetProperty("executionRole").GetString());
        Assert.Equal("2", body.GetProperty("tags").GetProperty("Wave").GetString());

        _f.Server.Requests.Clear();
        var whatIf = _f.Run("Start-IbImageDistribution -EndpointUrl $Endpoint $Arn $Dist -ExecutionRole DistributeRole -WhatIf", Vars(("Arn", BuildArn), ("Dist", DistributionArn)));
        Assert.Empty(_f.Server.Requests);
        Assert.Contains($"What if: Performing the operation \"Distribute image with {DistributionArn}\" on target \"{BuildArn}\".", whatIf.HostText);

        var bad = _f.Run("Start-IbImageDistribution -EndpointUrl $Endpoint $Arn two-regions -ExecutionRole DistributeRole", Vars(("Arn", BuildArn)));
        AssertRefused(bad, _f.Server, "-DistributionConfigurationArn", "must be a distribution configuration ARN");

        var table = _f.Render($"Start-IbImageDistribution -EndpointUrl $Endpoint {BuildArn} {DistributionArn} -ExecutionRole DistributeRole");
        Assert.Matches(@"DISTRIBUTING\s+golden-windows\s+1\.0\.0/4\s", table);
    }

    [Fact]
    public void RestartRetriesAFailedBuildAndSaysWhatToPipeForAVersion()
    {
        _f.Server.Default = request => request.Path == "/RetryImage"
            ? CannedResponse.Json(BuildArnAnswer("imageBuildVersionArn", BuildArn))
            : request.Path == "/ListImageBuildVersions"
                ? CannedResponse.Json(BuildVersions(null, Build("golden-windows", "1.0.0", 2, "AVAILABLE"), Build("golden-windows", "1.0.0", 3, "FAILED")))
                : CannedResponse.Json(Image(status: "DISTRIBUTING"));
        var result = _f.Run("Get-IbImageBuildVersion -EndpointUrl $Endpoint $Arn -Status FAILED | Restart-IbImageDistribution -EndpointUrl $Endpoint -ClientToken retry-1",
            Vars(("Arn", VersionArn)));
        AssertWrote(result, BuildArn);
        var retry = _f.Server.Requests.Single(r => r.Path == "/RetryImage");
        Assert.Equal("PUT /RetryImage", retry.Method + " " + retry.RawUrl);
        Assert.Equal($"{{\"imageBuildVersionArn\":\"{BuildArn}\",\"clientToken\":\"retry-1\"}}", retry.BodyText);

        _f.Server.Requests.Clear();
        var version = _f.Run("Restart-IbImageDistribution -EndpointUrl $Endpoint $Arn", Vars(("Arn", VersionArn)));
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(version.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains($"Get-IbImageBuildVersion -Arn {VersionArn} -Status FAILED | Restart-IbImageDistribution", error.Exception.Message);

        var whatIf = _f.Run("Restart-IbImageDistribution -EndpointUrl $Endpoint $Arn -WhatIf", Vars(("Arn", BuildArn)));
        Assert.Empty(_f.Server.Requests);
        Assert.Contains($"What if: Performing the operation \"Retry image distribution\" on target \"{BuildArn}\".", whatIf.HostText);

        var list = _f.Render($"Restart-IbImageDistribution -EndpointUrl $Endpoint {BuildArn} | Format-List");
        Assert.Matches(@"Status\s+: DISTRIBUTING", list);
    }
}
