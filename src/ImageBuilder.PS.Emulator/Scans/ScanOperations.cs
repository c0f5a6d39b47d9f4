using ImageBuilder.PS.Emulator.Core;
using ImageBuilder.PS.Emulator.State;
using ImageBuilder.PS.Model.Ib;

namespace ImageBuilder.PS.Emulator.Scans;

/// <summary>
/// Scan findings and their aggregations. Both read the same stored findings, so counts always agree with the
/// findings listed. Listings read forward from the token's position, so paging through a large seeded set costs
/// time proportional to each page.
/// </summary>
internal sealed class ScanOperations
{
    private readonly EmulatorState _state;

    public ScanOperations(EmulatorState state) => _state = state;

    public void Register(OperationTable table)
    {
        table.Add(IbOperations.ListImageScanFindings, ListFindings);
        table.Add(IbOperations.ListImageScanFindingAggregations, ListAggregations);
    }

    private ListImageScanFindingsResponse ListFindings(ListImageScanFindingsRequest request, CallContext call)
    {
        IReadOnlyList<ImageScanFinding> source = _state.Findings;
        Func<ImageScanFinding, bool> keep = _ => true;
        var filter = request.Filters?.FirstOrDefault();
        if (filter is not null)
        {
            var value = filter.Values![0];
            switch (filter.Name)
            {
                case "imageBuildVersionArn":
                    source = _state.FindingsByImage.TryGetValue(value, out var forImage) ? forImage : new List<ImageScanFinding>();
                    break;
                case "imagePipelineArn":
                    keep = f => f.ImagePipelineArn == value;
                    break;
                case "vulnerabilityId":
                    keep = f => f.PackageVulnerabilityDetails?.VulnerabilityId == value;
                    break;
                case "severity":
                    keep = f => f.Severity == value;
                    break;
                default:
                    throw ServiceError.InvalidParameterValue($"The filter name '{filter.Name}' is not supported. Supported filters: imageBuildVersionArn, imagePipelineArn, vulnerabilityId, severity.");
            }
        }
        var page = Paging.Scan(source, request.NextToken, request.MaxResults, call.PagingScope, keep, f => f);
        return new ListImageScanFindingsResponse { Findings = page.Items, NextToken = page.NextToken };
    }

    private ListImageScanFindingAggregationsResponse ListAggregations(ListImageScanFindingAggregationsRequest request, CallContext call)
    {
        var filter = request.Filter;
        var value = filter?.Values?.FirstOrDefault();
        if (filter is not null && (filter.Values is null || filter.Values.Count != 1))
        {
            throw ServiceError.InvalidParameterValue("The aggregation filter takes exactly one value.");
        }
        // Each filter narrows the findings and names the next level of detail to group them by. An account's findings
        // are grouped by image, not by pipeline: images built without a pipeline have findings too, and an
        // imagePipelineAggregation cannot stand for them, so the rows would no longer add up to the account's total.
        (string type, Func<ImageScanFinding, bool> keep, Func<ImageScanFinding, string?> key) plan = filter?.Name switch
        {
            null => ("accountId", _ => true, f => f.AwsAccountId),
            "accountId" => ("imageBuildVersionArn", f => f.AwsAccountId == value, f => f.ImageBuildVersionArn),
            "imagePipelineArn" => ("imageBuildVersionArn", f => f.ImagePipelineArn == value, f => f.ImageBuildVersionArn),
            "imageBuildVersionArn" => ("vulnerabilityId", f => f.ImageBuildVersionArn == value, f => f.PackageVulnerabilityDetails?.VulnerabilityId),
            "vulnerabilityId" => ("imageBuildVersionArn", f => f.PackageVulnerabilityDetails?.VulnerabilityId == value, f => f.ImageBuildVersionArn),
            _ => throw ServiceError.InvalidParameterValue($"The filter name '{filter.Name}' is not supported. Supported filters: accountId, imagePipelineArn, imageBuildVersionArn, vulnerabilityId."),
        };
        IEnumerable<ImageScanFinding> findings = filter?.Name == "imageBuildVersionArn"
            ? (_state.FindingsByImage.TryGetValue(value!, out var forImage) ? forImage : new List<ImageScanFinding>())
            : _state.Findings;
        var groups = new Dictionary<string, SeverityCounts>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var finding in findings)
        {
            if (!plan.keep(finding) || plan.key(finding) is not { } key)
            {
                continue;
            }
            if (!groups.TryGetValue(key, out var counts))
            {
                groups[key] = counts = new SeverityCounts { All = 0, Critical = 0, High = 0, Medium = 0 };
                order.Add(key);
            }
            Count(counts, finding.Severity);
        }
        var rows = order.Select(key => Aggregation(plan.type, key, groups[key])).ToList();
        var page = Paging.Of(rows, request.NextToken, null, call.PagingScope);
        return new ListImageScanFindingAggregationsResponse { AggregationType = plan.type, Responses = page.Items, NextToken = page.NextToken };
    }

    private static void Count(SeverityCounts counts, string? severity)
    {
        counts.All++;
        switch (severity)
        {
            case "CRITICAL": counts.Critical++; break;
            case "HIGH": counts.High++; break;
            case "MEDIUM": counts.Medium++; break;
        }
    }

    private static ImageScanFindingAggregation Aggregation(string type, string key, SeverityCounts counts) => type switch
    {
        "accountId" => new ImageScanFindingAggregation { AccountAggregation = new AccountAggregation { AccountId = key, SeverityCounts = counts } },
        "imagePipelineArn" => new ImageScanFindingAggregation { ImagePipelineAggregation = new ImagePipelineAggregation { ImagePipelineArn = key, SeverityCounts = counts } },
        "imageBuildVersionArn" => new ImageScanFindingAggregation { ImageAggregation = new ImageAggregation { ImageBuildVersionArn = key, SeverityCounts = counts } },
        _ => new ImageScanFindingAggregation { VulnerabilityIdAggregation = new VulnerabilityIdAggregation { VulnerabilityId = key, SeverityCounts = counts } },
    };
}
