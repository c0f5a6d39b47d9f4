using System;
using System.Collections;
using System.Collections.Generic;
using ImageBuilder.PS.Model.Ib;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Completion
{
    /// <summary>
    /// A live completer that offers one value (a name, an ARN) of the items an Image Builder List operation
    /// returns, typed by the operation (see <see cref="ItemListing"/>): a completer for a new resource is one line.
    /// </summary>
    public abstract class ListItemCompleter : LiveCompleter
    {
        private readonly ItemListing _listing;

        protected ListItemCompleter(ItemListing listing) => _listing = listing;

        protected override OperationDef Operation => _listing.Operation;

        /// <summary>The request for a page, as large as the service allows; -Owner on the line narrows it (and folds versions by name).</summary>
        protected override IAwsStructure Request(IDictionary bound) => _listing.Request(bound["Owner"] as string);

        protected override IEnumerable<CompletionValue> Values(IAwsStructure page) => _listing.Values(page);

        protected override string? NextPage(IAwsStructure page) => _listing.NextPage(page);
    }

    /// <summary>Which List operation a <see cref="ListItemCompleter"/> calls and which value of its items it offers.</summary>
    public abstract class ItemListing
    {
        /// <summary>A page size for an operation whose model sets no largest one.</summary>
        private const int DefaultPageSize = 25;

        private protected ItemListing(OperationDef operation, bool names)
        {
            Operation = operation;
            Names = names;
        }

        internal OperationDef Operation { get; }

        /// <summary>Offers names: a listing by owner then folds versions into one item per name.</summary>
        private protected bool Names { get; }

        /// <summary>The items' names (ByName folds an owner's versions into one item each).</summary>
        public static ItemListing OfNames<TRequest, TResponse, TItem>(PagedOperationDef<TRequest, TResponse, TItem> operation, Func<TItem, string?> name)
            where TRequest : class, ISizedPageRequest
            where TResponse : class, IPage<TItem>
            where TItem : IAwsStructure =>
            new Typed<TRequest, TResponse, TItem>(operation, name, names: true);

        public static ItemListing OfArns<TRequest, TResponse, TItem>(PagedOperationDef<TRequest, TResponse, TItem> operation)
            where TRequest : class, ISizedPageRequest
            where TResponse : class, IPage<TItem>
            where TItem : IAwsStructure, IHasArn =>
            new Typed<TRequest, TResponse, TItem>(operation, item => item.Arn, names: false);

        internal IAwsStructure Request(string? owner)
        {
            var request = NewRequest();
            request.PageSize = request.LargestPageSize ?? DefaultPageSize;
            if (owner is not null && request is IOwnerListRequest owned)
            {
                owned.Owner = owner;
                if (Names && request is IByNameListRequest byName)
                {
                    byName.ByName = true;
                }
            }
            return request;
        }

        private protected abstract ISizedPageRequest NewRequest();

        internal abstract IEnumerable<CompletionValue> Values(IAwsStructure page);

        internal abstract string? NextPage(IAwsStructure page);

        private sealed class Typed<TRequest, TResponse, TItem> : ItemListing
            where TRequest : class, ISizedPageRequest
            where TResponse : class, IPage<TItem>
            where TItem : IAwsStructure
        {
            private readonly PagedOperationDef<TRequest, TResponse, TItem> _operation;
            private readonly Func<TItem, string?> _value;

            public Typed(PagedOperationDef<TRequest, TResponse, TItem> operation, Func<TItem, string?> value, bool names) : base(operation, names)
            {
                _operation = operation;
                _value = value;
            }

            private protected override ISizedPageRequest NewRequest() => _operation.NewRequest();

            internal override string? NextPage(IAwsStructure page) => ((TResponse)page).NextPageToken;

            internal override IEnumerable<CompletionValue> Values(IAwsStructure page)
            {
                var seen = new HashSet<string>();
                foreach (var item in ((TResponse)page).Items ?? new List<TItem>())
                {
                    if (_value(item) is { } value && seen.Add(value))
                    {
                        yield return new CompletionValue(value, ItemTooltip.For(item));
                    }
                }
            }
        }
    }

    /// <summary>
    /// "name version (platform)" from whichever of those an item has; the kind of item (platform, workflow type,
    /// resource type) and its status go in the brackets. Read through the model, as StructureText reads an object
    /// for display: one tooltip rule serves items of every shape.
    /// </summary>
    internal static class ItemTooltip
    {
        private static readonly string[] Heading = { "name", "version" };
        private static readonly string[] Details = { "platform", "type", "resourceType", "status" };

        public static string For(IAwsStructure item)
        {
            var parts = new List<string>();
            foreach (var member in Heading)
            {
                if (Text(item, member) is { } text) parts.Add(text);
            }
            var details = new List<string>();
            foreach (var member in Details)
            {
                if (Text(item, member) is { } text) details.Add(text);
            }
            if (details.Count > 0) parts.Add("(" + string.Join(", ", details) + ")");
            return string.Join(" ", parts);
        }

        private static string? Text(IAwsStructure item, string member) =>
            item.GetShape().FindMember(member) is { } m ? item.GetMember(m.Index) as string : null;
    }
}
