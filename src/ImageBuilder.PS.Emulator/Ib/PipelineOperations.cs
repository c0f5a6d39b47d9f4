using ImageBuilder.PS.Emulator.Builds;
using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Ib;

/// <summary>Image pipelines: create, get, list, update, delete, and start an execution (a build).</summary>
internal sealed class PipelineOperations
{
    private readonly EmulatorState _state;
    private readonly ImageFactory _factory;

    public PipelineOperations(EmulatorState state, ImageFactory factory)
    {
        _state = state;
        _factory = factory;
    }

    public void Register(OperationTable table)
    {
        table.Add(IbOperations.CreateImagePipeline, Create);
        table.Add(IbOperations.GetImagePipeline, (r, c) =>
            new GetImagePipelineResponse { ImagePipeline = IbSupport.Require(_state.Pipelines, r.ImagePipelineArn!).Value });
        table.Add(IbOperations.ListImagePipelines, List);
        table.Add(IbOperations.UpdateImagePipeline, Update);
        table.Add(IbOperations.DeleteImagePipeline, Delete);
        table.Add(IbOperations.StartImagePipelineExecution, Start);
    }

    private CreateImagePipelineResponse Create(CreateImagePipelineRequest request, CallContext call)
    {
        var arn = _state.Arns.Build("image-pipeline", request.Name!);
        if (_state.Pipelines.Contains(arn))
        {
            throw ServiceError.AlreadyExists($"The image pipeline {arn} already exists.");
        }
        PipelineScheduler.Check(request.Schedule);
        var (imageRecipe, containerRecipe, _, _) = _factory.ResolveReferences(request.ImageRecipeArn, request.ContainerRecipeArn,
            request.InfrastructureConfigurationArn!, request.DistributionConfigurationArn, request.Workflows);
        var pipeline = new ImagePipeline
        {
            Arn = arn,
            Name = request.Name,
            Description = request.Description,
            Platform = imageRecipe?.Value.Platform ?? containerRecipe!.Value.Platform,
            EnhancedImageMetadataEnabled = request.EnhancedImageMetadataEnabled ?? true,
            ImageRecipeArn = request.ImageRecipeArn,
            ContainerRecipeArn = request.ContainerRecipeArn,
            InfrastructureConfigurationArn = request.InfrastructureConfigurationArn,
            DistributionConfigurationArn = request.DistributionConfigurationArn,
            ImageTestsConfiguration = request.ImageTestsConfiguration ?? new ImageTestsConfiguration { ImageTestsEnabled = true, TimeoutMinutes = 720 },
            Schedule = request.Schedule,
            Status = request.Status ?? "ENABLED",
            DateCreated = call.Now,
            Tags = IbSupport.CopyTags(request.Tags),
            ImageTags = IbSupport.CopyTags(request.ImageTags),
            ImageScanningConfiguration = request.ImageScanningConfiguration,
            ExecutionRole = request.ExecutionRole,
            Workflows = request.Workflows,
            LoggingConfiguration = request.LoggingConfiguration,
            ConsecutiveFailures = 0,
        };
        pipeline.DateNextRun = PipelineScheduler.NextRun(pipeline, call.Now);
        _state.Pipelines.Add(new Entry<ImagePipeline>(arn, arn, Ownership.Self, pipeline, _state.NextSequence()));
        return new CreateImagePipelineResponse { ClientToken = request.ClientToken, ImagePipelineArn = arn };
    }

    private UpdateImagePipelineResponse Update(UpdateImagePipelineRequest request, CallContext call)
    {
        var entry = IbSupport.Require(_state.Pipelines, request.ImagePipelineArn!);
        PipelineScheduler.Check(request.Schedule);
        var (imageRecipe, containerRecipe, _, _) = _factory.ResolveReferences(request.ImageRecipeArn, request.ContainerRecipeArn,
            request.InfrastructureConfigurationArn!, request.DistributionConfigurationArn, request.Workflows);
        var p = entry.Value;
        p.Description = request.Description;
        p.ImageRecipeArn = request.ImageRecipeArn;
        p.ContainerRecipeArn = request.ContainerRecipeArn;
        p.Platform = imageRecipe?.Value.Platform ?? containerRecipe!.Value.Platform;
        p.InfrastructureConfigurationArn = request.InfrastructureConfigurationArn;
        p.DistributionConfigurationArn = request.DistributionConfigurationArn;
        p.ImageTestsConfiguration = request.ImageTestsConfiguration ?? p.ImageTestsConfiguration;
        p.EnhancedImageMetadataEnabled = request.EnhancedImageMetadataEnabled ?? p.EnhancedImageMetadataEnabled;
        p.Schedule = request.Schedule;
        p.Status = request.Status ?? p.Status;
        p.ImageScanningConfiguration = request.ImageScanningConfiguration;
        p.Workflows = request.Workflows;
        p.LoggingConfiguration = request.LoggingConfiguration;
        p.ExecutionRole = request.ExecutionRole;
        p.ImageTags = IbSupport.CopyTags(request.ImageTags);
        p.DateUpdated = call.Now;
        p.DateNextRun = PipelineScheduler.NextRun(p, call.Now);
        return new UpdateImagePipelineResponse { ClientToken = request.ClientToken, ImagePipelineArn = entry.Arn };
    }

    private ListImagePipelinesResponse List(ListImagePipelinesRequest request, CallContext call)
    {
        var filters = new ListFilters(request.Filters, "description", "distributionConfigurationArn", "imageRecipeArn", "infrastructureConfigurationArn", "name", "status");
        var rows = _state.Pipelines.All.Where(e =>
                filters.Matches("description", e.Value.Description) && filters.Matches("distributionConfigurationArn", e.Value.DistributionConfigurationArn)
                && filters.Matches("imageRecipeArn", e.Value.ImageRecipeArn) && filters.Matches("infrastructureConfigurationArn", e.Value.InfrastructureConfigurationArn)
                && filters.Matches("name", e.Value.Name) && filters.Matches("status", e.Value.Status))
            .OrderBy(e => e.Arn, StringComparer.Ordinal).ToList();
        var page = Paging.Of(rows, request.NextToken, request.MaxResults, call.PagingScope);
        return new ListImagePipelinesResponse { ImagePipelineList = page.Items.Select(e => e.Value).ToList(), NextToken = page.NextToken };
    }

    private DeleteImagePipelineResponse Delete(DeleteImagePipelineRequest request, CallContext call)
    {
        var entry = IbSupport.Require(_state.Pipelines, request.ImagePipelineArn!);
        var running = _state.ActiveBuilds.Values.FirstOrDefault(r => r.Image.Value.SourcePipelineArn == entry.Arn);
        if (running is not null)
        {
            throw ServiceError.Dependency($"The image pipeline {entry.Arn} cannot be deleted while its image {running.Image.Arn} is being built.");
        }
        _state.Pipelines.Remove(entry.Arn);
        return new DeleteImagePipelineResponse { ImagePipelineArn = entry.Arn };
    }

    private StartImagePipelineExecutionResponse Start(StartImagePipelineExecutionRequest request, CallContext call)
    {
        var entry = IbSupport.Require(_state.Pipelines, request.ImagePipelineArn!);
        var p = entry.Value;
        if (p.Status == "DISABLED")
        {
            throw ServiceError.InUse($"The image pipeline {entry.Arn} is disabled.");
        }
        var tags = IbSupport.CopyTags(p.ImageTags) ?? new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Tags ?? new Dictionary<string, string>())
        {
            tags[key] = value;
        }
        var image = _factory.StartBuild(new BuildRequest
        {
            ImageRecipeArn = p.ImageRecipeArn,
            ContainerRecipeArn = p.ContainerRecipeArn,
            InfrastructureConfigurationArn = p.InfrastructureConfigurationArn!,
            DistributionConfigurationArn = p.DistributionConfigurationArn,
            ImageTestsConfiguration = p.ImageTestsConfiguration,
            ImageScanningConfiguration = p.ImageScanningConfiguration,
            EnhancedImageMetadataEnabled = p.EnhancedImageMetadataEnabled,
            Workflows = p.Workflows,
            ExecutionRole = p.ExecutionRole,
            LoggingConfiguration = p.LoggingConfiguration?.ImageLogGroupName is { } group ? new ImageLoggingConfiguration { LogGroupName = group } : null,
            Tags = tags.Count == 0 ? null : tags,
            Pipeline = entry,
        }, call.Now);
        p.DateLastRun = call.Now;
        p.LastRunStatus = image.Value.State?.Status;
        new PipelineLog(_state).Started(p, image.Arn, "USER_INITIATED", "StartImagePipelineExecution was called.", call.Now);
        return new StartImagePipelineExecutionResponse { ClientToken = request.ClientToken, ImageBuildVersionArn = image.Arn };
    }
}
