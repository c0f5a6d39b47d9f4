using System.Management.Automation;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Listing;

/// <summary>
/// As Get-Process -Name foo: a -Name without wildcards that matches nothing is an ObjectNotFound error, so
/// `Get-IbPipeline -Name typo | Start-IbPipeline` fails loudly instead of doing nothing; a wildcard that matches
/// nothing stays silent.
/// </summary>
public sealed class NameNotFoundTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public NameNotFoundTests(EmulatorFixture fixture)
    {
        _f = fixture;
        _f.Emulator.Reset();
    }

    [Theory]
    [InlineData("Get-IbImage -Name typo")]
    [InlineData("Get-IbImage -Name typo -Owner Amazon")]
    [InlineData("Get-IbImageBuildVersion -Name typo")]
    [InlineData("Get-IbPipeline -Name typo")]
    [InlineData("Get-IbRecipe -Name typo")]
    [InlineData("Get-IbContainerRecipe -Name typo")]
    [InlineData("Get-IbComponent -Name typo")]
    [InlineData("Get-IbInfrastructureConfiguration -Name typo")]
    [InlineData("Get-IbDistributionConfiguration -Name typo")]
    [InlineData("Get-IbLifecyclePolicy -Name typo")]
    [InlineData("Get-IbWorkflow -Name typo")]
    [InlineData("Get-IbWorkSpacesImage -Name typo")]
    [InlineData("Get-IbAppStreamImage -Name typo")]
    public void ANameThatMatchesNothingIsAnObjectNotFoundError(string command)
    {
        var result = _f.Run(command);

        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("typo", error.ToString());
    }

    [Fact]
    public void AnImageOfAPipelineThatMatchesNothingIsAnError()
    {
        var pipeline = _f.Run("""
            $infra = New-IbInfrastructureConfiguration -Name infra -InstanceProfileName ImageBuilderInstanceRole
            $parent = Get-IbImage -Owner Amazon -Platform Windows | Select-Object -First 1
            New-IbRecipe -Name recipe -SemanticVersion 1.0.0 -ParentImage $parent.Arn -Component (Get-IbComponent -Owner Amazon | Select-Object -First 1) |
                New-IbPipeline -Name pipe -InfrastructureConfigurationArn $infra.Arn
            """);
        pipeline.AssertSuccess();

        var result = _f.Run("Get-IbPipeline -Name pipe | Get-IbPipelineImage -Name typo");

        var error = Assert.Single(result.Errors);
        Assert.Equal("NameNotFound,ImageBuilder.PS.Commands.Pipelines.GetIbPipelineImageCommand", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void TheErrorSaysWhatWasLookedForAndHowToFindIt()
    {
        var error = Assert.Single(_f.Run("Get-IbPipeline -Name typo").Errors);

        Assert.Equal("NameNotFound,ImageBuilder.PS.Commands.Pipelines.GetIbPipelineCommand", error.FullyQualifiedErrorId);
        Assert.Equal("typo", error.TargetObject);
        Assert.Contains("Found no pipeline named 'typo'", error.Exception.Message);
        Assert.Contains("Get-IbPipeline without -Name", error.Exception.Message);
    }

    [Fact]
    public void ATypoPipedIntoStartIbPipelineStopsTheScriptUnderErrorActionStop()
    {
        var result = _f.Run("Get-IbPipeline -Name typo -ErrorAction Stop | Start-IbPipeline -Wait; 'after'");

        Assert.NotNull(result.Terminating);
        Assert.DoesNotContain(result.Output, o => o.BaseObject as string == "after");
    }

    [Theory]
    [InlineData("Get-IbPipeline -Name typo*")]
    [InlineData("Get-IbImage -Name 'ty?o'")]
    [InlineData("Get-IbWorkSpacesImage -Name typo*")]
    [InlineData("Get-IbPipeline")]
    public void AWildcardOrNoNameThatMatchesNothingIsNoError(string command)
    {
        var result = _f.Run(command);

        result.AssertSuccess();
        Assert.Empty(result.Output);
    }

    [Fact]
    public void ANameThatMatchesIsNoErrorEvenWhenSkipped()
    {
        var result = _f.Run("$n = (Get-IbImage -Owner Amazon | Select-Object -First 1).Name; Get-IbImage -Owner Amazon -Name $n -Skip 5");

        result.AssertSuccess();
    }
}
