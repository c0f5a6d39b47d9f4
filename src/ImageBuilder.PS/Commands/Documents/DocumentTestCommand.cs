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
        protected const string LiteralPathSet = "LiteralPath";
        protected const string DataSet = "Data";

        private bool _allValid = true;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        public string[] Path { get; set; } = Array.Empty<string>();

        // Files from Get-ChildItem bind here by their PSPath, so that a name with [ or ] is not taken as a pattern.
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

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
            if (ParameterSetName == LiteralPathSet)
            {
                foreach (var path in LiteralPath)
                {
                    CheckFile(SessionState.Path.GetUnresolvedProviderPathFromPSPath(path), path);
                }
                return;
            }
            foreach (var pattern in Path)
            {
                CheckMatches(pattern);
            }
        }

        protected override void EndProcessing()
        {
            if (Quiet)
            {
                WriteObject(_allValid);
            }
        }

        private void CheckMatches(string pattern)
        {
            if (pattern.IndexOf('\n') >= 0)
            {
                // Most likely a document's text given by position, where a file name belongs.
                Unchecked(new ArgumentException("-Path was given text with line breaks, not a file name. Pass a document's text with -Data."),
                    "DocumentPathIsText", ErrorCategory.InvalidArgument, pattern);
                return;
            }
            ICollection<string> files;
            try
            {
                files = SessionState.Path.GetResolvedProviderPathFromPSPath(pattern, out _);
            }
            catch (ItemNotFoundException e)
            {
                Unchecked(e, "DocumentNotFound", ErrorCategory.ObjectNotFound, pattern);
                return;
            }
            if (files.Count == 0)
            {
                // A pattern that matches nothing is not a pass: a mistyped path in a check would hide every problem.
                Unchecked(new ItemNotFoundException($"No file matches '{pattern}'."), "DocumentNotFound", ErrorCategory.ObjectNotFound, pattern);
            }
            foreach (var file in files)
            {
                CheckFile(file, file);
            }
        }

        private void CheckFile(string file, string given)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
            {
                Unchecked(new ItemNotFoundException($"Cannot find the document '{given}': no such file.", e), "DocumentNotFound", ErrorCategory.ObjectNotFound, given);
                return;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                Unchecked(e, "DocumentUnreadable", ErrorCategory.ReadError, file);
                return;
            }
            Report(Check(text), file);
        }

        /// <summary>A document that could not be checked (not found, unreadable, not a path) counts as not valid, so -Quiet says false.</summary>
        private void Unchecked(Exception e, string errorId, ErrorCategory category, string target)
        {
            _allValid = false;
            WriteError(new ErrorRecord(e, errorId, category, target));
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
