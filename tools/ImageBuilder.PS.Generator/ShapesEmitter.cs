using System.Globalization;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Generator;

/// <summary>Prints a loaded model's shapes as C# that builds the same <see cref="ShapeDef"/> objects at run time.</summary>
public static class ShapesEmitter
{
    public static string Emit(LoadedModel model, ServiceSelection selection, string ns, string source)
    {
        var registry = selection.Prefix + "Shapes";
        var w = new CodeWriter().Header(source);
        w.Line("using ImageBuilder.PS.Protocol;").Line();
        w.Open("namespace " + ns);
        w.Line("/// <summary>Every shape of the model that the module's operations reach, with its constraints.</summary>");
        w.Open("public static partial class " + registry);
        var shapes = model.Shapes.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        foreach (var shape in shapes)
        {
            w.Line($"public static readonly ShapeDef {Field(shape)} = new ShapeDef({CSharpNames.Literal(shape.Name)}, ShapeKind.{shape.Kind}){Initializer(shape)};");
        }
        w.Line();
        w.Line("/// <summary>The shape of a generated structure type, for code handed a Type (a parameter's attribute); null for any other type.</summary>");
        w.Line("public static ShapeDef? ShapeOf(global::System.Type type) => ByType.TryGetValue(type, out var shape) ? shape : null;");
        w.Line();
        w.Open("private static readonly global::System.Collections.Generic.Dictionary<global::System.Type, ShapeDef> ByType = new()");
        foreach (var shape in shapes.Where(TypesEmitter.HasType))
        {
            w.Line($"[typeof({ClrTypes.Element(shape, ns)})] = {Field(shape)},");
        }
        w.Close(";");
        w.Line();
        w.Open("static " + registry + "()");
        foreach (var shape in shapes)
        {
            switch (shape.Kind)
            {
                case ShapeKind.List:
                    w.Line($"{Field(shape)}.Element = {Field(shape.Element!)};");
                    w.Line($"{Field(shape)}.Factory = static () => new {ClrTypes.Element(shape, ns)}();");
                    break;
                case ShapeKind.Map:
                    w.Line($"{Field(shape)}.Key = {Field(shape.Key!)};");
                    w.Line($"{Field(shape)}.Value = {Field(shape.Value!)};");
                    w.Line($"{Field(shape)}.Factory = static () => new {ClrTypes.Element(shape, ns)}();");
                    break;
                case ShapeKind.Structure:
                    EmitMembers(w, shape);
                    if (TypesEmitter.HasType(shape))
                    {
                        w.Line($"{Field(shape)}.Factory = static () => new {ClrTypes.Element(shape, ns)}();");
                    }
                    break;
            }
        }
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }

    public static string Field(ShapeDef shape) => CSharpNames.Identifier(shape.Name);

    private static void EmitMembers(CodeWriter w, ShapeDef shape)
    {
        if (shape.Members.Count == 0)
        {
            return;
        }
        w.Line($"{Field(shape)}.DefineMembers(");
        for (int i = 0; i < shape.Members.Count; i++)
        {
            var m = shape.Members[i];
            var traits = new List<string>();
            if (m.Location != MemberLocation.Body) traits.Add("Location = MemberLocation." + m.Location);
            if (m.LocationName is not null) traits.Add("LocationName = " + CSharpNames.Literal(m.LocationName));
            if (m.IsRequired) traits.Add("IsRequired = true");
            if (m.IsIdempotencyToken) traits.Add("IsIdempotencyToken = true");
            if (m.IsHostLabel) traits.Add("IsHostLabel = true");
            if (m.IsJsonValue) traits.Add("IsJsonValue = true");
            if (m.IsDeprecated) traits.Add("IsDeprecated = true");
            if (m.TimestampFormat != TimestampFormat.Default) traits.Add("TimestampFormat = TimestampFormat." + m.TimestampFormat);
            var init = traits.Count == 0 ? "" : " { " + string.Join(", ", traits) + " }";
            var separator = i == shape.Members.Count - 1 ? ");" : ",";
            w.Line($"    new MemberDef({CSharpNames.Literal(TypesEmitter.PropertyName(shape, m))}, {CSharpNames.Literal(m.WireName)}, {Field(m.Shape)}){init}{separator}");
        }
    }

    private static string Initializer(ShapeDef s)
    {
        var traits = new List<string>();
        if (s.Min is { } min) traits.Add("Min = " + min.ToString("R", CultureInfo.InvariantCulture));
        if (s.Max is { } max) traits.Add("Max = " + max.ToString("R", CultureInfo.InvariantCulture));
        if (s.Pattern is not null) traits.Add("Pattern = " + CSharpNames.Literal(s.Pattern));
        if (s.EnumValues is not null) traits.Add("EnumValues = new[] { " + string.Join(", ", s.EnumValues.Select(CSharpNames.Literal)) + " }");
        if (s.IsUnion) traits.Add("IsUnion = true");
        if (s.IsDocument) traits.Add("IsDocument = true");
        if (s.IsSensitive) traits.Add("IsSensitive = true");
        if (s.IsStreaming) traits.Add("IsStreaming = true");
        if (s.IsDateString) traits.Add("IsDateString = true");
        if (s.TimestampFormat != TimestampFormat.Default) traits.Add("TimestampFormat = TimestampFormat." + s.TimestampFormat);
        if (s.MediaType is not null) traits.Add("MediaType = " + CSharpNames.Literal(s.MediaType));
        if (s.PayloadMember is not null) traits.Add("PayloadMember = " + CSharpNames.Literal(s.PayloadMember));
        if (s.IsError) traits.Add("IsError = true");
        if (s.IsServerFault) traits.Add("IsServerFault = true");
        if (s.ErrorStatusCode is { } status) traits.Add("ErrorStatusCode = " + status.ToString(CultureInfo.InvariantCulture));
        if (s.ErrorCode is not null) traits.Add("ErrorCode = " + CSharpNames.Literal(s.ErrorCode));
        return traits.Count == 0 ? "" : " { " + string.Join(", ", traits) + " }";
    }
}
