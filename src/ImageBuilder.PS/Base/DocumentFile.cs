using System;
using System.IO;
using System.Management.Automation;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// Reads the YAML document a -Path parameter names (components, workflows), resolved against the current
    /// PowerShell location rather than the process's, and reports a file that cannot be read as a non-terminating
    /// error for that path.
    /// </summary>
    internal static class DocumentFile
    {
        /// <param name="kind">What the document is, for the message: "component", "workflow".</param>
        /// <returns>The file's text, or null after an error was written.</returns>
        public static string? Read(PSCmdlet cmdlet, string path, string kind)
        {
            var full = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            try
            {
                return File.ReadAllText(full);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                var id = char.ToUpperInvariant(kind[0]) + kind.Substring(1) + "DocumentUnreadable";
                cmdlet.WriteError(new ErrorRecord(e, id, ErrorCategory.ReadError, path)
                {
                    ErrorDetails = new ErrorDetails($"The {kind} document '{full}' cannot be read: {e.Message}"),
                });
                return null;
            }
        }
    }
}
