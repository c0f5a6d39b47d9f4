namespace ImageBuilder.PS.Documents
{
    /// <summary>
    /// One line of a comparison of two documents (Compare-IbComponent, Compare-IbWorkflow), in the manner of
    /// Compare-Object: <c>&lt;=</c> a line only the reference has, <c>=&gt;</c> a line only the difference has,
    /// <c>==</c> a line both have (with -IncludeEqual). The line numbers are each document's own.
    /// </summary>
    public sealed class DocumentLineDifference
    {
        public const string ReferenceOnly = "<=";
        public const string DifferenceOnly = "=>";
        public const string Both = "==";

        public DocumentLineDifference(string sideIndicator, int? referenceLine, int? differenceLine, string text)
        {
            SideIndicator = sideIndicator;
            ReferenceLine = referenceLine;
            DifferenceLine = differenceLine;
            Text = text;
        }

        /// <summary>&lt;=, =&gt; or ==, as Compare-Object writes them.</summary>
        public string SideIndicator { get; }
        /// <summary>The line's number in the reference document; none for a line only the difference has.</summary>
        public int? ReferenceLine { get; }
        /// <summary>The line's number in the difference document; none for a line only the reference has.</summary>
        public int? DifferenceLine { get; }
        public string Text { get; }
        /// <summary>What the reference document is: a version's ARN.</summary>
        public string? Reference { get; set; }
        /// <summary>What the difference document is: another version's ARN, or a file.</summary>
        public string? Difference { get; set; }

        public override string ToString() => $"{SideIndicator} {Text}";
    }
}
