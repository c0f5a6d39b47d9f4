using System.Management.Automation;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Faults;

/// <summary>A listing that fails after some pages says that what was written is not the whole list.</summary>
public sealed class PartialListTests : IClassFixture<LoopbackFixture>
{
    private readonly LoopbackFixture _f;

    public PartialListTests(LoopbackFixture fixture)
    {
        _f = fixture;
        _f.Server.Reset();
    }

    private static CannedResponse Page(string token, params string[] names) => CannedResponse.Json(
        "{\"imageVersionList\":[" + string.Join(",", names.Select(n =>
            $"{{\"arn\":\"arn:aws:imagebuilder:us-east-1:123456789012:image/{n}/1.0.0\",\"name\":\"{n}\",\"version\":\"1.0.0\",\"platform\":\"Linux\",\"owner\":\"123456789012\"}}")) +
        "],\"nextToken\":\"" + token + "\"}");

    [Fact]
    public void A_listing_that_fails_part_way_says_how_many_items_came_and_that_the_rest_was_not_read()
    {
        _f.Server.Enqueue(Page("page-2", "one", "two"), Page("page-3", "three"));
        _f.Server.Default = _ => CannedResponse.Error(429, "CallRateLimitExceededException", "Rate exceeded");

        var result = _f.Run("$all = Get-IbImage -EndpointUrl $Endpoint; $all.Count");

        Assert.Equal(3, result.Objects<int>().Single());
        var error = Assert.Single(result.Errors);
        Assert.Equal("ListIncomplete", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
        Assert.Contains("stopped after 3 items", error.ErrorDetails.Message);
        Assert.Contains("the rest was not read", error.ErrorDetails.Message);
        Assert.Contains("Rate exceeded", error.ErrorDetails.Message);
    }

    [Fact]
    public void A_listing_whose_first_page_fails_keeps_the_cause_own_error()
    {
        _f.Server.Default = _ => CannedResponse.Error(429, "CallRateLimitExceededException", "Rate exceeded");

        var result = _f.Run("Get-IbImage -EndpointUrl $Endpoint");

        Assert.Equal("CallRateLimitExceededException", Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0]);
    }
}
