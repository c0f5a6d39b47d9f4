using System.Management.Automation;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Completion;

/// <summary>
/// Live tab completion of names and ARNs against the emulator, for every kind of resource a cmdlet takes by name or
/// ARN. The session reaches the emulator only through $PSDefaultParameterValues, as a user's profile would set it:
/// completion must use those settings too, or it offers nothing.
/// </summary>
public sealed class LiveCompletionTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public LiveCompletionTests(EmulatorFixture fixture)
    {
        _f = fixture;
        _f.Emulator.Reset();
    }

    private List<(string Text, string Tooltip)> Complete(string line)
    {
        var result = _f.Run("(TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches", new Dictionary<string, object?> { ["Line"] = line });
        result.AssertSuccess();
        return result.Output.Select(o => (CompletionResult)o.BaseObject).Select(c => (c.CompletionText, c.ToolTip)).ToList();
    }

    private dynamic CreateResources()
    {
        var setup = _f.Run("""
            $parent = Get-IbImage -Owner Amazon -Platform Windows | Select-Object -First 1
            $component = New-IbComponent -Name install-agent -SemanticVersion 1.0.0 -Platform Windows -Data $Doc
            $infra = New-IbInfrastructureConfiguration -Name build-infra -InstanceProfileName ImageBuilderInstanceRole
            $distribution = New-IbDistributionConfiguration -Name two-regions -Distribution @{ Region = 'us-east-1' }, @{ Region = 'eu-west-1' }
            $recipe = New-IbRecipe -Name golden-windows -SemanticVersion 1.0.0 -ParentImage $parent.Arn -Component $component
            $pipeline = $recipe | New-IbPipeline -Name nightly -InfrastructureConfigurationArn $infra.Arn -DistributionConfigurationArn $distribution.Arn
            $workflow = New-IbWorkflow -Name approval-gate -SemanticVersion 1.0.0 -Type BUILD -Data $Workflow
            $policy = New-IbLifecyclePolicy -Name keep-ten -ExecutionRole ImageBuilderLifecycleRole -Recipe @{ Name = 'golden-windows'; SemanticVersion = '1.x.x' } -Rule @{ Action = 'DELETE'; Count = 10 }
            [pscustomobject]@{ Infra = $infra.Arn; Distribution = $distribution.Arn; Recipe = $recipe.Arn; Pipeline = $pipeline.Arn; Workflow = $workflow.Arn; Policy = $policy.Arn }
            """, new Dictionary<string, object?> { ["Doc"] = Samples.Document, ["Workflow"] = "schemaVersion: 1.0\nsteps:\n  - name: Approval\n    action: WaitForAction\n" });
        setup.AssertSuccess();
        return setup.Output.Single();
    }

    [Fact]
    public void NamesComeFromTheEmulatorThroughTheDefaultParameterValues()
    {
        CreateResources();

        Assert.Equal("golden-windows", Assert.Single(Complete("Get-IbRecipe -Name gol")).Text);
        var pipeline = Assert.Single(Complete("Get-IbPipeline -Name ni"));
        Assert.Equal("nightly", pipeline.Text);
        Assert.Contains("ENABLED", pipeline.Tooltip);
        Assert.Equal("build-infra", Assert.Single(Complete("Get-IbInfrastructureConfiguration -Name bu")).Text);
        Assert.Equal("two-regions", Assert.Single(Complete("Get-IbDistributionConfiguration -Name tw")).Text);
        var workflow = Assert.Single(Complete("Get-IbWorkflow -Name appr"));
        Assert.Equal(("approval-gate", "approval-gate 1.0.0 (BUILD)"), workflow);
        var policy = Assert.Single(Complete("Get-IbLifecyclePolicy -Name keep"));
        Assert.Equal(("keep-ten", "keep-ten (AMI_IMAGE, ENABLED)"), policy);
    }

    [Fact]
    public void ArnsComeWithTheNameAsTheTooltip()
    {
        var created = CreateResources();

        Assert.Equal(((string)created.Recipe, "golden-windows (Windows)"), Assert.Single(Complete("Remove-IbRecipe -Arn arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/g")));
        Assert.Equal((string)created.Pipeline, Assert.Single(Complete("Start-IbPipeline -Arn arn:aws:imagebuilder:us-east-1:123456789012:image-pipeline/")).Text);
        Assert.Equal((string)created.Infra, Assert.Single(Complete("Remove-IbInfrastructureConfiguration -Arn arn:aws:imagebuilder:us-east-1:123456789012:infrastructure-configuration/")).Text);
        Assert.Equal((string)created.Distribution, Assert.Single(Complete("Remove-IbDistributionConfiguration -Arn arn:aws:imagebuilder:us-east-1:123456789012:distribution-configuration/")).Text);
        // The list holds versions; Remove-IbWorkflow expands a version ARN to its builds.
        Assert.Equal(((string)created.Workflow)[..^2], Assert.Single(Complete("Remove-IbWorkflow -Arn arn:aws:imagebuilder:us-east-1:123456789012:workflow/build/")).Text);
        Assert.Equal((string)created.Policy, Assert.Single(Complete("Remove-IbLifecyclePolicy -Arn arn:aws:imagebuilder:us-east-1:123456789012:lifecycle-policy/")).Text);
    }

    [Fact]
    public void ParentImagesAreAmazonsImages()
    {
        var offered = Complete("New-IbRecipe -Name r -SemanticVersion 1.0.0 -ParentImage arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023");
        var (text, tooltip) = Assert.Single(offered);
        Assert.StartsWith("arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/", text);
        Assert.Contains("Linux", tooltip);
    }

    [Fact]
    public void DisabledDefaultsGiveNoCompletions()
    {
        CreateResources();
        var result = _f.Run("""
            $PSDefaultParameterValues['Disabled'] = $true
            try { (TabExpansion2 -inputScript 'Get-IbRecipe -Name gol' -cursorColumn 22).CompletionMatches.Count }
            finally { $PSDefaultParameterValues.Remove('Disabled') }
            """);
        result.AssertSuccess();
        Assert.Equal(0, (int)result.Output.Single().BaseObject);
    }
}
