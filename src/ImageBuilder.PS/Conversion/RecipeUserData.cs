using System;
using System.Management.Automation;
using System.Text;
using ImageBuilder.PS.Base;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Conversion
{
    /// <summary>
    /// A recipe's -UserDataOverride and -UninstallSystemsManagerAgent as the service takes them: the script people
    /// write, sent base64-encoded inside the additional instance configuration (New-IbRecipe, Publish-IbRecipe).
    /// </summary>
    internal static class RecipeUserData
    {
        /// <summary>
        /// The service's limit is on the base64 text it receives; the user wrote the script. So the script's own size
        /// (UTF-8 bytes) is checked against the raw size that limit allows, and the message talks in those terms.
        /// </summary>
        /// <returns>False after writing the error, when the script is too long.</returns>
        public static bool Fits(Cmdlet cmdlet, string? userData, string target)
        {
            if (userData is null)
            {
                return true;
            }
            var encodedLimit = (long)(IbShapes.UserDataOverride.Max ?? double.MaxValue);
            var rawLimit = encodedLimit / 4 * 3;
            var bytes = Encoding.UTF8.GetByteCount(userData);
            if (bytes <= rawLimit)
            {
                return true;
            }
            cmdlet.WriteError(ErrorRecords.InvalidInput("ParameterValueInvalid",
                $"-UserDataOverride is {bytes:N0} bytes (UTF-8); user data can be at most {rawLimit:N0} bytes (the service takes it base64-encoded, at most {encodedLimit:N0} characters).",
                target));
            return false;
        }

        /// <summary>The configuration to send, or null when neither setting is given.</summary>
        public static AdditionalInstanceConfiguration? InstanceConfiguration(string? userData, bool uninstallAgent)
        {
            if (userData is null && !uninstallAgent)
            {
                return null;
            }
            return new AdditionalInstanceConfiguration
            {
                UserDataOverride = userData is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(userData)),
                SystemsManagerAgent = uninstallAgent ? new SystemsManagerAgent { UninstallAfterBuild = true } : null,
            };
        }
    }
}
