using System;
using System.Collections.Generic;
using System.Management.Automation;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// A list operation read page by page for one command: items written as their page arrives, the next page asked
    /// for while this one is written (one ahead at most, and only when it will be wanted), a failure part-way said as
    /// an incomplete list, and a -Name that matched nothing said as ObjectNotFound.
    /// </summary>
    internal sealed class PageReader
    {
        private readonly IbCmdlet _cmdlet;

        public PageReader(IbCmdlet cmdlet) => _cmdlet = cmdlet;

        /// <summary>
        /// Calls a list operation page by page and writes each item as its page arrives. Stops asking for pages
        /// when the pipeline has enough (-First, or Select-Object -First downstream).
        /// </summary>
        /// <param name="keep">An extra filter applied before -Skip and -First (e.g. wildcard names).</param>
        /// <returns>How many items were kept, or -1 when the listing did not run to its end (a call failed, or no more were wanted).</returns>
        public int Write<TRequest, TResponse, TItem>(PagedOperationDef<TRequest, TResponse, TItem> operation, TRequest input, object? target, Func<TItem, bool>? keep = null)
            where TRequest : class, IPagedRequest
            where TResponse : class, IPage<TItem>
        {
            if (!_cmdlet.Paged.WantsMore)
            {
                return -1;
            }
            var failedBefore = _cmdlet.FailedCalls;
            var kept = 0;
            // With a filter of its own, how many a page will write is not known: the next page is asked for anyway.
            Func<TResponse, bool> prefetch = keep is null ? page => _cmdlet.Paged.WantsMoreAfter(page.Items?.Count ?? 0) : _ => true;
            foreach (var item in Items(operation, input, target, prefetch))
            {
                if (keep is null || keep(item))
                {
                    kept++;
                    if (!_cmdlet.Paged.Write(item!))
                    {
                        return kept;
                    }
                }
            }
            return _cmdlet.FailedCalls == failedBefore ? kept : -1;
        }

        /// <summary>
        /// The items of a list operation, page by page (<see cref="Responses"/>: the next page is asked for while
        /// this one's items are taken). A service error ends the items after it is written.
        /// </summary>
        public IEnumerable<TItem> Items<TRequest, TResponse, TItem>(PagedOperationDef<TRequest, TResponse, TItem> operation, TRequest input, object? target,
            Func<TResponse, bool>? prefetch = null)
            where TRequest : class, IPagedRequest
            where TResponse : class, IPage<TItem>
        {
            foreach (var page in Responses(operation, input, target, prefetch))
            {
                if (page.Items is { } items)
                {
                    foreach (var item in items)
                    {
                        yield return item;
                    }
                }
            }
        }

        /// <summary>
        /// The responses of a list operation, one per page, for callers that need what a page says besides its
        /// items. Each page's successor is asked for before the page is handed over, so the service works on it
        /// while this one is written (never more than one page ahead); a successor nobody takes is cancelled when
        /// the caller stops. A service error ends them after it is written.
        /// </summary>
        /// <param name="prefetch">Whether the caller will want the next page once it has this one (asked early only
        /// then; otherwise it is asked for if the caller does come back for it). Null: always.</param>
        public IEnumerable<TResponse> Responses<TRequest, TResponse, TItem>(PagedOperationDef<TRequest, TResponse, TItem> operation, TRequest input, object? target,
            Func<TResponse, bool>? prefetch = null)
            where TRequest : class, IPagedRequest
            where TResponse : class, IPage<TItem>
        {
            long itemsRead = 0;
            var pages = 0;
            input.PageToken = null;
            PendingCall? next = _cmdlet.BeginSend(operation, input, target);
            try
            {
                while (next is not null)
                {
                    var output = (TResponse?)_cmdlet.EndSend(next, out var failure);
                    next.Dispose();
                    next = null;
                    if (failure is not null)
                    {
                        _cmdlet.WriteError(pages == 0 ? failure.Record : ErrorRecords.ListIncomplete(failure.Record, operation.Name, itemsRead, target));
                        yield break;
                    }
                    if (output is null)
                    {
                        yield break;
                    }
                    pages++;
                    itemsRead += output.Items?.Count ?? 0;
                    var token = output.NextPageToken;
                    // The answer is read in full, so the request object is free to carry the next token.
                    if (!string.IsNullOrEmpty(token) && (prefetch is null || prefetch(output)))
                    {
                        input.PageToken = token;
                        next = _cmdlet.BeginSend(operation, input, target);
                    }
                    yield return output;
                    if (next is null && !string.IsNullOrEmpty(token))
                    {
                        input.PageToken = token;
                        next = _cmdlet.BeginSend(operation, input, target);
                    }
                }
            }
            finally
            {
                next?.Dispose();
            }
        }

        /// <summary>
        /// Lists as <see cref="Write"/> does, and, as Get-Process -Name does, makes a name without wildcards that
        /// matches nothing an error: otherwise a typo piped into Start-IbPipeline or Remove-* silently does nothing.
        /// </summary>
        /// <param name="noun">What is listed, as a user says it: "pipeline", "image recipe", ...</param>
        public void WriteNamed<TRequest, TResponse, TItem>(string noun, string? name, PagedOperationDef<TRequest, TResponse, TItem> operation, TRequest input, object? target, Func<TItem, bool>? keep)
            where TRequest : class, IPagedRequest
            where TResponse : class, IPage<TItem>
        {
            if (Write(operation, input, target, keep) == 0)
            {
                NameNotFound(noun, name);
            }
        }

        /// <summary>The ObjectNotFound error for a name that matched nothing; nothing for no name or a wildcard pattern.</summary>
        public void NameNotFound(string noun, string? name)
        {
            if (string.IsNullOrEmpty(name) || WildcardPattern.ContainsWildcardCharacters(name))
            {
                return;
            }
            var command = _cmdlet.MyInvocation.MyCommand.Name;
            var message = $"Found no {noun} named '{name}'. Run {command} without -Name to list them, or match part of the name with a wildcard (-Name '{name}*').";
            _cmdlet.WriteError(new ErrorRecord(new ItemNotFoundException(message), "NameNotFound", ErrorCategory.ObjectNotFound, name));
        }
    }
}
