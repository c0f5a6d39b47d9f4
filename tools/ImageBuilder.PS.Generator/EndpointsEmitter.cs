using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ImageBuilder.PS.Generator;

/// <summary>
/// Translates an endpoint rule set into straight C#: each rule becomes nested ifs over its conditions, ending in a
/// URL or an error. Only the rule functions these services use are supported; anything else stops the generator.
/// </summary>
public static class EndpointsEmitter
{
    public static string Emit(string ruleSetPath, ServiceSelection selection, string ns, string source)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(ruleSetPath));
        var root = doc.RootElement;
        var parameters = root.GetProperty("parameters");
        foreach (var p in parameters.EnumerateObject())
        {
            if (p.Name is not ("Region" or "UseFIPS" or "UseDualStack" or "Endpoint"))
            {
                throw new NotSupportedException($"Endpoint parameter {p.Name} is not supported.");
            }
        }
        var w = new CodeWriter().Header(source);
        w.Line("using ImageBuilder.PS.Endpoints;").Line();
        w.Open("namespace " + ns);
        w.Line($"/// <summary>Where {selection.ModelFolder} requests go, for every partition, FIPS and dual-stack.</summary>");
        w.Open($"public static class {selection.Prefix}Endpoints");
        w.Line("/// <summary>The endpoint URL, or an <see cref=\"EndpointResolutionException\"/> when the settings cannot work together.</summary>");
        w.Open("public static string Resolve(string? Region, bool UseFIPS, bool UseDualStack, string? Endpoint)");
        foreach (var rule in root.GetProperty("rules").EnumerateArray())
        {
            EmitRule(w, rule);
        }
        w.Line("throw new EndpointResolutionException(\"No endpoint rule matched the request's settings.\");");
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static void EmitRule(CodeWriter w, JsonElement rule)
    {
        int opened = 0;
        foreach (var condition in rule.GetProperty("conditions").EnumerateArray())
        {
            var fn = condition.GetProperty("fn").GetString();
            if (condition.TryGetProperty("assign", out var assign))
            {
                if (fn != "aws.partition")
                {
                    throw new NotSupportedException($"Assigning the result of {fn} is not supported.");
                }
                var name = assign.GetString()!;
                w.Line($"var {name} = Partitions.Find({Expression(condition.GetProperty("argv")[0])});");
                w.Open($"if ({name} is not null)");
            }
            else
            {
                w.Open($"if ({Expression(condition)})");
            }
            opened++;
        }
        switch (rule.GetProperty("type").GetString())
        {
            case "endpoint":
                var url = rule.GetProperty("endpoint").GetProperty("url");
                w.Line($"return {Expression(url)};");
                break;
            case "error":
                w.Line($"throw new EndpointResolutionException({Expression(rule.GetProperty("error"))});");
                break;
            case "tree":
                var inner = rule.GetProperty("rules").EnumerateArray().ToList();
                foreach (var r in inner)
                {
                    EmitRule(w, r);
                }
                // A tree whose conditions hold must end in one of its rules; say so when its last rule can fall through.
                if (inner.Count == 0 || inner[^1].GetProperty("conditions").GetArrayLength() > 0)
                {
                    w.Line("throw new EndpointResolutionException(\"No endpoint rule matched the request's settings.\");");
                }
                break;
        }
        for (int i = 0; i < opened; i++)
        {
            w.Close();
        }
    }

    private static string Expression(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.True: return "true";
            case JsonValueKind.False: return "false";
            case JsonValueKind.String: return Template(e.GetString()!);
            case JsonValueKind.Number: return e.GetRawText();
        }
        if (e.TryGetProperty("ref", out var reference))
        {
            return reference.GetString()!;
        }
        var argv = e.GetProperty("argv").EnumerateArray().ToList();
        return e.GetProperty("fn").GetString() switch
        {
            "isSet" => $"{Expression(argv[0])} is not null",
            "not" => $"!({Expression(argv[0])})",
            "booleanEquals" => $"({Expression(argv[0])} == {Expression(argv[1])})",
            "stringEquals" => $"string.Equals({Expression(argv[0])}, {Expression(argv[1])}, System.StringComparison.Ordinal)",
            "getAttr" => $"{Expression(argv[0])}.{Attribute(argv[1].GetString()!)}",
            var fn => throw new NotSupportedException($"Endpoint rule function {fn} is not supported."),
        };
    }

    /// <summary>"https://svc.{Region}.{PartitionResult#dnsSuffix}" → an interpolated string.</summary>
    private static string Template(string text)
    {
        if (!text.Contains('{'))
        {
            return CSharpNames.Literal(text);
        }
        var result = new StringBuilder("$\"");
        int i = 0;
        while (i < text.Length)
        {
            int open = text.IndexOf('{', i);
            if (open < 0)
            {
                result.Append(Escape(text[i..]));
                break;
            }
            int close = text.IndexOf('}', open);
            result.Append(Escape(text[i..open]));
            var reference = text[(open + 1)..close];
            var hash = reference.IndexOf('#');
            result.Append('{').Append(hash < 0 ? reference : reference[..hash] + "." + Attribute(reference[(hash + 1)..])).Append('}');
            i = close + 1;
        }
        return result.Append('"').ToString();
    }

    private static string Escape(string s) => CSharpNames.Literal(s)[1..^1];

    private static string Attribute(string name) => name switch
    {
        "name" => "Name",
        "dnsSuffix" => "DnsSuffix",
        "dualStackDnsSuffix" => "DualStackDnsSuffix",
        "supportsFIPS" => "SupportsFips",
        "supportsDualStack" => "SupportsDualStack",
        "implicitGlobalRegion" => "ImplicitGlobalRegion",
        _ => throw new NotSupportedException($"Partition attribute {name} is not supported."),
    };

    /// <summary>The partition table the aws.partition function reads, as data.</summary>
    public static string EmitPartitions(string partitionsPath, string source)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(partitionsPath));
        var w = new CodeWriter().Header(source);
        w.Open("namespace ImageBuilder.PS.Endpoints");
        w.Open("public static partial class Partitions");
        w.Open("static partial void FillTable(System.Collections.Generic.List<PartitionInfo> table)");
        foreach (var p in doc.RootElement.GetProperty("partitions").EnumerateArray())
        {
            var o = p.GetProperty("outputs");
            var regions = p.GetProperty("regions").EnumerateObject().Select(r => CSharpNames.Literal(r.Name));
            w.Line($"table.Add(new PartitionInfo({CSharpNames.Literal(p.GetProperty("id").GetString())}, {CSharpNames.Literal(p.GetProperty("regionRegex").GetString())},");
            w.Line($"    {CSharpNames.Literal(o.GetProperty("dnsSuffix").GetString())}, {CSharpNames.Literal(o.GetProperty("dualStackDnsSuffix").GetString())},");
            w.Line($"    {Bool(o, "supportsFIPS")}, {Bool(o, "supportsDualStack")}, {CSharpNames.Literal(o.TryGetProperty("implicitGlobalRegion", out var g) ? g.GetString() : null)},");
            w.Line($"    new[] {{ {string.Join(", ", regions)} }}));");
        }
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static string Bool(JsonElement o, string name) =>
        (o.TryGetProperty(name, out var v) && v.GetBoolean()).ToString(CultureInfo.InvariantCulture).ToLowerInvariant();
}
