using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.AppStream;
using AppStreamShapes = ImageBuilder.PS.Model.AppStream.AppStreamShapes;

namespace ImageBuilder.PS.Emulator.Imports;

/// <summary>AppStream 2.0's image import: CreateImportedImage and DescribeImages, with two public base images present from the start.</summary>
internal sealed class AppStreamOperations
{
    private static readonly DateTime Published = new(2025, 1, 15, 0, 0, 0, DateTimeKind.Utc);
    private readonly EmulatorState _state;

    public AppStreamOperations(EmulatorState state) => _state = state;

    public void Register(OperationTable table)
    {
        table.Add(Model.AppStream.AppStreamOperations.CreateImportedImage, Create);
        table.Add(Model.AppStream.AppStreamOperations.DescribeImages, Describe);
    }

    public void Seed()
    {
        foreach (var (name, platform) in new[] { ("AppStream-WinServer2022-01-15-2025", "WINDOWS_SERVER_2022"), ("AppStream-AmazonLinux2-01-15-2025", "AMAZON_LINUX2") })
        {
            var image = NewImage(name, platform, Published, "arn:aws:appstream:" + _state.Settings.Region + "::image/" + name);
            image.State = "AVAILABLE";
            image.Visibility = "PUBLIC";
            image.ImageType = "NATIVE";
            _state.AppStreamImages[name] = new AppStreamImageRecord(image, DateTime.MaxValue, null) { Sequence = _state.NextSequence() };
        }
    }

    private CreateImportedImageResult Create(CreateImportedImageRequest request, CallContext call)
    {
        if ((request.SourceAmiId is null) == (request.WorkspaceImageId is null))
        {
            throw ServiceError.FromShape(AppStreamShapes.InvalidParameterCombinationException, "Specify exactly one of SourceAmiId and WorkspaceImageId.");
        }
        if (request.SourceAmiId is not null && request.IamRoleArn is null)
        {
            throw ServiceError.FromShape(AppStreamShapes.InvalidParameterCombinationException, "Importing an AMI needs IamRoleArn.");
        }
        if (request.WorkspaceImageId is { } workspaceImage && !_state.WorkSpacesImages.ContainsKey(workspaceImage))
        {
            throw ServiceError.FromShape(AppStreamShapes.ResourceNotFoundException, $"The WorkSpaces image {workspaceImage} does not exist.");
        }
        if (_state.AppStreamImages.ContainsKey(request.Name!))
        {
            throw ServiceError.FromShape(AppStreamShapes.ResourceAlreadyExistsException, $"An image named {request.Name} already exists.");
        }
        if (request.DryRun == true)
        {
            throw ServiceError.FromShape(AppStreamShapes.DryRunOperationException, "The request would have succeeded, but the DryRun parameter was set.");
        }
        var image = NewImage(request.Name!, "WINDOWS_SERVER_2022", call.Now, $"arn:aws:appstream:{_state.Settings.Region}:{_state.Settings.Account}:image/{request.Name}");
        image.DisplayName = request.DisplayName;
        image.Description = request.Description;
        image.BaseImageArn = request.SourceAmiId is { } ami ? $"arn:aws:ec2:{_state.Settings.Region}::image/{ami}" : null;
        image.Applications = request.AppCatalogConfig?.Select(a => new Application
        {
            Name = a.Name,
            DisplayName = a.DisplayName ?? a.Name,
            LaunchPath = a.AbsoluteAppPath,
            LaunchParameters = a.LaunchParameters,
            WorkingDirectory = a.WorkingDirectory,
            Enabled = true,
            CreatedTime = call.Now,
        }).ToList();
        var record = new AppStreamImageRecord(image, call.Now + _state.Settings.StageDuration, _state.ClaimFailure(FailureTarget.AppStreamImport)) { Sequence = _state.NextSequence() };
        _state.AppStreamImages[image.Name!] = record;
        return new CreateImportedImageResult { Image = image };
    }

    private static Image NewImage(string name, string platform, DateTime created, string arn) => new()
    {
        Name = name,
        Arn = arn,
        DisplayName = name,
        State = "PENDING",
        Visibility = "PRIVATE",
        ImageBuilderSupported = true,
        Platform = platform,
        CreatedTime = created,
        AppstreamAgentVersion = "LATEST",
        ImagePermissions = new ImagePermissions { AllowFleet = true, AllowImageBuilder = true },
        LatestAppstreamAgentVersion = "TRUE",
        SupportedInstanceFamilies = new List<string> { "GENERAL_PURPOSE", "MEMORY_OPTIMIZED", "COMPUTE_OPTIMIZED" },
        DynamicAppProvidersEnabled = "DISABLED",
        ImageSharedWithOthers = "FALSE",
        ImageType = "CUSTOM",
    };

    private DescribeImagesResult Describe(DescribeImagesRequest request, CallContext call)
    {
        if (request.Names is { Count: > 0 } && request.Arns is { Count: > 0 })
        {
            throw ServiceError.FromShape(AppStreamShapes.InvalidParameterCombinationException, "Specify Names or Arns, not both.");
        }
        IEnumerable<AppStreamImageRecord> rows = _state.AppStreamImages.Values.OrderBy(r => r.Sequence);
        if (request.Names is { Count: > 0 } names)
        {
            var missing = names.FirstOrDefault(n => !_state.AppStreamImages.ContainsKey(n));
            if (missing is not null)
            {
                throw ServiceError.FromShape(AppStreamShapes.ResourceNotFoundException, $"The image {missing} does not exist.");
            }
            rows = names.Distinct().Select(n => _state.AppStreamImages[n]);
        }
        else if (request.Arns is { Count: > 0 } arns)
        {
            rows = rows.Where(r => arns.Contains(r.Image.Arn!));
        }
        if (request.Type is { } visibility)
        {
            rows = rows.Where(r => r.Image.Visibility == visibility);
        }
        var page = Paging.Of(rows.ToList(), request.NextToken, request.MaxResults, call.PagingScope);
        return new DescribeImagesResult { Images = page.Items.Select(r => r.Image).ToList(), NextToken = page.NextToken };
    }
}
