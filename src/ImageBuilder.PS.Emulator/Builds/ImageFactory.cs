using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.Ib;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Builds;

/// <summary>What an image build is made from (CreateImage's request or a pipeline's settings).</summary>
internal sealed class BuildRequest
{
    public string? ImageRecipeArn { get; init; }
    public string? ContainerRecipeArn { get; init; }
    public required string InfrastructureConfigurationArn { get; init; }
    public string? DistributionConfigurationArn { get; init; }
    public ImageTestsConfiguration? ImageTestsConfiguration { get; init; }
    public ImageScanningConfiguration? ImageScanningConfiguration { get; init; }
    public bool? EnhancedImageMetadataEnabled { get; init; }
    public List<WorkflowConfiguration>? Workflows { get; init; }
    public string? ExecutionRole { get; init; }
    public ImageLoggingConfiguration? LoggingConfiguration { get; init; }
    public Dictionary<string, string>? Tags { get; init; }
    public Entry<ImagePipeline>? Pipeline { get; init; }
    public string BuildType { get; init; } = "USER_INITIATED";
}

/// <summary>Creates image build versions from recipes and configurations and sets their builds going.</summary>
internal sealed class ImageFactory
{
    private readonly EmulatorState _state;
    private readonly BuildMachine _machine;
    private readonly BuildPlanner _planner;

    public ImageFactory(EmulatorState state, BuildMachine machine, BuildPlanner planner)
    {
        _state = state;
        _machine = machine;
        _planner = planner;
    }

    public BuildPlanner Planner => _planner;

    /// <summary>Checks the references of a build (exactly one recipe, existing configurations and workflows).</summary>
    public (Entry<ImageRecipe>? Image, Entry<ContainerRecipe>? Container, Entry<InfrastructureConfiguration> Infrastructure, Entry<DistributionConfiguration>? Distribution)
        ResolveReferences(string? imageRecipeArn, string? containerRecipeArn, string infrastructureArn, string? distributionArn, List<WorkflowConfiguration>? workflows)
    {
        if ((imageRecipeArn is null) == (containerRecipeArn is null))
        {
            throw ServiceError.InvalidParameterCombination("Specify exactly one of imageRecipeArn and containerRecipeArn.");
        }
        Entry<ImageRecipe>? imageRecipe = null;
        Entry<ContainerRecipe>? containerRecipe = null;
        if (imageRecipeArn is not null)
        {
            imageRecipe = Referenced(() => IbSupport.Resolve(_state.ImageRecipes, imageRecipeArn, "imageRecipeArn", "image-recipe"), imageRecipeArn);
        }
        else
        {
            containerRecipe = Referenced(() => IbSupport.Resolve(_state.ContainerRecipes, containerRecipeArn!, "containerRecipeArn", "container-recipe"), containerRecipeArn!);
        }
        var infrastructure = _state.InfrastructureConfigurations.Get(infrastructureArn)
            ?? throw ServiceError.InvalidParameterValue($"The infrastructure configuration {infrastructureArn} does not exist.");
        Entry<DistributionConfiguration>? distribution = null;
        if (distributionArn is not null)
        {
            distribution = _state.DistributionConfigurations.Get(distributionArn)
                ?? throw ServiceError.InvalidParameterValue($"The distribution configuration {distributionArn} does not exist.");
        }
        _planner.CheckWorkflows(workflows);
        return (imageRecipe, containerRecipe, infrastructure, distribution);
    }

    public Entry<Image> StartBuild(BuildRequest request, DateTime now)
    {
        var (imageRecipe, containerRecipe, infrastructure, distribution) = ResolveReferences(
            request.ImageRecipeArn, request.ContainerRecipeArn, request.InfrastructureConfigurationArn, request.DistributionConfigurationArn, request.Workflows);
        string name = imageRecipe?.Value.Name ?? containerRecipe!.Value.Name!;
        var version = imageRecipe?.Version ?? containerRecipe!.Version;
        var parent = imageRecipe is not null ? ParentImages.Describe(_state, imageRecipe.Value.ParentImage!) : new ParentImages.ParentInfo("Linux", "Amazon Linux 2023");
        var image = new Image
        {
            Type = containerRecipe is null ? "AMI" : "DOCKER",
            Name = name,
            Platform = imageRecipe?.Value.Platform ?? containerRecipe!.Value.Platform,
            EnhancedImageMetadataEnabled = request.EnhancedImageMetadataEnabled ?? true,
            OsVersion = parent.OsVersion,
            ImageRecipe = StructureCopy.Of(imageRecipe?.Value),
            ContainerRecipe = StructureCopy.Of(containerRecipe?.Value),
            SourcePipelineName = request.Pipeline?.Value.Name,
            SourcePipelineArn = request.Pipeline?.Arn,
            InfrastructureConfiguration = StructureCopy.Of(infrastructure.Value),
            DistributionConfiguration = StructureCopy.Of(distribution?.Value),
            ImageTestsConfiguration = request.ImageTestsConfiguration ?? new ImageTestsConfiguration { ImageTestsEnabled = true, TimeoutMinutes = 720 },
            ImageScanningConfiguration = request.ImageScanningConfiguration,
            BuildType = request.BuildType,
            ImageSource = "CUSTOM",
            ExecutionRole = request.ExecutionRole,
            Workflows = request.Workflows,
            LoggingConfiguration = request.LoggingConfiguration,
            Tags = IbSupport.CopyTags(request.Tags),
        };
        var entry = Register(image, name, version, now);
        _machine.Start(entry, _planner.ForBuild(image), now);
        return entry;
    }

    /// <summary>Gives an image its ARN (next build number of its version) and stores it, PENDING.</summary>
    public Entry<Image> Register(Image image, string name, SemanticVersion version, DateTime now)
    {
        var family = _state.Arns.Build("image", name);
        int build = _state.Images.NextBuild(family, version);
        var arn = _state.Arns.Build("image", name, version.ToString(), build);
        image.Arn = arn;
        image.Name = name;
        image.Version = version.ToString();
        image.DateCreated = now;
        image.State = new ImageState { Status = "PENDING" };
        var entry = new Entry<Image>(arn, family, Ownership.Self, image, _state.NextSequence()) { Version = version, Build = build };
        _state.Images.Add(entry);
        return entry;
    }

    public void Start(Entry<Image> image, IReadOnlyList<BuildPhase> phases, DateTime now, bool retry = false) => _machine.Start(image, phases, now, retry);

    private static T Referenced<T>(Func<T> resolve, string arn)
    {
        try
        {
            return resolve();
        }
        catch (ServiceError e) when (e.Code == "ResourceNotFoundException")
        {
            throw ServiceError.InvalidParameterValue($"The resource {arn} does not exist.");
        }
    }
}
