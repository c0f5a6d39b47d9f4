using System.Management.Automation;
using System.Text.Json;
using ImageBuilder.PS.Tests.Support;
using static ImageBuilder.PS.Tests.Images.ImageSamples;

namespace ImageBuilder.PS.Tests.Handoff;

/// <summary>
/// Handing an image on to WorkSpaces and AppStream: the AMI an image supplies for the region called, the
/// import requests on the wire, the cmdlets that check on imports, and the sensitive application catalog.
/// </summary>
public sealed class HandoffTests : IClassFixture<LoopbackFixture>
{
    private const string WorkSpacesImageId = "wsi-0a1b2c3d4e";

    private readonly LoopbackFixture _f;

    public HandoffTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
    }

    private static Dictionary<string, object?> Vars(params (string, object?)[] pairs) => pairs.ToDictionary(p => p.Item1, p => p.Item2);

    private static string? Target(RecordedRequest request) => request.Header("X-Amz-Target");

    /// <summary>The sample images as Windows 11, the desktop WorkSpaces imports (the samples are Windows Server).</summary>
    private static string Desktop(string json) => json.Replace("Microsoft Windows Server 2022", "Microsoft Windows 11 Enterprise");

    /// <summary>Image Builder's GetImage and WorkSpaces' import and describe, answered as the services would.</summary>
    private void AnswerLikeTheServices(Dictionary<string, object?>? amis = null)
    {
        _f.Server.Default = request => (request.Path, Target(request)) switch
        {
            ("/GetImage", _) => CannedResponse.Json(Desktop(Image(amis: amis))),
            ("/ListImageBuildVersions", _) => CannedResponse.Json(Desktop(BuildVersions(null, Build("golden-windows", "1.0.0", 3, "AVAILABLE")))),
            ("/ListImages", _) => CannedResponse.Json(Desktop(ImageVersions("golden-windows"))),
            (_, "WorkspacesService.ImportWorkspaceImage") => CannedResponse.Json(ToJson(new Dictionary<string, object?> { ["ImageId"] = WorkSpacesImageId })),
            (_, "WorkspacesService.DescribeWorkspaceImages") => CannedResponse.Json(WorkSpacesImages(null, WorkSpacesImage(WorkSpacesImageId, "win11", "PENDING"))),
            (_, "PhotonAdminProxyService.CreateImportedImage") => CannedResponse.Json(ToJson(new Dictionary<string, object?> { ["Image"] = AppStreamImage("win11-apps", "PENDING") })),
            _ => CannedResponse.Error(400, "ValidationException", "unexpected request " + request.Path + " " + Target(request)),
        };
    }

    [Theory]
    [InlineData("Windows", "Microsoft Windows Server 2022")]
    [InlineData("Linux", "Amazon Linux 2")]
    public void AnImageWorkSpacesDoesNotTakeIsRefusedBeforeAnythingIsSentUnlessForced(string platform, string osVersion)
    {
        _f.Server.Default = request => (request.Path, Target(request)) switch
        {
            ("/GetImage", _) => CannedResponse.Json(Image().Replace("\"platform\":\"Windows\"", $"\"platform\":\"{platform}\"").Replace("Microsoft Windows Server 2022", osVersion)),
            (_, "WorkspacesService.ImportWorkspaceImage") => CannedResponse.Json(ToJson(new Dictionary<string, object?> { ["ImageId"] = WorkSpacesImageId })),
            (_, "WorkspacesService.DescribeWorkspaceImages") => CannedResponse.Json(WorkSpacesImages(null, WorkSpacesImage(WorkSpacesImageId, "server", "PENDING"))),
            _ => CannedResponse.Error(400, "ValidationException", "unexpected request"),
        };
        var refused = _f.Run("Get-IbImage -EndpointUrl $Endpoint -Arn $arn | Import-IbWorkSpacesImage -EndpointUrl $Endpoint -IngestionProcess BYOL_REGULAR -Name server -Description golden",
            Vars(("arn", BuildArn)));
        var error = Assert.Single(refused.Errors);
        Assert.Equal("WorkSpacesOsNotSupported", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains($"only Windows 10 and Windows 11 desktop images as bring-your-own-license images, and this image is {osVersion}", error.Exception.Message);
        Assert.Contains("add -Force", error.Exception.Message);
        Assert.DoesNotContain(_f.Server.Requests, r => Target(r) == "WorkspacesService.ImportWorkspaceImage");

        var forced = _f.Run("Get-IbImage -EndpointUrl $Endpoint -Arn $arn | Import-IbWorkSpacesImage -EndpointUrl $Endpoint -IngestionProcess BYOL_REGULAR -Name server -Description golden -Force",
            Vars(("arn", BuildArn)));
        forced.AssertSuccess();
        Assert.Contains(_f.Server.Requests, r => Target(r) == "WorkspacesService.ImportWorkspaceImage");
    }

    [Fact]
    public void TheWorkSpacesPipelineWorksAsWritten()
    {
        AnswerLikeTheServices();
        var result = _f.Run("Get-IbImage -EndpointUrl $Endpoint -Arn $arn | Import-IbWorkSpacesImage -EndpointUrl $Endpoint -IngestionProcess BYOL_REGULAR_WSP -ImageName win11 -ImageDescription golden",
            Vars(("arn", BuildArn)));
        result.AssertSuccess();
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(new[] { "GET /GetImage", "POST / WorkspacesService.ImportWorkspaceImage", "POST / WorkspacesService.DescribeWorkspaceImages" },
            requests.Select(r => (r.Method + " " + r.Path + " " + Target(r)).Trim()));
        Assert.Equal("application/x-amz-json-1.1", requests[1].Header("Content-Type"));
        Assert.Contains("/us-east-1/workspaces/aws4_request", requests[1].Header("Authorization"));
        Assert.Equal($"{{\"Ec2ImageId\":\"{Ami}\",\"IngestionProcess\":\"BYOL_REGULAR_WSP\",\"ImageName\":\"win11\",\"ImageDescription\":\"golden\"}}", requests[1].BodyText);
        Assert.Equal($"{{\"ImageIds\":[\"{WorkSpacesImageId}\"]}}", requests[2].BodyText);
        var image = Assert.Single(result.Output);
        Assert.Equal("ImageBuilder.PS.Model.WorkSpaces.WorkspaceImage", image.TypeNames[0]);
        Assert.Equal(WorkSpacesImageId, image.Properties["ImageId"].Value);
        Assert.Equal("PENDING", image.Properties["State"].Value);
    }

    [Fact]
    public void TheImageSuppliesTheAmiOfTheRegionCalled()
    {
        AnswerLikeTheServices(Amis((Region, Ami), ("us-west-2", WestAmi)));
        var west = _f.Run("Get-IbImage -EndpointUrl $Endpoint -Arn $arn | Import-IbWorkSpacesImage -EndpointUrl $Endpoint -Region us-west-2 -IngestionProcess BYOL_REGULAR -Name win11 -Description golden",
            Vars(("arn", BuildArn)));
        west.AssertSuccess();
        var import = _f.Server.Requests.Single(r => Target(r) == "WorkspacesService.ImportWorkspaceImage");
        Assert.Equal(WestAmi, import.Json.GetProperty("Ec2ImageId").GetString());
        Assert.Contains("/us-west-2/workspaces/aws4_request", import.Header("Authorization"));

        _f.Server.Requests.Clear();
        var nowhere = _f.Run("Get-IbImage -EndpointUrl $Endpoint -Arn $arn | Import-IbWorkSpacesImage -EndpointUrl $Endpoint -Region eu-west-1 -IngestionProcess BYOL_REGULAR -ImageName win11 -ImageDescription golden",
            Vars(("arn", BuildArn)));
        Assert.DoesNotContain(_f.Server.Requests, r => Target(r) is not null);
        var error = Assert.Single(nowhere.Errors);
        Assert.Equal("ImageAmiNotFound", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("has no AMI in eu-west-1; its AMIs are in us-east-1, us-west-2", error.Exception.Message);
        Assert.Contains("-Ec2ImageId", error.Exception.Message);
    }

    [Fact]
    public void SummariesFromTheListingCmdletsPipeInToo()
    {
        AnswerLikeTheServices();
        var builds = _f.Run("Get-IbImageBuildVersion -EndpointUrl $Endpoint $arn | Import-IbWorkSpacesImage -EndpointUrl $Endpoint -IngestionProcess BYOL_REGULAR_WSP -ImageName win11 -ImageDescription golden",
            Vars(("arn", VersionArn)));
        builds.AssertSuccess();
        Assert.Equal(new[] { "/ListImageBuildVersions", "/", "/" }, _f.Server.Requests.Select(r => r.Path));

        // A version summary carries no AMIs: the image is read first.
        _f.Server.Requests.Clear();
        var versions = _f.Run("Get-IbImage -EndpointUrl $Endpoint -Name golden-windows | Import-IbAppStreamImage -EndpointUrl $Endpoint win11-apps");
        versions.AssertSuccess();
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(new[] { "/ListImages", "/GetImage", "/" }, requests.Select(r => r.Path));
        Assert.Equal("imageBuildVersionArn=" + Uri.EscapeDataString(VersionArn), requests[1].Query);
        Assert.Equal($"{{\"Name\":\"win11-apps\",\"SourceAmiId\":\"{Ami}\"}}", requests[2].BodyText);
        Assert.Equal("ImageBuilder.PS.Model.AppStream.Image", versions.Output.Single().TypeNames[0]);

        var other = _f.Run("[ImageBuilder.PS.Model.WorkSpaces.WorkspaceImage]@{ Name = 'x' } | Import-IbWorkSpacesImage -EndpointUrl $Endpoint -IngestionProcess BYOL_REGULAR -ImageName win11 -ImageDescription golden");
        Assert.NotEmpty(other.Errors);
        Assert.DoesNotContain(_f.Server.Requests, r => Target(r) == "WorkspacesService.ImportWorkspaceImage");
    }

    [Fact]
    public void AnAmiIdImportsDirectlyWithTagsAndApplications()
    {
        AnswerLikeTheServices();
        var result = _f.Run("Import-IbWorkSpacesImage -EndpointUrl $Endpoint ami-0123456789abcdef0 -IngestionProcess BYOL_REGULAR_BYOP -ImageName win11 -ImageDescription golden -Application Microsoft_Office_2019 -Tag @{ Team = 'EUC' }");
        result.AssertSuccess();
        var import = _f.Server.Requests.First();
        Assert.Equal("WorkspacesService.ImportWorkspaceImage", Target(import));
        Assert.Equal("[\"Microsoft_Office_2019\"]", import.Json.GetProperty("Applications").GetRawText());
        Assert.Equal("[{\"Key\":\"Team\",\"Value\":\"EUC\"}]", import.Json.GetProperty("Tags").GetRawText());

        _f.Server.Requests.Clear();
        var byProperty = _f.Run("[pscustomobject]@{ Ec2ImageId = 'ami-0fedcba9876543210' } | Import-IbWorkSpacesImage -EndpointUrl $Endpoint -IngestionProcess BYOL_REGULAR -ImageName win11 -ImageDescription golden");
        byProperty.AssertSuccess();
        Assert.Equal(WestAmi, _f.Server.Requests.First().Json.GetProperty("Ec2ImageId").GetString());

        _f.Server.Requests.Clear();
        var whatIf = _f.Run("Import-IbWorkSpacesImage -EndpointUrl $Endpoint ami-0123456789abcdef0 -IngestionProcess BYOL_REGULAR -ImageName win11 -ImageDescription golden -WhatIf");
        Assert.Empty(_f.Server.Requests);
        Assert.Contains("What if: Performing the operation \"Import into WorkSpaces\" on target \"ami-0123456789abcdef0 as win11\".", whatIf.HostText);

        var bad = _f.Run("Import-IbWorkSpacesImage -EndpointUrl $Endpoint ami-0123456789abcdef0 -IngestionProcess BYOL_REGULAR -Name 'win 11' -Description golden");
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(bad.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("The value 'win 11' of -Name is not valid: it must match the pattern", error.Exception.Message);

        var table = _f.Render("Import-IbWorkSpacesImage -EndpointUrl $Endpoint ami-0123456789abcdef0 -IngestionProcess BYOL_REGULAR -ImageName win11 -ImageDescription golden");
        Assert.Matches(@"State\s+ImageId\s+Name\s+OS\s+Tenancy\s+Created", table);
        Assert.Matches(@"PENDING\s+wsi-0a1b2c3d4e\s+win11\s+WINDOWS\s+DEDICATED\s+2026-03-04 04:53", table);
    }

    [Fact]
    public void AppStreamImportTakesAnAmiAPipedImageOrAWorkSpacesImage()
    {
        AnswerLikeTheServices();
        var result = _f.Run("Import-IbAppStreamImage -EndpointUrl $Endpoint win11-apps -SourceAmiId ami-0123456789abcdef0 -IamRoleArn arn:aws:iam::123456789012:role/AppStreamImport -DisplayName 'Windows 11 apps' -Description 'From Image Builder' -IntendedInstanceType stream.standard.large -AgentSoftwareVersion ALWAYS_LATEST -Tag @{ Team = 'EUC' } -DryRun");
        result.AssertSuccess();
        var request = _f.Server.SingleRequest();
        Assert.Equal("PhotonAdminProxyService.CreateImportedImage", Target(request));
        Assert.Contains("/us-east-1/appstream/aws4_request", request.Header("Authorization"));
        var body = request.Json;
        Assert.Equal("win11-apps", body.GetProperty("Name").GetString());
        Assert.Equal("ami-0123456789abcdef0", body.GetProperty("SourceAmiId").GetString());
        Assert.Equal("arn:aws:iam::123456789012:role/AppStreamImport", body.GetProperty("IamRoleArn").GetString());
        Assert.Equal("Windows 11 apps", body.GetProperty("DisplayName").GetString());
        Assert.Equal("{\"IntendedInstanceType\":\"stream.standard.large\"}", body.GetProperty("RuntimeValidationConfig").GetRawText());
        Assert.Equal("ALWAYS_LATEST", body.GetProperty("AgentSoftwareVersion").GetString());
        Assert.Equal("EUC", body.GetProperty("Tags").GetProperty("Team").GetString());
        Assert.True(body.GetProperty("DryRun").GetBoolean());
        var image = Assert.Single(result.Output);
        Assert.Equal("ImageBuilder.PS.Model.AppStream.Image", image.TypeNames[0]);
        Assert.Equal("PENDING", image.Properties["State"].Value);

        _f.Server.Requests.Clear();
        _f.Run("Get-IbImage -EndpointUrl $Endpoint -Arn $arn | Import-IbAppStreamImage -EndpointUrl $Endpoint win11-apps", Vars(("arn", BuildArn))).AssertSuccess();
        Assert.Equal(Ami, _f.Server.Requests.Last().Json.GetProperty("SourceAmiId").GetString());

        _f.Server.Requests.Clear();
        _f.Run("[pscustomobject]@{ AmiId = $Ami } | Import-IbAppStreamImage -EndpointUrl $Endpoint win11-apps", Vars(("Ami", WestAmi))).AssertSuccess();
        Assert.Equal(WestAmi, _f.Server.Requests.Last().Json.GetProperty("SourceAmiId").GetString());

        _f.Server.Requests.Clear();
        _f.Run("Get-IbWorkSpacesImage -EndpointUrl $Endpoint | Import-IbAppStreamImage -EndpointUrl $Endpoint win11-apps").AssertSuccess();
        var fromWorkSpaces = _f.Server.Requests.Last().Json;
        Assert.Equal(WorkSpacesImageId, fromWorkSpaces.GetProperty("WorkspaceImageId").GetString());
        Assert.False(fromWorkSpaces.TryGetProperty("SourceAmiId", out _));

        _f.Server.Requests.Clear();
        var whatIf = _f.Run("Import-IbAppStreamImage -EndpointUrl $Endpoint win11-apps -SourceAmiId ami-0123456789abcdef0 -WhatIf");
        Assert.Empty(_f.Server.Requests);
        Assert.Contains("What if: Performing the operation \"Import into AppStream\" on target \"win11-apps (from ami-0123456789abcdef0)\".", whatIf.HostText);

        var bad = _f.Run("Import-IbAppStreamImage -EndpointUrl $Endpoint 'win 11' -SourceAmiId ami-0123456789abcdef0");
        Assert.Empty(_f.Server.Requests);
        Assert.Contains("The value 'win 11' of -Name is not valid: it must match the pattern", Assert.Single(bad.Errors).Exception.Message);

        var list = _f.Render("Import-IbAppStreamImage -EndpointUrl $Endpoint win11-apps -SourceAmiId ami-0123456789abcdef0 | Format-List");
        Assert.Matches(@"Name\s+: win11-apps", list);
        Assert.Matches(@"State\s+: PENDING", list);
        Assert.Matches(@"InstanceFamilies\s+: GENERAL_PURPOSE", list);
        // No errors: an empty line, not a lone separator.
        Assert.Matches(@"(?m)^Errors\s+:\s*$", list);
    }

    [Fact]
    public void TheApplicationCatalogIsSentButNeverPrinted()
    {
        const string secretPath = @"C:\Apps\Payroll\payroll.exe";
        const string secretArgs = "-token s3cr3t-launch";
        AnswerLikeTheServices();
        var catalog = "-AppCatalogConfig @{ Name = 'payroll'; DisplayName = 'Payroll'; AbsoluteAppPath = $AppPath; LaunchParameters = $AppArgs }";
        var result = _f.Run("Import-IbAppStreamImage -EndpointUrl $Endpoint win11-apps -SourceAmiId ami-0123456789abcdef0 -Verbose -Debug " + catalog,
            Vars(("AppPath", secretPath), ("AppArgs", secretArgs)));
        result.AssertSuccess();
        var sent = _f.Server.SingleRequest().Json.GetProperty("AppCatalogConfig")[0];
        Assert.Equal(secretPath, sent.GetProperty("AbsoluteAppPath").GetString());
        Assert.Equal(secretArgs, sent.GetProperty("LaunchParameters").GetString());
        var printed = result.HostText + string.Join("\n", result.Debug.Select(d => d.Message)) + string.Join("\n", result.Verbose.Select(v => v.Message));
        Assert.Contains("CreateImportedImage input", printed);
        Assert.DoesNotContain("payroll.exe", printed);
        Assert.DoesNotContain("s3cr3t", printed);

        _f.Server.Requests.Clear();
        var bad = _f.Run("Import-IbAppStreamImage -EndpointUrl $Endpoint win11-apps -SourceAmiId ami-0123456789abcdef0 -AppCatalogConfig @{ Name = 'payroll'; AbsoluteAppPath = $AppPath; LaunchParameters = '' }",
            Vars(("AppPath", secretPath)));
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(bad.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("-AppCatalogConfig (AppCatalogConfig[0].LaunchParameters) is not valid: it must match the pattern [^\\x00]+.", error.Exception.Message);

        var missing = _f.Run("Import-IbAppStreamImage -EndpointUrl $Endpoint win11-apps -SourceAmiId ami-0123456789abcdef0 -AppCatalogConfig @{ Name = 'payroll' } -WhatIf");
        Assert.Empty(_f.Server.Requests);
        Assert.Equal("-AppCatalogConfig (AppCatalogConfig[0].AbsoluteAppPath) is required.", Assert.Single(missing.Errors).Exception.Message);
    }

    [Fact]
    public void AppStreamImagesAreFoundByNameWildcardOrArn()
    {
        _f.Server.Default = _ => CannedResponse.Json(AppStreamImages(null, AppStreamImage("win11-apps", "AVAILABLE"), AppStreamImage("win10-apps", "FAILED"), AppStreamImage("linux-apps", "AVAILABLE")));
        var byName = _f.Run("Get-IbAppStreamImage -EndpointUrl $Endpoint win11-apps, win10-apps -Type PRIVATE");
        byName.AssertSuccess();
        var request = _f.Server.Requests.Last();
        Assert.Equal("PhotonAdminProxyService.DescribeImages", Target(request));
        Assert.Equal("{\"Names\":[\"win11-apps\",\"win10-apps\"],\"Type\":\"PRIVATE\"}", request.BodyText);

        var wildcard = _f.Run("Get-IbAppStreamImage -EndpointUrl $Endpoint 'win*' -MaxResults 10");
        wildcard.AssertSuccess();
        Assert.Equal("{\"MaxResults\":10}", _f.Server.Requests.Last().BodyText);
        Assert.Equal(new[] { "win11-apps", "win10-apps" }, wildcard.Output.Select(o => (string)o.Properties["Name"].Value));

        var byArn = _f.Run("Get-IbAppStreamImage -EndpointUrl $Endpoint -Arn arn:aws:appstream:us-east-1:123456789012:image/win11-apps");
        byArn.AssertSuccess();
        Assert.Equal("{\"Arns\":[\"arn:aws:appstream:us-east-1:123456789012:image/win11-apps\"]}", _f.Server.Requests.Last().BodyText);

        var bad = _f.Run("Get-IbAppStreamImage -EndpointUrl $Endpoint -MaxResults 26");
        Assert.Contains("-MaxResults is not valid: it must be at most 25", Assert.Single(bad.Errors).Exception.Message);

        var table = _f.Render("Get-IbAppStreamImage -EndpointUrl $Endpoint");
        Assert.Matches(@"State\s+Name\s+Platform\s+Visibility\s+Created", table);
        Assert.Matches(@"FAILED\s+win10-apps\s+WINDOWS_SERVER_2022\s+PRIVATE\s+2026-03-04 04:53", table);
    }

    [Fact]
    public void WorkSpacesImagesAreFoundByIdInBatchesTheServiceAccepts()
    {
        _f.Server.Default = request =>
        {
            var ids = request.Json.TryGetProperty("ImageIds", out var given) ? given.EnumerateArray().Select(i => i.GetString()!).ToArray() : new[] { WorkSpacesImageId };
            return CannedResponse.Json(WorkSpacesImages(null, ids.Select(id => WorkSpacesImage(id, id == WorkSpacesImageId ? "win11" : "other", "AVAILABLE")).ToArray()));
        };
        var ids = Enumerable.Range(0, 30).Select(i => $"wsi-{i:d10}").ToArray();
        var result = _f.Run("$Ids | ForEach-Object { [pscustomobject]@{ ImageId = $_ } } | Get-IbWorkSpacesImage -EndpointUrl $Endpoint", Vars(("Ids", ids)));
        result.AssertSuccess();
        Assert.Equal(30, result.Output.Count);
        Assert.Equal(30, _f.Server.Requests.Count);

        _f.Server.Requests.Clear();
        var batched = _f.Run("Get-IbWorkSpacesImage -EndpointUrl $Endpoint -ImageId $Ids -ImageType OWNED", Vars(("Ids", ids)));
        batched.AssertSuccess();
        Assert.Equal(30, batched.Output.Count);
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(new[] { 25, 5 }, requests.Select(r => r.Json.GetProperty("ImageIds").GetArrayLength()));
        Assert.All(requests, r => Assert.Equal("WorkspacesService.DescribeWorkspaceImages", Target(r)));
        Assert.Equal("OWNED", requests[0].Json.GetProperty("ImageType").GetString());

        var named = _f.Run("Get-IbWorkSpacesImage -EndpointUrl $Endpoint -Name 'win*'");
        Assert.Equal(new[] { "win11" }, named.Output.Select(o => (string)o.Properties["Name"].Value));

        var bad = _f.Run("Get-IbWorkSpacesImage -EndpointUrl $Endpoint -ImageId not-an-id");
        Assert.Contains("The value 'not-an-id' of -ImageId (ImageIds[0]) is not valid", Assert.Single(bad.Errors).Exception.Message);

        var list = _f.Render("Get-IbWorkSpacesImage -EndpointUrl $Endpoint | Format-List");
        Assert.Matches(@"ImageId\s+: wsi-0a1b2c3d4e", list);
        Assert.Matches(@"OS\s+: WINDOWS", list);
        Assert.Matches(@"Created\s+: 2026-03-04 04:53:20", list);
    }

    private List<string> Complete(string line)
    {
        var result = _f.Run("(TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | ForEach-Object CompletionText",
            new Dictionary<string, object?> { ["Line"] = line });
        result.AssertSuccess();
        return result.Output.Select(o => o.ToString()).ToList();
    }

    [Fact]
    public void ImportValuesAndImageIdsComplete()
    {
        Assert.Equal(new[] { "BYOL_REGULAR", "BYOL_REGULAR_WSP", "BYOL_REGULAR_BYOP" }, Complete("Import-IbWorkSpacesImage -IngestionProcess BYOL_REG"));
        Assert.Equal(new[] { "ALWAYS_LATEST" }, Complete("Import-IbAppStreamImage -AgentSoftwareVersion AL"));
        _f.Server.Default = _ => CannedResponse.Json(WorkSpacesImages(null, WorkSpacesImage(WorkSpacesImageId, "win11", "AVAILABLE")));
        Assert.Equal(new[] { WorkSpacesImageId }, Complete($"Get-IbWorkSpacesImage -EndpointUrl {_f.Server.Url} -ImageId wsi-"));
        _f.Server.Default = _ => CannedResponse.Json(AppStreamImages(null, AppStreamImage("win11-apps", "AVAILABLE")));
        Assert.Equal(new[] { "win11-apps" }, Complete($"Get-IbAppStreamImage -EndpointUrl {_f.Server.Url} -Name win"));
        Assert.Equal("{\"Type\":\"PRIVATE\",\"MaxResults\":25}", _f.Server.Requests.Last().BodyText);
    }
}
