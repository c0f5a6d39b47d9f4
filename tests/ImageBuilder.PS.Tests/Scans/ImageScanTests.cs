using System.Management.Automation;
using System.Text.RegularExpressions;
using ImageBuilder.PS.Tests.Support;
using static ImageBuilder.PS.Tests.Images.ImageSamples;

namespace ImageBuilder.PS.Tests.Scans;

/// <summary>Get-IbImageScanFinding and Get-IbImageScanFindingAggregation: which filter reaches the service, what is matched here, how findings stream.</summary>
public sealed class ImageScanTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public ImageScanTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
    }

    private static Dictionary<string, object?> Vars(params (string, object?)[] pairs) => pairs.ToDictionary(p => p.Item1, p => p.Item2);

    private static string SentFilters(RecordedRequest request) =>
        request.Json.TryGetProperty("filters", out var filters) ? filters.GetRawText() : "(none)";

    [Fact]
    public void TheCriticalFindingsPipelineWorksAsWritten()
    {
        _f.Server.Enqueue(
            CannedResponse.Json(Findings("page-2", Finding("CVE-2026-0001", "CRITICAL", 9.8), Finding("CVE-2026-0002", "MEDIUM", 5.3))),
            CannedResponse.Json(Findings(null, Finding("CVE-2026-0003", "CRITICAL", 9.1), Finding("CVE-2026-0004", "LOW", 2.0))));
        var result = _f.Run("Get-IbImageScanFinding -EndpointUrl $Endpoint -ImageArn $arn | Where-Object Severity -eq CRITICAL", Vars(("arn", BuildArn)));
        result.AssertSuccess();
        Assert.Equal(new[] { "CVE-2026-0001", "CVE-2026-0003" }, result.Output.Select(o => (string)o.Properties["VulnerabilityId"].Value));
        Assert.All(result.Output, o => Assert.Equal("ImageBuilder.PS.Model.Ib.ImageScanFinding", o.TypeNames[0]));
        var requests = _f.Server.Requests.ToList();
        Assert.Equal(new[] { "POST /ListImageScanFindings", "POST /ListImageScanFindings" }, requests.Select(r => r.Method + " " + r.RawUrl));
        Assert.Equal($"{{\"filters\":[{{\"name\":\"imageBuildVersionArn\",\"values\":[\"{BuildArn}\"]}}]}}", requests[0].BodyText);
        Assert.Equal("page-2", requests[1].Json.GetProperty("nextToken").GetString());
    }

    [Fact]
    public void FindingsStreamAndStopAskingOnceThePipelineHasEnough()
    {
        _f.Server.Default = _ => CannedResponse.Json(Findings("more", Finding("CVE-2026-0001", "HIGH", 7.5), Finding("CVE-2026-0002", "HIGH", 7.0)));
        var result = _f.Run("Get-IbImageScanFinding -EndpointUrl $Endpoint | Select-Object -First 3");
        result.AssertSuccess();
        Assert.Equal(3, result.Output.Count);
        // Select-Object's stop cannot be foreseen: the page after the last one used was asked for early (one ahead)
        // and cancelled, so it may or may not have reached the server; never more than that.
        Assert.InRange(_f.Server.Requests.Count, 2, 3);
        Assert.Equal("(none)", SentFilters(_f.Server.Requests.First()));

        // -First is known in advance: no page beyond what it needs. Counted by page size, because the cancelled
        // request above can still arrive after the count is cleared.
        _f.Server.Requests.Clear();
        var paged = _f.Run("Get-IbImageScanFinding -EndpointUrl $Endpoint -Skip 1 -First 2 -MaxResults 2");
        paged.AssertSuccess();
        Assert.Equal(new[] { "CVE-2026-0002", "CVE-2026-0001" }, paged.Output.Select(o => (string)o.Properties["VulnerabilityId"].Value));
        Assert.Equal(2, _f.Server.Requests.Count(r => r.Json.TryGetProperty("maxResults", out var size) && size.GetInt32() == 2));
    }

    [Fact]
    public void OneConditionGoesToTheServiceAndTheOthersAreMatchedHere()
    {
        var findings = Findings(null, Finding("CVE-2026-0001", "CRITICAL", 9.8), Finding("CVE-2026-0002", "HIGH", 7.1), Finding("CVE-2026-0003", "LOW", 2.0));
        _f.Server.Default = _ => CannedResponse.Json(findings);

        var bySeverity = _f.Run("Get-IbImageScanFinding -EndpointUrl $Endpoint -Severity critical");
        Assert.Equal("[{\"name\":\"severity\",\"values\":[\"CRITICAL\"]}]", SentFilters(_f.Server.Requests.Last()));
        Assert.Equal(new[] { "CVE-2026-0001" }, bySeverity.Output.Select(o => (string)o.Properties["VulnerabilityId"].Value));

        var both = _f.Run("Get-IbImageScanFinding -EndpointUrl $Endpoint -VulnerabilityId CVE-2026-0002 -Severity HIGH, CRITICAL");
        Assert.Equal("[{\"name\":\"vulnerabilityId\",\"values\":[\"CVE-2026-0002\"]}]", SentFilters(_f.Server.Requests.Last()));
        Assert.Equal(new[] { "CVE-2026-0002" }, both.Output.Select(o => (string)o.Properties["VulnerabilityId"].Value));

        var several = _f.Run("Get-IbImageScanFinding -EndpointUrl $Endpoint -Severity HIGH, CRITICAL");
        Assert.Equal("(none)", SentFilters(_f.Server.Requests.Last()));
        Assert.Equal(new[] { "CVE-2026-0001", "CVE-2026-0002" }, several.Output.Select(o => (string)o.Properties["VulnerabilityId"].Value));

        var pipeline = _f.Run("Get-IbImageScanFinding -EndpointUrl $Endpoint -PipelineArn $Pipeline -Severity LOW", Vars(("Pipeline", PipelineArn)));
        Assert.Equal($"[{{\"name\":\"imagePipelineArn\",\"values\":[\"{PipelineArn}\"]}}]", SentFilters(_f.Server.Requests.Last()));
        Assert.Equal(new[] { "CVE-2026-0003" }, pipeline.Output.Select(o => (string)o.Properties["VulnerabilityId"].Value));

        // A pipeline object piped in binds its Arn to -ImageArn; its findings are the pipeline's.
        var piped = _f.Run("[pscustomobject]@{ Arn = $Pipeline } | Get-IbImageScanFinding -EndpointUrl $Endpoint", Vars(("Pipeline", PipelineArn)));
        piped.AssertSuccess();
        Assert.Equal($"[{{\"name\":\"imagePipelineArn\",\"values\":[\"{PipelineArn}\"]}}]", SentFilters(_f.Server.Requests.Last()));

        var raw = _f.Run("Get-IbImageScanFinding -EndpointUrl $Endpoint -Filter @{ Name = 'vulnerabilityId'; Values = 'CVE-2026-0003' }");
        raw.AssertSuccess();
        Assert.Equal("[{\"name\":\"vulnerabilityId\",\"values\":[\"CVE-2026-0003\"]}]", SentFilters(_f.Server.Requests.Last()));

        var custom = _f.Run("Get-IbImageScanFinding -EndpointUrl $Endpoint -Filter ([pscustomobject]@{ Name = 'severity'; Values = 'HIGH' })");
        custom.AssertSuccess();
        Assert.Equal("[{\"name\":\"severity\",\"values\":[\"HIGH\"]}]", SentFilters(_f.Server.Requests.Last()));
    }

    [Fact]
    public void AnImageVersionStandsForEachOfItsBuildsAndFirstCountsAcrossThem()
    {
        _f.Server.Default = request => request.Path == "/ListImageBuildVersions"
            ? CannedResponse.Json(BuildVersions(null, Build("golden-windows", "1.0.0", 1, "AVAILABLE"), Build("golden-windows", "1.0.0", 2, "AVAILABLE")))
            : CannedResponse.Json(Findings(null, Finding("CVE-2026-0001", "HIGH", 7.5, request.Json.GetProperty("filters")[0].GetProperty("values")[0].GetString()!)));
        var result = _f.Run("Get-IbImage -EndpointUrl $Endpoint -Arn x -ErrorAction SilentlyContinue; [pscustomobject]@{ Arn = $Arn } | Get-IbImageScanFinding -EndpointUrl $Endpoint", Vars(("Arn", VersionArn)));
        Assert.Equal(new[] { VersionArn + "/1", VersionArn + "/2" }, result.Output.Select(o => (string)o.Properties["ImageBuildVersionArn"].Value));

        _f.Server.Requests.Clear();
        var first = _f.Run("Get-IbImageScanFinding -EndpointUrl $Endpoint $Arn -First 1", Vars(("Arn", VersionArn)));
        first.AssertSuccess();
        Assert.Single(first.Output);
        Assert.Equal(new[] { "/ListImageBuildVersions", "/ListImageScanFindings" }, _f.Server.Requests.Select(r => r.Path));
    }

    [Fact]
    public void BadInputIsRefusedBeforeAnythingIsSent()
    {
        var twoFilters = _f.Run("Get-IbImageScanFinding -EndpointUrl $Endpoint -Filter @{ Name = 'severity'; Values = 'HIGH' }, @{ Name = 'severity'; Values = 'LOW' }");
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(twoFilters.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("-Filter is not valid: it must have at most 1 items (it has 2)", error.Exception.Message);

        var notAnImage = _f.Run("Get-IbImageScanFinding -EndpointUrl $Endpoint -ImageArn $Arn", Vars(("Arn", RecipeArn)));
        Assert.Empty(_f.Server.Requests);
        Assert.Contains("is not an image ARN", Assert.Single(notAnImage.Errors).Exception.Message);

        var pageSize = _f.Run("Get-IbImageScanFinding -EndpointUrl $Endpoint -MaxResults 26");
        Assert.Empty(_f.Server.Requests);
        Assert.Contains("-MaxResults is not valid: it must be at most 25", Assert.Single(pageSize.Errors).Exception.Message);
    }

    [Fact]
    public void FindingsRenderSeverityFirst()
    {
        _f.Server.Default = _ => CannedResponse.Json(Findings(null, Finding("CVE-2026-0001", "CRITICAL", 9.8)));
        var table = _f.Render("Get-IbImageScanFinding -EndpointUrl $Endpoint");
        Assert.Matches(@"Severity\s+Score\s+VulnerabilityId\s+Package\s+Fix\s+Image", table);
        Assert.Matches(@"CRITICAL\s+9\.8\s+CVE-2026-0001\s+openssl 3\.0\.1\s+YES\s+golden-windows/1\.0\.0/3", table);
        var list = _f.Render("Get-IbImageScanFinding -EndpointUrl $Endpoint | Format-List");
        Assert.Matches(@"Title\s+: CVE-2026-0001 - openssl", list);
        Assert.Matches(@"Packages\s+: openssl 3\.0\.1 \(fixed in 3\.0\.8\)", list);
        Assert.Matches(@"Remediation\s+: Update openssl\.", list);
        Assert.Matches(@"FirstObserved\s+: 2026-03-04 04:53:20", list);
        Assert.DoesNotContain("ImageBuilder.PS.Model", list);
    }

    [Fact]
    public void AggregationsCountTheAccountOrWithinAFilter()
    {
        _f.Server.Default = request => request.Path == "/ListImageBuildVersions"
            ? CannedResponse.Json(BuildVersions(null, Build("golden-windows", "1.0.0", 3, "AVAILABLE")))
            : request.Json.TryGetProperty("filter", out _)
                ? CannedResponse.Json(Aggregations("imageBuildVersionArn", new Dictionary<string, object?> { ["imageAggregation"] = new Dictionary<string, object?> { ["imageBuildVersionArn"] = BuildArn, ["severityCounts"] = Counts(12, 2, 4, 6) } }))
                : CannedResponse.Json(Aggregations("accountId", new Dictionary<string, object?> { ["accountAggregation"] = new Dictionary<string, object?> { ["accountId"] = Account, ["severityCounts"] = Counts(40, 3, 10, 20) } }));

        var account = _f.Run("Get-IbImageScanFindingAggregation -EndpointUrl $Endpoint");
        account.AssertSuccess();
        var request = _f.Server.Requests.Last();
        Assert.Equal("POST /ListImageScanFindingAggregations", request.Method + " " + request.RawUrl);
        Assert.Equal("{}", request.BodyText);
        var counts = Assert.Single(account.Output);
        Assert.Equal("ImageBuilder.PS.Model.Ib.ImageScanFindingAggregation", counts.TypeNames[0]);
        Assert.Equal("Account", counts.Properties["AggregationType"].Value);
        Assert.Equal(Account, counts.Properties["Key"].Value);
        Assert.Equal(3L, ((dynamic)counts).SeverityCounts.Critical);

        _f.Run("Get-IbImageScanFindingAggregation -EndpointUrl $Endpoint -AccountId 123456789012").AssertSuccess();
        Assert.Equal("{\"filter\":{\"name\":\"accountId\",\"values\":[\"123456789012\"]}}", _f.Server.Requests.Last().BodyText);
        _f.Run("Get-IbImageScanFindingAggregation -EndpointUrl $Endpoint -PipelineArn $P", Vars(("P", PipelineArn))).AssertSuccess();
        Assert.Equal($"{{\"filter\":{{\"name\":\"imagePipelineArn\",\"values\":[\"{PipelineArn}\"]}}}}", _f.Server.Requests.Last().BodyText);
        _f.Run("Get-IbImageScanFindingAggregation -EndpointUrl $Endpoint -VulnerabilityId CVE-2026-0001").AssertSuccess();
        Assert.Equal("{\"filter\":{\"name\":\"vulnerabilityId\",\"values\":[\"CVE-2026-0001\"]}}", _f.Server.Requests.Last().BodyText);
        _f.Run("Get-IbImageScanFindingAggregation -EndpointUrl $Endpoint -Filter @{ Name = 'accountId'; Values = '210987654321' }").AssertSuccess();
        Assert.Equal("{\"filter\":{\"name\":\"accountId\",\"values\":[\"210987654321\"]}}", _f.Server.Requests.Last().BodyText);

        _f.Server.Requests.Clear();
        var image = _f.Run("Get-IbImageScanFindingAggregation -EndpointUrl $Endpoint $Arn", Vars(("Arn", VersionArn)));
        image.AssertSuccess();
        Assert.Equal(new[] { "/ListImageBuildVersions", "/ListImageScanFindingAggregations" }, _f.Server.Requests.Select(r => r.Path));
        Assert.Equal($"{{\"filter\":{{\"name\":\"imageBuildVersionArn\",\"values\":[\"{BuildArn}\"]}}}}", _f.Server.Requests.Last().BodyText);
        Assert.Equal("Image", image.Output.Single().Properties["AggregationType"].Value);

        var table = _f.Render("Get-IbImageScanFindingAggregation -EndpointUrl $Endpoint -ImageArn " + BuildArn);
        Assert.Matches(@"Type\s+Key\s+Critical\s+High\s+Medium\s+Other\s+All", table);
        Assert.Matches(@"Image\s+image/golden-windows/1\.0\.0/3\s+2\s+4\s+6\s+0\s+12", table);
        var list = _f.Render("Get-IbImageScanFindingAggregation -EndpointUrl $Endpoint | Format-List");
        Assert.Matches(@"AggregationType\s+: Account", list);
        Assert.Matches(@"Key\s+: 123456789012", list);
        Assert.Matches(@"Critical\s+: 3", list);
    }

    [Fact]
    public void AggregationsRefuseBadInput()
    {
        var result = _f.Run("Get-IbImageScanFindingAggregation -EndpointUrl $Endpoint -Filter @{ Name = 'not a name'; Values = 'x' }");
        Assert.Empty(_f.Server.Requests);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("-Filter (filter.name) is not valid: it must match the pattern", error.Exception.Message);
    }

    private List<string> Complete(string line)
    {
        var result = _f.Run("(TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | ForEach-Object CompletionText",
            new Dictionary<string, object?> { ["Line"] = line });
        result.AssertSuccess();
        return result.Output.Select(o => o.ToString()).ToList();
    }

    [Fact]
    public void SeveritiesAndStatusesComplete()
    {
        Assert.Equal(new[] { "CRITICAL" }, Complete("Get-IbImageScanFinding -Severity CR"));
        Assert.Equal(new[] { "AVAILABLE" }, Complete("Get-IbImageBuildVersion -Status AV"));
        Assert.Empty(_f.Server.Requests);
    }
}
