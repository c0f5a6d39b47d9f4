using ImageBuilder.PS.Documents;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Model.Publishing;

namespace ImageBuilder.PS.UnitTests.Publishing;

/// <summary>Reading a pipeline folder (the file, the field and the rule of each problem), writing one, and comparing settings.</summary>
public sealed class PipelineFolderTests : IDisposable
{
    private const string Component = "name: agent\nschemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: Install\n        action: ExecuteBash\n        inputs:\n          commands:\n            - echo hi\n";

    private const string Pipeline = """
        pipeline:
          name: nightly
          schedule:
            scheduleExpression: cron(0 3 * * ? *)
          status: ENABLED
        recipe:
          name: golden
          version: 1.0.x
          parentImage: arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2-x86/x.x.x
          components:
          - component: agent
          - componentArn: arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x
        infrastructureConfiguration:
          name: nightly-infra
          instanceProfileName: ImageBuilderInstanceRole
          terminateInstanceOnFailure: true
          keyPair:
        components:
        - name: agent
          version: 1.0.x
          file: components/agent.yaml
          platform: Linux
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ibps-folder-" + Guid.NewGuid().ToString("N"));

    public PipelineFolderTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "components"));
        File.WriteAllText(Path.Combine(_folder, "components", "agent.yaml"), Component);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private IReadOnlyList<FolderProblem> Problems(string pipeline)
    {
        File.WriteAllText(Path.Combine(_folder, "pipeline.yaml"), pipeline);
        return PipelineFolderReader.Read(_folder).Problems;
    }

    [Fact]
    public void ReadsTheSectionsAndTheReferencesByName()
    {
        File.WriteAllText(Path.Combine(_folder, "pipeline.yaml"), Pipeline);
        var (folder, problems) = PipelineFolderReader.Read(_folder);

        Assert.Empty(problems);
        Assert.NotNull(folder);
        Assert.Equal("1.0.x", folder!.RecipeVersion);
        Assert.Equal(new[] { "agent", null }, folder.RecipeComponents);
        Assert.Null(folder.Recipe.Components![0].ComponentArn);
        Assert.EndsWith("update-linux/x.x.x", folder.Recipe.Components[1].ComponentArn);
        Assert.Equal(Component, folder.Components.Single().Request.Data);
        Assert.Equal("Linux", folder.Components.Single().Request.Platform);
        Assert.True(folder.Infrastructure.Request.TerminateInstanceOnFailure);
        // A key given empty is named, so that publishing clears it; one left out is not.
        Assert.Contains("keyPair", folder.Infrastructure.Given);
        Assert.DoesNotContain("subnetId", folder.Infrastructure.Given);
        Assert.Null(folder.Distribution);
    }

    [Fact]
    public void NamesTheFileTheLineAndTheFieldOfAValueOfTheWrongKind()
    {
        var problem = Assert.Single(Problems(Pipeline.Replace("terminateInstanceOnFailure: true", "terminateInstanceOnFailure: maybe")));
        Assert.Equal("pipeline.yaml", problem.File);
        Assert.Equal("infrastructureConfiguration.terminateInstanceOnFailure", problem.Field);
        Assert.Equal(16, problem.Line);
        Assert.Equal("pipeline.yaml, line 16, infrastructureConfiguration.terminateInstanceOnFailure: 'maybe' is not true or false.", problem.ToString());
    }

    [Fact]
    public void NamesAnUnknownSettingAndTheOnesThereAre()
    {
        var problem = Assert.Single(Problems(Pipeline.Replace("  status: ENABLED", "  state: ENABLED")));
        Assert.Equal("pipeline.state", problem.Field);
        Assert.Contains("'state' is not a setting here; the settings are name, description,", problem.Message);
    }

    [Fact]
    public void ChecksTheModelsRulesWithThePathOfTheField()
    {
        var problem = Assert.Single(Problems(Pipeline.Replace("componentArn: arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x", "componentArn: update-linux")));
        Assert.Equal("recipe.components[1].componentArn", problem.Field);
        Assert.StartsWith("must be a component build ARN or a compon", problem.Message);
    }

    [Fact]
    public void ANameUsedByReferenceMustBeDefined()
    {
        var problem = Assert.Single(Problems(Pipeline.Replace("- component: agent", "- component: agnet")));
        Assert.Equal("recipe.components[0].component", problem.Field);
        Assert.Contains("'agnet' is not in the components section", problem.Message);
    }

    [Fact]
    public void ChecksTheDocumentsAndNamesTheirFile()
    {
        File.WriteAllText(Path.Combine(_folder, "components", "agent.yaml"), Component.Replace("ExecuteBash", "ExecuteBashh"));
        var problem = Assert.Single(Problems(Pipeline));
        Assert.Equal("components/agent.yaml", problem.File);
        Assert.True(problem.Line > 0);
    }

    [Fact]
    public void AMissingSectionOrFileIsNamed()
    {
        var problems = Problems(Pipeline.Replace("file: components/agent.yaml", "file: components/gone.yaml").Replace("infrastructureConfiguration:", "infra:"));
        Assert.Contains(problems, p => p.Field == "infrastructureConfiguration" && p.Message == "this section is required.");
        Assert.Contains(problems, p => p.Field == "infra" && p.Message.StartsWith("'infra' is not a section of pipeline.yaml", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == "components[0].file" && p.Message.Contains("'components/gone.yaml' is not in the folder"));
    }

    [Fact]
    public void AnExportReadsBackAsTheSameSettings()
    {
        var pipeline = new ImagePipeline
        {
            Arn = "arn:aws:imagebuilder:us-east-1:123456789012:image-pipeline/nightly", Name = "nightly", Status = "ENABLED",
            ImageRecipeArn = "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/golden/1.0.2",
            InfrastructureConfigurationArn = "arn:aws:imagebuilder:us-east-1:123456789012:infrastructure-configuration/nightly-infra",
            DateCreated = DateTime.UtcNow, Schedule = new Schedule { ScheduleExpression = "cron(0 3 * * ? *)" },
        };
        var own = "arn:aws:imagebuilder:us-east-1:123456789012:component/agent/1.0.3/1";
        var recipe = new ImageRecipe
        {
            Name = "golden", Version = "1.0.2", ParentImage = "arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2-x86/x.x.x",
            Components = new() { new() { ComponentArn = own }, new() { ComponentArn = "arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x" } },
        };
        var infrastructure = new InfrastructureConfiguration { Name = "nightly-infra", InstanceProfileName = "ImageBuilderInstanceRole", SubnetId = "subnet-1", DateCreated = DateTime.UtcNow };
        var export = new PipelineExport(pipeline, recipe, infrastructure, null);
        Assert.Equal(new[] { own }, export.OwnComponentArns);
        export.Add(new Component { Arn = own, Name = "agent", Version = "1.0.3", Platform = "Linux", Data = Component });

        // YamlWriter needs PowerShell's assembly, which the unit tests do not load; the data is plain YAML all the same.
        var text = new YamlDotNet.Serialization.SerializerBuilder().Build().Serialize(export.PipelineFile());
        Assert.DoesNotContain("123456789012", text);
        Assert.DoesNotContain("dateCreated", text);
        File.WriteAllText(Path.Combine(_folder, "pipeline.yaml"), export.Header + text);
        var (folder, problems) = PipelineFolderReader.Read(_folder);

        Assert.Empty(problems);
        Assert.Equal("1.0.x", folder!.RecipeVersion);
        Assert.Equal("1.0.x", folder.Components.Single().Version);
        Assert.Equal(new[] { "agent", null }, folder.RecipeComponents);
        Assert.Equal("subnet-1", folder.Infrastructure.Request.SubnetId);
        Assert.Equal("cron(0 3 * * ? *)", folder.Pipeline.Request.Schedule!.ScheduleExpression);
    }

    [Fact]
    public void SettingsCompareMemberByMemberWithEmptyAndAbsentTheSame()
    {
        var stored = new UpdateInfrastructureConfigurationRequest { InstanceProfileName = "role", InstanceTypes = new(), SubnetId = "subnet-1" };
        var wanted = new UpdateInfrastructureConfigurationRequest { InstanceProfileName = "role", SubnetId = "subnet-2", TerminateInstanceOnFailure = true };

        var differences = new DefinitionDifferences().Members(stored, wanted);

        Assert.Equal("subnetId, terminateInstanceOnFailure", differences.Names);
        Assert.Equal("subnetId: 'subnet-1' -> 'subnet-2'; terminateInstanceOnFailure: (none) -> 'true'", differences.ToString());
    }

    [Fact]
    public void AnArnThatChangesIsShownByWhatTellsItApart()
    {
        var differences = new DefinitionDifferences().Value("imageRecipeArn",
            "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/golden/1.0.0", "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/golden/1.0.1");
        Assert.Equal("imageRecipeArn: 'image-recipe/golden/1.0.0' -> 'image-recipe/golden/1.0.1'", differences.ToString());
    }
}
