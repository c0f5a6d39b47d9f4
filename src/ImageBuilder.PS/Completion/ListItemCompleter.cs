using System.Collections;
using System.Collections.Generic;
using ImageBuilder.PS.Aws;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Completion
{
    /// <summary>
    /// A live completer that offers one member (arn, name, ...) of the items a List operation returns, read
    /// through the model (no reflection): a completer for a new resource is one line.
    /// </summary>
    public abstract class ListItemCompleter : LiveCompleter
    {
        private readonly OperationDef _operation;
        private readonly string _valueMember;

        /// <param name="listOperation">An Image Builder List operation with a paginator.</param>
        /// <param name="valueMember">The item member to offer, as the model names it (arn, name).</param>
        protected ListItemCompleter(OperationDef listOperation, string valueMember)
        {
            _operation = listOperation;
            _valueMember = valueMember;
        }

        protected override ServiceBinding Binding => ServiceBinding.ImageBuilder;

        protected override OperationDef Operation => _operation;

        /// <summary>The first page, as large as the service allows; -Owner on the line narrows it (and folds versions by name).</summary>
        protected override IAwsStructure Request(IDictionary bound)
        {
            var request = JsonShapeReader.CreateStructure(_operation.Input!);
            if (_operation.Paginator?.LimitKey is { } limit && request.GetShape().FindMember(limit) is { } max)
            {
                request.SetMember(max.Index, (int)(max.Shape.Max ?? 25));
            }
            if (bound["Owner"] is string owner && request.GetShape().FindMember("owner") is { } ownerMember)
            {
                request.SetMember(ownerMember.Index, owner);
                if (_valueMember == "name" && request.GetShape().FindMember("byName") is { } byName)
                {
                    request.SetMember(byName.Index, true);
                }
            }
            return request;
        }

        protected override IEnumerable<CompletionValue> Values(IAwsStructure page)
        {
            var results = page.GetShape().FindMember(_operation.Paginator!.ResultKey);
            if (results is null || page.GetMember(results.Index) is not IEnumerable items)
            {
                yield break;
            }
            var seen = new HashSet<string>();
            foreach (var item in items)
            {
                if (item is IAwsStructure structure && Text(structure, _valueMember) is { } value && seen.Add(value))
                {
                    yield return new CompletionValue(value, Tooltip(structure));
                }
            }
        }

        /// <summary>
        /// "name version (platform)" from whichever of those the item has; the kind of item (platform, workflow
        /// type, resource type) and its status go in the brackets.
        /// </summary>
        private static string Tooltip(IAwsStructure item)
        {
            var parts = new List<string>();
            foreach (var member in new[] { "name", "version" })
            {
                if (Text(item, member) is { } text) parts.Add(text);
            }
            var details = new List<string>();
            foreach (var member in new[] { "platform", "type", "resourceType", "status" })
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
