using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Recipes;

/// <summary>
/// The pipelines a user writes, end to end against a service that keeps state: build the parts, pipe the recipe
/// into a new pipeline, find the pipeline by name and run it.
/// </summary>
public sealed class RecipeToPipelineFlowTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;
    private readonly FakeImageBuilder _service = new();

    public RecipeToPipelineFlowTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
        _f.Server.Default = _service.Answer;
    }

    private const string Setup = """
        $PSDefaultParameterValues = @{ '*-Ib*:EndpointUrl' = $Endpoint }
        $infra = New-IbInfrastructureConfiguration build-small -InstanceProfileName ImageBuilderInstance -InstanceType m5.large
        $dist = New-IbDistributionConfiguration two-regions @{ 'us-east-1' = @{ Ami = @{ Name = 'golden-{{ imagebuilder:buildDate }}' } }; 'eu-west-1' = $null }
        """;

    [Fact]
    public void ANewRecipePipesIntoANewPipelineThatRunsByName()
    {
        var result = _f.Run(Setup + """

            New-IbRecipe golden-windows 1.0.0 -ParentImage arn:aws:imagebuilder:us-east-1:aws:image/windows-server-2022-english-full-base-x86/x.x.x -Component arn:aws:imagebuilder:us-east-1:aws:component/update-windows/x.x.x |
                New-IbPipeline -Name nightly -InfrastructureConfigurationArn $infra.Arn -DistributionConfigurationArn $dist -Schedule 'cron(0 3 * * ? *)'
            Get-IbPipeline -Name nightly | Start-IbPipeline
            """);
        result.AssertSuccess();
        Assert.Equal(new[] { "ImageBuilder.PS.Model.Ib.ImagePipeline", "ImageBuilder.PS.Model.Ib.Image" }, result.Output.Select(o => o.TypeNames[0]));
        var pipeline = result.Output[0];
        Assert.Equal("nightly", pipeline.Properties["Name"].Value);
        Assert.Equal("arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/golden-windows/1.0.0", pipeline.Properties["ImageRecipeArn"].Value);
        Assert.Equal("arn:aws:imagebuilder:us-east-1:123456789012:infrastructure-configuration/build-small", pipeline.Properties["InfrastructureConfigurationArn"].Value);
        Assert.Equal("arn:aws:imagebuilder:us-east-1:123456789012:distribution-configuration/two-regions", pipeline.Properties["DistributionConfigurationArn"].Value);
        var image = result.Output[1];
        Assert.Equal("arn:aws:imagebuilder:us-east-1:123456789012:image/golden-windows/1.0.0/1", image.Properties["Arn"].Value);
        Assert.Equal("nightly", image.Properties["SourcePipelineName"].Value);

        var operations = _f.Server.Requests.Select(r => r.Path.TrimStart('/')).ToList();
        Assert.Equal(new[]
        {
            "CreateInfrastructureConfiguration", "GetInfrastructureConfiguration", "CreateDistributionConfiguration", "GetDistributionConfiguration",
            "CreateImageRecipe", "GetImageRecipe", "CreateImagePipeline", "GetImagePipeline", "ListImagePipelines", "StartImagePipelineExecution", "GetImage",
        }, operations);
        var start = _f.Server.Requests.Single(r => r.Path == "/StartImagePipelineExecution").Json;
        Assert.Equal("arn:aws:imagebuilder:us-east-1:123456789012:image-pipeline/nightly", start.GetProperty("imagePipelineArn").GetString());
    }

    [Fact]
    public void AConfigurationPipesIntoANewPipelineAndTheRunRendersAsAnImage()
    {
        var text = _f.Render(Setup + """

            $recipe = New-IbRecipe golden-linux 2.1.0 -ParentImage ami-0123456789abcdef0 -Component arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x
            $infra | New-IbPipeline -Name weekly -RecipeArn $recipe -Status DISABLED | Start-IbPipeline
            """);
        var pipeline = _service.Resources["arn:aws:imagebuilder:us-east-1:123456789012:image-pipeline/weekly"];
        Assert.Equal("arn:aws:imagebuilder:us-east-1:123456789012:infrastructure-configuration/build-small", pipeline["infrastructureConfigurationArn"]!.GetValue<string>());
        Assert.Equal("arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/golden-linux/2.1.0", pipeline["imageRecipeArn"]!.GetValue<string>());
        Assert.Null(pipeline["distributionConfigurationArn"]);
        Assert.Matches(@"Status\s+Name\s+Version\s+Created\s+Ami", text);
        Assert.Matches(@"PENDING\s+golden-linux\s+2\.1\.0/1\s+2026-03-05 10:05", text);
    }

    [Fact]
    public void ARunOfAPipelineThatIsGoneIsAnErrorForThatPipelineOnly()
    {
        var result = _f.Run(Setup + """

            New-IbRecipe golden-windows 1.0.0 -ParentImage ami-0123456789abcdef0 | New-IbPipeline -Name nightly -InfrastructureConfigurationArn $infra | Out-Null
            'arn:aws:imagebuilder:us-east-1:123456789012:image-pipeline/gone', 'arn:aws:imagebuilder:us-east-1:123456789012:image-pipeline/nightly' |
                ForEach-Object { [pscustomobject]@{ ImagePipelineArn = $_ } } | Start-IbPipeline
            """);
        Assert.Null(result.Terminating);
        var error = Assert.Single(result.Errors);
        Assert.Equal("ResourceNotFoundException", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("arn:aws:imagebuilder:us-east-1:123456789012:image-pipeline/gone", error.TargetObject);
        Assert.Equal("arn:aws:imagebuilder:us-east-1:123456789012:image/golden-windows/1.0.0/1", Assert.Single(result.Output).Properties["Arn"].Value);
    }
}
