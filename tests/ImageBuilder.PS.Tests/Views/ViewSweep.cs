using System.Collections;
using System.Reflection;
using System.Xml.Linq;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Views;

/// <summary>One view of module/Formats: its name, whether it is a table or a list, the type it is for, and its columns.</summary>
public sealed record FormatView(string File, string Name, bool IsTable, string TypeName, IReadOnlyList<string> Labels);

/// <summary>The module's format views as the files declare them, and objects of their types to render with them.</summary>
public static class ViewSweep
{
    public static IReadOnlyList<FormatView> Views { get; } = ReadViews();

    private static List<FormatView> ReadViews()
    {
        var views = new List<FormatView>();
        foreach (var file in Directory.GetFiles(Path.Combine(PowerShellSession.RepoRoot, "module", "Formats"), "*.ps1xml").Order(StringComparer.Ordinal))
        {
            foreach (var view in XDocument.Load(file).Descendants("View"))
            {
                var name = (string)view.Element("Name")!;
                var table = view.Element("TableControl");
                var labels = table is null ? new List<string>() : ColumnLabels(table);
                foreach (var type in view.Element("ViewSelectedBy")!.Elements("TypeName"))
                {
                    views.Add(new FormatView(Path.GetFileName(file), name, table is not null, (string)type, labels));
                }
            }
        }
        return views;
    }

    /// <summary>A column's header: its label, else the property it shows.</summary>
    private static List<string> ColumnLabels(XElement table)
    {
        var headers = table.Element("TableHeaders")!.Elements("TableColumnHeader").ToList();
        var items = table.Descendants("TableColumnItems").First().Elements("TableColumnItem").ToList();
        return headers.Select((h, i) => (string?)h.Element("Label") ?? (string?)items[i].Element("PropertyName") ?? "").ToList();
    }

    /// <summary>
    /// Objects of a type with members missing: one with nothing set, and one whose nested structures, lists and maps
    /// exist but are empty (or hold one empty element), as partly filled service answers are.
    /// </summary>
    public static IEnumerable<object> SparseObjects(Type type)
    {
        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            // A type made whole by its constructor (document findings) gets every argument's default.
            var constructor = type.GetConstructors().OrderBy(c => c.GetParameters().Length).First();
            yield return constructor.Invoke(constructor.GetParameters().Select(p => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray());
            yield break;
        }
        yield return Activator.CreateInstance(type)!;
        yield return Filled(type, 3);
    }

    private static object Filled(Type type, int depth)
    {
        var value = Activator.CreateInstance(type)!;
        if (depth == 0)
        {
            return value;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            var kind = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (typeof(IDictionary).IsAssignableFrom(kind) && kind.GetConstructor(Type.EmptyTypes) is not null)
            {
                property.SetValue(value, Activator.CreateInstance(kind));
            }
            else if (typeof(IList).IsAssignableFrom(kind) && kind.IsGenericType && kind.GetConstructor(Type.EmptyTypes) is not null)
            {
                var list = (IList)Activator.CreateInstance(kind)!;
                var element = kind.GetGenericArguments()[0];
                if (IsStructure(element)) list.Add(Filled(element, depth - 1));
                property.SetValue(value, list);
            }
            else if (IsStructure(kind))
            {
                property.SetValue(value, Filled(kind, depth - 1));
            }
        }
        return value;
    }

    private static bool IsStructure(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is not null;
}
