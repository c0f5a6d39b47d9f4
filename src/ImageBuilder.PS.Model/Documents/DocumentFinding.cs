namespace ImageBuilder.PS.Documents
{
    public enum FindingSeverity
    {
        /// <summary>The service or the build would reject or fail on this.</summary>
        Error,
        /// <summary>Probably a mistake, but the document may still work.</summary>
        Warning,
    }

    /// <summary>One problem in a component or workflow document, with where it is and what to do about it.</summary>
    public sealed class DocumentFinding
    {
        public DocumentFinding(FindingSeverity severity, int line, int column, string path, string rule, string message)
        {
            Severity = severity;
            Line = line;
            Column = column;
            Path = path;
            Rule = rule;
            Message = message;
        }

        public FindingSeverity Severity { get; }
        /// <summary>1-based line of the node at fault.</summary>
        public int Line { get; }
        /// <summary>1-based column of the node at fault.</summary>
        public int Column { get; }
        /// <summary>Where in the document, e.g. phases[0].steps[2].inputs.</summary>
        public string Path { get; }
        /// <summary>A stable name for the rule (for filtering), e.g. UnknownAction.</summary>
        public string Rule { get; }
        public string Message { get; }
        /// <summary>The file or description of the document checked, when there is one.</summary>
        public string? Source { get; set; }

        public override string ToString() => $"{Source}{(Source is null ? "" : ":")}{Line}:{Column}: {Severity.ToString().ToLowerInvariant()}: {Message}";
    }
}
