using System.Management.Automation;
using System.Text;
using ImageBuilder.PS.Tests.Support;
using static ImageBuilder.PS.Tests.Recipes.RecipeSamples;

namespace ImageBuilder.PS.Tests.Recipes;

/// <summary>Get-, New-, Remove-IbRecipe and the recipe policy cmdlets: the wire, the objects, the views.</summary>
public sealed class RecipeTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public RecipeTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
        _f.Session.Host.Captured.ChoiceAnswer = -1;
    }

    private static Dictionary<string, object?> Vars(params (string, object?)[] pairs) => pairs.ToDictionary(p => p.Item1, p => p.Item2);

    private static string Q(string arn) => Uri.EscapeDataString(arn);

    [Fact]
    public void ListSendsFiltersAndRendersATable()
    {
        _f.Server.Enqueue(CannedResponse.Json(RecipeSummaries("golden-windows")));
        var result = _f.Run("Get-IbRecipe -EndpointUrl $Endpoint -Name golden-windows -Owner Self -Platform Windows -ParentImage $Parent -MaxResults 5",
            Vars(("Parent", ParentImage)));
        result.AssertSuccess();
        var request = _f.Server.SingleRequest();
        Assert.Equal("POST /ListImageRecipes", request.Method + " " + request.RawUrl);
        Assert.Equal("Self", request.Json.GetProperty("owner").GetString());
        Assert.Equal(5, request.Json.GetProperty("maxResults").GetInt32());
        var filters = request.Json.GetProperty("filters").EnumerateArray().Select(f => (f.GetProperty("name").GetString()!, f.GetProperty("values")[0].GetString()!)).ToList();
        Assert.Equal(new[] { ("name", "golden-windows"), ("platform", "Windows"), ("parentImage", ParentImage) }, filters);
        var recipe = Assert.Single(result.Output);
        Assert.Equal("ImageBuilder.PS.Model.Ib.ImageRecipeSummary", recipe.TypeNames[0]);
        Assert.Equal(RecipeArn, recipe.Properties["ImageRecipeArn"].Value);

        _f.Server.Enqueue(CannedResponse.Json(RecipeSummaries("golden-windows", "golden-linux", "base")));
        var table = _f.Render("Get-IbRecipe -EndpointUrl $Endpoint -Name golden-*");
        Assert.False(_f.Server.Requests.Last().Json.TryGetProperty("filters", out _));
        Assert.Matches(@"Platform\s+Name\s+Version\s+ParentImage\s+Created", table);
        Assert.Matches(@"Windows\s+golden-linux\s+1\.0\.0\s+windows-server-2022-english\S*\s+2026-03-01 08:00", table);
        Assert.DoesNotContain("base ", table);

        _f.Server.Enqueue(CannedResponse.Json(RecipeSummaries("golden-windows")));
        var list = _f.Render("Get-IbRecipe -EndpointUrl $Endpoint | Format-List");
        Assert.Matches(@"Version\s+: 1\.0\.0", list);
        Assert.Matches(@"Tags\s+: Team=Platform", list);
    }

    [Fact]
    public void ArnGetsTheRecipeWithComponentsAndDisksReadable()
    {
        _f.Server.Enqueue(CannedResponse.Json(Recipe));
        var result = _f.Run("Get-IbRecipe -EndpointUrl $Endpoint -Arn $Arn", Vars(("Arn", RecipeArn)));
        result.AssertSuccess();
        var request = _f.Server.SingleRequest();
        Assert.Equal("GET /GetImageRecipe?imageRecipeArn=" + Q(RecipeArn), request.Method + " " + request.RawUrl);
        var recipe = Assert.Single(result.Output);
        Assert.Equal("ImageBuilder.PS.Model.Ib.ImageRecipe", recipe.TypeNames[0]);
        Assert.Equal(2, ((System.Collections.ICollection)recipe.Properties["Components"].Value).Count);

        _f.Server.Enqueue(CannedResponse.Json(Recipe));
        var table = _f.Render("Get-IbRecipe -EndpointUrl $Endpoint -Arn " + RecipeArn);
        Assert.Matches(@"Platform\s+Name\s+Version\s+Components\s+ParentImage\s+Created", table);
        Assert.Matches(@"Windows\s+golden-windows\s+1\.0\.0\s+2\s+windows-server", table);

        _f.Server.Enqueue(CannedResponse.Json(Recipe));
        var list = _f.Render("Get-IbRecipe -EndpointUrl $Endpoint -Arn " + RecipeArn + " | Format-List");
        Assert.Matches(@"Components\s+: update-windows/x\.x\.x\s*\n\s+install-agent/1\.0\.0 \(Version=7\.2\)", list);
        Assert.Matches(@"BlockDevices\s+: /dev/sda1: 100 GiB gp3 encrypted", list);
        Assert.Matches(@"SsmAgent\s+: uninstalled after build", list);
        Assert.Matches(@"AmiTags\s+: Golden=yes", list);
        Assert.DoesNotContain("ImageBuilder.PS.Model", list);
    }

    [Fact]
    public void NewTakesComponentsAsArnsObjectsAndHashtablesAndWritesTheRecipe()
    {
        _f.Server.Enqueue(CannedResponse.Json(Created("imageRecipeArn", RecipeArn)), CannedResponse.Json(Recipe));
        var result = _f.Run("""
            $agent = [ImageBuilder.PS.Model.Ib.ComponentVersion]@{ Arn = $AgentArn; Name = 'install-agent' }
            New-IbRecipe -EndpointUrl $Endpoint golden-windows 1.0.0 -ParentImage ami-0123456789abcdef0 `
                -Component $UpdateArn, $agent, @{ Arn = $AgentArn; Parameters = [ordered]@{ Version = '7.2'; Features = 'a', 'b' } } `
                -BlockDeviceMapping @{ DeviceName = '/dev/sda1'; Ebs = @{ VolumeSize = 100; VolumeType = 'gp3' } } `
                -UserDataOverride 'echo hi' -UninstallSystemsManagerAgent -Description 'Golden Windows Server' `
                -WorkingDirectory C:/build -AmiTag @{ Golden = 'yes' } -Tag @{ Team = 'Platform' }
            """, Vars(("AgentArn", AgentComponentArn), ("UpdateArn", UpdateComponentArn)));
        result.AssertSuccess();
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(new[] { "PUT /CreateImageRecipe", "GET /GetImageRecipe?imageRecipeArn=" + Q(RecipeArn) }, requests.Select(r => r.Method + " " + r.RawUrl));
        var body = requests[0].Json;
        Assert.Equal("golden-windows", body.GetProperty("name").GetString());
        Assert.Equal("1.0.0", body.GetProperty("semanticVersion").GetString());
        Assert.Equal("ami-0123456789abcdef0", body.GetProperty("parentImage").GetString());
        var components = body.GetProperty("components");
        Assert.Equal(new[] { UpdateComponentArn, AgentComponentArn, AgentComponentArn }, components.EnumerateArray().Select(c => c.GetProperty("componentArn").GetString()));
        Assert.False(components[0].TryGetProperty("parameters", out _));
        Assert.Equal("""[{"name":"Version","value":["7.2"]},{"name":"Features","value":["a","b"]}]""", components[2].GetProperty("parameters").GetRawText());
        Assert.Equal("""[{"deviceName":"/dev/sda1","ebs":{"volumeSize":100,"volumeType":"gp3"}}]""", body.GetProperty("blockDeviceMappings").GetRawText());
        var instance = body.GetProperty("additionalInstanceConfiguration");
        Assert.Equal("echo hi", Encoding.UTF8.GetString(Convert.FromBase64String(instance.GetProperty("userDataOverride").GetString()!)));
        Assert.True(instance.GetProperty("systemsManagerAgent").GetProperty("uninstallAfterBuild").GetBoolean());
        Assert.Equal("yes", body.GetProperty("amiTags").GetProperty("Golden").GetString());
        Assert.Equal("Platform", body.GetProperty("tags").GetProperty("Team").GetString());
        Assert.Equal("C:/build", body.GetProperty("workingDirectory").GetString());
        Assert.True(Guid.TryParse(body.GetProperty("clientToken").GetString(), out _));
        Assert.Equal("ImageBuilder.PS.Model.Ib.ImageRecipe", result.Output.Single().TypeNames[0]);
    }

    [Fact]
    public void NewTakesTheParentImageAsAnImageObjectAndComponentsAsObjects()
    {
        _f.Server.Enqueue(CannedResponse.Json(Created("imageRecipeArn", RecipeArn)), CannedResponse.Json(Recipe));
        var result = _f.Run("New-IbRecipe -EndpointUrl $Endpoint golden-windows 1.0.1 -ParentImage ([ImageBuilder.PS.Model.Ib.ImageVersion]@{ Arn = $Parent }) -Component ([pscustomobject]@{ ComponentArn = $UpdateArn; Parameters = [pscustomobject]@{ Name = 'Reboot'; Value = 'no' } }) -ClientToken rerun-7",
            Vars(("Parent", ParentImage), ("UpdateArn", UpdateComponentArn)));
        result.AssertSuccess();
        var body = _f.Server.Requests.First().Json;
        Assert.Equal(ParentImage, body.GetProperty("parentImage").GetString());
        Assert.Equal($$"""[{"componentArn":"{{UpdateComponentArn}}","parameters":[{"name":"Reboot","value":["no"]}]}]""", body.GetProperty("components").GetRawText());
        Assert.Equal("rerun-7", body.GetProperty("clientToken").GetString());
    }

    [Fact]
    public void NewWhatIfSendsNothing()
    {
        var result = _f.Run("New-IbRecipe -EndpointUrl $Endpoint golden-windows 1.0.0 -ParentImage ami-0123456789abcdef0 -Component $UpdateArn -WhatIf",
            Vars(("UpdateArn", UpdateComponentArn)));
        result.AssertSuccess();
        Assert.Empty(_f.Server.Requests);
        Assert.Empty(result.Output);
        Assert.Contains("What if: Performing the operation \"Create image recipe\" on target \"golden-windows 1.0.0\".", result.HostText);
    }

    [Theory]
    [InlineData("golden/windows 1.0.0 -Component $UpdateArn", "-Name", "must match the pattern")]
    [InlineData("golden-windows 1.0.0 -Component 'arn:aws:imagebuilder:us-east-1:aws:image/not-a-component/1.0.0'", "-Component (components[0].componentArn)", "must be a component")]
    [InlineData("golden-windows 1.0.0 -Component $UpdateArn -Tag @{}", "-Tag", "must have at least 1 entries")]
    public void NewRefusesBadInputAndSendsNothing(string arguments, string parameter, string rule)
    {
        var result = _f.Run("New-IbRecipe -EndpointUrl $Endpoint -ParentImage ami-0123456789abcdef0 " + arguments, Vars(("UpdateArn", UpdateComponentArn)));
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(parameter, error.Exception.Message);
        Assert.Contains(rule, error.Exception.Message);
    }

    [Fact]
    public void AComponentHashtableWithAnUnknownKeyIsRefusedByName()
    {
        var result = _f.Run("New-IbRecipe -EndpointUrl $Endpoint golden-windows 1.0.0 -ParentImage ami-0123456789abcdef0 -Component @{ Arn = $UpdateArn; Params = @{ a = 1 } }",
            Vars(("UpdateArn", UpdateComponentArn)));
        Assert.Empty(_f.Server.Requests);
        var message = result.Terminating?.Message ?? Assert.Single(result.Errors).Exception.Message;
        Assert.Contains("Component", message);
        Assert.Contains("has no property 'Params'. It takes: Arn, ComponentArn, Parameters.", message);
    }

    [Fact]
    public void RemoveDeletesAskingFirstUnlessForced()
    {
        _f.Session.Host.Captured.ChoiceAnswer = 2; // [N] No
        var declined = _f.Run("Get-IbRecipe -EndpointUrl $Endpoint -Arn x -ErrorAction SilentlyContinue; Remove-IbRecipe -EndpointUrl $Endpoint $Arn", Vars(("Arn", RecipeArn)));
        declined.AssertSuccess();
        Assert.Empty(_f.Server.Requests);
        Assert.Contains(_f.Session.Host.Captured.Prompts, p => p.Contains(RecipeArn));

        var whatIf = _f.Run("[pscustomobject]@{ ImageRecipeArn = $Arn } | Remove-IbRecipe -EndpointUrl $Endpoint -WhatIf", Vars(("Arn", RecipeArn)));
        Assert.Empty(_f.Server.Requests);
        Assert.Contains($"What if: Performing the operation \"Delete image recipe\" on target \"{RecipeArn}\".", whatIf.HostText);

        _f.Server.Enqueue(CannedResponse.Json($"{{\"requestId\":\"r\",\"imageRecipeArn\":\"{RecipeArn}\"}}"));
        var removed = _f.Run("Remove-IbRecipe -EndpointUrl $Endpoint -Arn $Arn -Force -PassThru", Vars(("Arn", RecipeArn)));
        removed.AssertSuccess();
        Assert.Equal("DELETE /DeleteImageRecipe?imageRecipeArn=" + Q(RecipeArn), _f.Server.SingleRequest().Method + " " + _f.Server.SingleRequest().RawUrl);
        Assert.Equal(RecipeArn, removed.Output.Single().BaseObject);
    }

    [Fact]
    public void RemoveRefusesWhatIsNotARecipeArnAndReportsDependencies()
    {
        var wrong = _f.Run("Remove-IbRecipe -EndpointUrl $Endpoint -Arn $Arn -Force", Vars(("Arn", PipelineArn)));
        Assert.Empty(_f.Server.Requests);
        var invalid = Assert.Single(wrong.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, invalid.CategoryInfo.Category);
        Assert.Contains("-Arn", invalid.Exception.Message);

        _f.Server.Enqueue(CannedResponse.Error(400, "ResourceDependencyException", "A pipeline uses this recipe."));
        var busy = _f.Run("Remove-IbRecipe -EndpointUrl $Endpoint -Arn $Arn -Force", Vars(("Arn", RecipeArn)));
        var error = Assert.Single(busy.Errors);
        Assert.Equal("ResourceDependencyException", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
        Assert.Equal(RecipeArn, error.TargetObject);
    }

    [Fact]
    public void PolicyIsReadAndSet()
    {
        const string policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["111111111111"]},"Action":["imagebuilder:GetImageRecipe"],"Resource":["*"]}]}""";
        _f.Server.Enqueue(CannedResponse.Json("{\"requestId\":\"r\",\"policy\":" + System.Text.Json.JsonSerializer.Serialize(policy) + "}"));
        var read = _f.Run("Get-IbRecipe -EndpointUrl $Endpoint -Arn x -ErrorAction SilentlyContinue; [pscustomobject]@{ Arn = $Arn } | Get-IbRecipePolicy -EndpointUrl $Endpoint", Vars(("Arn", RecipeArn)));
        Assert.Equal("GET /GetImageRecipePolicy?imageRecipeArn=" + Q(RecipeArn), _f.Server.SingleRequest().Method + " " + _f.Server.SingleRequest().RawUrl);
        var readPolicy = read.Output.Single();
        Assert.Equal("ImageBuilder.PS.Model.Ib.ResourcePolicy", readPolicy.TypeNames[0]);
        Assert.Equal(RecipeArn, readPolicy.Properties["Arn"].Value);
        Assert.Equal(policy, readPolicy.Properties["Policy"].Value);

        _f.Server.Reset();
        var whatIf = _f.Run("Set-IbRecipePolicy -EndpointUrl $Endpoint $Arn $Policy -WhatIf", Vars(("Arn", RecipeArn), ("Policy", policy)));
        Assert.Empty(_f.Server.Requests);
        Assert.Contains($"What if: Performing the operation \"Set image recipe policy\" on target \"{RecipeArn}\".", whatIf.HostText);

        _f.Server.Enqueue(CannedResponse.Json($"{{\"requestId\":\"r\",\"imageRecipeArn\":\"{RecipeArn}\"}}"));
        var set = _f.Run("Set-IbRecipePolicy -EndpointUrl $Endpoint -Arn $Arn -Policy $Policy", Vars(("Arn", RecipeArn), ("Policy", policy)));
        set.AssertSuccess();
        Assert.Empty(set.Output);
        var request = _f.Server.SingleRequest();
        Assert.Equal("PUT /PutImageRecipePolicy", request.Method + " " + request.RawUrl);
        Assert.Equal(RecipeArn, request.Json.GetProperty("imageRecipeArn").GetString());
        Assert.Equal(policy, request.Json.GetProperty("policy").GetString());

        _f.Server.Reset();
        var bad = _f.Run("Set-IbRecipePolicy -EndpointUrl $Endpoint -Arn $Arn -Policy '' -PassThru", Vars(("Arn", RecipeArn)));
        Assert.Empty(_f.Server.Requests);
        Assert.Contains("'Policy'", bad.Terminating?.Message ?? Assert.Single(bad.Errors).Exception.Message);
    }
}
