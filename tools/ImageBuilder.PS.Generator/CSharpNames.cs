using System.Text;

namespace ImageBuilder.PS.Generator;

/// <summary>Turns model names into C# identifiers.</summary>
public static class CSharpNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>"dateCreated" → "DateCreated"; anything that is not a letter or digit becomes a word break.</summary>
    public static string Pascal(string name)
    {
        var text = new StringBuilder(name.Length);
        bool upper = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }
            text.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        if (text.Length == 0 || char.IsDigit(text[0]))
        {
            text.Insert(0, '_');
        }
        return text.ToString();
    }

    /// <summary>A valid identifier that keeps the name's spelling where it can.</summary>
    public static string Identifier(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            text.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        }
        if (text.Length == 0 || char.IsDigit(text[0]))
        {
            text.Insert(0, '_');
        }
        var id = text.ToString();
        return Keywords.Contains(id) ? "@" + id : id;
    }

    /// <summary>A C# string literal.</summary>
    public static string Literal(string? value)
    {
        if (value is null)
        {
            return "null";
        }
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20 || c > 0x7e) text.Append("\\u").Append(((int)c).ToString("x4"));
                    else text.Append(c);
                    break;
            }
        }
        return text.Append('"').ToString();
    }
}
