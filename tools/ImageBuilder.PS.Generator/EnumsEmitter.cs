using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Generator;

/// <summary>Prints the known values of each enumerated string shape (for completion and checks; the service may add more).</summary>
public static class EnumsEmitter
{
    public static string Emit(LoadedModel model, ServiceSelection selection, string ns, string source)
    {
        var w = new CodeWriter().Header(source);
        w.Open("namespace " + ns);
        w.Line("/// <summary>The values the model lists for each enumerated string.</summary>");
        w.Open($"public static partial class {selection.Prefix}Values");
        foreach (var shape in model.Shapes.Values.Where(s => s.EnumValues is not null).OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            w.Open("public static class " + CSharpNames.Identifier(shape.Name));
            var used = new HashSet<string>(StringComparer.Ordinal) { "All", CSharpNames.Identifier(shape.Name) };
            foreach (var value in shape.EnumValues!)
            {
                var name = CSharpNames.Pascal(value);
                while (!used.Add(name))
                {
                    name += "_";
                }
                w.Line($"public const string {name} = {CSharpNames.Literal(value)};");
            }
            w.Line("public static readonly string[] All = { " + string.Join(", ", shape.EnumValues!.Select(CSharpNames.Literal)) + " };");
            w.Close();
        }
        w.Close();
        w.Close();
        return w.ToString();
    }
}
