using ImageBuilder.PS.Emulator;
using ImageBuilder.PS.Tests.Support;
using ImageBuilder.PS.Tests.Workflows;

namespace ImageBuilder.PS.Tests.Versions;

/// <summary>
/// The version references the service answers Get calls with (newest overall, of the major, minor and patch) are on
/// the objects the cmdlets write, so a runbook can pin to the newest 1.x.x without building ARNs.
/// </summary>
public sealed class LatestVersionReferenceTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public LatestVersionReferenceTests(EmulatorFixture fixture)
    {
        _f = fixture;
        _f.Emulator.Reset();
        _f.Emulator.SetClock(ClockMode.Stepped);
    }

    /// <summary>A component, a recipe on an Amazon Windows image, an infrastructure configuration, and a build of the recipe.</summary>
    private const string ImageBuilt = """
            $parent = Get-IbImage -Owner Amazon -Platform Windows | Select-Object -First 1
            $component = New-IbComponent -Name agent -SemanticVersion 1.0.0 -Platform Windows -Data $Doc
            $recipe = New-IbRecipe -Name golden -SemanticVersion 1.0.0 -ParentImage $parent.Arn -Component $component
            $infra = New-IbInfrastructureConfiguration -Name infra -InstanceProfileName ImageBuilderInstanceRole
            $image = New-IbImage -RecipeArn $recipe.Arn -InfrastructureConfigurationArn $infra.Arn

        """;

    private Dictionary<string, object?> Vars => new() { ["Doc"] = Samples.Document, ["Flow"] = WorkflowSamples.Document };

    [Fact]
    public void ComponentsCarryTheNewestVersionOfTheirMajorAndMinor()
    {
        var result = _f.Run("""
            $old = New-IbComponent -Name agent -SemanticVersion 1.0.0 -Platform Windows -Data $Doc
            New-IbComponent -Name agent -SemanticVersion 1.2.0 -Platform Windows -Data $Doc | Out-Null
            $newest = New-IbComponent -Name agent -SemanticVersion 2.0.0 -Platform Windows -Data $Doc
            $old.LatestVersionReferences, (Get-IbComponent -Arn $old.Arn).LatestVersionReferences, $newest.LatestVersionReferences
            """, Vars);
        result.AssertSuccess();

        Assert.Equal(3, result.Output.Count);
        dynamic created = result.Output[0], got = result.Output[1], newest = result.Output[2];
        Assert.EndsWith("component/agent/1.0.0/1", (string)created.LatestPatchVersionArn);
        Assert.EndsWith("component/agent/1.2.0/1", (string)got.LatestMajorVersionArn);
        Assert.EndsWith("component/agent/1.0.0/1", (string)got.LatestMinorVersionArn);
        Assert.EndsWith("component/agent/2.0.0/1", (string)got.LatestVersionArn);
        Assert.EndsWith("component/agent/2.0.0/1", (string)newest.LatestVersionArn);
    }

    [Fact]
    public void RecipesWorkflowsAndImagesCarryThemToo()
    {
        var result = _f.Run(ImageBuilt + """
            $workflow = New-IbWorkflow -Name approve -SemanticVersion 1.0.0 -Type BUILD -Data $Flow
            $recipe.LatestVersionReferences.LatestVersionArn
            (Get-IbRecipe -Arn $recipe.Arn).LatestVersionReferences.LatestVersionArn
            $image.LatestVersionReferences.LatestVersionArn
            (Get-IbImage -Arn $image.Arn).LatestVersionReferences.LatestVersionArn
            $workflow.LatestVersionReferences.LatestVersionArn
            """, Vars);
        result.AssertSuccess();

        var arns = result.Output.Select(o => o.BaseObject as string).ToList();
        Assert.Equal(5, arns.Count);
        Assert.EndsWith("image-recipe/golden/1.0.0", arns[0]);
        Assert.EndsWith("image-recipe/golden/1.0.0", arns[1]);
        Assert.EndsWith("image/golden/1.0.0/1", arns[2]);
        Assert.EndsWith("image/golden/1.0.0/1", arns[3]);
        Assert.EndsWith("workflow/build/approve/1.0.0/1", arns[4]);
    }

    [Fact]
    public void AnImageWaitedOnCarriesThem()
    {
        var result = _f.Run(ImageBuilt, Vars);
        result.AssertSuccess();
        _f.AdvanceStages(10);

        var waited = _f.Run("(Wait-IbImage -Arn $image.Arn -PollInterval 0.02).LatestVersionReferences.LatestVersionArn");

        waited.AssertSuccess();
        Assert.EndsWith("image/golden/1.0.0/1", (string)waited.Output.Single().BaseObject);
    }
}
