using System;

namespace ImageBuilder.PS.Validation
{
    /// <summary>
    /// Which images WorkSpaces imports as bring-your-own-license images: Windows 10 and Windows 11 desktops (the
    /// ImportWorkspaceImage reference says so, and ImportCustomWorkspaceImage's OsVersion takes Windows_10 and
    /// Windows_11 alone). Windows Server and Linux images are refused by the service, late, as an image in state ERROR
    /// with the error code OSNotSupported. The module checks before sending, the emulator ends the import so.
    /// </summary>
    public static class WorkSpacesByol
    {
        public const string ErrorCode = "OSNotSupported";

        /// <summary>
        /// Why WorkSpaces would refuse an image of <paramref name="platform"/> and <paramref name="osVersion"/> (as
        /// Image Builder reports them), or null when it takes it or when too little is known to tell.
        /// </summary>
        public static string? Refusal(string? platform, string? osVersion)
        {
            var os = string.IsNullOrWhiteSpace(osVersion) ? platform : osVersion;
            if (string.Equals(platform, "Linux", StringComparison.OrdinalIgnoreCase)
                || (osVersion is not null && (Has(osVersion, "Server") || Has(osVersion, "Windows 7") || Has(osVersion, "Windows 8"))))
            {
                return $"WorkSpaces imports only Windows 10 and Windows 11 desktop images as bring-your-own-license images, and this image is {os}";
            }
            return null;
        }

        private static bool Has(string text, string part) => text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
