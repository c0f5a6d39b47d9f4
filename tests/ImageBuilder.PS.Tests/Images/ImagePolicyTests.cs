using System.Management.Automation;
using ImageBuilder.PS.Tests.Support;
using static ImageBuilder.PS.Tests.Images.ImageSamples;

namespace ImageBuilder.PS.Tests.Images;

/// <summary>Get-IbImagePolicy and Set-IbImagePolicy: the resource policy that shares an image build.</summary>
public sealed class ImagePolicyTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public ImagePolicyTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
    }

    private static Dictionary<string, object?> Vars(params (string, object?)[] pairs) => pairs.ToDictionary(p => p.Item1, p => p.Item2);

    [Fact]
    public void GetWritesThePolicyTextOfEachBuild()
    {
        _f.Server.Default = request => request.Path == "/ListImageBuildVersions"
            ? CannedResponse.Json(BuildVersions(null, Build("golden-windows", "1.0.0", 1, "AVAILABLE"), Build("golden-windows", "1.0.0", 2, "AVAILABLE")))
            : CannedResponse.Json(ToJson(new Dictionary<string, object?> { ["requestId"] = "r", ["policy"] = Policy }));
        var result = _f.Run("Get-IbImage -EndpointUrl $Endpoint -Arn x -ErrorAction SilentlyContinue; [pscustomobject]@{ Arn = $Arn } | Get-IbImagePolicy -EndpointUrl $Endpoint",
            Vars(("Arn", VersionArn)));
        Assert.Equal(new[] { Policy, Policy }, result.Output.Select(o => (string)o.BaseObject));
        var gets = _f.Server.Requests.Where(r => r.Path == "/GetImagePolicy").ToList();
        Assert.Equal(new[] { "GET", "GET" }, gets.Select(r => r.Method));
        Assert.Equal("imageArn=" + Uri.EscapeDataString(VersionArn + "/1"), gets[0].Query);
        Assert.Equal("imageArn=" + Uri.EscapeDataString(VersionArn + "/2"), gets[1].Query);

        // A policy is text: it prints as the JSON the service holds.
        _f.Server.Reset();
        _f.Server.Enqueue(CannedResponse.Json(ToJson(new Dictionary<string, object?> { ["requestId"] = "r", ["policy"] = Policy })));
        Assert.Contains("\"Principal\":{\"AWS\":[\"210987654321\"]}", _f.Render("Get-IbImagePolicy -EndpointUrl $Endpoint " + BuildArn));
    }

    [Fact]
    public void GetReportsAMissingPolicyForItsBuild()
    {
        _f.Server.Enqueue(CannedResponse.Error(404, "ResourceNotFoundException", "No policy is attached."));
        var result = _f.Run("Get-IbImagePolicy -EndpointUrl $Endpoint $Arn", Vars(("Arn", BuildArn)));
        var error = Assert.Single(result.Errors);
        Assert.Equal("ResourceNotFoundException", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(BuildArn, error.TargetObject);
    }

    [Fact]
    public void SetSendsThePolicyAndPassThruWritesTheArn()
    {
        _f.Server.Enqueue(CannedResponse.Json(ToJson(new Dictionary<string, object?> { ["requestId"] = "r", ["imageArn"] = BuildArn })));
        var result = _f.Run("Set-IbImagePolicy -EndpointUrl $Endpoint $Arn $Policy -PassThru", Vars(("Arn", BuildArn), ("Policy", Policy)));
        result.AssertSuccess();
        var request = _f.Server.SingleRequest();
        Assert.Equal("PUT /PutImagePolicy", request.Method + " " + request.RawUrl);
        Assert.Equal(BuildArn, request.Json.GetProperty("imageArn").GetString());
        Assert.Equal(Policy, request.Json.GetProperty("policy").GetString());
        Assert.Equal(BuildArn, result.Output.Single().BaseObject);

        _f.Server.Reset();
        _f.Server.Enqueue(CannedResponse.Json(ToJson(new Dictionary<string, object?> { ["requestId"] = "r", ["imageArn"] = BuildArn })));
        var quiet = _f.Run("Set-IbImagePolicy -EndpointUrl $Endpoint $Arn $Policy", Vars(("Arn", BuildArn), ("Policy", Policy)));
        quiet.AssertSuccess();
        Assert.Empty(quiet.Output);
    }

    [Fact]
    public void SetWhatIfSendsNothingAndAnOversizedPolicyIsRefused()
    {
        var whatIf = _f.Run("Set-IbImagePolicy -EndpointUrl $Endpoint $Arn $Policy -WhatIf", Vars(("Arn", BuildArn), ("Policy", Policy)));
        whatIf.AssertSuccess();
        Assert.Empty(_f.Server.Requests);
        Assert.Contains($"What if: Performing the operation \"Set image policy\" on target \"{BuildArn}\".", whatIf.HostText);

        var bad = _f.Run("Set-IbImagePolicy -EndpointUrl $Endpoint $Arn -Policy ('x' * 30001)", Vars(("Arn", BuildArn)));
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(bad.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("-Policy is not valid: it must have at most 30000 characters", error.Exception.Message);
    }
}
