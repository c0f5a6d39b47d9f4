namespace ImageBuilder.PS.Model.Ib
{
    public sealed partial class ImageScanFinding
    {
        /// <summary>The CVE or other identifier of the vulnerability (PackageVulnerabilityDetails.VulnerabilityId), to filter and sort on.</summary>
        public string? VulnerabilityId => PackageVulnerabilityDetails?.VulnerabilityId;
    }

    public sealed partial class ImageScanFindingAggregation
    {
        // The service fills exactly one of the four aggregations; these name the one that is set, so a table of
        // aggregations reads the same whatever they are grouped by.

        /// <summary>What the counts are grouped by: Account, Image, ImagePipeline or VulnerabilityId.</summary>
        public string? AggregationType =>
            AccountAggregation is not null ? "Account"
            : ImageAggregation is not null ? "Image"
            : ImagePipelineAggregation is not null ? "ImagePipeline"
            : VulnerabilityIdAggregation is not null ? "VulnerabilityId"
            : null;

        /// <summary>The account id, image build version ARN, pipeline ARN or vulnerability id the counts belong to.</summary>
        public string? Key =>
            AccountAggregation?.AccountId
            ?? ImageAggregation?.ImageBuildVersionArn
            ?? ImagePipelineAggregation?.ImagePipelineArn
            ?? VulnerabilityIdAggregation?.VulnerabilityId;

        /// <summary>The findings counted by severity, for whichever grouping is set.</summary>
        public SeverityCounts? SeverityCounts =>
            AccountAggregation?.SeverityCounts
            ?? ImageAggregation?.SeverityCounts
            ?? ImagePipelineAggregation?.SeverityCounts
            ?? VulnerabilityIdAggregation?.SeverityCounts;
    }
}
