using ImageBuilder.PS.Emulator.Tests.Support;

namespace ImageBuilder.PS.Emulator.Tests.Behaviour;

/// <summary>What the service refuses to change: a recipe a pipeline still uses, and resources Amazon owns.</summary>
public sealed class ResourceProtectionTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private const string Account = "arn:aws:imagebuilder:us-east-1:123456789012";
    private readonly RawClient _client;

    public ResourceProtectionTests(EmulatorFixture fixture)
    {
        fixture.Emulator.Reset();
        _client = new RawClient(fixture.Emulator.Url);
    }

    public void Dispose() => _client.Dispose();


    private async Task<string> NewInfrastructure(string name) =>
        (await _client.OkAsync("PUT", "/CreateInfrastructureConfiguration", $"{{\"name\":\"{name}\",\"instanceProfileName\":\"p\",\"clientToken\":\"{Guid.NewGuid()}\"}}"))
            .Json.GetProperty("infrastructureConfigurationArn").GetString()!;

    private const string AmazonComponent = "{\"componentArn\":\"arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x\"}";

    [Fact]
    public async Task A_pipeline_with_a_wildcard_image_recipe_keeps_the_versions_it_selects()
    {
        var infra = await NewInfrastructure("wildcard-image");
        await _client.OkAsync("PUT", "/CreateImageRecipe", $"{{\"name\":\"demo-recipe\",\"semanticVersion\":\"1.0.0\",\"parentImage\":\"arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x\",\"components\":[{AmazonComponent}],\"clientToken\":\"{Guid.NewGuid()}\"}}");
        await _client.OkAsync("PUT", "/CreateImagePipeline", $"{{\"name\":\"wildcard-image\",\"imageRecipeArn\":\"{Account}:image-recipe/demo-recipe/x.x.x\",\"infrastructureConfigurationArn\":\"{infra}\",\"clientToken\":\"{Guid.NewGuid()}\"}}");

        var refused = await _client.RestJsonAsync("DELETE", "/DeleteImageRecipe?imageRecipeArn=" + Uri.EscapeDataString($"{Account}:image-recipe/demo-recipe/1.0.0"));

        Assert.Equal(400, refused.Status);
        Assert.Equal("ResourceDependencyException", refused.ErrorType);
    }

    [Fact]
    public async Task A_pipeline_with_a_wildcard_container_recipe_keeps_the_versions_it_selects()
    {
        var infra = await NewInfrastructure("wildcard-container");
        await _client.OkAsync("PUT", "/CreateContainerRecipe", $"{{\"containerType\":\"DOCKER\",\"name\":\"demo-container\",\"semanticVersion\":\"1.2.0\",\"parentImage\":\"amazonlinux:2023\",\"components\":[{AmazonComponent}],\"dockerfileTemplateData\":\"FROM x\",\"targetRepository\":{{\"service\":\"ECR\",\"repositoryName\":\"demo\"}},\"clientToken\":\"{Guid.NewGuid()}\"}}");
        await _client.OkAsync("PUT", "/CreateImagePipeline", $"{{\"name\":\"wildcard-container\",\"containerRecipeArn\":\"{Account}:container-recipe/demo-container/1.x.x\",\"infrastructureConfigurationArn\":\"{infra}\",\"clientToken\":\"{Guid.NewGuid()}\"}}");

        var refused = await _client.RestJsonAsync("DELETE", "/DeleteContainerRecipe?containerRecipeArn=" + Uri.EscapeDataString($"{Account}:container-recipe/demo-container/1.2.0"));

        Assert.Equal(400, refused.Status);
        Assert.Equal("ResourceDependencyException", refused.ErrorType);
    }

    [Fact]
    public async Task Amazons_resources_cannot_be_tagged_or_untagged()
    {
        var tags = "/tags/" + Uri.EscapeDataString("arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/2025.1.15/1");
        var before = (await _client.OkAsync("GET", tags, null)).Body;

        var tagged = await _client.RestJsonAsync("POST", tags, "{\"tags\":{\"mine\":\"yes\"}}");
        var untagged = await _client.RestJsonAsync("DELETE", tags + "?tagKeys=mine");

        Assert.Equal((403, "ForbiddenException"), (tagged.Status, tagged.ErrorType));
        Assert.Equal((403, "ForbiddenException"), (untagged.Status, untagged.ErrorType));
        Assert.Equal(before, (await _client.OkAsync("GET", tags, null)).Body);
    }
}
