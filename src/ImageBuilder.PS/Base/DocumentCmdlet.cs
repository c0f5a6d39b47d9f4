using System.Collections.Generic;
using System.Management.Automation;
using ImageBuilder.PS.Documents;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// The base of cmdlets that send a document for Image Builder to keep (a component's or workflow's YAML, a
    /// script to import): given inline with -Data or read from a file with -Path. Cmdlets that may leave it in S3
    /// declare -Uri themselves (in <see cref="UriSet"/>): Publish-Ib* compare the document, so they cannot take one
    /// they cannot read.
    /// </summary>
    public abstract class DocumentCmdlet : IbCmdlet
    {
        protected const string DataSet = "Data";
        protected const string PathSet = "Path";
        protected const string UriSet = "Uri";

        /// <summary>The document's text.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DataSet)]
        public string Data { get; set; } = "";

        /// <summary>A file holding the document, read here and sent inline.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PathSet)]
        [ApiMember("data")]
        public string Path { get; set; } = "";

        /// <summary>What the document is, for messages: "component", "workflow".</summary>
        protected abstract string DocumentKind { get; }

        /// <summary>The S3 URI to send: -Uri's value in <see cref="UriSet"/> for cmdlets that take one, null otherwise.</summary>
        protected virtual string? DocumentUri => null;

        /// <summary>The document's text to send inline (null with -Uri).</summary>
        /// <returns>False when -Path names a file that cannot be read; the error has been written.</returns>
        protected virtual bool TryReadDocument(out string? data)
        {
            data = ParameterSetName switch
            {
                DataSet => Data,
                PathSet => DocumentFile.Read(this, Path, DocumentKind),
                _ => null,
            };
            return ParameterSetName != PathSet || data is not null;
        }
    }

    /// <summary>
    /// The base of cmdlets that send a component or workflow document: besides -Data, -Path and -Uri it may be a
    /// -Document object written out as YAML, and a document sent inline is checked first (Test-Ib*Document's
    /// check), which -SkipValidation turns off.
    /// </summary>
    public abstract class CheckedDocumentCmdlet : DocumentCmdlet
    {
        protected const string DocumentSet = "Document";

        /// <summary>The document as a hashtable or object, written out as YAML.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DocumentSet)]
        [ApiMember("data")]
        public object Document { get; set; } = new();

        /// <summary>Sends the document even when its check finds errors.</summary>
        [Parameter(ParameterSetName = DataSet)]
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = DocumentSet)]
        public SwitchParameter SkipValidation { get; set; }

        /// <summary>The offline check for this kind of document.</summary>
        protected abstract IReadOnlyList<DocumentFinding> Check(string document);

        /// <summary>Reads the document like <see cref="DocumentCmdlet.TryReadDocument"/>, then checks one sent inline.</summary>
        /// <returns>False when it cannot be read or its check found errors; the errors have been written.</returns>
        protected bool TryReadCheckedDocument(object target, out string? data)
        {
            if (!TryReadDocument(out data))
            {
                return false;
            }
            if (data is null || SkipValidation)
            {
                return true;
            }
            var what = char.ToUpperInvariant(DocumentKind[0]) + DocumentKind.Substring(1);
            return DocumentGate.Pass(this, Check(data), what, ParameterSetName, target);
        }

        protected override bool TryReadDocument(out string? data)
        {
            if (ParameterSetName == DocumentSet)
            {
                data = YamlWriter.Write(Document);
                return true;
            }
            return base.TryReadDocument(out data);
        }
    }
}
