using ImageBuilder.PS.Emulator.Core;

namespace ImageBuilder.PS.Emulator.Tests.Units;

public sealed class PagingTests
{
    private static readonly List<int> Numbers = Enumerable.Range(0, 60).ToList();

    [Fact]
    public void Pages_cover_everything_once()
    {
        var seen = new List<int>();
        string? token = null;
        do
        {
            var page = Paging.Of(Numbers, token, 25, "scope");
            seen.AddRange(page.Items);
            token = page.NextToken;
        }
        while (token is not null);

        Assert.Equal(Numbers, seen);
    }

    [Fact]
    public void The_last_page_has_no_token()
    {
        var page = Paging.Of(Numbers.Take(25).ToList(), null, 25, "scope");
        Assert.Null(page.NextToken);
    }

    [Fact]
    public void Page_size_is_capped_and_defaults()
    {
        Assert.Equal(25, Paging.Of(Numbers, null, 1000, "scope").Items.Count);
        Assert.Equal(25, Paging.Of(Numbers, null, null, "scope").Items.Count);
        Assert.Equal(3, Paging.Of(Numbers, null, 3, "scope").Items.Count);
    }

    [Fact]
    public void Tokens_are_opaque_and_bound_to_their_scope()
    {
        var token = Paging.Of(Numbers, null, 10, "ListImages:abc").NextToken!;

        Assert.DoesNotContain("10", token);
        Assert.Equal(10, PageToken.Read(token, "ListImages:abc"));
        Assert.Equal("InvalidPaginationTokenException", Assert.Throws<ServiceError>(() => PageToken.Read(token, "ListComponents:abc")).Code);
        Assert.Equal("InvalidPaginationTokenException", Assert.Throws<ServiceError>(() => PageToken.Read("garbage!", "ListImages:abc")).Code);
        Assert.Equal("InvalidPaginationTokenException", Assert.Throws<ServiceError>(() => PageToken.Read(token.Substring(1), "ListImages:abc")).Code);
    }

    [Fact]
    public void A_filtered_scan_reads_only_as_far_as_it_needs()
    {
        int looked = 0;
        var page = Paging.Scan(Numbers, null, 5, "scope", n => { looked++; return n % 2 == 0; }, n => n * 10);

        Assert.Equal(new[] { 0, 20, 40, 60, 80 }, page.Items);
        Assert.True(looked <= 11, $"looked at {looked}");
        var next = Paging.Scan(Numbers, page.NextToken, 5, "scope", n => n % 2 == 0, n => n * 10);
        Assert.Equal(new[] { 100, 120, 140, 160, 180 }, next.Items);
    }

    [Fact]
    public void A_scan_whose_rest_is_filtered_out_ends_without_a_token()
    {
        var page = Paging.Scan(Numbers, null, 5, "scope", n => n < 3, n => n);
        Assert.Equal(new[] { 0, 1, 2 }, page.Items);
        Assert.Null(page.NextToken);
    }
}
