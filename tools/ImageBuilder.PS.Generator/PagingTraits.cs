using System.Globalization;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Generator;

/// <summary>
/// What the paginators say about the generated types: which requests take a page token (and a page size), which
/// answers are pages of which items. The generator turns the model's member names into interfaces here, so the
/// hand-written layer pages through <see cref="IPagedRequest"/> and <see cref="IPage{TItem}"/> and never by name.
/// </summary>
public sealed class PagingTraits
{
    private readonly Dictionary<ShapeDef, (MemberDef Token, MemberDef? Limit)> _requests = new();
    private readonly Dictionary<ShapeDef, (MemberDef Token, MemberDef Items)> _pages = new();
    private readonly Dictionary<OperationDef, string> _itemTypes = new();

    public PagingTraits(LoadedModel model, string ns)
    {
        foreach (var op in model.Operations)
        {
            if (op.Paginator is not { } p || op.Input is null || op.Output is null)
            {
                continue;
            }
            var token = Member(op.Input, p.InputToken, op);
            var limit = p.LimitKey is null ? null : Member(op.Input, p.LimitKey, op);
            if (limit is not null && limit.Shape.Kind != ShapeKind.Integer)
            {
                throw new InvalidOperationException($"{op.Name}: the page size {p.LimitKey} is not an integer.");
            }
            var next = Member(op.Output, p.OutputToken, op);
            var items = Member(op.Output, p.ResultKey, op);
            if (items.Shape.Kind != ShapeKind.List)
            {
                throw new InvalidOperationException($"{op.Name}: the result key {p.ResultKey} is not a list.");
            }
            Record(_requests, op.Input, (token, limit), op);
            Record(_pages, op.Output, (next, items), op);
            _itemTypes[op] = ItemType(items.Shape.Element!, ns);
        }
    }

    /// <summary>The item type of a paged operation, or null for one that does not page.</summary>
    public string? ItemType(OperationDef op) => _itemTypes.TryGetValue(op, out var type) ? type : null;

    /// <summary>The interfaces a structure implements beyond IAwsStructure.</summary>
    public IEnumerable<string> Interfaces(ShapeDef shape, string ns)
    {
        if (_requests.TryGetValue(shape, out var request))
        {
            yield return request.Limit is null ? "IPagedRequest" : "ISizedPageRequest";
        }
        if (_pages.TryGetValue(shape, out var page))
        {
            yield return $"IPage<{ItemType(page.Items.Shape.Element!, ns)}>";
        }
        if (ArnProperty(shape) is not null)
        {
            yield return "IHasArn";
        }
    }

    /// <summary>The explicit interface members that map the interfaces onto the model's members.</summary>
    public void EmitMembers(CodeWriter w, ShapeDef shape, string ns)
    {
        if (_requests.TryGetValue(shape, out var request))
        {
            var token = TypesEmitter.PropertyName(shape, request.Token);
            w.Line($"string? IPagedRequest.PageToken {{ get => {token}; set => {token} = value; }}");
            if (request.Limit is { } limit)
            {
                var size = TypesEmitter.PropertyName(shape, limit);
                w.Line($"int? ISizedPageRequest.PageSize {{ get => {size}; set => {size} = value; }}");
                var largest = limit.Shape.Max is { } max ? ((long)max).ToString(CultureInfo.InvariantCulture) : "null";
                w.Line($"int? ISizedPageRequest.LargestPageSize => {largest};");
            }
            w.Line();
        }
        if (_pages.TryGetValue(shape, out var page))
        {
            var item = ItemType(page.Items.Shape.Element!, ns);
            w.Line($"string? IPage<{item}>.NextPageToken => {TypesEmitter.PropertyName(shape, page.Token)};");
            w.Line($"global::System.Collections.Generic.List<{item}>? IPage<{item}>.Items => {TypesEmitter.PropertyName(shape, page.Items)};");
            w.Line();
        }
    }

    /// <summary>The item type as the generated files (in the model's own namespace) spell it.</summary>
    private static string ItemType(ShapeDef element, string ns) =>
        element.Kind == ShapeKind.Structure && !element.IsDocument ? CSharpNames.Identifier(element.Name) : ClrTypes.Element(element, ns);

    /// <summary>A member that is a plain string property named Arn, which IHasArn takes as it is.</summary>
    private static MemberDef? ArnProperty(ShapeDef shape) =>
        shape.Members.FirstOrDefault(m => TypesEmitter.PropertyName(shape, m) == "Arn" && m.Shape.Kind == ShapeKind.String && !m.Shape.IsDateString);

    private static MemberDef Member(ShapeDef shape, string wireName, OperationDef op) =>
        shape.FindMember(wireName) ?? throw new InvalidOperationException($"{op.Name}: {shape.Name} has no member {wireName}, which its paginator names.");

    private static void Record<T>(Dictionary<ShapeDef, T> map, ShapeDef shape, T traits, OperationDef op)
    {
        if (map.TryGetValue(shape, out var known) && !EqualityComparer<T>.Default.Equals(known, traits))
        {
            throw new InvalidOperationException($"{op.Name}: {shape.Name} pages differently in two operations.");
        }
        map[shape] = traits;
    }
}
