using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Views;

/// <summary>
/// Dates come out as local time (DateTimeKind.Local), as Get-Date's do, so that date arithmetic, comparison and
/// sorting are right in any time zone; the views show the same local time they always did.
/// </summary>
public sealed class LocalTimeTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public LocalTimeTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
    }

    private static readonly DateTime Created = new(2026, 3, 5, 3, 0, 1, DateTimeKind.Utc);

    private static void AssertLocal(DateTime expectedUtc, object? value)
    {
        var date = Assert.IsType<DateTime>(value);
        Assert.Equal(DateTimeKind.Local, date.Kind);
        Assert.Equal(expectedUtc, date.ToUniversalTime());
    }

    [Fact]
    public void AnImageBuildsDateIsLocalAndItsViewShowsThatLocalTime()
    {
        _f.Server.Enqueue(CannedResponse.Json("""
            {"requestId":"t1","image":{"arn":"arn:aws:imagebuilder:us-east-1:123456789012:image/golden/1.0.0/4","name":"golden","version":"1.0.0",
            "platform":"Windows","state":{"status":"AVAILABLE"},"dateCreated":"2026-03-05T03:00:01.000Z","deprecationTime":1775000000}}
            """));
        var result = _f.Run("$img = Get-IbImage -EndpointUrl $Endpoint -Arn arn:aws:imagebuilder:us-east-1:123456789012:image/golden/1.0.0/4; $img; ($img | Format-List | Out-String)");
        result.AssertSuccess();
        var image = result.Output[0];
        AssertLocal(Created, image.Properties["DateCreated"].Value);
        AssertLocal(DateTime.UnixEpoch.AddSeconds(1775000000), image.Properties["DeprecationTime"].Value);
        Assert.Matches(@"Created\s+: " + Created.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss"), (string)result.Output[1].BaseObject);
    }

    [Fact]
    public void DatesNestedInFindingsAndListedSummariesAreLocalToo()
    {
        _f.Server.Enqueue(CannedResponse.Json("""
            {"requestId":"t2","findings":[{"imageBuildVersionArn":"arn:aws:imagebuilder:us-east-1:123456789012:image/golden/1.0.0/4",
            "severity":"HIGH","firstObservedAt":1772679601,"updatedAt":1772679601,
            "packageVulnerabilityDetails":{"vulnerabilityId":"CVE-2026-0001","source":"NVD","vendorCreatedAt":1772679601,"vulnerablePackages":[]}}]}
            """));
        var findings = _f.Run("Get-IbImageScanFinding -EndpointUrl $Endpoint");
        findings.AssertSuccess();
        var finding = Assert.Single(findings.Output);
        AssertLocal(Created, finding.Properties["FirstObservedAt"].Value);
        AssertLocal(Created, finding.Properties["UpdatedAt"].Value);
        AssertLocal(Created, ((dynamic)finding.Properties["PackageVulnerabilityDetails"].Value).VendorCreatedAt);

        _f.Server.Enqueue(CannedResponse.Json("""
            {"Images":[{"Name":"win11-apps","Arn":"arn:aws:appstream:us-east-1:123456789012:image/win11-apps","State":"AVAILABLE","CreatedTime":1772679601}]}
            """));
        var appStream = _f.Run("Get-IbAppStreamImage -EndpointUrl $Endpoint win11-apps");
        appStream.AssertSuccess();
        AssertLocal(Created, Assert.Single(appStream.Output).Properties["CreatedTime"].Value);
    }
}
