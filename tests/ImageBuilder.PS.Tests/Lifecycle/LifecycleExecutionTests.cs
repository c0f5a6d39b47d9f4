using System.Management.Automation;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Lifecycle;

/// <summary>
/// Lifecycle runs: Get-IbLifecycleExecution, Get-IbLifecycleExecutionResource, Stop-IbLifecycleExecution and
/// Set-IbResourceState, which starts a run for an image.
/// </summary>
public sealed class LifecycleExecutionTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public LifecycleExecutionTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
        _f.Session.Host.Captured.ChoiceAnswer = -1;
    }

    private static Dictionary<string, object?> Vars(params (string, object?)[] pairs) => pairs.ToDictionary(p => p.Item1, p => p.Item2);

    [Fact]
    public void RunsOfAPolicyAreListedAndRenderReadably()
    {
        _f.Server.Enqueue(CannedResponse.Json(LifecycleSamples.Policy), CannedResponse.Json(LifecycleSamples.Executions()));
        var result = _f.Run("Get-IbLifecyclePolicy -EndpointUrl $Endpoint -Arn $Arn | Get-IbLifecycleExecution -EndpointUrl $Endpoint -MaxResults 20", Vars(("Arn", LifecycleSamples.PolicyArn)));
        result.AssertSuccess();
        var list = _f.Server.Requests.Last();
        Assert.Equal("POST /ListLifecycleExecutions", list.Method + " " + list.RawUrl);
        Assert.Equal(LifecycleSamples.PolicyArn, list.Json.GetProperty("resourceArn").GetString());
        Assert.Equal(20, list.Json.GetProperty("maxResults").GetInt32());
        var run = Assert.Single(result.Output);
        Assert.Equal("ImageBuilder.PS.Model.Ib.LifecycleExecution", run.TypeNames[0]);
        Assert.Equal(LifecycleSamples.ExecutionId, run.Properties["LifecycleExecutionId"].Value);

        _f.Server.Enqueue(CannedResponse.Json(LifecycleSamples.Executions()));
        var table = _f.Render("Get-IbLifecycleExecution -EndpointUrl $Endpoint " + LifecycleSamples.PolicyArn);
        Assert.Matches(@"LifecycleExecutionId\s+Status\s+Started\s+Policy", table);
        Assert.Matches(LifecycleSamples.ExecutionId + @"\s+SUCCESS\s+2026-03-01 00:00\s+keep-six-months", table);
        _f.Server.Enqueue(CannedResponse.Json(LifecycleSamples.Executions()));
        var detail = _f.Render("Get-IbLifecycleExecution -EndpointUrl $Endpoint " + LifecycleSamples.PolicyArn + " | Format-List");
        Assert.Matches(@"State\s+: SUCCESS \(2 images deleted\)", detail);
        Assert.Matches(@"Ended\s+: 2026-03-01 00:05:00", detail);
    }

    [Fact]
    public void ARunIsGotByItsIdAndARunPipedBackGetsThatRun()
    {
        _f.Server.Enqueue(CannedResponse.Json(LifecycleSamples.Executions()), CannedResponse.Json(LifecycleSamples.Execution("SUCCESS")));
        var result = _f.Run("Get-IbLifecycleExecution -EndpointUrl $Endpoint $Arn | Get-IbLifecycleExecution -EndpointUrl $Endpoint", Vars(("Arn", LifecycleSamples.PolicyArn)));
        result.AssertSuccess();
        var get = _f.Server.Requests.Last();
        Assert.Equal("GET /GetLifecycleExecution?lifecycleExecutionId=" + LifecycleSamples.ExecutionId, get.Method + " " + get.RawUrl);
        Assert.Equal("ImageBuilder.PS.Model.Ib.LifecycleExecution", result.Output.Single().TypeNames[0]);
    }

    [Theory]
    [InlineData("Get-IbLifecycleExecution -LifecycleExecutionId lce-1", "-LifecycleExecutionId")]
    [InlineData("Get-IbLifecycleExecutionResource lce-1", "-LifecycleExecutionId")]
    [InlineData("Get-IbLifecycleExecution -ResourceArn arn:aws:s3:::bucket", "-ResourceArn")]
    [InlineData("Stop-IbLifecycleExecution lce-1", "-LifecycleExecutionId")]
    public void MalformedIdsAreRefusedBeforeAnythingIsSent(string command, string parameter)
    {
        var result = _f.Run(command + " -EndpointUrl $Endpoint");
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Matches($"of {parameter} is not valid: it must (match the pattern|be (a|an|the) )", error.Exception.Message);
    }

    [Fact]
    public void TheResourcesOfARunAreListedAndRenderReadably()
    {
        _f.Server.Enqueue(CannedResponse.Json(LifecycleSamples.Execution("SUCCESS")), CannedResponse.Json(LifecycleSamples.Resources));
        var result = _f.Run("Get-IbLifecycleExecution -EndpointUrl $Endpoint -LifecycleExecutionId $Id | Get-IbLifecycleExecutionResource -EndpointUrl $Endpoint -ParentResourceId $Parent",
            Vars(("Id", LifecycleSamples.ExecutionId), ("Parent", LifecycleSamples.ImageBuildArn)));
        result.AssertSuccess();
        var list = _f.Server.Requests.Last();
        Assert.Equal("POST /ListLifecycleExecutionResources", list.Method + " " + list.RawUrl);
        Assert.Equal(LifecycleSamples.ExecutionId, list.Json.GetProperty("lifecycleExecutionId").GetString());
        Assert.Equal(LifecycleSamples.ImageBuildArn, list.Json.GetProperty("parentResourceId").GetString());
        var resource = Assert.Single(result.Output);
        Assert.Equal("ImageBuilder.PS.Model.Ib.LifecycleExecutionResource", resource.TypeNames[0]);

        _f.Server.Enqueue(CannedResponse.Json(LifecycleSamples.Resources));
        var table = _f.Render("Get-IbLifecycleExecutionResource -EndpointUrl $Endpoint " + LifecycleSamples.ExecutionId);
        Assert.Matches(@"Status\s+Action\s+ResourceId\s+Region\s+Started", table);
        Assert.Matches(@"SUCCESS\s+DELETE\s+ami-0123456789abcdef0\s+us-east-1\s+2026-03-01 00:01", table);
        _f.Server.Enqueue(CannedResponse.Json(LifecycleSamples.Resources));
        var detail = _f.Render("Get-IbLifecycleExecutionResource -EndpointUrl $Endpoint " + LifecycleSamples.ExecutionId + " | Format-List");
        Assert.Matches(@"Action\s+: DELETE \(older than 6 months\)", detail);
        Assert.Matches(@"Snapshots\s+: snap-0123456789abcdef0 SUCCESS", detail);
    }

    [Fact]
    public void StopCancelsARunAndWhatIfSendsNothing()
    {
        var whatIf = _f.Run("Stop-IbLifecycleExecution -EndpointUrl $Endpoint $Id -WhatIf", Vars(("Id", LifecycleSamples.ExecutionId)));
        whatIf.AssertSuccess();
        Assert.Empty(_f.Server.Requests);
        Assert.Contains($"What if: Performing the operation \"Cancel lifecycle execution\" on target \"{LifecycleSamples.ExecutionId}\".", whatIf.HostText);

        _f.Server.Enqueue(CannedResponse.Json($"{{\"lifecycleExecutionId\":\"{LifecycleSamples.ExecutionId}\"}}"));
        var quiet = _f.Run("Stop-IbLifecycleExecution -EndpointUrl $Endpoint $Id", Vars(("Id", LifecycleSamples.ExecutionId)));
        quiet.AssertSuccess();
        Assert.Empty(quiet.Output);
        var cancel = _f.Server.SingleRequest();
        Assert.Equal("PUT /CancelLifecycleExecution", cancel.Method + " " + cancel.RawUrl);
        Assert.Equal(LifecycleSamples.ExecutionId, cancel.Json.GetProperty("lifecycleExecutionId").GetString());
        Assert.True(Guid.TryParse(cancel.Json.GetProperty("clientToken").GetString(), out _));

        _f.Server.Reset();
        _f.Server.Enqueue(CannedResponse.Json($"{{\"lifecycleExecutionId\":\"{LifecycleSamples.ExecutionId}\"}}"), CannedResponse.Json(LifecycleSamples.Execution("CANCELLING")));
        var passThru = _f.Run("Stop-IbLifecycleExecution -EndpointUrl $Endpoint $Id -ClientToken stop-1 -PassThru", Vars(("Id", LifecycleSamples.ExecutionId)));
        passThru.AssertSuccess();
        Assert.Equal("stop-1", _f.Server.Requests.First().Json.GetProperty("clientToken").GetString());
        Assert.Equal("CANCELLING", ((dynamic)passThru.Output.Single().Properties["State"].Value).Status);
    }

    [Fact]
    public void SetResourceStateAppliesToEachBuildOfAVersionAndWritesTheRuns()
    {
        _f.Server.Enqueue(CannedResponse.Json(LifecycleSamples.ImageBuilds(2, 3)));
        _f.Server.Default = r => r.Path switch
        {
            "/StartResourceStateUpdate" => CannedResponse.Json(LifecycleSamples.Started(r.Json.GetProperty("resourceArn").GetString()!)),
            _ => CannedResponse.Json(LifecycleSamples.Execution()),
        };
        var result = _f.Run("[pscustomobject]@{ Arn = $Arn } | Set-IbResourceState -EndpointUrl $Endpoint -State DEPRECATED -ExecutionRole $Role " +
            "-IncludeResource Amis, Snapshots -ExcludeAmi @{ IsPublic = $true } -UpdateAt ([datetime]::SpecifyKind([datetime]'2030-01-02T03:04:05', 'Utc')) -Force",
            Vars(("Arn", LifecycleSamples.ImageVersionArn), ("Role", LifecycleSamples.Role)));
        result.AssertSuccess();
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(new[] { "POST /ListImageBuildVersions", "PUT /StartResourceStateUpdate", "GET /GetLifecycleExecution?lifecycleExecutionId=" + LifecycleSamples.ExecutionId,
            "PUT /StartResourceStateUpdate", "GET /GetLifecycleExecution?lifecycleExecutionId=" + LifecycleSamples.ExecutionId }, requests.Select(r => r.Method + " " + r.RawUrl));
        var body = requests[1].Json;
        Assert.Equal(LifecycleSamples.ImageVersionArn + "/2", body.GetProperty("resourceArn").GetString());
        Assert.Equal("""{"status":"DEPRECATED"}""", body.GetProperty("state").GetRawText());
        Assert.Equal(LifecycleSamples.Role, body.GetProperty("executionRole").GetString());
        Assert.Equal("""{"amis":true,"snapshots":true}""", body.GetProperty("includeResources").GetRawText());
        Assert.Equal("""{"amis":{"isPublic":true}}""", body.GetProperty("exclusionRules").GetRawText());
        Assert.Equal(new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc), ReadTimestamp(body.GetProperty("updateAt")));
        Assert.Equal(LifecycleSamples.ImageVersionArn + "/3", requests[3].Json.GetProperty("resourceArn").GetString());
        Assert.Equal(2, result.Objects<object>().Count());
        Assert.All(result.Output, o => Assert.Equal("ImageBuilder.PS.Model.Ib.LifecycleExecution", o.TypeNames[0]));
    }

    [Fact]
    public void SetResourceStateAsksFirstAndWhatIfSendsNothing()
    {
        _f.Session.Host.Captured.ChoiceAnswer = 2; // [N] No
        _f.Run("Set-IbResourceState -EndpointUrl $Endpoint $Arn DELETED", Vars(("Arn", LifecycleSamples.ImageBuildArn))).AssertSuccess();
        Assert.Empty(_f.Server.Requests);
        Assert.Single(_f.Session.Host.Captured.Prompts, p => p.Contains(LifecycleSamples.ImageBuildArn));

        _f.Session.Host.Captured.ChoiceAnswer = -1;
        var whatIf = _f.Run("Set-IbResourceState -EndpointUrl $Endpoint $Arn DELETED -Force -WhatIf", Vars(("Arn", LifecycleSamples.ImageBuildArn)));
        whatIf.AssertSuccess();
        Assert.Empty(_f.Server.Requests);
        Assert.Contains($"What if: Performing the operation \"Set state to DELETED\" on target \"{LifecycleSamples.ImageBuildArn}\".", whatIf.HostText);
    }

    [Theory]
    [InlineData("-State DELETED -IncludeResource Amis", "-IncludeResource needs -ExecutionRole")]
    [InlineData("-State DELETED -IncludeResource Disks -ExecutionRole r", "Disks")]
    [InlineData("-State DELETED -ExecutionRole 'not a role!'", "The value 'not a role!' of -ExecutionRole is not valid")]
    public void SetResourceStateRefusesBadInputAndSendsNothing(string arguments, string message)
    {
        var result = _f.Run("Set-IbResourceState -EndpointUrl $Endpoint $Arn -Force " + arguments, Vars(("Arn", LifecycleSamples.ImageBuildArn)));
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(result.Errors);
        Assert.Contains(message, error.Exception.Message);
    }

    [Fact]
    public void SetResourceStateRefusesWhatIsNotAnImage()
    {
        var result = _f.Run("Set-IbResourceState -EndpointUrl $Endpoint $Arn DEPRECATED -Force", Vars(("Arn", LifecycleSamples.PolicyArn)));
        Assert.Empty(_f.Server.Requests);
        Assert.Contains("is not an image ARN", Assert.Single(result.Errors).Exception.Message);
    }

    /// <summary>Image Builder's timestamps go out as epoch seconds.</summary>
    private static DateTime ReadTimestamp(System.Text.Json.JsonElement value) =>
        value.ValueKind == System.Text.Json.JsonValueKind.Number
            ? DateTime.UnixEpoch.AddSeconds(value.GetDouble())
            : DateTime.Parse(value.GetString()!, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
}
