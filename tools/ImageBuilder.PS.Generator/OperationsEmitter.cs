using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Generator;

/// <summary>Prints the operations (HTTP binding, shapes, errors, paging) and the service that holds them.</summary>
public static class OperationsEmitter
{
    public static string Emit(LoadedModel model, ServiceSelection selection, string ns, string source)
    {
        var shapes = selection.Prefix + "Shapes";
        var paging = new PagingTraits(model, ns);
        var w = new CodeWriter().Header(source);
        w.Line("using ImageBuilder.PS.Protocol;").Line();
        w.Open("namespace " + ns);
        w.Line($"/// <summary>The {model.Service.ServiceId} operations the module calls.</summary>");
        w.Open($"public static partial class {selection.Prefix}Operations");
        foreach (var op in model.Operations.OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            var traits = new List<string>();
            if (op.SuccessStatusCode != 200) traits.Add("SuccessStatusCode = " + op.SuccessStatusCode);
            if (op.Input is not null) traits.Add($"Input = {shapes}.{ShapesEmitter.Field(op.Input)}");
            if (op.Output is not null) traits.Add($"Output = {shapes}.{ShapesEmitter.Field(op.Output)}");
            if (op.Errors.Count > 0) traits.Add("Errors = new[] { " + string.Join(", ", op.Errors.Select(e => shapes + "." + ShapesEmitter.Field(e))) + " }");
            if (op.HostPrefix is not null) traits.Add("HostPrefix = " + CSharpNames.Literal(op.HostPrefix));
            if (op.IsDeprecated) traits.Add("IsDeprecated = true");
            if (op.Paginator is { } p)
            {
                traits.Add($"Paginator = new PaginatorDef({CSharpNames.Literal(p.InputToken)}, {CSharpNames.Literal(p.OutputToken)}, {CSharpNames.Literal(p.LimitKey)}, {CSharpNames.Literal(p.ResultKey)})");
            }
            var type = TypeOf(op, paging);
            w.Line($"public static readonly {type} {CSharpNames.Identifier(op.Name)} = new {type}({CSharpNames.Literal(op.Name)}, {CSharpNames.Literal(op.HttpMethod)}, {CSharpNames.Literal(op.RequestUri)})");
            w.Line("{");
            foreach (var trait in traits)
            {
                w.Line("    " + trait + ",");
            }
            w.Line("};");
        }
        w.Line();
        w.Line("public static readonly ServiceDef Service = CreateService();");
        w.Line();
        w.Open("private static ServiceDef CreateService()");
        var s = model.Service;
        w.Line($"var service = new ServiceDef({CSharpNames.Literal(s.ServiceId)}, WireProtocol.{s.Protocol}, {CSharpNames.Literal(s.ApiVersion)})");
        w.Line("{");
        w.Line($"    TargetPrefix = {CSharpNames.Literal(s.TargetPrefix)},");
        w.Line($"    SigningName = {CSharpNames.Literal(s.SigningName)},");
        w.Line($"    EndpointPrefix = {CSharpNames.Literal(s.EndpointPrefix)},");
        w.Line("};");
        foreach (var op in model.Operations.OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            w.Line($"service.Add({CSharpNames.Identifier(op.Name)});");
        }
        w.Line("return service;");
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }

    /// <summary>
    /// The operation's type: typed by its request and answer (and, for one that pages, its items), so callers need
    /// no cast. An operation without an input or output type (CloudWatch Logs' CreateLogGroup) stays untyped.
    /// </summary>
    private static string TypeOf(OperationDef op, PagingTraits paging)
    {
        if (op.Input is not { } input || op.Output is not { } output || !TypesEmitter.HasType(input) || !TypesEmitter.HasType(output))
        {
            return "OperationDef";
        }
        var types = CSharpNames.Identifier(input.Name) + ", " + CSharpNames.Identifier(output.Name);
        return paging.ItemType(op) is { } item ? $"PagedOperationDef<{types}, {item}>" : $"OperationDef<{types}>";
    }
}
