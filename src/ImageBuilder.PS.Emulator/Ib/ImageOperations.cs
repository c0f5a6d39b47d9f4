using System.Globalization;
using ImageBuilder.PS.Emulator.Builds;
using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Ib;

/// <summary>Images: create, get, list (versions, builds, a pipeline's images, packages), delete, resource policy.</summary>
internal sealed class ImageOperations
{
    private readonly EmulatorState _state;
    private readonly ImageFactory _factory;

    public ImageOperations(EmulatorState state, ImageFactory factory)
    {
        _state = state;
        _factory = factory;
    }

    public void Register(OperationTable table)
    {
        table.Add(IbOperations.CreateImage, Create);
        table.Add(IbOperations.GetImage, Get);
        table.Add(IbOperations.ListImages, List);
        table.Add(IbOperations.ListImageBuildVersions, ListBuilds);
        table.Add(IbOperations.ListImagePipelineImages, ListPipelineImages);
        table.Add(IbOperations.ListImagePackages, ListPackages);
        table.Add(IbOperations.DeleteImage, Delete);
        table.Add(IbOperations.GetImagePolicy, (r, c) =>
            new GetImagePolicyResponse { Policy = IbSupport.Require(_state.Images, r.ImageArn!).Policy ?? throw ServiceError.NotFound($"The image {r.ImageArn} has no resource policy.") });
        table.Add(IbOperations.PutImagePolicy, (r, c) =>
        {
            var entry = IbSupport.Require(_state.Images, r.ImageArn!);
            IbSupport.RequireOwn(entry);
            entry.Policy = IbSupport.CheckPolicy(r.Policy!);
            return new PutImagePolicyResponse { ImageArn = entry.Arn };
        });
    }

    private CreateImageResponse Create(CreateImageRequest request, CallContext call)
    {
        var entry = _factory.StartBuild(new BuildRequest
        {
            ImageRecipeArn = request.ImageRecipeArn,
            ContainerRecipeArn = request.ContainerRecipeArn,
            InfrastructureConfigurationArn = request.InfrastructureConfigurationArn!,
            DistributionConfigurationArn = request.DistributionConfigurationArn,
            ImageTestsConfiguration = request.ImageTestsConfiguration,
            ImageScanningConfiguration = request.ImageScanningConfiguration,
            EnhancedImageMetadataEnabled = request.EnhancedImageMetadataEnabled,
            Workflows = request.Workflows,
            ExecutionRole = request.ExecutionRole,
            LoggingConfiguration = request.LoggingConfiguration,
            Tags = request.Tags,
        }, call.Now);
        return new CreateImageResponse
        {
            ClientToken = request.ClientToken,
            ImageBuildVersionArn = entry.Arn,
            LatestVersionReferences = IbSupport.LatestReferences(_state.Images, entry, withBuild: true),
        };
    }

    private GetImageResponse Get(GetImageRequest request, CallContext call)
    {
        var entry = IbSupport.Resolve(_state.Images, request.ImageBuildVersionArn!, "imageBuildVersionArn", "image");
        return new GetImageResponse { Image = entry.Value, LatestVersionReferences = IbSupport.LatestReferences(_state.Images, entry, withBuild: true) };
    }

    private ListImagesResponse List(ListImagesRequest request, CallContext call)
    {
        var owner = IbSupport.ParseOwner(request.Owner);
        var filters = new ListFilters(request.Filters, "name", "osVersion", "platform", "type", "version");
        filters.RefuseVersionWithByName(request.ByName);
        var rows = _state.Listing(call.PagingScope, () => _state.Images.All
            .Where(e => e.Owner == owner && IsListed(e, request.IncludeDeprecated == true) && Matches(filters, e))
            .GroupBy(e => request.ByName == true ? e.Family : e.VersionArn)
            .Select(g => g.Max(EntryOrder<Image>.Instance)!)
            .OrderBy(e => e, EntryOrder<Image>.Instance));
        var page = Paging.Of(rows, request.NextToken, request.MaxResults, call.PagingScope);
        return new ListImagesResponse
        {
            ImageVersionList = page.Items.Select(e => new ImageVersion
            {
                Arn = e.VersionArn,
                Name = e.Value.Name,
                Type = e.Value.Type,
                Version = e.Value.Version,
                Platform = e.Value.Platform,
                OsVersion = e.Value.OsVersion,
                Owner = IbSupport.OwnerText(e.Owner, _state.Settings.Account),
                DateCreated = e.Value.DateCreated,
                BuildType = e.Value.BuildType,
                ImageSource = e.Value.ImageSource,
            }).ToList(),
            NextToken = page.NextToken,
        };
    }

    // Deleted images are gone from listings; deprecated ones only when asked for.
    private static bool IsListed(Entry<Image> entry, bool includeDeprecated) => entry.Value.State?.Status switch
    {
        "DELETED" => false,
        "DEPRECATED" => includeDeprecated,
        _ => true,
    };

    private static bool Matches(ListFilters filters, Entry<Image> e) =>
        filters.Matches("name", e.Value.Name) && filters.Matches("osVersion", e.Value.OsVersion) && filters.Matches("platform", e.Value.Platform)
        && filters.Matches("type", e.Value.Type) && filters.Matches("version", e.Value.Version);

    private ListImageBuildVersionsResponse ListBuilds(ListImageBuildVersionsRequest request, CallContext call)
    {
        var filters = new ListFilters(request.Filters, "name", "osVersion", "platform", "type", "version");
        IEnumerable<Entry<Image>> builds;
        if (request.ImageVersionArn is { } versionArn)
        {
            var arn = IbSupport.ParseArn(versionArn, "imageVersionArn", "image");
            builds = _state.Images.Family(IbSupport.Family(arn)).Where(e => e.Version.ToString() == arn.Version);
        }
        else
        {
            builds = _state.Images.All.Where(e => e.Owner == Ownership.Self);
        }
        var rows = _state.Listing(call.PagingScope, () => builds.Where(e => e.Value.State?.Status != "DELETED" && Matches(filters, e)).OrderBy(e => e, EntryOrder<Image>.Instance));
        var page = Paging.Of(rows, request.NextToken, request.MaxResults, call.PagingScope);
        return new ListImageBuildVersionsResponse { ImageSummaryList = page.Items.Select(Summary).ToList(), NextToken = page.NextToken };
    }

    private ListImagePipelineImagesResponse ListPipelineImages(ListImagePipelineImagesRequest request, CallContext call)
    {
        var pipeline = IbSupport.Require(_state.Pipelines, request.ImagePipelineArn!);
        var filters = new ListFilters(request.Filters, "name", "version");
        var rows = _state.Images.All
            .Where(e => e.Value.SourcePipelineArn == pipeline.Arn && e.Value.State?.Status != "DELETED"
                        && filters.Matches("name", e.Value.Name) && filters.Matches("version", e.Value.Version))
            .OrderBy(e => e, EntryOrder<Image>.Instance).ToList();
        var page = Paging.Of(rows, request.NextToken, request.MaxResults, call.PagingScope);
        return new ListImagePipelineImagesResponse { ImageSummaryList = page.Items.Select(Summary).ToList(), NextToken = page.NextToken };
    }

    private ImageSummary Summary(Entry<Image> e) => new()
    {
        Arn = e.Arn,
        Name = e.Value.Name,
        Type = e.Value.Type,
        Version = e.Value.Version,
        Platform = e.Value.Platform,
        OsVersion = e.Value.OsVersion,
        State = e.Value.State,
        Owner = IbSupport.OwnerText(e.Owner, _state.Settings.Account),
        DateCreated = e.Value.DateCreated,
        OutputResources = e.Value.OutputResources,
        Tags = e.Value.Tags,
        BuildType = e.Value.BuildType,
        ImageSource = e.Value.ImageSource,
        DeprecationTime = e.Value.DeprecationTime,
        LifecycleExecutionId = e.Value.LifecycleExecutionId,
        LoggingConfiguration = e.Value.LoggingConfiguration,
    };

    private ListImagePackagesResponse ListPackages(ListImagePackagesRequest request, CallContext call)
    {
        var entry = IbSupport.Require(_state.Images, request.ImageBuildVersionArn!);
        if (entry.Value.State?.Status is not ("AVAILABLE" or "DEPRECATED" or "DISABLED"))
        {
            throw ServiceError.InvalidRequest($"The image {entry.Arn} has no package inventory: it is {entry.Value.State?.Status}.");
        }
        var page = Paging.Of(PackagesOf(entry), request.NextToken, request.MaxResults, call.PagingScope);
        return new ListImagePackagesResponse { ImagePackageList = page.Items, NextToken = page.NextToken };
    }

    /// <summary>The inventory an enhanced-metadata build collects, fixed per platform and varied per image.</summary>
    private static List<ImagePackage> PackagesOf(Entry<Image> entry)
    {
        string[] names = entry.Value.Platform == "Windows"
            ? new[] { "Amazon SSM Agent", "AWS Tools for Windows", "EC2Launch", "Microsoft Edge", "PowerShell 7", "Windows Defender", ".NET Runtime", "Visual C++ Redistributable" }
            : new[] { "bash", "coreutils", "curl", "dnf", "glibc", "kernel", "openssh-server", "openssl", "python3", "sudo", "systemd", "tar", "vim-minimal", "zlib", "amazon-ssm-agent", "ca-certificates" };
        int seed = Ids.Stable(entry.Arn);
        return names.Select((name, i) => new ImagePackage
        {
            PackageName = name,
            PackageVersion = string.Create(CultureInfo.InvariantCulture, $"{1 + (seed + i) % 9}.{(seed >> 3) % 20}.{i}"),
        }).ToList();
    }

    private DeleteImageResponse Delete(DeleteImageRequest request, CallContext call)
    {
        var entry = IbSupport.Require(_state.Images, request.ImageBuildVersionArn!);
        IbSupport.RequireOwn(entry);
        if (_state.ActiveBuilds.ContainsKey(entry.Arn))
        {
            throw ServiceError.Dependency($"The image {entry.Arn} is still being built; cancel it first.");
        }
        _state.Images.Remove(entry.Arn);
        if (_state.FindingsByImage.Remove(entry.Arn))
        {
            _state.Findings.RemoveAll(f => f.ImageBuildVersionArn == entry.Arn);
        }
        return new DeleteImageResponse { ImageBuildVersionArn = entry.Arn };
    }
}
