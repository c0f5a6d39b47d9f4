using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Generator;

/// <summary>Prints a class per structure: PascalCase properties plus the index-based access the protocol engine uses.</summary>
public static class TypesEmitter
{
    /// <summary>Error shapes get exception types in the client layer instead of data classes.</summary>
    public static bool HasType(ShapeDef shape) => shape.Kind == ShapeKind.Structure && !shape.IsError && !shape.IsDocument;

    /// <summary>The property name of a member; a member named like its class gets a suffix (C# forbids the clash).</summary>
    public static string PropertyName(ShapeDef owner, MemberDef member) =>
        member.Name == CSharpNames.Identifier(owner.Name) ? member.Name + "Value" : member.Name;

    public static string Emit(LoadedModel model, ServiceSelection selection, string ns, string source)
    {
        var registry = selection.Prefix + "Shapes";
        var paging = new PagingTraits(model, ns);
        var w = new CodeWriter().Header(source);
        w.Line("using ImageBuilder.PS.Protocol;").Line();
        w.Open("namespace " + ns);
        foreach (var shape in model.Shapes.Values.Where(HasType).OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var name = CSharpNames.Identifier(shape.Name);
            w.Open($"public sealed partial class {name} : {string.Join(", ", paging.Interfaces(shape, ns).Prepend("IAwsStructure"))}");
            foreach (var member in shape.Members)
            {
                w.Line($"public {ClrTypes.Property(member.Shape, ns)} {PropertyName(shape, member)} {{ get; set; }}");
            }
            if (shape.Members.Count > 0)
            {
                w.Line();
            }
            paging.EmitMembers(w, shape, ns);
            w.Line($"ShapeDef IAwsStructure.GetShape() => {registry}.{ShapesEmitter.Field(shape)};");
            w.Line();
            w.Line("public override string ToString() => StructureText.Format(this);");
            w.Line();
            if (shape.Members.Count == 0)
            {
                w.Line("object? IAwsStructure.GetMember(int index) => null;");
                w.Line();
                w.Line("void IAwsStructure.SetMember(int index, object? value) { }");
            }
            else
            {
                w.Open("object? IAwsStructure.GetMember(int index) => index switch");
                foreach (var member in shape.Members)
                {
                    w.Line($"{member.Index} => {PropertyName(shape, member)},");
                }
                w.Line("_ => null,");
                w.Close(";");
                w.Line();
                w.Open("void IAwsStructure.SetMember(int index, object? value)");
                w.Open("switch (index)");
                foreach (var member in shape.Members)
                {
                    w.Line($"case {member.Index}: {PropertyName(shape, member)} = ({ClrTypes.Property(member.Shape, ns)})value; break;");
                }
                w.Close();
                w.Close();
            }
            w.Close();
            w.Line();
        }
        w.Close();
        return w.ToString();
    }
}
