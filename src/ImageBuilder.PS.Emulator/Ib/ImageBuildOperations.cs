using ImageBuilder.PS.Emulator.Builds;
using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Ib;

/// <summary>What changes a build after it started, and the builds that do not start from a recipe: cancel, retry, distribute, import.</summary>
internal sealed class ImageBuildOperations
{
    private readonly EmulatorState _state;
    private readonly ImageFactory _factory;
    private readonly BuildMachine _machine;

    public ImageBuildOperations(EmulatorState state, ImageFactory factory, BuildMachine machine)
    {
        _state = state;
        _factory = factory;
        _machine = machine;
    }

    public void Register(OperationTable table)
    {
        table.Add(IbOperations.CancelImageCreation, Cancel);
        table.Add(IbOperations.RetryImage, Retry);
        table.Add(IbOperations.DistributeImage, Distribute);
        table.Add(IbOperations.ImportDiskImage, ImportDisk);
        table.Add(IbOperations.ImportVmImage, ImportVm);
    }

    private CancelImageCreationResponse Cancel(CancelImageCreationRequest request, CallContext call)
    {
        var entry = IbSupport.Require(_state.Images, request.ImageBuildVersionArn!);
        if (!_state.ActiveBuilds.TryGetValue(entry.Arn, out var run))
        {
            throw ServiceError.InUse($"The image {entry.Arn} is {entry.Value.State?.Status} and can no longer be cancelled.");
        }
        _machine.Cancel(run, call.Now);
        return new CancelImageCreationResponse { ClientToken = request.ClientToken, ImageBuildVersionArn = entry.Arn };
    }

    /// <summary>A failed or cancelled build runs again from the start, under the same build version ARN.</summary>
    private RetryImageResponse Retry(RetryImageRequest request, CallContext call)
    {
        var entry = IbSupport.Require(_state.Images, request.ImageBuildVersionArn!);
        IbSupport.RequireOwn(entry);
        if (entry.Value.State?.Status is not ("FAILED" or "CANCELLED"))
        {
            throw ServiceError.InUse($"Only a failed or cancelled image can be retried; {entry.Arn} is {entry.Value.State?.Status}.");
        }
        var phases = entry.Value.BuildType switch
        {
            "IMPORT" or "IMPORT_ISO" => BuildPlanner.ForImport(),
            _ when entry.Value.ImageRecipe is null && entry.Value.ContainerRecipe is null => BuildPlanner.ForDistribution(),
            _ => _factory.Planner.ForBuild(entry.Value),
        };
        entry.Value.State = new ImageState { Status = "PENDING" };
        _factory.Start(entry, phases, call.Now, retry: true);
        return new RetryImageResponse { ClientToken = request.ClientToken, ImageBuildVersionArn = entry.Arn };
    }

    /// <summary>Copies an existing image (by ARN or AMI id) to a distribution configuration's regions as a new build of its version.</summary>
    private DistributeImageResponse Distribute(DistributeImageRequest request, CallContext call)
    {
        var source = FindSource(request.SourceImage!);
        var distribution = _state.DistributionConfigurations.Get(request.DistributionConfigurationArn!)
            ?? throw ServiceError.NotFound($"The distribution configuration {request.DistributionConfigurationArn} does not exist.");
        var image = StructureCopy.Of(source.Value)!;
        image.DistributionConfiguration = StructureCopy.Of(distribution.Value);
        image.OutputResources = null;
        image.ScanState = null;
        image.ImageScanningConfiguration = null;
        image.ImageRecipe = null;
        image.ContainerRecipe = null;
        image.SourcePipelineArn = null;
        image.SourcePipelineName = null;
        image.ExecutionRole = request.ExecutionRole;
        image.LoggingConfiguration = request.LoggingConfiguration;
        image.Tags = IbSupport.CopyTags(request.Tags);
        var entry = _factory.Register(image, source.Value.Name!, source.Version, call.Now);
        _factory.Start(entry, BuildPlanner.ForDistribution(), call.Now);
        return new DistributeImageResponse { ClientToken = request.ClientToken, ImageBuildVersionArn = entry.Arn };
    }

    private Entry<Image> FindSource(string sourceImage)
    {
        Entry<Image>? source;
        if (sourceImage.StartsWith("ami-", StringComparison.Ordinal))
        {
            source = _state.Images.All.FirstOrDefault(e => e.Value.OutputResources?.Amis?.Any(a => a.Image == sourceImage) == true);
        }
        else
        {
            var arn = IbSupport.ParseArn(sourceImage, "sourceImage", "image");
            source = _state.Images.Resolve(IbSupport.Family(arn), arn.Version, IbSupport.BuildNumber(arn));
        }
        if (source is null || source.Value.State?.Status is not ("AVAILABLE" or "DEPRECATED"))
        {
            throw ServiceError.NotFound($"The source image {sourceImage} does not exist or is not available.");
        }
        return source;
    }

    private ImportDiskImageResponse ImportDisk(ImportDiskImageRequest request, CallContext call)
    {
        var version = IbSupport.ParseVersion(request.SemanticVersion, "semanticVersion");
        var infrastructure = _state.InfrastructureConfigurations.Get(request.InfrastructureConfigurationArn!)
            ?? throw ServiceError.InvalidParameterValue($"The infrastructure configuration {request.InfrastructureConfigurationArn} does not exist.");
        var entry = Import(request.Name!, version, request.Platform!, request.OsVersion, "IMPORT_ISO", request.Tags, request.LoggingConfiguration, call.Now, image =>
        {
            image.InfrastructureConfiguration = StructureCopy.Of(infrastructure.Value);
            image.ExecutionRole = request.ExecutionRole;
        });
        return new ImportDiskImageResponse { ClientToken = request.ClientToken, ImageBuildVersionArn = entry.Arn };
    }

    private ImportVmImageResponse ImportVm(ImportVmImageRequest request, CallContext call)
    {
        var version = IbSupport.ParseVersion(request.SemanticVersion, "semanticVersion");
        var entry = Import(request.Name!, version, request.Platform!, request.OsVersion, "IMPORT", request.Tags, request.LoggingConfiguration, call.Now, _ => { });
        return new ImportVmImageResponse { ClientToken = request.ClientToken, ImageArn = entry.Arn };
    }

    private Entry<Image> Import(string name, SemanticVersion version, string platform, string? osVersion, string buildType,
        Dictionary<string, string>? tags, ImageLoggingConfiguration? logging, DateTime now, Action<Image> customize)
    {
        var image = new Image
        {
            Type = "AMI",
            Platform = platform,
            OsVersion = osVersion ?? (platform == "Windows" ? "Microsoft Windows Server 2022" : "Amazon Linux 2023"),
            EnhancedImageMetadataEnabled = false,
            BuildType = buildType,
            ImageSource = "IMPORTED",
            LoggingConfiguration = logging,
            Tags = IbSupport.CopyTags(tags),
        };
        customize(image);
        var entry = _factory.Register(image, name, version, now);
        _factory.Start(entry, BuildPlanner.ForImport(), now);
        return entry;
    }
}
