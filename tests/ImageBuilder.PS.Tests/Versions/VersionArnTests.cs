using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Versions;

/// <summary>Version ARNs from Get- list forms piped into cmdlets whose operation wants one build.</summary>
public sealed class VersionArnTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public VersionArnTests(EmulatorFixture fixture)
    {
        _f = fixture;
        _f.Emulator.Reset();
    }

    [Fact]
    public void TagsOfAVersionGoToEachOfItsBuilds()
    {
        _f.Run("New-IbComponent -Name tagged -SemanticVersion 1.0.0 -Platform Windows -Data $Doc | Out-Null",
            new Dictionary<string, object?> { ["Doc"] = Samples.Document }).AssertSuccess();

        var added = _f.Run("Get-IbComponent -Name tagged | Add-IbTag -Tag @{ Golden = 'yes'; Team = 'platform' } -PassThru");
        added.AssertSuccess();
        Assert.EndsWith(":component/tagged/1.0.0/1", Assert.Single(added.Output).ToString());

        var tags = _f.Run("Get-IbComponent -Name tagged | Get-IbTag");
        tags.AssertSuccess();
        Assert.Equal("yes", ((System.Collections.Hashtable)Assert.Single(tags.Output).BaseObject)["Golden"]);

        _f.Run("Get-IbComponent -Name tagged | Remove-IbTag -TagKey Golden").AssertSuccess();
        var after = (System.Collections.Hashtable)_f.Run("Get-IbComponent -Name tagged | Get-IbTag").Output.Single().BaseObject;
        Assert.False(after.ContainsKey("Golden"));
        Assert.Equal("platform", after["Team"]);

        var whatIf = _f.Run("Get-IbComponent -Name tagged | Add-IbTag -Tag @{ Stage = 'test' } -WhatIf");
        Assert.Contains(":component/tagged/1.0.0/1\".", whatIf.HostText);
    }
}
