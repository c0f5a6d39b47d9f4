using System.Management.Automation;
using System.Text.RegularExpressions;
using ImageBuilder.PS.Tests.Support;
using static ImageBuilder.PS.Tests.Images.ImageSamples;

namespace ImageBuilder.PS.Tests.ContainerRecipes;

/// <summary>Get-, New-, Remove-IbContainerRecipe and the container recipe policy cmdlets.</summary>
public sealed class ContainerRecipeTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public ContainerRecipeTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
        _f.Session.Host.Captured.ChoiceAnswer = -1;
    }

    private static Dictionary<string, object?> Vars(params (string, object?)[] pairs) => pairs.ToDictionary(p => p.Item1, p => p.Item2);

    private const string NewRecipe = "New-IbContainerRecipe -EndpointUrl $Endpoint web-app 1.0.0 -ParentImage amazonlinux:2023 -RepositoryName web-app " +
        "-Component @{ ComponentArn = 'arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x' } ";

    [Fact]
    public void ListSendsFiltersAndMatchesWildcardNamesLocally()
    {
        _f.Server.Enqueue(CannedResponse.Json(ContainerRecipeSummaries("web-app", "web-api", "batch")));
        var result = _f.Run("Get-IbContainerRecipe -EndpointUrl $Endpoint 'web-*' -Owner Self -Platform Linux -ContainerType DOCKER -ParentImage amazonlinux:2023 -MaxResults 5");
        result.AssertSuccess();
        var request = _f.Server.SingleRequest();
        Assert.Equal("POST /ListContainerRecipes", request.Method + " " + request.RawUrl);
        Assert.Equal("Self", request.Json.GetProperty("owner").GetString());
        Assert.Equal(5, request.Json.GetProperty("maxResults").GetInt32());
        Assert.Equal("[{\"name\":\"platform\",\"values\":[\"Linux\"]},{\"name\":\"containerType\",\"values\":[\"DOCKER\"]},{\"name\":\"parentImage\",\"values\":[\"amazonlinux:2023\"]}]",
            request.Json.GetProperty("filters").GetRawText());
        Assert.Equal(new[] { "web-app", "web-api" }, result.Output.Select(o => (string)o.Properties["Name"].Value));
        Assert.Equal("ImageBuilder.PS.Model.Ib.ContainerRecipeSummary", result.Output[0].TypeNames[0]);

        _f.Server.Enqueue(CannedResponse.Json(ContainerRecipeSummaries("web-app")));
        var table = _f.Render("Get-IbContainerRecipe -EndpointUrl $Endpoint");
        Assert.Matches(@"Platform\s+Name\s+Version\s+ParentImage\s+Created", table);
        Assert.Matches(@"Linux\s+web-app\s+1\.0\.0\s+amazonlinux:2023\s+2026-02-03 04:05", table);
        _f.Server.Enqueue(CannedResponse.Json(ContainerRecipeSummaries("web-app")));
        var list = _f.Render("Get-IbContainerRecipe -EndpointUrl $Endpoint | Format-List");
        Assert.Matches(@"Arn\s+: " + Regex.Escape(ContainerRecipeArn), list);
    }

    [Fact]
    public void ArnGetsTheRecipeInFullAndSummariesPipeIntoIt()
    {
        _f.Server.Default = request => request.Path == "/ListContainerRecipes" ? CannedResponse.Json(ContainerRecipeSummaries("web-app")) : CannedResponse.Json(FullContainerRecipe());
        var result = _f.Run("Get-IbContainerRecipe -EndpointUrl $Endpoint | Get-IbContainerRecipe -EndpointUrl $Endpoint");
        result.AssertSuccess();
        var get = _f.Server.Requests.Last();
        Assert.Equal("GET /GetContainerRecipe?containerRecipeArn=" + Uri.EscapeDataString(ContainerRecipeArn), get.Method + " " + get.RawUrl);
        var recipe = Assert.Single(result.Output);
        Assert.Equal("ImageBuilder.PS.Model.Ib.ContainerRecipe", recipe.TypeNames[0]);
        Assert.Equal(Dockerfile, recipe.Properties["DockerfileTemplateData"].Value);

        var table = _f.Render("Get-IbContainerRecipe -EndpointUrl $Endpoint -Arn " + ContainerRecipeArn);
        Assert.Matches(@"Platform\s+Name\s+Version\s+Repository\s+Created", table);
        Assert.Matches(@"Linux\s+web-app\s+1\.0\.0\s+web-app\s+2026-02-03 04:05", table);
        var list = _f.Render("Get-IbContainerRecipe -EndpointUrl $Endpoint -Arn " + ContainerRecipeArn + " | Format-List");
        Assert.Matches(@"Repository\s+: ECR: web-app", list);
        Assert.Matches(@"Dockerfile\s+: 3 lines \(see \.DockerfileTemplateData\)", list);
        Assert.Matches(@"Components\s+: arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x\.x\.x", list);
        Assert.Matches(@"Tags\s+: Team=Web", list);
    }

    [Fact]
    public void NewSendsTheRecipeAndWritesTheCreatedOne()
    {
        _f.Server.Enqueue(CannedResponse.Json(BuildArnAnswer("containerRecipeArn", ContainerRecipeArn)), CannedResponse.Json(FullContainerRecipe()));
        var result = _f.Run(NewRecipe + "-DockerfileTemplateData $Template -Description 'The web app' -InstanceConfiguration @{ Image = 'ami-0abcdef1234567890' } -WorkingDirectory /tmp -Tag @{ Team = 'Web' }",
            Vars(("Template", Dockerfile)));
        result.AssertSuccess();
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(new[] { "PUT /CreateContainerRecipe", "GET /GetContainerRecipe?containerRecipeArn=" + Uri.EscapeDataString(ContainerRecipeArn) },
            requests.Select(r => r.Method + " " + r.RawUrl));
        var body = requests[0].Json;
        Assert.Equal("DOCKER", body.GetProperty("containerType").GetString());
        Assert.Equal("web-app", body.GetProperty("name").GetString());
        Assert.Equal("1.0.0", body.GetProperty("semanticVersion").GetString());
        Assert.Equal("amazonlinux:2023", body.GetProperty("parentImage").GetString());
        Assert.Equal("{\"service\":\"ECR\",\"repositoryName\":\"web-app\"}", body.GetProperty("targetRepository").GetRawText());
        Assert.Equal("[{\"componentArn\":\"arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x\"}]", body.GetProperty("components").GetRawText());
        Assert.Equal(Dockerfile, body.GetProperty("dockerfileTemplateData").GetString());
        Assert.False(body.TryGetProperty("dockerfileTemplateUri", out _));
        Assert.Equal("{\"image\":\"ami-0abcdef1234567890\"}", body.GetProperty("instanceConfiguration").GetRawText());
        Assert.Equal("/tmp", body.GetProperty("workingDirectory").GetString());
        Assert.True(Guid.TryParse(body.GetProperty("clientToken").GetString(), out _));
        Assert.Equal("ImageBuilder.PS.Model.Ib.ContainerRecipe", result.Output.Single().TypeNames[0]);
    }

    [Fact]
    public void NewReadsTheTemplateFromAFileOrSendsItsUri()
    {
        var file = Path.Combine(TestEnvironment.Home, "Dockerfile.template");
        File.WriteAllText(file, Dockerfile);
        _f.Server.Default = request => request.Path == "/CreateContainerRecipe" ? CannedResponse.Json(BuildArnAnswer("containerRecipeArn", ContainerRecipeArn)) : CannedResponse.Json(FullContainerRecipe());
        var fromFile = _f.Run(NewRecipe + "-DockerfileTemplatePath $File -ClientToken rerun-1", Vars(("File", file)));
        fromFile.AssertSuccess();
        var body = _f.Server.Requests.First().Json;
        Assert.Equal(Dockerfile, body.GetProperty("dockerfileTemplateData").GetString());
        Assert.Equal("rerun-1", body.GetProperty("clientToken").GetString());

        _f.Server.Requests.Clear();
        var fromUri = _f.Run(NewRecipe + "-DockerfileTemplateUri s3://templates/web.dockerfile");
        fromUri.AssertSuccess();
        body = _f.Server.Requests.First().Json;
        Assert.Equal("s3://templates/web.dockerfile", body.GetProperty("dockerfileTemplateUri").GetString());
        Assert.False(body.TryGetProperty("dockerfileTemplateData", out _));

        _f.Server.Requests.Clear();
        var missing = _f.Run(NewRecipe + "-DockerfileTemplatePath $File", Vars(("File", file + ".missing")));
        Assert.Empty(_f.Server.Requests);
        Assert.Equal("DockerfileTemplateUnreadable", Assert.Single(missing.Errors).FullyQualifiedErrorId.Split(',')[0]);
    }

    [Fact]
    public void NewWhatIfSendsNothingAndBadInputIsRefused()
    {
        var whatIf = _f.Run(NewRecipe + "-DockerfileTemplateData $Template -WhatIf", Vars(("Template", Dockerfile)));
        whatIf.AssertSuccess();
        Assert.Empty(_f.Server.Requests);
        Assert.Contains("What if: Performing the operation \"Create container recipe\" on target \"web-app 1.0.0 (from amazonlinux:2023)\".", whatIf.HostText);

        var bad = _f.Run("New-IbContainerRecipe -EndpointUrl $Endpoint 'web/app' 1.0.0 -ParentImage amazonlinux:2023 -RepositoryName web-app -DockerfileTemplateData x");
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(bad.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("The value 'web/app' of -Name is not valid: it must match the pattern", error.Exception.Message);

        var badComponent = _f.Run(NewRecipe.Replace("ComponentArn = ", "Arm = ") + "-DockerfileTemplateData x");
        Assert.Empty(_f.Server.Requests);
        Assert.Contains("has no property 'Arm'. It takes: Arn, ComponentArn, Parameters", Assert.Single(badComponent.Errors).Exception.Message);
    }

    [Fact]
    public void RemoveDeletesWithForceAndAsksOtherwise()
    {
        _f.Server.Enqueue(CannedResponse.Json(BuildArnAnswer("containerRecipeArn", ContainerRecipeArn)));
        var removed = _f.Run("Get-IbContainerRecipe -EndpointUrl $Endpoint -Arn x -ErrorAction SilentlyContinue; [pscustomobject]@{ ContainerRecipeArn = $Arn } | Remove-IbContainerRecipe -EndpointUrl $Endpoint -Force -PassThru",
            Vars(("Arn", ContainerRecipeArn)));
        var request = _f.Server.SingleRequest();
        Assert.Equal("DELETE /DeleteContainerRecipe?containerRecipeArn=" + Uri.EscapeDataString(ContainerRecipeArn), request.Method + " " + request.RawUrl);
        Assert.Equal(ContainerRecipeArn, removed.Output.Single().BaseObject);

        _f.Server.Reset();
        _f.Session.Host.Captured.ChoiceAnswer = 2; // [N] No
        var declined = _f.Run("Remove-IbContainerRecipe -EndpointUrl $Endpoint $Arn", Vars(("Arn", ContainerRecipeArn)));
        declined.AssertSuccess();
        Assert.Empty(_f.Server.Requests);
        Assert.Contains(_f.Session.Host.Captured.Prompts, p => p.Contains(ContainerRecipeArn));

        var whatIf = _f.Run("Remove-IbContainerRecipe -EndpointUrl $Endpoint $Arn -WhatIf", Vars(("Arn", ContainerRecipeArn)));
        Assert.Empty(_f.Server.Requests);
        Assert.Contains($"What if: Performing the operation \"Delete container recipe\" on target \"{ContainerRecipeArn}\".", whatIf.HostText);

        var bad = _f.Run("Remove-IbContainerRecipe -EndpointUrl $Endpoint $Arn -Force", Vars(("Arn", RecipeArn)));
        Assert.Empty(_f.Server.Requests);
        Assert.Contains("must be a container recipe ARN", Assert.Single(bad.Errors).Exception.Message);
    }

    [Fact]
    public void RemoveReportsARecipeStillInUse()
    {
        _f.Server.Enqueue(CannedResponse.Error(400, "ResourceDependencyException", "A pipeline uses this recipe."));
        var result = _f.Run("Remove-IbContainerRecipe -EndpointUrl $Endpoint $Arn -Force", Vars(("Arn", ContainerRecipeArn)));
        var error = Assert.Single(result.Errors);
        Assert.Equal("ResourceDependencyException", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
    }

    [Fact]
    public void PolicyIsReadAndSet()
    {
        _f.Server.Enqueue(CannedResponse.Json(ToJson(new Dictionary<string, object?> { ["requestId"] = "r", ["policy"] = Policy })));
        var got = _f.Run("Get-IbContainerRecipe -EndpointUrl $Endpoint -Arn x -ErrorAction SilentlyContinue; [pscustomobject]@{ Arn = $Arn } | Get-IbContainerRecipePolicy -EndpointUrl $Endpoint", Vars(("Arn", ContainerRecipeArn)));
        Assert.Equal(Policy, got.Output.Single().Properties["Policy"].Value);
        Assert.Equal(ContainerRecipeArn, got.Output.Single().Properties["Arn"].Value);
        var get = _f.Server.SingleRequest();
        Assert.Equal("GET /GetContainerRecipePolicy?containerRecipeArn=" + Uri.EscapeDataString(ContainerRecipeArn), get.Method + " " + get.RawUrl);
        _f.Server.Enqueue(CannedResponse.Json(ToJson(new Dictionary<string, object?> { ["requestId"] = "r", ["policy"] = Policy })));
        Assert.Matches(@"web-app/1\.0\.0\s+210987654321\s+imagebuilder:GetImage", _f.Render("Get-IbContainerRecipePolicy -EndpointUrl $Endpoint " + ContainerRecipeArn));

        _f.Server.Reset();
        _f.Server.Enqueue(CannedResponse.Json(BuildArnAnswer("containerRecipeArn", ContainerRecipeArn)));
        var set = _f.Run("Set-IbContainerRecipePolicy -EndpointUrl $Endpoint $Arn $Policy -PassThru", Vars(("Arn", ContainerRecipeArn), ("Policy", Policy)));
        set.AssertSuccess();
        var put = _f.Server.SingleRequest();
        Assert.Equal("PUT /PutContainerRecipePolicy", put.Method + " " + put.RawUrl);
        Assert.Equal(ContainerRecipeArn, put.Json.GetProperty("containerRecipeArn").GetString());
        Assert.Equal(Policy, put.Json.GetProperty("policy").GetString());
        Assert.Equal(ContainerRecipeArn, set.Output.Single().Properties["Arn"].Value);
        Assert.Equal(Policy, set.Output.Single().Properties["Policy"].Value);

        _f.Server.Reset();
        var whatIf = _f.Run("Set-IbContainerRecipePolicy -EndpointUrl $Endpoint $Arn $Policy -WhatIf", Vars(("Arn", ContainerRecipeArn), ("Policy", Policy)));
        Assert.Empty(_f.Server.Requests);
        Assert.Contains($"What if: Performing the operation \"Set container recipe policy\" on target \"{ContainerRecipeArn}\".", whatIf.HostText);

        var bad = _f.Run("Get-IbContainerRecipePolicy -EndpointUrl $Endpoint web-app");
        Assert.Empty(_f.Server.Requests);
        Assert.Contains("The value 'web-app' of -Arn is not valid", Assert.Single(bad.Errors).Exception.Message);
    }

    private List<string> Complete(string line)
    {
        var result = _f.Run("(TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | ForEach-Object CompletionText",
            new Dictionary<string, object?> { ["Line"] = line });
        result.AssertSuccess();
        return result.Output.Select(o => o.ToString()).ToList();
    }

    [Fact]
    public void RecipeNamesAndArnsComplete()
    {
        _f.Server.Default = _ => CannedResponse.Json(ContainerRecipeSummaries("web-app", "web-api", "batch"));
        Assert.Equal(new[] { "web-app", "web-api" }, Complete($"Get-IbContainerRecipe -EndpointUrl {_f.Server.Url} -Name we"));
        Assert.Equal(new[] { ContainerRecipeArn }, Complete($"Remove-IbContainerRecipe -EndpointUrl {_f.Server.Url} -Arn arn:aws:imagebuilder:us-east-1:123456789012:container-recipe/web-app"));
        Assert.Equal(new[] { "DOCKER" }, Complete("Get-IbContainerRecipe -ContainerType D"));
    }
}
