using System.Collections.Generic;
using System.Management.Automation;
using ImageBuilder.PS.Documents;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// The base of Compare-IbComponent and Compare-IbWorkflow: the lines in which a stored version's document (the
    /// reference, -Arn) and another version's (-DifferenceArn), a file (-Path) or a text (-Data) differ, as
    /// <see cref="DocumentLineDifference"/> objects. Both documents are normalised as Publish-Ib* compare them.
    /// </summary>
    public abstract class DocumentComparisonCmdlet : IbCmdlet
    {
        protected const string ArnSet = "Arn";
        protected const string PathSet = "Path";
        protected const string DataSet = "Data";

        /// <summary>The version whose document is the reference: its lines only are marked &lt;=.</summary>
        public abstract string Arn { get; set; }

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ArnSet)]
        [Conversion.ArnTransformation]
        public string DifferenceArn { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = PathSet)]
        public string Path { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = DataSet)]
        public string Data { get; set; } = "";

        [Parameter]
        public SwitchParameter IncludeEqual { get; set; }

        /// <summary>What the documents are, for messages: "component".</summary>
        protected abstract string DocumentKind { get; }

        /// <summary>A stored version's document; null after an error was written.</summary>
        protected abstract string? ReadStored(string arn);

        protected override void ProcessRecord()
        {
            var reference = ReadStored(Arn);
            if (reference is null)
            {
                return;
            }
            var (difference, source) = ParameterSetName switch
            {
                ArnSet => (ReadStored(DifferenceArn), DifferenceArn),
                PathSet => (DocumentFile.Read(this, Path, DocumentKind), SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path)),
                _ => (Data, "-Data"),
            };
            if (difference is null)
            {
                return;
            }
            var lines = LineDiff.Compare(DocumentText.Lines(reference), DocumentText.Lines(difference), IncludeEqual);
            var changed = 0;
            foreach (var line in lines)
            {
                if (line.SideIndicator != DocumentLineDifference.Both) changed++;
                line.Reference = Arn;
                line.Difference = source;
                WriteObject(line);
            }
            Verbose(changed == 0 ? $"The documents of {Arn} and {source} are the same." : $"{changed} line{(changed == 1 ? "" : "s")} differ between {Arn} (<=) and {source} (=>).");
        }
    }
}
