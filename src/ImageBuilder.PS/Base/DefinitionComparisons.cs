using System;
using System.Text;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Model.Publishing;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// What Publish-IbComponent, Publish-IbWorkflow, Publish-IbRecipe and Publish-IbPipeline compare between a stored
    /// version and the create request they would send, one list per kind so that the cmdlets cannot disagree.
    /// Properties are named as the Publish- cmdlets' parameters are.
    /// </summary>
    internal static class DefinitionComparisons
    {
        public static DefinitionDifferences Component(Component stored, CreateComponentRequest wanted) => new DefinitionDifferences()
            .Document("Document", stored.Data, wanted.Data)
            .Text("Platform", stored.Platform, wanted.Platform, StringComparison.OrdinalIgnoreCase)
            .Set("SupportedOsVersion", stored.SupportedOsVersions, wanted.SupportedOsVersions)
            .Text("Description", stored.Description, wanted.Description)
            .Text("ChangeDescription", stored.ChangeDescription, wanted.ChangeDescription)
            .Text("KmsKeyId", stored.KmsKeyId, wanted.KmsKeyId);

        public static DefinitionDifferences Workflow(Workflow stored, CreateWorkflowRequest wanted) => new DefinitionDifferences()
            .Document("Document", stored.Data, wanted.Data)
            .Text("Description", stored.Description, wanted.Description)
            .Text("ChangeDescription", stored.ChangeDescription, wanted.ChangeDescription)
            .Text("KmsKeyId", stored.KmsKeyId, wanted.KmsKeyId);

        public static DefinitionDifferences Recipe(ImageRecipe stored, CreateImageRecipeRequest wanted)
        {
            var differences = new DefinitionDifferences()
                .Structures("Component", stored.Components, wanted.Components)
                .Text("ParentImage", stored.ParentImage, wanted.ParentImage)
                .Text("Description", stored.Description, wanted.Description)
                .Structures("BlockDeviceMapping", stored.BlockDeviceMappings, wanted.BlockDeviceMappings)
                .Text("UserDataOverride", Decoded(stored.AdditionalInstanceConfiguration?.UserDataOverride), Decoded(wanted.AdditionalInstanceConfiguration?.UserDataOverride))
                .Text("UninstallSystemsManagerAgent", Flag(stored.AdditionalInstanceConfiguration), Flag(wanted.AdditionalInstanceConfiguration))
                .Map("AmiTag", stored.AmiTags, wanted.AmiTags)
                .Structures("AmiWatermark", stored.AmiWatermarks, wanted.AmiWatermarks);
            // The service may fill in a working directory of its own; one left out is not compared.
            return wanted.WorkingDirectory is null ? differences : differences.Text("WorkingDirectory", stored.WorkingDirectory, wanted.WorkingDirectory);
        }

        private static string? Flag(AdditionalInstanceConfiguration? configuration) => configuration?.SystemsManagerAgent?.UninstallAfterBuild == true ? "True" : null;

        /// <summary>User data as the script it encodes, so that a change reads as the script's text.</summary>
        private static string? Decoded(string? base64)
        {
            if (string.IsNullOrEmpty(base64)) return null;
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            }
            catch (FormatException)
            {
                return base64;
            }
        }
    }
}
