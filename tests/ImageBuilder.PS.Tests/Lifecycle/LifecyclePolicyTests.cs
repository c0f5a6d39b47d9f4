using System.Management.Automation;
using System.Text.Json;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Lifecycle;

/// <summary>Get-, New-, Update- and Remove-IbLifecyclePolicy: rules built from hashtables, read-modify-write updates, views, -WhatIf, bad input.</summary>
public sealed class LifecyclePolicyTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public LifecyclePolicyTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
        _f.Session.Host.Captured.ChoiceAnswer = -1;
    }

    private static Dictionary<string, object?> Vars(params (string, object?)[] pairs) => pairs.ToDictionary(p => p.Item1, p => p.Item2);

    private const string NewPolicy = "New-IbLifecyclePolicy -EndpointUrl $Endpoint keep-six-months -ExecutionRole $Role ";

    [Fact]
    public void ListSendsNameAndStatusFiltersAndRendersATable()
    {
        _f.Server.Enqueue(CannedResponse.Json(LifecycleSamples.Summaries("keep-six-months")));
        var result = _f.Run("Get-IbLifecyclePolicy -EndpointUrl $Endpoint keep-six-months -Status ENABLED");
        result.AssertSuccess();
        var request = _f.Server.SingleRequest();
        Assert.Equal("POST /ListLifecyclePolicies", request.Method + " " + request.RawUrl);
        var filters = request.Json.GetProperty("filters").EnumerateArray().Select(f => (f.GetProperty("name").GetString()!, f.GetProperty("values")[0].GetString()!)).ToList();
        Assert.Equal(new[] { ("name", "keep-six-months"), ("status", "ENABLED") }, filters);
        var policy = Assert.Single(result.Output);
        Assert.Equal("ImageBuilder.PS.Model.Ib.LifecyclePolicySummary", policy.TypeNames[0]);

        _f.Server.Enqueue(CannedResponse.Json(LifecycleSamples.Summaries("keep-six-months", "keep-ten")));
        var table = _f.Render("Get-IbLifecyclePolicy -EndpointUrl $Endpoint 'keep-t*'");
        Assert.False(_f.Server.Requests.Last().Json.TryGetProperty("filters", out _));
        Assert.Matches(@"Status\s+Name\s+ResourceType\s+LastRun", table);
        Assert.Matches(@"ENABLED\s+keep-ten\s+AMI_IMAGE\s+2026-03-01 00:00", table);
        Assert.DoesNotContain("keep-six-months", table);
        _f.Server.Enqueue(CannedResponse.Json(LifecycleSamples.Summaries("keep-ten")));
        Assert.Matches(@"ExecutionRole\s+: " + System.Text.RegularExpressions.Regex.Escape(LifecycleSamples.Role), _f.Render("Get-IbLifecyclePolicy -EndpointUrl $Endpoint | Format-List"));
    }

    [Fact]
    public void GetByArnWritesThePolicyWithItsRulesInWords()
    {
        _f.Server.Enqueue(CannedResponse.Json(LifecycleSamples.Policy));
        var result = _f.Run("Get-IbLifecyclePolicy -EndpointUrl $Endpoint -Arn $Arn", Vars(("Arn", LifecycleSamples.PolicyArn)));
        result.AssertSuccess();
        var request = _f.Server.SingleRequest();
        Assert.Equal("GET /GetLifecyclePolicy?lifecyclePolicyArn=" + Uri.EscapeDataString(LifecycleSamples.PolicyArn), request.Method + " " + request.RawUrl);
        var policy = Assert.Single(result.Output);
        Assert.Equal("ImageBuilder.PS.Model.Ib.LifecyclePolicy", policy.TypeNames[0]);

        _f.Server.Enqueue(CannedResponse.Json(LifecycleSamples.Policy));
        var detail = _f.Render("Get-IbLifecyclePolicy -EndpointUrl $Endpoint -Arn " + LifecycleSamples.PolicyArn + " | Format-List");
        Assert.Contains("DELETE (AMIs, snapshots) older than 6 MONTHS, keeping at least 2; except tagged Keep=true", detail);
        Assert.Contains("DEPRECATE beyond the newest 10", detail);
        Assert.Matches(@"Selection\s+: recipe golden-windows 1\.x\.x", detail);
        _f.Server.Enqueue(CannedResponse.Json(LifecycleSamples.Policy));
        Assert.Matches(@"ENABLED\s+keep-six-months\s+AMI_IMAGE\s+2\s", _f.Render("Get-IbLifecyclePolicy -EndpointUrl $Endpoint -Arn " + LifecycleSamples.PolicyArn));
    }

    [Fact]
    public void NewPolicyBuildsRulesFromFlatHashtablesAndWritesThePolicy()
    {
        _f.Server.Enqueue(CannedResponse.Json(LifecycleSamples.Created), CannedResponse.Json(LifecycleSamples.Policy));
        var result = _f.Run(NewPolicy + """
            -Description 'Old images go' -Recipe @{ Name = 'golden-windows'; SemanticVersion = '1.x.x' } -Tag @{ Team = 'Platform' } -Rule @(
                @{ Action = 'DELETE'; Age = 6; Unit = 'MONTHS'; RetainAtLeast = 2; IncludeResources = 'Amis', 'Snapshots'; ExcludeTag = @{ Keep = 'true' } }
                @{ Action = 'DEPRECATE'; Count = 10 })
            """, Vars(("Role", LifecycleSamples.Role)));
        result.AssertSuccess();
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(new[] { "PUT /CreateLifecyclePolicy", "GET /GetLifecyclePolicy?lifecyclePolicyArn=" + Uri.EscapeDataString(LifecycleSamples.PolicyArn) }, requests.Select(r => r.Method + " " + r.RawUrl));
        var body = requests[0].Json;
        Assert.Equal("keep-six-months", body.GetProperty("name").GetString());
        Assert.Equal(LifecycleSamples.Role, body.GetProperty("executionRole").GetString());
        Assert.Equal("AMI_IMAGE", body.GetProperty("resourceType").GetString());
        Assert.Equal("Old images go", body.GetProperty("description").GetString());
        Assert.Equal("Platform", body.GetProperty("tags").GetProperty("Team").GetString());
        Assert.True(Guid.TryParse(body.GetProperty("clientToken").GetString(), out _));
        Assert.Equal("""{"recipes":[{"name":"golden-windows","semanticVersion":"1.x.x"}]}""", body.GetProperty("resourceSelection").GetRawText());
        var rules = body.GetProperty("policyDetails");
        Assert.Equal(2, rules.GetArrayLength());
        AssertJson("""{"type":"DELETE","includeResources":{"amis":true,"snapshots":true}}""", rules[0].GetProperty("action"));
        AssertJson("""{"type":"AGE","value":6,"unit":"MONTHS","retainAtLeast":2}""", rules[0].GetProperty("filter"));
        AssertJson("""{"tagMap":{"Keep":"true"}}""", rules[0].GetProperty("exclusionRules"));
        AssertJson("""{"action":{"type":"DEPRECATE"},"filter":{"type":"COUNT","value":10}}""", rules[1]);
        Assert.Equal("ImageBuilder.PS.Model.Ib.LifecyclePolicy", result.Output.Single().TypeNames[0]);
    }

    [Fact]
    public void NewPolicyTakesNestedHashtablesAndTheRulesOfAnotherPolicy()
    {
        _f.Server.Enqueue(CannedResponse.Json(LifecycleSamples.Policy), CannedResponse.Json(LifecycleSamples.Created), CannedResponse.Json(LifecycleSamples.Policy));
        var copy = _f.Run("$rules = (Get-IbLifecyclePolicy -EndpointUrl $Endpoint -Arn $Arn).PolicyDetails; " +
            "New-IbLifecyclePolicy -EndpointUrl $Endpoint keep-copy -ExecutionRole $Role -ResourceType CONTAINER_IMAGE -ResourceTag @{ Golden = 'yes' } -Rule $rules",
            Vars(("Arn", LifecycleSamples.PolicyArn), ("Role", LifecycleSamples.Role)));
        copy.AssertSuccess();
        var body = _f.Server.Requests.ElementAt(1).Json;
        Assert.Equal("CONTAINER_IMAGE", body.GetProperty("resourceType").GetString());
        Assert.Equal("""{"tagMap":{"Golden":"yes"}}""", body.GetProperty("resourceSelection").GetRawText());
        AssertJson("""{"type":"AGE","value":6,"unit":"MONTHS","retainAtLeast":2}""", body.GetProperty("policyDetails")[0].GetProperty("filter"));

        _f.Server.Reset();
        _f.Server.Enqueue(CannedResponse.Json(LifecycleSamples.Created), CannedResponse.Json(LifecycleSamples.Policy));
        _f.Run(NewPolicy + "-ResourceTag @{ Golden = 'yes' } -Rule @{ Action = @{ Type = 'DISABLE' }; Filter = @{ Type = 'AGE'; Value = 1; Unit = 'YEARS' }; ExcludeAmi = @{ IsPublic = $true; Regions = 'us-west-2' } }",
            Vars(("Role", LifecycleSamples.Role))).AssertSuccess();
        AssertJson("""{"action":{"type":"DISABLE"},"filter":{"type":"AGE","value":1,"unit":"YEARS"},"exclusionRules":{"amis":{"isPublic":true,"regions":["us-west-2"]}}}""",
            _f.Server.Requests.First().Json.GetProperty("policyDetails")[0]);
    }

    [Fact]
    public void NewPolicyWhatIfSendsNothing()
    {
        var result = _f.Run(NewPolicy + "-ResourceTag @{ Golden = 'yes' } -Rule @{ Action = 'DELETE'; Count = 5 } -WhatIf", Vars(("Role", LifecycleSamples.Role)));
        result.AssertSuccess();
        Assert.Empty(_f.Server.Requests);
        Assert.Contains("What if: Performing the operation \"Create lifecycle policy\" on target \"keep-six-months (AMI_IMAGE)\".", result.HostText);
    }

    [Theory]
    [InlineData("-ResourceTag @{ a = 'b' } -Rule @{ Action = 'DELETE'; Count = 0 }", "The value '0' of -Rule (policyDetails[0].filter.value) is not valid")]
    [InlineData("-ResourceTag @{ a = 'b' } -Rule @{ Action = 'DELETE' }", "-Rule (policyDetails[0].filter) is required")]
    [InlineData("-Recipe @{ Name = 'golden/windows'; SemanticVersion = '1.x.x' } -Rule @{ Action = 'DELETE'; Count = 5 }", "of -Recipe (recipes[0].name) is not valid")]
    [InlineData("-ResourceTag @{ 'aws:reserved' = 'b' } -Rule @{ Action = 'DELETE'; Count = 5 }", "of -ResourceTag")]
    [InlineData("-Rule @{ Action = 'DELETE'; Count = 5 }", "-Recipe or -ResourceTag is required")]
    public void NewPolicyRefusesBadInputAndSendsNothing(string arguments, string message)
    {
        var result = _f.Run(NewPolicy + arguments, Vars(("Role", LifecycleSamples.Role)));
        Assert.Empty(_f.Server.Requests);
        Assert.Null(result.Terminating);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(message, error.Exception.Message);
    }

    [Theory]
    [InlineData("@{ Action = 'DELETE'; Age = 3; Count = 5 }", "gives both Age and Count")]
    [InlineData("@{ Action = 'DELETE'; Count = 5; Keep = 1 }", "has no property 'Keep'. A rule takes: Action, Filter")]
    [InlineData("@{ Action = 'DELETE'; Count = 5; IncludeResources = 'Disks' }", "names 'Disks', which is not one of: Amis, Snapshots, Containers")]
    [InlineData("@{ Action = 'DELETE'; Count = 'many' }", "rule.Count takes a whole number")]
    [InlineData("'DELETE'", "must be a hashtable")]
    public void MalformedRulesAreRefusedWhenTheyAreBound(string rule, string message)
    {
        var result = _f.Run(NewPolicy + "-ResourceTag @{ a = 'b' } -Rule " + rule, Vars(("Role", LifecycleSamples.Role)));
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(result.Errors);
        Assert.Contains("Rule", error.Exception.Message);
        Assert.Contains(message, error.Exception.Message);
    }

    [Fact]
    public void UpdateChangesOnlyWhatIsPassedAndSendsTheRestBack()
    {
        _f.Server.Enqueue(CannedResponse.Json(LifecycleSamples.Summaries("keep-six-months")), CannedResponse.Json(LifecycleSamples.Policy),
            CannedResponse.Json(LifecycleSamples.Updated), CannedResponse.Json(LifecycleSamples.Policy.Replace("\"ENABLED\"", "\"DISABLED\"")));
        var result = _f.Run("Get-IbLifecyclePolicy -EndpointUrl $Endpoint -Name keep-six-months | Update-IbLifecyclePolicy -EndpointUrl $Endpoint -Status DISABLED");
        result.AssertSuccess();
        var requests = _f.Server.Requests.ToList();
        var get = "GET /GetLifecyclePolicy?lifecyclePolicyArn=" + Uri.EscapeDataString(LifecycleSamples.PolicyArn);
        Assert.Equal(new[] { "POST /ListLifecyclePolicies", get, "PUT /UpdateLifecyclePolicy", get }, requests.Select(r => r.Method + " " + r.RawUrl));
        var body = requests[2].Json;
        Assert.Equal(LifecycleSamples.PolicyArn, body.GetProperty("lifecyclePolicyArn").GetString());
        Assert.Equal("DISABLED", body.GetProperty("status").GetString());
        Assert.Equal("Old images go", body.GetProperty("description").GetString());
        Assert.Equal(LifecycleSamples.Role, body.GetProperty("executionRole").GetString());
        Assert.Equal("AMI_IMAGE", body.GetProperty("resourceType").GetString());
        Assert.Equal(2, body.GetProperty("policyDetails").GetArrayLength());
        AssertJson("""{"type":"DELETE","includeResources":{"amis":true,"snapshots":true}}""", body.GetProperty("policyDetails")[0].GetProperty("action"));
        Assert.Equal("""{"recipes":[{"name":"golden-windows","semanticVersion":"1.x.x"}]}""", body.GetProperty("resourceSelection").GetRawText());
        Assert.False(body.TryGetProperty("tags", out _));
        Assert.True(Guid.TryParse(body.GetProperty("clientToken").GetString(), out _));
        Assert.Equal("DISABLED", result.Output.Single().Properties["Status"].Value);
    }

    [Fact]
    public void UpdateReplacesTheRulesOrTheSelectionAsAWhole()
    {
        _f.Server.Enqueue(CannedResponse.Json(LifecycleSamples.Policy), CannedResponse.Json(LifecycleSamples.Updated), CannedResponse.Json(LifecycleSamples.Policy));
        _f.Run("Update-IbLifecyclePolicy -EndpointUrl $Endpoint $Arn -Rule @{ Action = 'DELETE'; Count = 3 } -ResourceTag @{ Golden = 'yes' } -ClientToken again-1",
            Vars(("Arn", LifecycleSamples.PolicyArn))).AssertSuccess();
        var body = _f.Server.Requests.ElementAt(1).Json;
        AssertJson("""[{"action":{"type":"DELETE"},"filter":{"type":"COUNT","value":3}}]""", body.GetProperty("policyDetails"));
        Assert.Equal("""{"tagMap":{"Golden":"yes"}}""", body.GetProperty("resourceSelection").GetRawText());
        Assert.Equal("again-1", body.GetProperty("clientToken").GetString());
        Assert.Equal("ENABLED", body.GetProperty("status").GetString());
    }

    [Fact]
    public void UpdateWhatIfOnlyReadsAndSaysWhatWouldChange()
    {
        _f.Server.Enqueue(CannedResponse.Json(LifecycleSamples.Policy));
        var result = _f.Run("Update-IbLifecyclePolicy -EndpointUrl $Endpoint $Arn -Description 'Older images go' -Status DISABLED -WhatIf", Vars(("Arn", LifecycleSamples.PolicyArn)));
        result.AssertSuccess();
        Assert.Equal(new[] { "GET" }, _f.Server.Requests.Select(r => r.Method));
        Assert.Contains($"What if: Performing the operation \"Update lifecycle policy (Description, Status)\" on target \"{LifecycleSamples.PolicyArn}\".", result.HostText);
    }

    [Fact]
    public void UpdateWithNothingToChangeWarnsAndWritesThePolicyAsItIs()
    {
        _f.Server.Enqueue(CannedResponse.Json(LifecycleSamples.Policy));
        var result = _f.Run("Update-IbLifecyclePolicy -EndpointUrl $Endpoint $Arn", Vars(("Arn", LifecycleSamples.PolicyArn)));
        result.AssertSuccess();
        Assert.Equal(new[] { "GET" }, _f.Server.Requests.Select(r => r.Method));
        Assert.Equal($"No change was given for {LifecycleSamples.PolicyArn}; nothing was sent.", Assert.Single(result.Warnings).Message);
        Assert.Equal("keep-six-months", result.Output.Single().Properties["Name"].Value);
    }

    [Fact]
    public void UpdateRefusesABadSelectionBeforeReading()
    {
        var bad = _f.Run("Update-IbLifecyclePolicy -EndpointUrl $Endpoint $Arn -Recipe @{ Name = 'golden-windows' }", Vars(("Arn", LifecycleSamples.PolicyArn)));
        Assert.Contains("-Recipe (recipes[0].semanticVersion) is required", Assert.Single(bad.Errors).Exception.Message);
        Assert.Empty(_f.Server.Requests);
    }

    [Fact]
    public void RemoveAsksFirstAndWithForceDeletes()
    {
        _f.Session.Host.Captured.ChoiceAnswer = 2; // [N] No
        _f.Run("Remove-IbLifecyclePolicy -EndpointUrl $Endpoint $Arn", Vars(("Arn", LifecycleSamples.PolicyArn))).AssertSuccess();
        Assert.Empty(_f.Server.Requests);
        Assert.Single(_f.Session.Host.Captured.Prompts, p => p.Contains(LifecycleSamples.PolicyArn));

        _f.Session.Host.Captured.ChoiceAnswer = -1;
        var whatIf = _f.Run("Remove-IbLifecyclePolicy -EndpointUrl $Endpoint $Arn -WhatIf", Vars(("Arn", LifecycleSamples.PolicyArn)));
        Assert.Contains($"What if: Performing the operation \"Delete lifecycle policy\" on target \"{LifecycleSamples.PolicyArn}\".", whatIf.HostText);
        Assert.Empty(_f.Server.Requests);

        _f.Server.Enqueue(CannedResponse.Json(LifecycleSamples.Updated));
        var result = _f.Run("[pscustomobject]@{ LifecyclePolicyArn = $Arn } | Remove-IbLifecyclePolicy -EndpointUrl $Endpoint -Force -PassThru",
            Vars(("Arn", LifecycleSamples.PolicyArn)));
        result.AssertSuccess();
        var delete = _f.Server.SingleRequest();
        Assert.Equal("DELETE /DeleteLifecyclePolicy?lifecyclePolicyArn=" + Uri.EscapeDataString(LifecycleSamples.PolicyArn), delete.Method + " " + delete.RawUrl);
        Assert.Equal(LifecycleSamples.PolicyArn, result.Output.Single().BaseObject);
    }

    private static void AssertJson(string expected, JsonElement actual) =>
        Assert.Equal(JsonSerializer.Serialize(JsonDocument.Parse(expected).RootElement), JsonSerializer.Serialize(actual));

    [Theory]
    [InlineData("Get-IbLifecyclePolicy -Arn arn:aws:imagebuilder:us-east-1:123456789012:image/golden-windows/1.0.0/3", "of -Arn is not valid: it must be a lifecycle policy ARN")]
    [InlineData("Get-IbLifecyclePolicy -MaxResults 30", "of -MaxResults is not valid")]
    [InlineData("Remove-IbLifecyclePolicy -Arn keep-six-months -Force", "of -Arn is not valid: it must be a lifecycle policy ARN")]
    [InlineData("Update-IbLifecyclePolicy -Arn keep-six-months -Status DISABLED", "of -Arn is not valid: it must be a lifecycle policy ARN")]
    public void ArnsThatAreNotPoliciesAreRefusedAndNothingIsSent(string command, string message)
    {
        var result = _f.Run(command + " -EndpointUrl $Endpoint");
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(message, error.Exception.Message);
    }
}
