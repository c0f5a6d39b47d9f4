namespace ImageBuilder.PS.Base
{
    /// <summary>What one poll of a long-running operation saw.</summary>
    /// <typeparam name="T">The resource the wait ends with (an image, an imported image, ...).</typeparam>
    public sealed class WaitObservation<T> where T : class
    {
        public WaitObservation(T resource, string status, int percent)
        {
            Resource = resource;
            Status = status;
            Percent = percent;
        }

        public T Resource { get; }
        /// <summary>The service's status word (BUILDING, IMPORTING, ...).</summary>
        public string Status { get; }
        /// <summary>How far along, 0 to 100, as well as the stages tell.</summary>
        public int Percent { get; set; }
        /// <summary>What is happening within the status (a workflow step), shown under the progress bar.</summary>
        public string? Detail { get; set; }
        /// <summary>The wait is over and went well.</summary>
        public bool Succeeded { get; set; }
        /// <summary>The wait is over and went badly; the service's reason, or the status when it gives none.</summary>
        public string? Failure { get; set; }
        /// <summary>Something the user must do for the work to go on (shown once as a warning).</summary>
        public string? ActionNeeded { get; set; }

        public bool IsFinal => Succeeded || Failure is not null;

        /// <summary>
        /// The progress record's status: PowerShell 7's default (Minimal) view shows only the activity and the
        /// status, so the step goes there too, not only in the current operation the Classic view adds.
        /// </summary>
        public string StatusLine => Detail is null ? Status : $"{Status}: {Detail}";
    }
}
