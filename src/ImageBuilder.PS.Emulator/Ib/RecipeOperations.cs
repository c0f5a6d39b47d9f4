using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Ib;

/// <summary>Image recipes and container recipes: create, get, list, delete, resource policies.</summary>
internal sealed class RecipeOperations
{
    private readonly EmulatorState _state;

    public RecipeOperations(EmulatorState state) => _state = state;

    public void Register(OperationTable table)
    {
        table.Add(IbOperations.CreateImageRecipe, CreateImageRecipe);
        table.Add(IbOperations.GetImageRecipe, GetImageRecipe);
        table.Add(IbOperations.ListImageRecipes, ListImageRecipes);
        table.Add(IbOperations.DeleteImageRecipe, DeleteImageRecipe);
        table.Add(IbOperations.GetImageRecipePolicy, (r, c) =>
            new GetImageRecipePolicyResponse { Policy = PolicyOf(IbSupport.Require(_state.ImageRecipes, r.ImageRecipeArn!)) });
        table.Add(IbOperations.PutImageRecipePolicy, (r, c) =>
        {
            var entry = IbSupport.Require(_state.ImageRecipes, r.ImageRecipeArn!);
            IbSupport.RequireOwn(entry);
            entry.Policy = IbSupport.CheckPolicy(r.Policy!);
            return new PutImageRecipePolicyResponse { ImageRecipeArn = entry.Arn };
        });

        table.Add(IbOperations.CreateContainerRecipe, CreateContainerRecipe);
        table.Add(IbOperations.GetContainerRecipe, GetContainerRecipe);
        table.Add(IbOperations.ListContainerRecipes, ListContainerRecipes);
        table.Add(IbOperations.DeleteContainerRecipe, DeleteContainerRecipe);
        table.Add(IbOperations.GetContainerRecipePolicy, (r, c) =>
            new GetContainerRecipePolicyResponse { Policy = PolicyOf(IbSupport.Require(_state.ContainerRecipes, r.ContainerRecipeArn!)) });
        table.Add(IbOperations.PutContainerRecipePolicy, (r, c) =>
        {
            var entry = IbSupport.Require(_state.ContainerRecipes, r.ContainerRecipeArn!);
            IbSupport.RequireOwn(entry);
            entry.Policy = IbSupport.CheckPolicy(r.Policy!);
            return new PutContainerRecipePolicyResponse { ContainerRecipeArn = entry.Arn };
        });
    }

    private static string PolicyOf<T>(Entry<T> entry) where T : class, ImageBuilder.PS.Protocol.IAwsStructure =>
        entry.Policy ?? throw ServiceError.NotFound($"The resource {entry.Arn} has no resource policy.");

    private CreateImageRecipeResponse CreateImageRecipe(CreateImageRecipeRequest request, CallContext call)
    {
        var version = ExactVersion(request.SemanticVersion);
        var arn = _state.Arns.Build("image-recipe", request.Name!, version.ToString());
        if (_state.ImageRecipes.Contains(arn))
        {
            throw ServiceError.AlreadyExists($"The image recipe {arn} already exists.");
        }
        RequireComponents(request.Components, required: true);
        var parent = ParentImages.Describe(_state, request.ParentImage!);
        var recipe = new ImageRecipe
        {
            Arn = arn,
            Type = "AMI",
            Name = request.Name,
            Description = request.Description,
            Platform = parent.Platform,
            Owner = _state.Settings.Account,
            Version = version.ToString(),
            Components = request.Components,
            ParentImage = request.ParentImage,
            BlockDeviceMappings = request.BlockDeviceMappings,
            DateCreated = call.Now,
            Tags = IbSupport.CopyTags(request.Tags),
            WorkingDirectory = request.WorkingDirectory,
            AdditionalInstanceConfiguration = request.AdditionalInstanceConfiguration,
            AmiTags = IbSupport.CopyTags(request.AmiTags),
            AmiWatermarks = request.AmiWatermarks,
        };
        var entry = new Entry<ImageRecipe>(arn, _state.Arns.Build("image-recipe", request.Name!), Ownership.Self, recipe, _state.NextSequence()) { Version = version };
        _state.ImageRecipes.Add(entry);
        return new CreateImageRecipeResponse
        {
            ClientToken = request.ClientToken,
            ImageRecipeArn = arn,
            LatestVersionReferences = IbSupport.LatestReferences(_state.ImageRecipes, entry, withBuild: false),
        };
    }

    private CreateContainerRecipeResponse CreateContainerRecipe(CreateContainerRecipeRequest request, CallContext call)
    {
        var version = ExactVersion(request.SemanticVersion);
        var arn = _state.Arns.Build("container-recipe", request.Name!, version.ToString());
        if (_state.ContainerRecipes.Contains(arn))
        {
            throw ServiceError.AlreadyExists($"The container recipe {arn} already exists.");
        }
        if (request.DockerfileTemplateData is not null && request.DockerfileTemplateUri is not null)
        {
            throw ServiceError.InvalidParameterCombination("Specify either dockerfileTemplateData or dockerfileTemplateUri, not both.");
        }
        if (request.DockerfileTemplateData is null && request.DockerfileTemplateUri is null)
        {
            throw ServiceError.InvalidParameterCombination("Specify dockerfileTemplateData or dockerfileTemplateUri.");
        }
        RequireComponents(request.Components, required: true);
        var recipe = new ContainerRecipe
        {
            Arn = arn,
            ContainerType = request.ContainerType,
            Name = request.Name,
            Description = request.Description,
            Platform = request.PlatformOverride ?? "Linux",
            Owner = _state.Settings.Account,
            Version = version.ToString(),
            Components = request.Components,
            InstanceConfiguration = request.InstanceConfiguration,
            DockerfileTemplateData = request.DockerfileTemplateData ?? $"# Stored at {request.DockerfileTemplateUri}",
            KmsKeyId = request.KmsKeyId,
            Encrypted = true,
            ParentImage = request.ParentImage,
            DateCreated = call.Now,
            Tags = IbSupport.CopyTags(request.Tags),
            WorkingDirectory = request.WorkingDirectory,
            TargetRepository = request.TargetRepository,
        };
        var entry = new Entry<ContainerRecipe>(arn, _state.Arns.Build("container-recipe", request.Name!), Ownership.Self, recipe, _state.NextSequence()) { Version = version };
        _state.ContainerRecipes.Add(entry);
        return new CreateContainerRecipeResponse
        {
            ClientToken = request.ClientToken,
            ContainerRecipeArn = arn,
            LatestVersionReferences = IbSupport.LatestReferences(_state.ContainerRecipes, entry, withBuild: false),
        };
    }

    /// <summary>A recipe's version is given exactly (the model's pattern allows 'x', the service does not for a new recipe).</summary>
    private static SemanticVersion ExactVersion(string? text)
    {
        if (!SemanticVersion.TryParse(text, out var version))
        {
            throw ServiceError.InvalidVersionNumber($"A new recipe needs an exact semantic version (major.minor.patch), not '{text}'.");
        }
        return version;
    }

    /// <summary>Every component a recipe names must exist (a wildcard must select at least one build).</summary>
    private void RequireComponents(List<ComponentConfiguration>? components, bool required)
    {
        if (components is null || components.Count == 0)
        {
            if (required)
            {
                throw ServiceError.InvalidRequest("A recipe needs at least one component.");
            }
            return;
        }
        foreach (var component in components)
        {
            var arn = IbSupport.ParseArn(component.ComponentArn!, "components.componentArn", "component");
            if (_state.Components.Resolve(IbSupport.Family(arn), arn.Version, IbSupport.BuildNumber(arn)) is null)
            {
                throw ServiceError.InvalidParameterValue($"The component {component.ComponentArn} does not exist.");
            }
        }
    }

    private GetImageRecipeResponse GetImageRecipe(GetImageRecipeRequest request, CallContext call)
    {
        var entry = IbSupport.Resolve(_state.ImageRecipes, request.ImageRecipeArn!, "imageRecipeArn", "image-recipe");
        return new GetImageRecipeResponse { ImageRecipe = entry.Value, LatestVersionReferences = IbSupport.LatestReferences(_state.ImageRecipes, entry, withBuild: false) };
    }

    private GetContainerRecipeResponse GetContainerRecipe(GetContainerRecipeRequest request, CallContext call)
    {
        var entry = IbSupport.Resolve(_state.ContainerRecipes, request.ContainerRecipeArn!, "containerRecipeArn", "container-recipe");
        return new GetContainerRecipeResponse { ContainerRecipe = entry.Value, LatestVersionReferences = IbSupport.LatestReferences(_state.ContainerRecipes, entry, withBuild: false) };
    }

    private ListImageRecipesResponse ListImageRecipes(ListImageRecipesRequest request, CallContext call)
    {
        var owner = IbSupport.ParseOwner(request.Owner);
        var filters = new ListFilters(request.Filters, "name", "parentImage", "platform");
        var rows = _state.ImageRecipes.All
            .Where(e => e.Owner == owner && filters.Matches("name", e.Value.Name) && filters.Matches("parentImage", e.Value.ParentImage) && filters.Matches("platform", e.Value.Platform))
            .OrderBy(e => e, EntryOrder<ImageRecipe>.Instance).ToList();
        var page = Paging.Of(rows, request.NextToken, request.MaxResults, call.PagingScope);
        return new ListImageRecipesResponse
        {
            ImageRecipeSummaryList = page.Items.Select(e => new ImageRecipeSummary
            {
                Arn = e.Arn,
                Name = e.Value.Name,
                Platform = e.Value.Platform,
                Owner = e.Value.Owner,
                ParentImage = e.Value.ParentImage,
                DateCreated = e.Value.DateCreated,
                Tags = e.Value.Tags,
            }).ToList(),
            NextToken = page.NextToken,
        };
    }

    private ListContainerRecipesResponse ListContainerRecipes(ListContainerRecipesRequest request, CallContext call)
    {
        var owner = IbSupport.ParseOwner(request.Owner);
        var filters = new ListFilters(request.Filters, "containerType", "name", "parentImage", "platform");
        var rows = _state.ContainerRecipes.All
            .Where(e => e.Owner == owner && filters.Matches("containerType", e.Value.ContainerType) && filters.Matches("name", e.Value.Name)
                        && filters.Matches("parentImage", e.Value.ParentImage) && filters.Matches("platform", e.Value.Platform))
            .OrderBy(e => e, EntryOrder<ContainerRecipe>.Instance).ToList();
        var page = Paging.Of(rows, request.NextToken, request.MaxResults, call.PagingScope);
        return new ListContainerRecipesResponse
        {
            ContainerRecipeSummaryList = page.Items.Select(e => new ContainerRecipeSummary
            {
                Arn = e.Arn,
                ContainerType = e.Value.ContainerType,
                Name = e.Value.Name,
                Platform = e.Value.Platform,
                Owner = e.Value.Owner,
                ParentImage = e.Value.ParentImage,
                DateCreated = e.Value.DateCreated,
                InstanceImage = e.Value.InstanceConfiguration?.Image,
                Tags = e.Value.Tags,
            }).ToList(),
            NextToken = page.NextToken,
        };
    }

    private DeleteImageRecipeResponse DeleteImageRecipe(DeleteImageRecipeRequest request, CallContext call)
    {
        var entry = IbSupport.Require(_state.ImageRecipes, request.ImageRecipeArn!);
        IbSupport.RequireOwn(entry);
        RefuseIfUsed(entry, "image recipe");
        _state.ImageRecipes.Remove(entry.Arn);
        return new DeleteImageRecipeResponse { ImageRecipeArn = entry.Arn };
    }

    private DeleteContainerRecipeResponse DeleteContainerRecipe(DeleteContainerRecipeRequest request, CallContext call)
    {
        var entry = IbSupport.Require(_state.ContainerRecipes, request.ContainerRecipeArn!);
        IbSupport.RequireOwn(entry);
        RefuseIfUsed(entry, "container recipe");
        _state.ContainerRecipes.Remove(entry.Arn);
        return new DeleteContainerRecipeResponse { ContainerRecipeArn = entry.Arn };
    }

    private void RefuseIfUsed<T>(Entry<T> recipe, string what) where T : class, ImageBuilder.PS.Protocol.IAwsStructure
    {
        var pipeline = Dependencies.PipelinesUsingRecipe(_state, recipe).FirstOrDefault();
        if (pipeline is not null)
        {
            throw ServiceError.Dependency($"The {what} {recipe.Arn} cannot be deleted: the image pipeline {pipeline} uses it.");
        }
    }
}
