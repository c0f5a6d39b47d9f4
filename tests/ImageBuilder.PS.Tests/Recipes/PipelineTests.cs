using System.Management.Automation;
using ImageBuilder.PS.Tests.Support;
using static ImageBuilder.PS.Tests.Recipes.RecipeSamples;

namespace ImageBuilder.PS.Tests.Recipes;

/// <summary>Get-, New-, Update-, Remove-, Start-IbPipeline and Get-IbPipelineImage: the wire, the objects, the views.</summary>
public sealed class PipelineTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public PipelineTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
        _f.Session.Host.Captured.ChoiceAnswer = -1;
    }

    private static Dictionary<string, object?> Vars(params (string, object?)[] pairs) => pairs.ToDictionary(p => p.Item1, p => p.Item2);

    private static string Q(string arn) => Uri.EscapeDataString(arn);

    private static string Line(RecordedRequest r) => r.Method + " " + r.RawUrl;

    [Fact]
    public void AFilterGivenTwiceNamesTheParameterThatGaveIt()
    {
        // -RecipeArn gives the filter imageRecipeArn: the error names -RecipeArn, not a guess from the filter's name.
        var result = _f.Run("Get-IbPipeline -EndpointUrl $Endpoint -RecipeArn $Recipe -Filter @{ Name = 'imageRecipeArn'; Values = $Recipe }",
            Vars(("Recipe", RecipeArn)));
        var error = Assert.Single(result.Errors);
        Assert.Equal("FilterRepeated", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("The filter 'imageRecipeArn' is given twice (by -Filter and by -RecipeArn). Give it once, with all its values.", error.Exception.Message);
        Assert.Empty(_f.Server.Requests);
    }

    [Fact]
    public void ListSendsFiltersAndRendersPipelines()
    {
        _f.Server.Enqueue(CannedResponse.Json(Pipelines(("nightly", "ENABLED"))));
        var result = _f.Run("Get-IbPipeline -EndpointUrl $Endpoint -Name nightly -Status ENABLED -RecipeArn $Recipe -InfrastructureConfigurationArn $Infra -DistributionConfigurationArn $Dist",
            Vars(("Recipe", RecipeArn), ("Infra", InfraArn), ("Dist", DistArn)));
        result.AssertSuccess();
        var request = _f.Server.SingleRequest();
        Assert.Equal("POST /ListImagePipelines", Line(request));
        var filters = request.Json.GetProperty("filters").EnumerateArray().Select(f => f.GetProperty("name").GetString() + "=" + f.GetProperty("values")[0].GetString());
        Assert.Equal(new[] { "name=nightly", "status=ENABLED", "imageRecipeArn=" + RecipeArn, "infrastructureConfigurationArn=" + InfraArn, "distributionConfigurationArn=" + DistArn }, filters);
        var pipeline = Assert.Single(result.Output);
        Assert.Equal("ImageBuilder.PS.Model.Ib.ImagePipeline", pipeline.TypeNames[0]);

        _f.Server.Enqueue(CannedResponse.Json(Pipelines(("nightly", "ENABLED"), ("weekly", "DISABLED"))));
        var table = _f.Render("Get-IbPipeline -EndpointUrl $Endpoint");
        Assert.Matches(@"Status\s+Name\s+Schedule\s+LastRun\s+LastResult", table);
        Assert.Matches(@"DISABLED\s+weekly\s+cron\(0 3 \* \* \? \*\)\s+2026-03-04 03:00\s+AVAILABLE", table);

        _f.Server.Enqueue(CannedResponse.Json(PipelineResponse()));
        var list = _f.Render("Get-IbPipeline -EndpointUrl $Endpoint -Arn " + PipelineArn + " | Format-List");
        Assert.Equal("GET /GetImagePipeline?imagePipelineArn=" + Q(PipelineArn), Line(_f.Server.Requests.Last()));
        Assert.Matches(@"Recipe\s+: " + System.Text.RegularExpressions.Regex.Escape(RecipeArn), list);
        Assert.Matches(@"Schedule\s+: cron\(0 3 \* \* \? \*\), Etc/UTC, EXPRESSION_MATCH_ONLY", list);
        Assert.Matches(@"Tests\s+: on, 90 min timeout", list);
        Assert.Matches(@"Scanning\s+: off", list);
        Assert.Matches(@"LastRun\s+: 2026-03-04 03:00:00 AVAILABLE", list);
        Assert.Matches(@"ImageTags\s+: Golden=yes", list);
        Assert.DoesNotContain("ImageBuilder.PS.Model", list);
    }

    [Fact]
    public void NewSendsThePipelineAndWritesIt()
    {
        _f.Server.Enqueue(CannedResponse.Json(Created("imagePipelineArn", PipelineArn)), CannedResponse.Json(PipelineResponse()));
        var result = _f.Run("""
            New-IbPipeline -EndpointUrl $Endpoint nightly -RecipeArn $Recipe -InfrastructureConfigurationArn $Infra -DistributionConfigurationArn $Dist `
                -Description 'Nightly golden image' -Schedule 'cron(0 3 * * ? *)' -ImageTestsEnabled $false -EnhancedImageMetadataEnabled $true `
                -ImageScanningEnabled -Workflow 'arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-image/1.0.0' -ExecutionRole ImageBuilderWorkflows `
                -LoggingConfiguration @{ PipelineLogGroupName = '/pipelines/nightly' } -ImageTag @{ Golden = 'yes' } -Tag @{ Team = 'Platform' }
            """, Vars(("Recipe", RecipeArn), ("Infra", InfraArn), ("Dist", DistArn)));
        result.AssertSuccess();
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(new[] { "PUT /CreateImagePipeline", "GET /GetImagePipeline?imagePipelineArn=" + Q(PipelineArn) }, requests.Select(Line));
        var body = requests[0].Json;
        Assert.Equal("nightly", body.GetProperty("name").GetString());
        Assert.Equal(RecipeArn, body.GetProperty("imageRecipeArn").GetString());
        Assert.Equal(InfraArn, body.GetProperty("infrastructureConfigurationArn").GetString());
        Assert.Equal(DistArn, body.GetProperty("distributionConfigurationArn").GetString());
        Assert.Equal("""{"scheduleExpression":"cron(0 3 * * ? *)"}""", body.GetProperty("schedule").GetRawText());
        Assert.Equal("""{"imageTestsEnabled":false}""", body.GetProperty("imageTestsConfiguration").GetRawText());
        Assert.True(body.GetProperty("enhancedImageMetadataEnabled").GetBoolean());
        Assert.Equal("""{"imageScanningEnabled":true}""", body.GetProperty("imageScanningConfiguration").GetRawText());
        Assert.Equal("""[{"workflowArn":"arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-image/1.0.0"}]""", body.GetProperty("workflows").GetRawText());
        Assert.Equal("ImageBuilderWorkflows", body.GetProperty("executionRole").GetString());
        Assert.Equal("""{"pipelineLogGroupName":"/pipelines/nightly"}""", body.GetProperty("loggingConfiguration").GetRawText());
        Assert.Equal("yes", body.GetProperty("imageTags").GetProperty("Golden").GetString());
        Assert.Equal("Platform", body.GetProperty("tags").GetProperty("Team").GetString());
        Assert.False(body.TryGetProperty("status", out _));
        Assert.True(Guid.TryParse(body.GetProperty("clientToken").GetString(), out _));
        Assert.Equal("ImageBuilder.PS.Model.Ib.ImagePipeline", result.Output.Single().TypeNames[0]);
    }

    [Fact]
    public void NewWhatIfSendsNothingAndBadInputIsRefused()
    {
        var whatIf = _f.Run("New-IbPipeline -EndpointUrl $Endpoint nightly -RecipeArn $Recipe -InfrastructureConfigurationArn $Infra -WhatIf", Vars(("Recipe", RecipeArn), ("Infra", InfraArn)));
        whatIf.AssertSuccess();
        Assert.Empty(_f.Server.Requests);
        Assert.Contains("What if: Performing the operation \"Create image pipeline\" on target \"nightly\".", whatIf.HostText);

        var bad = _f.Run("New-IbPipeline -EndpointUrl $Endpoint nightly -RecipeArn $Infra -InfrastructureConfigurationArn $Infra -ImageTestTimeoutMinutes 5", Vars(("Infra", InfraArn)));
        Assert.Empty(_f.Server.Requests);
        Assert.Equal(2, bad.Errors.Count);
        Assert.All(bad.Errors, e => Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category));
        Assert.Contains(bad.Errors, e => e.Exception.Message.StartsWith("The value '" + InfraArn + "' of -RecipeArn is not valid: it must be an image recipe ARN", StringComparison.Ordinal));
        Assert.Contains(bad.Errors, e => e.Exception.Message.Contains("of -ImageTestTimeoutMinutes (imageTestsConfiguration.timeoutMinutes) is not valid: it must be at least 60"));
    }

    [Fact]
    public void UpdateSendsTheWholePipelineBackWithOnlyTheGivenChanges()
    {
        _f.Server.Enqueue(CannedResponse.Json(PipelineResponse()), CannedResponse.Json(Created("imagePipelineArn", PipelineArn)), CannedResponse.Json(PipelineResponse(status: "DISABLED")));
        var result = _f.Run("Get-IbPipeline -EndpointUrl $Endpoint -Arn x -ErrorAction SilentlyContinue; [pscustomobject]@{ Arn = $Arn } | Update-IbPipeline -EndpointUrl $Endpoint -Status DISABLED -ImageTestTimeoutMinutes 120 -DistributionConfigurationArn ''",
            Vars(("Arn", PipelineArn)));
        result.AssertSuccess();
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(new[] { "GET", "PUT /UpdateImagePipeline", "GET" }, requests.Select(r => r.Method == "PUT" ? Line(r) : r.Method));
        var body = requests[1].Json;
        Assert.Equal(PipelineArn, body.GetProperty("imagePipelineArn").GetString());
        Assert.Equal("DISABLED", body.GetProperty("status").GetString());
        Assert.False(body.TryGetProperty("distributionConfigurationArn", out _));
        // Everything not given is sent back as it was: the update replaces the whole pipeline.
        Assert.Equal("Nightly golden image", body.GetProperty("description").GetString());
        Assert.Equal(RecipeArn, body.GetProperty("imageRecipeArn").GetString());
        Assert.Equal(InfraArn, body.GetProperty("infrastructureConfigurationArn").GetString());
        Assert.Equal("""{"imageTestsEnabled":true,"timeoutMinutes":120}""", body.GetProperty("imageTestsConfiguration").GetRawText());
        Assert.Equal("EXPRESSION_MATCH_ONLY", body.GetProperty("schedule").GetProperty("pipelineExecutionStartCondition").GetString());
        Assert.Equal("yes", body.GetProperty("imageTags").GetProperty("Golden").GetString());
        Assert.True(body.GetProperty("enhancedImageMetadataEnabled").GetBoolean());
        Assert.False(body.TryGetProperty("name", out _));
        Assert.True(Guid.TryParse(body.GetProperty("clientToken").GetString(), out _));
        Assert.Equal("DISABLED", result.Output.Single().Properties["Status"].Value);
    }

    [Fact]
    public void AnEmptyScheduleClearsTheSchedule()
    {
        _f.Server.Enqueue(CannedResponse.Json(PipelineResponse()), CannedResponse.Json(Created("imagePipelineArn", PipelineArn)), CannedResponse.Json(PipelineResponse()));
        _f.Run("Update-IbPipeline -EndpointUrl $Endpoint $Arn -Schedule ''", Vars(("Arn", PipelineArn))).AssertSuccess();
        var body = _f.Server.Requests.ElementAt(1).Json;
        Assert.False(body.TryGetProperty("schedule", out _));
        Assert.Equal(RecipeArn, body.GetProperty("imageRecipeArn").GetString());
    }

    [Fact]
    public void GivingTheOtherKindOfRecipeSwitchesThePipelineOver()
    {
        const string containerRecipe = "arn:aws:imagebuilder:us-east-1:123456789012:container-recipe/web/1.0.0";
        _f.Server.Enqueue(CannedResponse.Json(PipelineResponse()), CannedResponse.Json(Created("imagePipelineArn", PipelineArn)), CannedResponse.Json(PipelineResponse()));
        _f.Run("Update-IbPipeline -EndpointUrl $Endpoint $Arn -ContainerRecipeArn $Container", Vars(("Arn", PipelineArn), ("Container", containerRecipe))).AssertSuccess();
        var body = _f.Server.Requests.ElementAt(1).Json;
        Assert.Equal(containerRecipe, body.GetProperty("containerRecipeArn").GetString());
        Assert.False(body.TryGetProperty("imageRecipeArn", out _));
    }

    [Fact]
    public void UpdateWhatIfOnlyReadsAndSaysWhatWouldChange()
    {
        _f.Server.Enqueue(CannedResponse.Json(PipelineResponse()));
        var result = _f.Run("Update-IbPipeline -EndpointUrl $Endpoint $Arn -Schedule @{ ScheduleExpression = 'cron(0 4 * * ? *)'; Timezone = 'Europe/Berlin' } -WhatIf", Vars(("Arn", PipelineArn)));
        result.AssertSuccess();
        Assert.Equal(new[] { "GET /GetImagePipeline?imagePipelineArn=" + Q(PipelineArn) }, _f.Server.Requests.Select(Line));
        Assert.Contains($"What if: Performing the operation \"Update image pipeline (Schedule)\" on target \"{PipelineArn}\".", result.HostText);

        _f.Server.Reset();
        _f.Server.Enqueue(CannedResponse.Json(PipelineResponse()));
        var nothing = _f.Run("Update-IbPipeline -EndpointUrl $Endpoint $Arn", Vars(("Arn", PipelineArn)));
        Assert.Single(_f.Server.Requests);
        Assert.Contains("No change was given", Assert.Single(nothing.Warnings).Message);
        Assert.Equal("ImageBuilder.PS.Model.Ib.ImagePipeline", nothing.Output.Single().TypeNames[0]);

        _f.Server.Reset();
        _f.Server.Enqueue(CannedResponse.Error(404, "ResourceNotFoundException", "No such pipeline."));
        var missing = _f.Run("Update-IbPipeline -EndpointUrl $Endpoint $Arn -Status DISABLED", Vars(("Arn", PipelineArn)));
        Assert.Single(_f.Server.Requests);
        Assert.Equal(ErrorCategory.ObjectNotFound, Assert.Single(missing.Errors).CategoryInfo.Category);
    }

    [Fact]
    public void StartRunsThePipelineAndWritesTheImageItBuilds()
    {
        _f.Server.Enqueue(CannedResponse.Json(Created("imageBuildVersionArn", ImageBuildArn)), CannedResponse.Json(Image));
        var result = _f.Run("Start-IbPipeline -EndpointUrl $Endpoint $Arn -Tag @{ Reason = 'hotfix' }", Vars(("Arn", PipelineArn)));
        result.AssertSuccess();
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(new[] { "PUT /StartImagePipelineExecution", "GET /GetImage?imageBuildVersionArn=" + Q(ImageBuildArn) }, requests.Select(Line));
        Assert.Equal(PipelineArn, requests[0].Json.GetProperty("imagePipelineArn").GetString());
        Assert.Equal("hotfix", requests[0].Json.GetProperty("tags").GetProperty("Reason").GetString());
        Assert.True(Guid.TryParse(requests[0].Json.GetProperty("clientToken").GetString(), out _));
        var image = result.Output.Single();
        Assert.Equal("ImageBuilder.PS.Model.Ib.Image", image.TypeNames[0]);
        Assert.Equal(ImageBuildArn, image.Properties["Arn"].Value);

        _f.Server.Reset();
        var whatIf = _f.Run("Start-IbPipeline -EndpointUrl $Endpoint $Arn -WhatIf", Vars(("Arn", PipelineArn)));
        Assert.Empty(_f.Server.Requests);
        Assert.Contains($"What if: Performing the operation \"Start image pipeline\" on target \"{PipelineArn}\".", whatIf.HostText);

        var bad = _f.Run("Start-IbPipeline -EndpointUrl $Endpoint $Arn", Vars(("Arn", RecipeArn)));
        Assert.Empty(_f.Server.Requests);
        Assert.Contains("of -Arn is not valid", Assert.Single(bad.Errors).Exception.Message);
    }

    [Fact]
    public void RemoveDeletesAfterConfirmation()
    {
        _f.Session.Host.Captured.ChoiceAnswer = 0; // [Y] Yes
        _f.Server.Enqueue(CannedResponse.Json($"{{\"requestId\":\"r\",\"imagePipelineArn\":\"{PipelineArn}\"}}"));
        var result = _f.Run("Remove-IbPipeline -EndpointUrl $Endpoint $Arn", Vars(("Arn", PipelineArn)));
        result.AssertSuccess();
        Assert.Contains(_f.Session.Host.Captured.Prompts, p => p.Contains(PipelineArn));
        Assert.Equal("DELETE /DeleteImagePipeline?imagePipelineArn=" + Q(PipelineArn), Line(_f.Server.SingleRequest()));
        Assert.Empty(result.Output);

        _f.Server.Reset();
        var whatIf = _f.Run("Remove-IbPipeline -EndpointUrl $Endpoint $Arn -WhatIf", Vars(("Arn", PipelineArn)));
        Assert.Empty(_f.Server.Requests);
        Assert.Contains($"What if: Performing the operation \"Delete image pipeline\" on target \"{PipelineArn}\".", whatIf.HostText);

        var bad = _f.Run("Remove-IbPipeline -EndpointUrl $Endpoint 'nightly' -Force");
        Assert.Empty(_f.Server.Requests);
        Assert.Equal(ErrorCategory.InvalidArgument, Assert.Single(bad.Errors).CategoryInfo.Category);
    }

    [Fact]
    public void PipelineImagesAreListedForAPipelineObject()
    {
        _f.Server.Enqueue(CannedResponse.Json(PipelineImages));
        var result = _f.Run("[ImageBuilder.PS.Model.Ib.ImagePipeline]@{ Arn = $Arn; Name = 'nightly' } | Get-IbPipelineImage -EndpointUrl $Endpoint -Version 1.0.0 -MaxResults 10", Vars(("Arn", PipelineArn)));
        result.AssertSuccess();
        var request = _f.Server.SingleRequest();
        Assert.Equal("POST /ListImagePipelineImages", Line(request));
        Assert.Equal(PipelineArn, request.Json.GetProperty("imagePipelineArn").GetString());
        Assert.Equal("""[{"name":"version","values":["1.0.0"]}]""", request.Json.GetProperty("filters").GetRawText());
        Assert.Equal(2, result.Output.Count);
        Assert.Equal("ImageBuilder.PS.Model.Ib.ImageSummary", result.Output[0].TypeNames[0]);

        _f.Server.Enqueue(CannedResponse.Json(PipelineImages));
        var table = _f.Render("Get-IbPipelineImage -EndpointUrl $Endpoint " + PipelineArn);
        Assert.Matches(@"Status\s+Name\s+Version\s+Created\s+Ami", table);
        Assert.Matches(@"AVAILABLE\s+golden-windows\s+1\.0\.0/3\s+2026-03-04 03:00\s+ami-0aaaabbbbccccdddd", table);
        Assert.Matches(@"FAILED\s+golden-windows\s+1\.0\.0/2\s+2026-03-03 03:00", table);

        _f.Server.Enqueue(CannedResponse.Json(PipelineImages));
        var list = _f.Render("Get-IbPipelineImage -EndpointUrl $Endpoint " + PipelineArn + " -First 1 | Format-List");
        Assert.Matches(@"Status\s+: AVAILABLE", list);
        Assert.Matches(@"Amis\s+: us-east-1: ami-0aaaabbbbccccdddd", list);
        Assert.DoesNotContain("1.0.0/2", list);

        var bad = _f.Run("Get-IbPipelineImage -EndpointUrl $Endpoint -Arn $Arn -MaxResults 100", Vars(("Arn", PipelineArn)));
        Assert.Equal(3, _f.Server.Requests.Count);
        Assert.Contains("of -MaxResults is not valid", Assert.Single(bad.Errors).Exception.Message);
    }

    [Fact]
    public void CompletionOffersStatusesAndLiveNamesAndArns()
    {
        List<string> Complete(string line)
        {
            var result = _f.Run("(TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | ForEach-Object CompletionText", Vars(("Line", line)));
            result.AssertSuccess();
            return result.Output.Select(o => o.ToString()).ToList();
        }

        Assert.Equal(new[] { "DISABLED" }, Complete("Update-IbPipeline -Status D"));
        _f.Server.Default = _ => CannedResponse.Json(Pipelines(("nightly", "ENABLED"), ("nightly-linux", "ENABLED"), ("weekly", "DISABLED")));
        Assert.Equal(new[] { "nightly", "nightly-linux" }, Complete($"Get-IbPipeline -EndpointUrl {_f.Server.Url} -Name ni"));
        Assert.Equal(new[] { PipelineArn.Replace("nightly", "weekly") }, Complete($"Start-IbPipeline -EndpointUrl {_f.Server.Url} -Arn {Prefix}image-pipeline/w"));
        _f.Server.Default = _ => CannedResponse.Json(RecipeSummaries("golden-windows", "golden-linux"));
        Assert.Equal(new[] { RecipeArn }, Complete($"New-IbPipeline -EndpointUrl {_f.Server.Url} -RecipeArn {Prefix}image-recipe/golden-w"));
        Assert.Equal("/ListImageRecipes", _f.Server.Requests.Last().RawUrl);
    }
}
