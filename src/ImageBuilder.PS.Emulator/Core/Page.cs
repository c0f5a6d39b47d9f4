namespace ImageBuilder.PS.Emulator.Core;

/// <summary>One page of a listing and the token for the next, if any.</summary>
internal readonly record struct Page<T>(List<T> Items, string? NextToken);

/// <summary>Cuts listings into pages by position, with tokens bound to the operation and the request's filters.</summary>
internal static class Paging
{
    public const int DefaultPageSize = 25;

    /// <summary>A page of an already filtered and ordered list.</summary>
    public static Page<T> Of<T>(IReadOnlyList<T> items, string? token, int? maxResults, string scope, int maxPageSize = DefaultPageSize)
    {
        int start = Start(token, scope);
        int size = PageSize(maxResults, maxPageSize);
        var page = new List<T>(Math.Min(size, Math.Max(0, items.Count - start)));
        for (int i = start; i < items.Count && page.Count < size; i++)
        {
            page.Add(items[i]);
        }
        int next = start + page.Count;
        return new Page<T>(page, next < items.Count ? PageToken.Create(scope, next) : null);
    }

    /// <summary>
    /// A page read from a source by position, skipping items a filter refuses, without building the whole list
    /// first: large seeded listings (100,000 scan findings) page in time proportional to the page.
    /// </summary>
    public static Page<TOut> Scan<T, TOut>(IReadOnlyList<T> source, string? token, int? maxResults, string scope, Func<T, bool> keep, Func<T, TOut> project, int maxPageSize = DefaultPageSize)
    {
        int position = Start(token, scope);
        int size = PageSize(maxResults, maxPageSize);
        var page = new List<TOut>(size);
        while (position < source.Count && page.Count < size)
        {
            var item = source[position++];
            if (keep(item))
            {
                page.Add(project(item));
            }
        }
        // Look ahead so the last page carries no token, as the service's do.
        while (position < source.Count && !keep(source[position]))
        {
            position++;
        }
        return new Page<TOut>(page, position < source.Count ? PageToken.Create(scope, position) : null);
    }

    private static int Start(string? token, string scope) =>
        token is null ? 0 : (int)Math.Min(int.MaxValue, PageToken.Read(token, scope));

    private static int PageSize(int? maxResults, int maxPageSize) =>
        maxResults is null or <= 0 ? maxPageSize : Math.Min(maxResults.Value, maxPageSize);
}
