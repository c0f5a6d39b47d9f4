using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.ContainerRecipes
{
    /// <summary>Creates a container recipe (CreateContainerRecipe) and writes the new recipe.</summary>
    [ApiOperation("imagebuilder", "CreateContainerRecipe")]
    [Cmdlet(VerbsCommon.New, "IbContainerRecipe", DefaultParameterSetName = DataSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ContainerRecipe))]
    public sealed class NewIbContainerRecipeCommand : IbCmdlet
    {
        private const string DataSet = "Data";
        private const string PathSet = "Path";
        private const string UriSet = "Uri";

        [Parameter(Mandatory = true, Position = 0)]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1)]
        [Alias("Version")]
        public string SemanticVersion { get; set; } = "";

        [Parameter(Mandatory = true)]
        [ArnTransformation]
        public string ParentImage { get; set; } = "";

        [Parameter(Mandatory = true)]
        [ApiMember("targetRepository")]
        public string RepositoryName { get; set; } = "";

        [Parameter]
        [ArgumentCompleter(typeof(ContainerRepositoryServiceCompleter))]
        public string RepositoryService { get; set; } = IbValues.ContainerRepositoryService.ECR;

        [Parameter]
        [ArgumentCompleter(typeof(ContainerTypeCompleter))]
        public string ContainerType { get; set; } = IbValues.ContainerType.DOCKER;

        [Parameter]
        [Alias("Components")]
        [ConfigurationListTransformation(typeof(ComponentConfiguration), "componentArn")]
        [ApiMember("components")]
        [ArgumentCompleter(typeof(ComponentArnCompleter))]
        public ComponentConfiguration[]? Component { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = DataSet)]
        [ApiMember("dockerfileTemplateData")]
        public string DockerfileTemplateData { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = PathSet)]
        [ApiMember("dockerfileTemplateData")]
        public string DockerfileTemplatePath { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = UriSet)]
        public string DockerfileTemplateUri { get; set; } = "";

        [Parameter]
        public string? Description { get; set; }

        [Parameter]
        [ShapeTransformation(typeof(InstanceConfiguration))]
        public InstanceConfiguration? InstanceConfiguration { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(PlatformCompleter))]
        public string? PlatformOverride { get; set; }

        [Parameter]
        public string? ImageOsVersionOverride { get; set; }

        [Parameter]
        public string? WorkingDirectory { get; set; }

        [Parameter]
        public string? KmsKeyId { get; set; }

        [Parameter]
        [Alias("Tags")]
        [ApiMember("tags")]
        [ValidateTextValues]
        public Hashtable? Tag { get; set; }

        [Parameter]
        public string? ClientToken { get; set; }

        protected override void ProcessRecord()
        {
            var request = new CreateContainerRecipeRequest
            {
                Name = Name,
                SemanticVersion = SemanticVersion,
                ContainerType = ContainerType,
                ParentImage = ParentImage,
                TargetRepository = new TargetContainerRepository { RepositoryName = RepositoryName, Service = RepositoryService },
                Components = Component?.ToList(),
                DockerfileTemplateData = ParameterSetName switch
                {
                    DataSet => DockerfileTemplateData,
                    PathSet => ReadTemplate(),
                    _ => null,
                },
                DockerfileTemplateUri = ParameterSetName == UriSet ? DockerfileTemplateUri : null,
                Description = Description,
                InstanceConfiguration = InstanceConfiguration,
                PlatformOverride = PlatformOverride,
                ImageOsVersionOverride = ImageOsVersionOverride,
                WorkingDirectory = WorkingDirectory,
                KmsKeyId = KmsKeyId,
                Tags = Tags.From(Tag),
                ClientToken = ClientToken ?? Guid.NewGuid().ToString(),
            };
            if (ParameterSetName == PathSet && request.DockerfileTemplateData is null)
            {
                return;
            }
            var target = $"{Name} {SemanticVersion} (from {ParentImage})";
            if (!Validate(request, target) || !ShouldProcess(target, "Create container recipe"))
            {
                return;
            }
            if (Call(IbOperations.CreateContainerRecipe, request, target) is { ContainerRecipeArn: { } arn })
            {
                WriteCreated(IbOperations.GetContainerRecipe, new GetContainerRecipeRequest { ContainerRecipeArn = arn }, arn,
                    r => r.ContainerRecipe,
                    () => new ContainerRecipe
                    {
                        Arn = arn, Name = Name, Version = SemanticVersion, ContainerType = ContainerType, ParentImage = ParentImage, Components = request.Components,
                        TargetRepository = request.TargetRepository, Description = Description, WorkingDirectory = WorkingDirectory, KmsKeyId = KmsKeyId, Tags = request.Tags,
                    },
                    $"Get-IbContainerRecipe -Arn {arn}");
            }
        }

        private string? ReadTemplate()
        {
            var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(DockerfileTemplatePath);
            try
            {
                return File.ReadAllText(full);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(e, "DockerfileTemplateUnreadable", ErrorCategory.ReadError, DockerfileTemplatePath)
                {
                    ErrorDetails = new ErrorDetails($"The Dockerfile template '{full}' cannot be read: {e.Message}"),
                });
                return null;
            }
        }
    }
}
