using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.WorkSpaces;

namespace ImageBuilder.PS.Emulator.Imports;

/// <summary>WorkSpaces' bring-your-own-licence image import: ImportWorkspaceImage and DescribeWorkspaceImages.</summary>
internal sealed class WorkSpacesOperations
{
    private readonly EmulatorState _state;

    public WorkSpacesOperations(EmulatorState state) => _state = state;

    public void Register(OperationTable table)
    {
        table.Add(Model.WorkSpaces.WorkSpacesOperations.ImportWorkspaceImage, Import);
        table.Add(Model.WorkSpaces.WorkSpacesOperations.DescribeWorkspaceImages, Describe);
    }

    private ImportWorkspaceImageResult Import(ImportWorkspaceImageRequest request, CallContext call)
    {
        if (_state.WorkSpacesImages.Values.Any(r => r.Image.Name == request.ImageName))
        {
            throw ServiceError.FromShape(WorkSpacesShapes.ResourceAlreadyExistsException, $"An image named {request.ImageName} already exists.");
        }
        if (request.Applications is { Count: > 0 } && !request.IngestionProcess!.StartsWith("BYOL_REGULAR", StringComparison.Ordinal))
        {
            throw ServiceError.FromShape(WorkSpacesShapes.InvalidParameterValuesException, "Microsoft Office can be added only to BYOL_REGULAR images.");
        }
        // The service takes any AMI id and finds out late what it holds; an AMI an Image Builder build made here tells.
        var source = _state.Images.All.FirstOrDefault(e => e.Value.OutputResources?.Amis?.Any(a => a.Image == request.Ec2ImageId) == true)?.Value;
        var image = new WorkspaceImage
        {
            ImageId = Ids.WorkSpacesImage(),
            Name = request.ImageName,
            Description = request.ImageDescription,
            OperatingSystem = new Model.WorkSpaces.OperatingSystem { Type = string.Equals(source?.Platform, "Linux", StringComparison.OrdinalIgnoreCase) ? "LINUX" : "WINDOWS" },
            State = "PENDING",
            RequiredTenancy = request.IngestionProcess!.EndsWith("_WSP", StringComparison.Ordinal) || request.IngestionProcess.EndsWith("_BYOP", StringComparison.Ordinal) ? "DEFAULT" : "DEDICATED",
            Created = call.Now,
            OwnerAccountId = _state.Settings.Account,
        };
        _state.WorkSpacesImages[image.ImageId] = new WorkSpacesImageRecord(image, call.Now + _state.Settings.StageDuration, _state.ClaimFailure(FailureTarget.WorkSpacesImport))
        {
            Sequence = _state.NextSequence(),
            Refusal = Validation.WorkSpacesByol.Refusal(source?.Platform, source?.OsVersion),
        };
        return new ImportWorkspaceImageResult { ImageId = image.ImageId };
    }

    private DescribeWorkspaceImagesResult Describe(DescribeWorkspaceImagesRequest request, CallContext call)
    {
        IEnumerable<WorkSpacesImageRecord> rows = _state.WorkSpacesImages.Values.OrderBy(r => r.Sequence);
        if (request.ImageIds is { Count: > 0 } ids)
        {
            rows = rows.Where(r => ids.Contains(r.Image.ImageId!));
        }
        if (request.ImageType == "SHARED")
        {
            rows = rows.Where(r => r.Image.OwnerAccountId != _state.Settings.Account);
        }
        var page = Paging.Of(rows.ToList(), request.NextToken, request.MaxResults, call.PagingScope);
        return new DescribeWorkspaceImagesResult { Images = page.Items.Select(r => r.Image).ToList(), NextToken = page.NextToken };
    }
}
