using ImageBuilder.PS.Emulator;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Recipes;

/// <summary>
/// The pipelines issue 4 promises, written exactly as a user would, run in the hosted engine against the emulator
/// (every cmdlet in them talks to it through $PSDefaultParameterValues). The approval of a waiting step lives in
/// tests/Pester/Workflows.Tests.ps1, in real pwsh.
/// </summary>
public sealed class PipelineRunTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public PipelineRunTests(EmulatorFixture fixture)
    {
        _f = fixture;
        _f.Emulator.Reset();
        _f.Emulator.SetClock(ClockMode.Stepped);
    }

    /// <summary>A component, a recipe on an Amazon Windows image, an infrastructure configuration and the nightly pipeline.</summary>
    private void CreateNightlyPipeline()
    {
        var setup = _f.Run("""
            $parent = Get-IbImage -Owner Amazon -Platform Windows | Select-Object -First 1
            $component = New-IbComponent -Name install-agent -SemanticVersion 1.0.0 -Platform Windows -Data $Doc
            $infra = New-IbInfrastructureConfiguration -Name build-infra -InstanceProfileName ImageBuilderInstanceRole
            New-IbRecipe -Name golden-windows -SemanticVersion 1.0.0 -ParentImage $parent.Arn -Component $component |
                New-IbPipeline -Name nightly -InfrastructureConfigurationArn $infra.Arn -ImageScanningEnabled
            """, new Dictionary<string, object?> { ["Doc"] = Samples.Document });
        setup.AssertSuccess();
        Assert.Equal("nightly", ((dynamic)setup.Output.Single()).Name);
    }

    private string BuildNightly()
    {
        var started = _f.Run("Get-IbPipeline -Name nightly | Start-IbPipeline");
        started.AssertSuccess();
        dynamic image = started.Output.Single();
        Assert.Equal("ImageBuilder.PS.Model.Ib.Image", started.Output.Single().TypeNames[0]);
        _f.AdvanceStages(8);
        return (string)image.Arn;
    }

    [Fact]
    public void StartingAPipelineFoundByNameBuildsAnImage()
    {
        CreateNightlyPipeline();
        var arn = BuildNightly();
        var done = _f.Run("Get-IbImage -Arn $Arn", new Dictionary<string, object?> { ["Arn"] = arn });
        done.AssertSuccess();
        Assert.Equal("AVAILABLE", ((dynamic)done.Output.Single()).State.Status);
    }

    [Fact]
    public void AvailableBuildsOfYourWindowsImages()
    {
        CreateNightlyPipeline();
        var first = BuildNightly();
        _f.Emulator.ArrangeFailure(new ArrangedFailure { Target = FailureTarget.ImageBuild, Stage = "TESTING", Reason = "tests failed" });
        BuildNightly();
        var result = _f.Run("Get-IbImage -Owner Self -Platform Windows | Get-IbImageBuildVersion | Where-Object Status -eq AVAILABLE");
        result.AssertSuccess();
        Assert.Equal(new[] { first }, result.Output.Select(o => (string)((dynamic)o).Arn));
    }

    [Fact]
    public void CriticalScanFindingsOfAnImage()
    {
        CreateNightlyPipeline();
        var arn = BuildNightly();
        var all = _f.Run("Get-IbImageScanFinding -ImageArn $Arn", new Dictionary<string, object?> { ["Arn"] = arn });
        all.AssertSuccess();
        var critical = _f.Run("Get-IbImageScanFinding -ImageArn $Arn | Where-Object Severity -eq CRITICAL", new Dictionary<string, object?> { ["Arn"] = arn });
        critical.AssertSuccess();
        Assert.NotEmpty(critical.Output);
        Assert.True(critical.Output.Count < all.Output.Count);
        Assert.All(critical.Output, f => Assert.Equal("CRITICAL", (string)((dynamic)f).Severity));
        Assert.Equal(all.Output.Count(f => (string)((dynamic)f).Severity == "CRITICAL"), critical.Output.Count);
    }

    [Fact]
    public void OldComponentsAreOnlyReportedWithWhatIf()
    {
        var setup = _f.Run("""
            New-IbComponent -Name old-agent -SemanticVersion 1.0.0 -Platform Windows -Data $Doc | Out-Null
            New-IbComponent -Name old-tools -SemanticVersion 2.0.0 -Platform Linux -Data $Doc | Out-Null
            New-IbComponent -Name current-agent -SemanticVersion 1.0.0 -Platform Windows -Data $Doc | Out-Null
            """, new Dictionary<string, object?> { ["Doc"] = Samples.Document });
        setup.AssertSuccess();
        var result = _f.Run("Get-IbComponent -Name old-* | Remove-IbComponent -WhatIf");
        result.AssertSuccess();
        Assert.Contains("component/old-agent/1.0.0/1\".", result.HostText);
        Assert.Contains("component/old-tools/2.0.0/1\".", result.HostText);
        Assert.DoesNotContain("current-agent", result.HostText);
        Assert.Equal(3, _f.Run("Get-IbComponent").Output.Count);
    }

    [Fact]
    public void AWindowsServerBuildIsRefusedByWorkSpacesAsTheServiceDoes()
    {
        CreateNightlyPipeline();
        var arn = BuildNightly();
        var refused = _f.Run("Get-IbImage -Arn $Arn | Import-IbWorkSpacesImage -IngestionProcess BYOL_REGULAR_WSP -ImageName winsrv -ImageDescription golden",
            new Dictionary<string, object?> { ["Arn"] = arn });
        Assert.Equal("WorkSpacesOsNotSupported", refused.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("this image is Microsoft Windows Server 2022", refused.Errors.Single().Exception.Message);
        Assert.Empty(_f.Run("Get-IbWorkSpacesImage").Output);

        // Sent anyway, the import is taken and ends in ERROR, as WorkSpaces ends it.
        var forced = _f.Run("Get-IbImage -Arn $Arn | Import-IbWorkSpacesImage -IngestionProcess BYOL_REGULAR_WSP -ImageName winsrv -ImageDescription golden -Force",
            new Dictionary<string, object?> { ["Arn"] = arn });
        forced.AssertSuccess();
        _f.AdvanceStages(3);
        dynamic ended = _f.Run("Get-IbWorkSpacesImage -ImageId $Id", new Dictionary<string, object?> { ["Id"] = (string)((dynamic)forced.Output.Single()).ImageId }).Output.Single();
        Assert.Equal("ERROR", (string)ended.State);
        Assert.Equal("OSNotSupported", (string)ended.ErrorCode);
    }
}
