using System.Management.Automation;
using ImageBuilder.PS.Tests.Support;
using static ImageBuilder.PS.Tests.Recipes.RecipeSamples;

namespace ImageBuilder.PS.Tests.Recipes;

/// <summary>Get-, New-, Update-, Remove-IbInfrastructureConfiguration: the wire, the objects, the views.</summary>
public sealed class InfrastructureConfigurationTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public InfrastructureConfigurationTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
        _f.Session.Host.Captured.ChoiceAnswer = -1;
    }

    private static Dictionary<string, object?> Vars(params (string, object?)[] pairs) => pairs.ToDictionary(p => p.Item1, p => p.Item2);

    private static string Line(RecordedRequest r) => r.Method + " " + r.RawUrl;

    private static readonly string GetLine = "GET /GetInfrastructureConfiguration?infrastructureConfigurationArn=" + Uri.EscapeDataString(InfraArn);

    [Fact]
    public void ListAndGetRenderReadably()
    {
        _f.Server.Enqueue(CannedResponse.Json(InfraSummaries("build-small", "build-large")));
        var result = _f.Run("Get-IbInfrastructureConfiguration -EndpointUrl $Endpoint build-small");
        result.AssertSuccess();
        var request = _f.Server.SingleRequest();
        Assert.Equal("POST /ListInfrastructureConfigurations", Line(request));
        Assert.Equal("""[{"name":"name","values":["build-small"]}]""", request.Json.GetProperty("filters").GetRawText());
        Assert.Equal("ImageBuilder.PS.Model.Ib.InfrastructureConfigurationSummary", result.Output[0].TypeNames[0]);
        Assert.Equal(InfraArn, result.Output[0].Properties["InfrastructureConfigurationArn"].Value);

        _f.Server.Enqueue(CannedResponse.Json(InfraSummaries("build-small", "build-large")));
        var table = _f.Render("Get-IbInfrastructureConfiguration -EndpointUrl $Endpoint -Name *large");
        Assert.Matches(@"Created\s+Name\s+InstanceTypes\s+InstanceProfile", table);
        Assert.Matches(@"2026-01-10 10:00\s+build-large\s+m5\.large, m5\.xlarge\s+ImageBuilderInstance", table);
        Assert.DoesNotContain("build-small", table);

        _f.Server.Enqueue(CannedResponse.Json(InfraSummaries("build-small")));
        Assert.Matches(@"InstanceTypes\s+: m5\.large, m5\.xlarge", _f.Render("Get-IbInfrastructureConfiguration -EndpointUrl $Endpoint | Format-List"));

        _f.Server.Enqueue(CannedResponse.Json(Infra));
        var full = _f.Run("Get-IbInfrastructureConfiguration -EndpointUrl $Endpoint -Arn $Arn", Vars(("Arn", InfraArn)));
        full.AssertSuccess();
        Assert.Equal(GetLine, Line(_f.Server.Requests.Last()));
        Assert.Equal("ImageBuilder.PS.Model.Ib.InfrastructureConfiguration", full.Output.Single().TypeNames[0]);

        _f.Server.Enqueue(CannedResponse.Json(Infra));
        var row = _f.Render("Get-IbInfrastructureConfiguration -EndpointUrl $Endpoint -Arn " + InfraArn);
        Assert.Matches(@"2026-01-11 10:00\s+build-small\s+m5\.large\s+ImageBuilderInstance\S*\s+subnet-0123456789abcdef0", row);

        _f.Server.Enqueue(CannedResponse.Json(Infra));
        var list = _f.Render("Get-IbInfrastructureConfiguration -EndpointUrl $Endpoint -Arn " + InfraArn + " | Format-List");
        Assert.Matches(@"SecurityGroups\s+: sg-0123456789abcdef0", list);
        Assert.Matches(@"Logs\s+: s3://build-logs/imagebuilder/", list);
        Assert.Matches(@"InstanceMetadata\s+: tokens required, hop limit 2", list);
        Assert.Matches(@"ResourceTags\s+: CostCenter=42", list);
        Assert.DoesNotContain("ImageBuilder.PS.Model", list);
    }

    [Fact]
    public void NewSendsTheConfigurationAndWritesIt()
    {
        _f.Server.Enqueue(CannedResponse.Json(Created("infrastructureConfigurationArn", InfraArn)), CannedResponse.Json(Infra));
        var result = _f.Run("""
            New-IbInfrastructureConfiguration -EndpointUrl $Endpoint build-small -InstanceProfileName ImageBuilderInstance -InstanceType m5.large, m5.xlarge `
                -SubnetId subnet-0123456789abcdef0 -SecurityGroupId sg-0123456789abcdef0 -KeyPair debug-key -TerminateInstanceOnFailure $false `
                -SnsTopicArn arn:aws:sns:us-east-1:123456789012:builds -S3LogBucketName build-logs -S3LogKeyPrefix imagebuilder/ `
                -InstanceMetadataOptions @{ HttpTokens = 'required'; HttpPutResponseHopLimit = 2 } -Placement @{ Tenancy = 'dedicated' } `
                -ResourceTag @{ CostCenter = '42' } -Tag @{ Team = 'Platform' } -Description 'Small builders'
            """);
        result.AssertSuccess();
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(new[] { "PUT /CreateInfrastructureConfiguration", GetLine }, requests.Select(Line));
        var body = requests[0].Json;
        Assert.Equal("build-small", body.GetProperty("name").GetString());
        Assert.Equal("ImageBuilderInstance", body.GetProperty("instanceProfileName").GetString());
        Assert.Equal("""["m5.large","m5.xlarge"]""", body.GetProperty("instanceTypes").GetRawText());
        Assert.Equal("""["sg-0123456789abcdef0"]""", body.GetProperty("securityGroupIds").GetRawText());
        Assert.False(body.GetProperty("terminateInstanceOnFailure").GetBoolean());
        Assert.Equal("""{"s3Logs":{"s3BucketName":"build-logs","s3KeyPrefix":"imagebuilder/"}}""", body.GetProperty("logging").GetRawText());
        Assert.Equal("""{"httpTokens":"required","httpPutResponseHopLimit":2}""", body.GetProperty("instanceMetadataOptions").GetRawText());
        Assert.Equal("""{"tenancy":"dedicated"}""", body.GetProperty("placement").GetRawText());
        Assert.Equal("42", body.GetProperty("resourceTags").GetProperty("CostCenter").GetString());
        Assert.Equal("Platform", body.GetProperty("tags").GetProperty("Team").GetString());
        Assert.True(Guid.TryParse(body.GetProperty("clientToken").GetString(), out _));
        Assert.Equal("ImageBuilder.PS.Model.Ib.InfrastructureConfiguration", result.Output.Single().TypeNames[0]);
    }

    [Fact]
    public void NewWhatIfSendsNothingAndBadInputIsRefused()
    {
        var whatIf = _f.Run("New-IbInfrastructureConfiguration -EndpointUrl $Endpoint build-small -InstanceProfileName ImageBuilderInstance -WhatIf");
        whatIf.AssertSuccess();
        Assert.Empty(_f.Server.Requests);
        Assert.Contains("What if: Performing the operation \"Create infrastructure configuration\" on target \"build-small\".", whatIf.HostText);

        var bad = _f.Run("New-IbInfrastructureConfiguration -EndpointUrl $Endpoint build-small -InstanceProfileName 'has space' -SnsTopicArn builds");
        Assert.Empty(_f.Server.Requests);
        var messages = bad.Errors.Select(e => e.Exception.Message).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.StartsWith("The value 'has space' of -InstanceProfileName is not valid: it must match the pattern", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("The value 'builds' of -SnsTopicArn is not valid", StringComparison.Ordinal));
        Assert.All(bad.Errors, e => Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category));

        var prefixOnly = _f.Run("New-IbInfrastructureConfiguration -EndpointUrl $Endpoint build-small -InstanceProfileName ImageBuilderInstance -S3LogKeyPrefix logs/");
        Assert.Empty(_f.Server.Requests);
        Assert.Equal("-S3LogKeyPrefix needs -S3LogBucketName: the prefix is a folder in that bucket.", Assert.Single(prefixOnly.Errors).Exception.Message);
    }

    [Fact]
    public void UpdateKeepsWhatIsNotGivenAndClearsWhatIsEmptied()
    {
        _f.Server.Enqueue(CannedResponse.Json(Infra), CannedResponse.Json(Created("infrastructureConfigurationArn", InfraArn)), CannedResponse.Json(Infra));
        var result = _f.Run("[pscustomobject]@{ InfrastructureConfigurationArn = $Arn } | Update-IbInfrastructureConfiguration -EndpointUrl $Endpoint -InstanceType m6i.large -KeyPair '' -S3LogKeyPrefix nightly/",
            Vars(("Arn", InfraArn)));
        result.AssertSuccess();
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(new[] { GetLine, "PUT /UpdateInfrastructureConfiguration", GetLine }, requests.Select(Line));
        var body = requests[1].Json;
        Assert.Equal(InfraArn, body.GetProperty("infrastructureConfigurationArn").GetString());
        Assert.Equal("""["m6i.large"]""", body.GetProperty("instanceTypes").GetRawText());
        Assert.False(body.TryGetProperty("keyPair", out _));
        Assert.Equal("""{"s3Logs":{"s3BucketName":"build-logs","s3KeyPrefix":"nightly/"}}""", body.GetProperty("logging").GetRawText());
        Assert.Equal("ImageBuilderInstance", body.GetProperty("instanceProfileName").GetString());
        Assert.Equal("subnet-0123456789abcdef0", body.GetProperty("subnetId").GetString());
        Assert.Equal("""["sg-0123456789abcdef0"]""", body.GetProperty("securityGroupIds").GetRawText());
        Assert.True(body.GetProperty("terminateInstanceOnFailure").GetBoolean());
        Assert.Equal("arn:aws:sns:us-east-1:123456789012:builds", body.GetProperty("snsTopicArn").GetString());
        Assert.Equal("""{"httpTokens":"required","httpPutResponseHopLimit":2}""", body.GetProperty("instanceMetadataOptions").GetRawText());
        Assert.Equal("42", body.GetProperty("resourceTags").GetProperty("CostCenter").GetString());
        Assert.False(body.TryGetProperty("tags", out _));
        Assert.Equal("ImageBuilder.PS.Model.Ib.InfrastructureConfiguration", result.Output.Single().TypeNames[0]);

        _f.Server.Reset();
        _f.Server.Enqueue(CannedResponse.Json(Infra));
        var whatIf = _f.Run("Update-IbInfrastructureConfiguration -EndpointUrl $Endpoint $Arn -S3LogBucketName '' -WhatIf", Vars(("Arn", InfraArn)));
        whatIf.AssertSuccess();
        Assert.Equal(new[] { GetLine }, _f.Server.Requests.Select(Line));
        Assert.Contains($"What if: Performing the operation \"Update infrastructure configuration (S3LogBucketName)\" on target \"{InfraArn}\".", whatIf.HostText);

        _f.Server.Reset();
        _f.Server.Enqueue(CannedResponse.Json(Infra));
        var bad = _f.Run("Update-IbInfrastructureConfiguration -EndpointUrl $Endpoint $Arn -SnsTopicArn not-a-topic", Vars(("Arn", InfraArn)));
        Assert.Single(_f.Server.Requests);
        Assert.Contains("of -SnsTopicArn is not valid", Assert.Single(bad.Errors).Exception.Message);
    }

    [Fact]
    public void RemoveDeletesWithForceAndReportsDependencies()
    {
        _f.Server.Enqueue(CannedResponse.Json($"{{\"requestId\":\"r\",\"infrastructureConfigurationArn\":\"{InfraArn}\"}}"));
        var removed = _f.Run("Remove-IbInfrastructureConfiguration -EndpointUrl $Endpoint $Arn -Force -PassThru", Vars(("Arn", InfraArn)));
        removed.AssertSuccess();
        Assert.Equal("DELETE /DeleteInfrastructureConfiguration?infrastructureConfigurationArn=" + Uri.EscapeDataString(InfraArn), Line(_f.Server.SingleRequest()));
        Assert.Equal(InfraArn, removed.Output.Single().BaseObject);

        _f.Server.Reset();
        var whatIf = _f.Run("Remove-IbInfrastructureConfiguration -EndpointUrl $Endpoint $Arn -WhatIf", Vars(("Arn", InfraArn)));
        Assert.Empty(_f.Server.Requests);
        Assert.Contains($"What if: Performing the operation \"Delete infrastructure configuration\" on target \"{InfraArn}\".", whatIf.HostText);

        var bad = _f.Run("Remove-IbInfrastructureConfiguration -EndpointUrl $Endpoint $Arn -Force", Vars(("Arn", DistArn)));
        Assert.Empty(_f.Server.Requests);
        Assert.Contains("of -Arn is not valid", Assert.Single(bad.Errors).Exception.Message);

        _f.Server.Enqueue(CannedResponse.Error(400, "ResourceDependencyException", "A pipeline uses this configuration."));
        var busy = _f.Run("Remove-IbInfrastructureConfiguration -EndpointUrl $Endpoint $Arn -Force", Vars(("Arn", InfraArn)));
        Assert.Equal(ErrorCategory.ResourceBusy, Assert.Single(busy.Errors).CategoryInfo.Category);
    }
}
