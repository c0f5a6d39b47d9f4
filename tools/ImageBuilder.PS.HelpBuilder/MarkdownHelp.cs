using System.Text;
using System.Text.RegularExpressions;

namespace ImageBuilder.PS.HelpBuilder;

/// <summary>Reads and writes cmdlet help in PlatyPS's markdown schema 2.0.0 (the layout PlatyPS's New-MarkdownHelp writes).</summary>
public static class MarkdownHelp
{
    public static CommandHelp Parse(string text)
    {
        var help = new CommandHelp();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        int i = 0;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            for (i = 1; i < lines.Length && lines[i].Trim() != "---"; i++)
            {
                var colon = lines[i].IndexOf(':');
                if (colon > 0) help.Metadata[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
            }
            i++;
        }
        string? section = null;
        var buffer = new List<string>();
        for (; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("# ", StringComparison.Ordinal) && section is null)
            {
                help.Name = line[2..].Trim();
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush(help, section, buffer);
                section = line[3..].Trim().ToUpperInvariant();
                buffer.Clear();
            }
            else
            {
                buffer.Add(line);
            }
        }
        Flush(help, section, buffer);
        return help;
    }

    private static void Flush(CommandHelp help, string? section, List<string> lines)
    {
        switch (section)
        {
            case "SYNOPSIS": help.Synopsis = Text(lines); break;
            case "DESCRIPTION": help.Description = Text(lines); break;
            case "NOTES": help.Notes = Text(lines); break;
            case "SYNTAX":
                foreach (var (title, body) in Subsections(lines))
                {
                    var isDefault = title.EndsWith("(Default)", StringComparison.Ordinal);
                    help.Syntax.Add(new SyntaxBlock(isDefault ? title[..^"(Default)".Length].Trim() : title, isDefault, Code(body).code));
                }
                break;
            case "EXAMPLES":
                foreach (var (title, body) in Subsections(lines))
                {
                    var (code, rest) = Code(body);
                    help.Examples.Add(new ExampleHelp { Title = title, Code = code, Remarks = Text(rest) });
                }
                break;
            case "PARAMETERS":
                help.HasCommonParameters = false;
                foreach (var (title, body) in Subsections(lines))
                {
                    if (title == "CommonParameters")
                    {
                        help.HasCommonParameters = true;
                        continue;
                    }
                    help.Parameters.Add(Parameter(title.TrimStart('-'), body));
                }
                break;
            case "INPUTS":
                help.Inputs.AddRange(Subsections(lines).Select(s => new TypeHelp(s.title, Text(s.body))));
                break;
            case "OUTPUTS":
                help.Outputs.AddRange(Subsections(lines).Select(s => new TypeHelp(s.title, Text(s.body))));
                break;
            case "RELATED LINKS":
                foreach (var line in lines)
                {
                    var m = Regex.Match(line, @"\[(?<text>[^\]]*)\]\((?<uri>[^)]*)\)");
                    if (m.Success) help.Links.Add(new LinkHelp(m.Groups["text"].Value, m.Groups["uri"].Value));
                }
                break;
        }
    }

    private static ParameterHelp Parameter(string name, List<string> body)
    {
        var (yaml, description) = Code(body);
        var p = new ParameterHelp { Name = name, Description = Text(description) };
        foreach (var line in yaml.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon < 0) continue;
            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "Type": p.Type = value; break;
                case "Parameter Sets": p.ParameterSets = List(value); break;
                case "Aliases": p.Aliases = List(value); break;
                case "Accepted values": p.AcceptedValues = List(value); break;
                case "Required": p.Required = value.StartsWith("True", StringComparison.OrdinalIgnoreCase); break;
                case "Position": p.Position = value; break;
                case "Default value": p.DefaultValue = value; break;
                case "Accept pipeline input": p.PipelineInput = value; break;
                case "Accept wildcard characters": p.Wildcards = value.StartsWith("True", StringComparison.OrdinalIgnoreCase); break;
            }
        }
        return p;
    }

    private static List<string> List(string value) =>
        value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();

    private static IEnumerable<(string title, List<string> body)> Subsections(List<string> lines)
    {
        string? title = null;
        var body = new List<string>();
        bool inCode = false;
        foreach (var line in lines)
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) inCode = !inCode;
            if (!inCode && line.StartsWith("### ", StringComparison.Ordinal))
            {
                if (title is not null) yield return (title, body);
                title = line[4..].Trim();
                body = new List<string>();
            }
            else if (title is not null)
            {
                body.Add(line);
            }
        }
        if (title is not null) yield return (title, body);
    }

    /// <summary>The first fenced block of a subsection, and the lines outside it.</summary>
    private static (string code, List<string> rest) Code(List<string> lines)
    {
        var code = new List<string>();
        var rest = new List<string>();
        int state = 0; // 0 before, 1 inside, 2 after
        foreach (var line in lines)
        {
            if (state < 2 && line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                state++;
                continue;
            }
            (state == 1 ? code : rest).Add(line);
        }
        return (string.Join("\n", code).Trim('\n'), rest);
    }

    /// <summary>Paragraph text: blank lines separate paragraphs, other line breaks are kept.</summary>
    private static string Text(List<string> lines) => string.Join("\n", lines).Trim();

    /// <summary>Writes help back in the same layout (used to refresh the parts that come from the code).</summary>
    public static string Write(CommandHelp help)
    {
        var w = new StringBuilder();
        w.Append("---\n");
        foreach (var pair in help.Metadata) w.Append(pair.Key).Append(": ").Append(pair.Value).Append('\n');
        w.Append("---\n\n");
        w.Append("# ").Append(help.Name).Append("\n\n");
        w.Append("## SYNOPSIS\n").Append(help.Synopsis).Append("\n\n");
        w.Append("## SYNTAX\n\n");
        foreach (var block in help.Syntax)
        {
            w.Append("### ").Append(block.SetName).Append(block.IsDefault ? " (Default)" : "").Append("\n```\n").Append(block.Text).Append("\n```\n\n");
        }
        w.Append("## DESCRIPTION\n").Append(help.Description).Append("\n\n");
        w.Append("## EXAMPLES\n\n");
        foreach (var example in help.Examples)
        {
            w.Append("### ").Append(example.Title).Append("\n```powershell\n").Append(example.Code).Append("\n```\n\n");
            if (example.Remarks.Length > 0) w.Append(example.Remarks).Append("\n\n");
        }
        w.Append("## PARAMETERS\n\n");
        foreach (var p in help.Parameters)
        {
            w.Append("### -").Append(p.Name).Append('\n').Append(p.Description).Append("\n\n```yaml\n");
            w.Append("Type: ").Append(p.Type).Append('\n');
            w.Append("Parameter Sets: ").Append(string.Join(", ", p.ParameterSets)).Append('\n');
            w.Append("Aliases: ").Append(string.Join(", ", p.Aliases)).Append('\n');
            if (p.AcceptedValues.Count > 0) w.Append("Accepted values: ").Append(string.Join(", ", p.AcceptedValues)).Append('\n');
            w.Append('\n');
            w.Append("Required: ").Append(p.Required ? "True" : "False").Append('\n');
            w.Append("Position: ").Append(p.Position).Append('\n');
            w.Append("Default value: ").Append(p.DefaultValue).Append('\n');
            w.Append("Accept pipeline input: ").Append(p.PipelineInput).Append('\n');
            w.Append("Accept wildcard characters: ").Append(p.Wildcards ? "True" : "False").Append('\n');
            w.Append("```\n\n");
        }
        if (help.HasCommonParameters)
        {
            w.Append("### CommonParameters\n").Append(CommonParametersText).Append("\n\n");
        }
        w.Append("## INPUTS\n\n");
        foreach (var t in help.Inputs) w.Append("### ").Append(t.Name).Append('\n').Append(t.Description).Append(t.Description.Length > 0 ? "\n\n" : "\n");
        w.Append("## OUTPUTS\n\n");
        foreach (var t in help.Outputs) w.Append("### ").Append(t.Name).Append('\n').Append(t.Description).Append(t.Description.Length > 0 ? "\n\n" : "\n");
        w.Append("## NOTES\n").Append(help.Notes).Append(help.Notes.Length > 0 ? "\n\n" : "\n");
        w.Append("## RELATED LINKS\n\n");
        foreach (var link in help.Links) w.Append('[').Append(link.Text).Append("](").Append(link.Uri).Append(")\n\n");
        return w.ToString().TrimEnd('\n') + "\n";
    }

    public const string CommonParametersText =
        "This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, " +
        "-InformationVariable, -OutVariable, -OutBuffer, -PipelineVariable, -ProgressAction, -Verbose, -WarningAction, " +
        "and -WarningVariable. For more information, see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).";
}
