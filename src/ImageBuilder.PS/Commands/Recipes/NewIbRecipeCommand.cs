using System.Management.Automation;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Completion;
using ImageBuilder.PS.Conversion;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Commands.Recipes
{
    /// <summary>Creates an image recipe (CreateImageRecipe) and writes the new recipe.</summary>
    [ApiOperation("imagebuilder", "CreateImageRecipe")]
    [Cmdlet(VerbsCommon.New, "IbRecipe", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImageRecipe))]
    public sealed class NewIbRecipeCommand : RecipeDefinitionCmdlet
    {
        [Parameter(Mandatory = true, Position = 1)]
        [Alias("Version")]
        public string SemanticVersion { get; set; } = "";

        [Parameter]
        [Alias("Components")]
        [ConfigurationListTransformation(typeof(ComponentConfiguration), "componentArn")]
        [ApiMember("components")]
        [ArgumentCompleter(typeof(ComponentArnCompleter))]
        public ComponentConfiguration[]? Component { get; set; }

        [Parameter]
        public string? ClientToken { get; set; }

        protected override void ProcessRecord()
        {
            var request = CreateRequest(SemanticVersion, Component);
            request.ClientToken = ClientToken ?? request.ClientToken;
            var target = $"{Name} {SemanticVersion}";
            if (!UserDataFits(target) || !Validate(request, target) || !ShouldProcess(target, "Create image recipe"))
            {
                return;
            }
            SendCreateImageRecipe(request, target);
        }
    }
}
