using System.Management.Automation;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Completion;

/// <summary>Tab completion: known values from the model, live names and ARNs from the service, and silence on failure.</summary>
public sealed class ArgumentCompletionTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public ArgumentCompletionTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
    }

    private List<string> Complete(string line)
    {
        var result = _f.Run("(TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | ForEach-Object CompletionText",
            new Dictionary<string, object?> { ["Line"] = line });
        result.AssertSuccess();
        return result.Output.Select(o => o.ToString()).ToList();
    }

    [Fact]
    public void KnownValuesComeFromTheModel()
    {
        Assert.Equal(new[] { "Windows" }, Complete("Get-IbImage -Platform Win"));
        Assert.Equal(new[] { "Amazon", "AWSMarketplace" }, Complete("Get-IbComponent -Owner A"));
        Assert.Contains("eu-west-1", Complete("Get-IbImage -Region eu-w"));
        Assert.Contains("cn-north-1", Complete("Get-IbImage -Region cn-"));
    }

    [Fact]
    public void ProfileNamesComeFromTheFileOnTheLine()
    {
        var file = Path.Combine(TestEnvironment.Home, "completion-profiles-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(file, "[build]\naws_access_key_id = AKIDBUILD\naws_secret_access_key = build-secret\n\n[builder two]\naws_access_key_id = AKIDTWO\naws_secret_access_key = two-secret\n\n[other]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = other-secret\n");
        Assert.Equal(new[] { "build", "'builder two'" }, Complete($"Get-IbImage -ProfileLocation '{file}' -ProfileName bu"));
        Assert.Empty(Complete($"Get-IbImage -ProfileLocation '{file}-missing' -ProfileName bu"));
        Assert.Empty(_f.Server.Requests);
    }

    [Fact]
    public void NamesAndArnsComeFromTheServiceUsingTheLinesConnection()
    {
        _f.Server.Default = _ => CannedResponse.Json(Samples.ComponentVersions("install-agent", "install-tools", "harden-os"));
        var names = Complete($"Get-IbComponent -EndpointUrl {_f.Server.Url} -Name inst");
        Assert.Equal(new[] { "install-agent", "install-tools" }, names);
        Assert.Equal("/ListComponents", _f.Server.Requests.First().RawUrl);
        var arns = Complete($"Remove-IbComponent -EndpointUrl {_f.Server.Url} -Arn arn:aws:imagebuilder:us-east-1:123456789012:component/h");
        Assert.Equal(new[] { "arn:aws:imagebuilder:us-east-1:123456789012:component/harden-os/1.0.0" }, arns);
    }

    [Fact]
    public void AFailingServiceGivesNoCompletionsAndNoError()
    {
        _f.Server.Default = _ => CannedResponse.Error(403, "AccessDeniedException", "no");
        var result = _f.Run("(TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.Count",
            new Dictionary<string, object?> { ["Line"] = $"Get-IbImage -EndpointUrl {_f.Server.Url} -AccessKey AKIDDENIED -SecretKey x -Name gold" });
        result.AssertSuccess();
        Assert.Equal(0, (int)result.Output.Single().BaseObject);
        Assert.Empty(result.HostText.Trim());
    }
}
