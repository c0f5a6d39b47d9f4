using System.Collections.Generic;

namespace ImageBuilder.PS.Protocol
{
    /// <summary>
    /// The request of an operation that pages, whatever the model calls its token member (nextToken, NextToken).
    /// Generated types implement it explicitly, so PowerShell shows only the model's own members.
    /// </summary>
    public interface IPagedRequest : IAwsStructure
    {
        /// <summary>The token of the page to ask for; null asks for the first.</summary>
        string? PageToken { get; set; }
    }

    /// <summary>A paged request whose page size can be chosen (maxResults, MaxResults, limit).</summary>
    public interface ISizedPageRequest : IPagedRequest
    {
        int? PageSize { get; set; }

        /// <summary>The largest page size the model allows, or null when it sets no limit.</summary>
        int? LargestPageSize { get; }
    }

    /// <summary>One page of a paged operation's answer: its items and the token of the next page.</summary>
    public interface IPage<TItem> : IAwsStructure
    {
        /// <summary>Null or empty on the last page.</summary>
        string? NextPageToken { get; }

        /// <summary>The page's items (null when the service sent none). A List, so walking it allocates nothing.</summary>
        List<TItem>? Items { get; }
    }

    /// <summary>A structure with an ARN member (a summary in a list, a resource): the generator marks every one.</summary>
    public interface IHasArn
    {
        string? Arn { get; }
    }
}
