namespace ImageBuilder.PS.Model.Ib
{
    public sealed partial class ImageSummary
    {
        /// <summary>
        /// The build's status (State.Status) at the top level, so that a pipeline can filter on it:
        /// Get-IbImageBuildVersion ... | Where-Object Status -eq AVAILABLE.
        /// </summary>
        public string? Status => State?.Status;
    }
}
