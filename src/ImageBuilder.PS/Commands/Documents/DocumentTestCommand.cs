using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using ImageBuilder.PS.Documents;

namespace ImageBuilder.PS.Commands.Documents
{
    /// <summary>
    /// What Test-IbComponentDocument and Test-IbWorkflowDocument share: documents from files, strings or objects
    /// in the pipeline (a component's Data), one finding per problem, or true/false with -Quiet. Works offline.
    /// </summary>
    public abstract class DocumentTestCommand : PSCmdlet
    {
        protected const string PathSet = "Path";
        protected const string DataSet = "Data";

        private bool _allValid = true;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "PSPath")]
        [SupportsWildcards]
        public string[] Path { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ParameterSetName = DataSet, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Data { get; set; } = "";

        [Parameter]
        public SwitchParameter Quiet { get; set; }

        /// <summary>Checks one document's text.</summary>
        protected abstract IReadOnlyList<DocumentFinding> Check(string text);

        protected override void ProcessRecord()
        {
            if (ParameterSetName == DataSet)
            {
                Report(Check(Data), null);
                return;
            }
            foreach (var pattern in Path)
            {
                Collection(pattern);
            }
        }

        protected override void EndProcessing()
        {
            if (Quiet)
            {
                WriteObject(_allValid);
            }
        }

        private void Collection(string pattern)
        {
            IEnumerable<string> files;
            try
            {
                files = SessionState.Path.GetResolvedProviderPathFromPSPath(pattern, out _);
            }
            catch (ItemNotFoundException e)
            {
                _allValid = false;
                WriteError(new ErrorRecord(e, "DocumentNotFound", ErrorCategory.ObjectNotFound, pattern));
                return;
            }
            foreach (var file in files)
            {
                string text;
                try
                {
                    text = File.ReadAllText(file);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    _allValid = false;
                    WriteError(new ErrorRecord(e, "DocumentUnreadable", ErrorCategory.ReadError, file));
                    continue;
                }
                Report(Check(text), file);
            }
        }

        private void Report(IReadOnlyList<DocumentFinding> findings, string? source)
        {
            foreach (var finding in findings)
            {
                finding.Source = source;
                if (finding.Severity == FindingSeverity.Error)
                {
                    _allValid = false;
                }
                if (!Quiet)
                {
                    WriteObject(finding);
                }
            }
            if (findings.Count == 0)
            {
                WriteVerbose($"{source ?? "The document"}: no problems found.");
            }
        }
    }

    /// <summary>Checks AWSTOE component documents offline, with the line and column of every problem.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "IbComponentDocument", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(DocumentFinding), typeof(bool))]
    public sealed class TestIbComponentDocumentCommand : DocumentTestCommand
    {
        protected override IReadOnlyList<DocumentFinding> Check(string text) => ComponentDocumentChecker.Check(text);
    }

    /// <summary>Checks Image Builder workflow documents offline, with the line and column of every problem.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "IbWorkflowDocument", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(DocumentFinding), typeof(bool))]
    public sealed class TestIbWorkflowDocumentCommand : DocumentTestCommand
    {
        protected override IReadOnlyList<DocumentFinding> Check(string text) => WorkflowDocumentChecker.Check(text);
    }
}
