using ImageBuilder.PS.Emulator;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Examples;

/// <summary>The example runbooks under examples/, run against the emulator the way a scheduler would run them.</summary>
public sealed class RunbookTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public RunbookTests(EmulatorFixture fixture)
    {
        _f = fixture;
        _f.Emulator.Reset();
        _f.Emulator.SetClock(ClockMode.Scaled, 40);
    }

    private static string Example(string name) => Path.Combine(PowerShellSession.RepoRoot, "examples", name);

    private void CreateNightlyPipeline()
    {
        _f.Run("""
            $parent = Get-IbImage -Owner Amazon -Platform Windows | Select-Object -First 1
            $component = New-IbComponent -Name install-agent -SemanticVersion 1.0.0 -Platform Windows -Data $Doc
            $infra = New-IbInfrastructureConfiguration -Name build-infra -InstanceProfileName ImageBuilderInstanceRole
            New-IbRecipe -Name golden-windows -SemanticVersion 1.0.0 -ParentImage $parent.Arn -Component $component |
                New-IbPipeline -Name golden-windows-nightly -InfrastructureConfigurationArn $infra.Arn | Out-Null
            """, new Dictionary<string, object?> { ["Doc"] = Samples.Document }).AssertSuccess();
    }

    [Fact]
    public void NightlyRebuildKeepsTheNewestBuildsAndWhatIfTouchesNothing()
    {
        CreateNightlyPipeline();
        var script = Example("nightly-rebuild.ps1");
        for (int i = 0; i < 3; i++)
        {
            _f.Run("& $Script -PipelineName golden-windows-nightly -Keep 2", new Dictionary<string, object?> { ["Script"] = script }).AssertSuccess();
        }
        var builds = _f.Run("Get-IbImage -Name golden-windows | Get-IbImageBuildVersion | ForEach-Object Arn");
        Assert.Equal(new[] { "/2", "/3" }, builds.Output.Select(o => o.ToString()![^2..]).Order());

        var whatIf = _f.Run("& $Script -PipelineName golden-windows-nightly -Keep 1 -WhatIf", new Dictionary<string, object?> { ["Script"] = script });
        whatIf.AssertSuccess();
        Assert.Contains("Start the pipeline and wait for its image", whatIf.HostText);
        Assert.Contains("image/golden-windows/1.0.0/2", whatIf.HostText);
        Assert.Equal(2, _f.Run("Get-IbImage -Name golden-windows | Get-IbImageBuildVersion").Output.Count);
    }

    [Fact]
    public void WithAnExecutionRoleOldBuildsGoWithTheirAmis()
    {
        CreateNightlyPipeline();
        var script = Example("nightly-rebuild.ps1");
        _f.Run("& $Script -PipelineName golden-windows-nightly -Keep 1", new Dictionary<string, object?> { ["Script"] = script }).AssertSuccess();
        var result = _f.Run("& $Script -PipelineName golden-windows-nightly -Keep 1 -ExecutionRole ImageBuilderLifecycleRole", new Dictionary<string, object?> { ["Script"] = script });
        result.AssertSuccess();
        Assert.Matches(@"^Deleted with AMIs and snapshots: lifecycle run \S+ SUCCESS$", result.Output.Last().ToString());
        var states = _f.Run("Get-IbImage -Name golden-windows | Get-IbImageBuildVersion | ForEach-Object Status").Output.Select(o => o.ToString());
        Assert.Equal(new[] { "AVAILABLE" }, states);
    }

    [Fact]
    public void AFailedNightlyBuildStopsTheRunbookAndDeletesNothing()
    {
        CreateNightlyPipeline();
        var script = Example("nightly-rebuild.ps1");
        _f.Run("& $Script -PipelineName golden-windows-nightly -Keep 1", new Dictionary<string, object?> { ["Script"] = script }).AssertSuccess();
        _f.Emulator.ArrangeFailure(new ArrangedFailure { Target = FailureTarget.ImageBuild, Stage = "BUILDING", Reason = "component install-agent failed" });
        var failed = _f.Run("& $Script -PipelineName golden-windows-nightly -Keep 1", new Dictionary<string, object?> { ["Script"] = script });
        Assert.Contains("component install-agent failed", failed.Terminating?.Message ?? string.Join(" ", failed.Errors.Select(e => e.ToString())));
        Assert.Equal(2, _f.Run("Get-IbImage -Name golden-windows | Get-IbImageBuildVersion").Output.Count);
    }

    [Fact]
    public void AnIsoBecomesAnImageWithAnAmi()
    {
        var result = _f.Run("& $Script -Uri s3://isos/Win11_24H2_Enterprise_English_x64.iso", new Dictionary<string, object?> { ["Script"] = Example("import-windows11-iso.ps1") });
        result.AssertSuccess();
        Assert.Matches(@"^Windows 11 is now arn:aws:imagebuilder:us-east-1:123456789012:image/windows-11-from-iso/1\.0\.0/1, AMI ami-\w+ in us-east-1\.$", result.Output.Last().ToString());
    }

    [Fact]
    public void TheNewestPipelineImageGoesToAppStream()
    {
        CreateNightlyPipeline();
        _f.Run("Get-IbPipeline -Name golden-windows-nightly | Start-IbPipeline -Wait -PollInterval 0.05").AssertSuccess();
        var result = _f.Run("& $Script -PipelineName golden-windows-nightly -AppStreamImageName golden-2026-11 -IamRoleArn arn:aws:iam::123456789012:role/AppStreamImageImport",
            new Dictionary<string, object?> { ["Script"] = Example("appstream-handoff.ps1") });
        result.AssertSuccess();
        Assert.Equal("AppStream image golden-2026-11 is AVAILABLE.", result.Output.Last().ToString());
    }

    [Fact]
    public void CiPublishCreatesOnlyWhatChangedAndWhatIfCreatesNothing()
    {
        var folder = Directory.CreateTempSubdirectory("ibps-ci-").FullName;
        try
        {
            var components = Directory.CreateDirectory(Path.Combine(folder, "components")).FullName;
            File.WriteAllText(Path.Combine(components, "install-agent.yaml"), Samples.Document);
            File.WriteAllText(Path.Combine(components, "set-timezone.yaml"), Samples.Document.Replace("Write-Host hi", "Set-TimeZone -Id UTC"));
            var vars = new Dictionary<string, object?> { ["Script"] = Example("ci-publish.ps1"), ["Folder"] = folder };
            const string run = "$parent = (Get-IbImage -Owner Amazon -Platform Windows | Select-Object -First 1).Arn; & $Script -Path $Folder -RecipeName golden-windows -Platform Windows -ParentImage $parent";

            var first = _f.Run(run, vars);
            first.AssertSuccess();
            Assert.Contains("image recipe golden-windows 1.0.0: arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/golden-windows/1.0.0", first.Output.Select(o => o.ToString()));

            var second = _f.Run(run, vars);
            second.AssertSuccess();
            Assert.Contains("  The image recipe golden-windows 1.0.0 is what was given; nothing was created.", second.Output.Select(o => o.ToString()));
            Assert.Equal(2, _f.Run("Get-IbComponent").Output.Count);

            File.WriteAllText(Path.Combine(components, "set-timezone.yaml"), Samples.Document.Replace("Write-Host hi", "Set-TimeZone -Id Tokyo"));
            var whatIf = _f.Run(run + " -WhatIf", vars);
            whatIf.AssertSuccess();
            Assert.Contains("Create component version 1.0.1 because 1.0.0 differs in Document", whatIf.HostText);
            Assert.Contains("image recipe golden-windows: compared once its components are published", whatIf.Output.Select(o => o.ToString()));
            Assert.Single(_f.Run("Get-IbRecipe").Output);

            var third = _f.Run(run, vars);
            third.AssertSuccess();
            Assert.Contains("image recipe golden-windows 1.0.1: arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/golden-windows/1.0.1", third.Output.Select(o => o.ToString()));
            Assert.Equal(3, _f.Run("Get-IbComponent").Output.Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
