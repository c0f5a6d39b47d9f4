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
        Assert.Equal(new[] { Policy, Policy }, result.Output.Select(o => (string)o.Properties["Policy"].Value));
        Assert.Equal(new[] { VersionArn + "/1", VersionArn + "/2" }, result.Output.Select(o => (string)o.Properties["Arn"].Value));
        var gets = _f.Server.Requests.Where(r => r.Path == "/GetImagePolicy").ToList();
        Assert.Equal(new[] { "GET", "GET" }, gets.Select(r => r.Method));
        Assert.Equal("imageArn=" + Uri.EscapeDataString(VersionArn + "/1"), gets[0].Query);
        Assert.Equal("imageArn=" + Uri.EscapeDataString(VersionArn + "/2"), gets[1].Query);

        // The table says whose policy shares with whom; the list view shows the JSON.
        _f.Server.Reset();
        _f.Server.Enqueue(CannedResponse.Json(ToJson(new Dictionary<string, object?> { ["requestId"] = "r", ["policy"] = Policy })));
        var table = _f.Render("Get-IbImagePolicy -EndpointUrl $Endpoint " + BuildArn);
        Assert.Matches(@"Resource\s+Principals\s+Actions", table);
        Assert.Matches(@"golden-windows/1\.0\.0/3\s+210987654321\s+imagebuilder:GetImage", table);
        _f.Server.Enqueue(CannedResponse.Json(ToJson(new Dictionary<string, object?> { ["requestId"] = "r", ["policy"] = Policy })));
        var list = _f.Render("Get-IbImagePolicy -EndpointUrl $Endpoint " + BuildArn + " | Format-List");
        Assert.Matches(@"Arn\s+: " + System.Text.RegularExpressions.Regex.Escape(BuildArn), list);
        Assert.Contains("\"Principal\":{\"AWS\":[\"210987654321\"]}", list);
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
        Assert.Equal("ImageBuilder.PS.Model.Ib.ResourcePolicy", result.Output.Single().TypeNames[0]);
        Assert.Equal(BuildArn, result.Output.Single().Properties["Arn"].Value);

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

        var bad = _f.Run("Set-IbImagePolicy -EndpointUrl $Endpoint $Arn -Policy ('{\"Sid\":\"' + 'x' * 30000 + '\"}')", Vars(("Arn", BuildArn)));
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(bad.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("-Policy is not valid: it must have at most 30000 characters", error.Exception.Message);
    }

    [Theory]
    [InlineData("Set-IbImagePolicy")]
    [InlineData("Set-IbComponentPolicy")]
    [InlineData("Set-IbRecipePolicy")]
    [InlineData("Set-IbContainerRecipePolicy")]
    public void SetTakesAHashtableAsThePolicyAndRefusesTextThatIsNotAJsonObject(string cmdlet)
    {
        var arn = cmdlet switch
        {
            "Set-IbComponentPolicy" => "arn:aws:imagebuilder:us-east-1:123456789012:component/web-setup/1.0.0/1",
            "Set-IbRecipePolicy" => RecipeArn,
            "Set-IbContainerRecipePolicy" => ContainerRecipeArn,
            _ => BuildArn,
        };
        _f.Server.Default = _ => CannedResponse.Json("{\"requestId\":\"r\"}");
        var result = _f.Run(cmdlet + """
             -EndpointUrl $Endpoint $Arn -Policy @{
                Version = '2012-10-17'
                Statement = @([ordered]@{ Effect = 'Allow'; Principal = @{ AWS = @('210987654321') }; Action = 'imagebuilder:GetImage'; Resource = '*' })
            } -PassThru
            """, Vars(("Arn", arn)));
        result.AssertSuccess();
        var sent = System.Text.Json.JsonDocument.Parse(_f.Server.SingleRequest().Json.GetProperty("policy").GetString()!).RootElement;
        Assert.Equal("2012-10-17", sent.GetProperty("Version").GetString());
        var statement = Assert.Single(sent.GetProperty("Statement").EnumerateArray().ToList());
        Assert.Equal("""{"Effect":"Allow","Principal":{"AWS":["210987654321"]},"Action":"imagebuilder:GetImage","Resource":"*"}""", statement.GetRawText());
        Assert.Equal(arn, result.Output.Single().Properties["Arn"].Value);

        // A PSCustomObject, as ConvertFrom-Json gives, is written back the same way.
        _f.Server.Requests.Clear();
        _f.Run(cmdlet + " -EndpointUrl $Endpoint $Arn -Policy ($Policy | ConvertFrom-Json)", Vars(("Arn", arn), ("Policy", Policy))).AssertSuccess();
        Assert.Equal(Policy, _f.Server.SingleRequest().Json.GetProperty("policy").GetString());

        foreach (var text in new[] { "not json", "[1, 2]", "{\"Version\":" })
        {
            _f.Server.Requests.Clear();
            var bad = _f.Run(cmdlet + " -EndpointUrl $Endpoint $Arn -Policy $Text", Vars(("Arn", arn), ("Text", text)));
            Assert.Empty(_f.Server.Requests);
            var error = Assert.Single(bad.Errors);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("of -Policy is not valid", error.Exception.Message);
        }
    }

    [Fact]
    public void PoliciesReadForSeveralResourcesSayWhichIsWhich()
    {
        _f.Server.Default = request => request.Path == "/ListComponents"
            ? CannedResponse.Json("""{"requestId":"r","componentVersionList":[{"arn":"arn:aws:imagebuilder:us-east-1:123456789012:component/web-setup/1.0.0","name":"web-setup","version":"1.0.0"},{"arn":"arn:aws:imagebuilder:us-east-1:123456789012:component/db-setup/2.0.0","name":"db-setup","version":"2.0.0"}]}""")
            : request.Path == "/ListComponentBuildVersions"
                ? CannedResponse.Json("{\"requestId\":\"r\",\"componentSummaryList\":[{\"arn\":\"" + request.Json.GetProperty("componentVersionArn").GetString() + "/1\"}]}")
                : CannedResponse.Json(ToJson(new Dictionary<string, object?> { ["requestId"] = "r", ["policy"] = Policy }));
        var table = _f.Render("Get-IbComponent -EndpointUrl $Endpoint | Get-IbComponentPolicy -EndpointUrl $Endpoint");
        Assert.Matches(@"web-setup/1\.0\.0/1\s+210987654321\s+imagebuilder:GetImage", table);
        Assert.Matches(@"db-setup/2\.0\.0/1\s+210987654321\s+imagebuilder:GetImage", table);
    }
}
