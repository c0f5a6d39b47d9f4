using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Documents;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// The check a document passes before New-IbComponent or New-IbWorkflow sends it: errors stop the call
    /// (unless -SkipValidation), warnings are shown and the call goes on.
    /// </summary>
    internal static class DocumentGate
    {
        /// <returns>True when the document may be sent.</returns>
        public static bool Pass(PSCmdlet cmdlet, IReadOnlyList<DocumentFinding> findings, string what, string parameter, object target)
        {
            foreach (var warning in findings.Where(f => f.Severity == FindingSeverity.Warning))
            {
                cmdlet.WriteWarning($"{what} document, line {warning.Line}, column {warning.Column}: {warning.Message}");
            }
            var errors = findings.Where(f => f.Severity == FindingSeverity.Error).ToList();
            if (errors.Count == 0)
            {
                return true;
            }
            var lines = string.Join(Environment.NewLine, errors.Select(e => $"  line {e.Line}, column {e.Column}: {e.Message}"));
            var message = $"The {what.ToLowerInvariant()} document given with -{parameter} has {errors.Count} problem{(errors.Count == 1 ? "" : "s")}, so it was not sent:{Environment.NewLine}{lines}{Environment.NewLine}" +
                          "Fix them, or pass -SkipValidation to send it anyway.";
            cmdlet.WriteError(new ErrorRecord(new FormatException(message), what + "DocumentInvalid", ErrorCategory.InvalidData, target)
            {
                ErrorDetails = new ErrorDetails(message),
            });
            return false;
        }
    }
}
