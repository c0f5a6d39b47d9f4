using System;
using System.Xml;

namespace ImageBuilder.PS.HelpBuilder;

/// <summary>Writes the MAML (XML) help file that Get-Help reads for a binary module's cmdlets.</summary>
public static class MamlWriter
{
    private const string Maml = "http://schemas.microsoft.com/maml/2004/10";
    private const string Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private const string Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static void Write(IEnumerable<CommandHelp> commands, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // Not indented: PowerShell reads the whole file on a session's first Get-Help for any of the module's
        // cmdlets, and nobody reads the generated XML (the markdown in docs/ is the source).
        var settings = new XmlWriterSettings { Indent = false, Encoding = new System.Text.UTF8Encoding(false) };
        using var w = XmlWriter.Create(path, settings);
        w.WriteStartDocument();
        w.WriteStartElement("helpItems", "http://msh");
        w.WriteAttributeString("schema", "maml");
        foreach (var help in commands.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            WriteCommand(w, help);
        }
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void WriteCommand(XmlWriter w, CommandHelp help)
    {
        w.WriteStartElement("command", "command", Command);
        w.WriteAttributeString("xmlns", "maml", null, Maml);
        w.WriteAttributeString("xmlns", "command", null, Command);
        w.WriteAttributeString("xmlns", "dev", null, Dev);

        w.WriteStartElement("command", "details", Command);
        w.WriteElementString("command", "name", Command, help.Name);
        w.WriteElementString("command", "verb", Command, help.Verb);
        w.WriteElementString("command", "noun", Command, help.Noun);
        Paragraphs(w, "description", help.Synopsis);
        w.WriteEndElement();

        Paragraphs(w, "description", help.Description);

        w.WriteStartElement("command", "syntax", Command);
        var sets = help.Syntax.Count > 0 ? help.Syntax.Select(s => s.SetName).ToList() : new List<string> { "(All)" };
        foreach (var set in sets)
        {
            w.WriteStartElement("command", "syntaxItem", Command);
            w.WriteElementString("maml", "name", Maml, help.Name);
            foreach (var p in help.Parameters.Where(p => p.ParameterSets.Contains("(All)") || p.ParameterSets.Contains(set)))
            {
                WriteParameter(w, p, inSyntax: true);
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();

        w.WriteStartElement("command", "parameters", Command);
        foreach (var p in help.Parameters)
        {
            WriteParameter(w, p, inSyntax: false);
        }
        w.WriteEndElement();

        WriteTypes(w, "inputTypes", "inputType", help.Inputs);
        WriteTypes(w, "returnValues", "returnValue", help.Outputs);

        if (help.Notes.Length > 0)
        {
            w.WriteStartElement("maml", "alertSet", Maml);
            w.WriteStartElement("maml", "alert", Maml);
            foreach (var para in Split(help.Notes)) w.WriteElementString("maml", "para", Maml, para);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteStartElement("command", "examples", Command);
        foreach (var example in help.Examples)
        {
            w.WriteStartElement("command", "example", Command);
            w.WriteElementString("maml", "title", Maml, "-------------------------- " + example.Title + " --------------------------");
            w.WriteElementString("dev", "code", Dev, example.Code);
            w.WriteStartElement("dev", "remarks", Dev);
            foreach (var para in Split(example.Remarks)) w.WriteElementString("maml", "para", Maml, para);
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();

        // Get-Help -Online opens the first link that has a URI and fails when it is not absolute, so the page's
        // online version comes first and links to other pages of docs/ (about_ImageBuilder.PS.md) keep only their
        // names: Get-Help shows them, and Get-Help <name> finds them.
        w.WriteStartElement("command", "relatedLinks", Command);
        if (help.Metadata.TryGetValue("online version", out var online) && IsWebAddress(online))
        {
            WriteLink(w, "Online Version:", online);
        }
        foreach (var link in help.Links)
        {
            WriteLink(w, link.Text, IsWebAddress(link.Uri) ? link.Uri : "");
        }
        w.WriteEndElement();

        w.WriteEndElement();
    }

    private static void WriteLink(XmlWriter w, string text, string uri)
    {
        w.WriteStartElement("maml", "navigationLink", Maml);
        w.WriteElementString("maml", "linkText", Maml, text);
        w.WriteElementString("maml", "uri", Maml, uri);
        w.WriteEndElement();
    }

    private static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <param name="inSyntax">
    /// A syntax block's parameter: Get-Help shows only its name, type and brackets there, so its description (a
    /// third of the file when repeated in every parameter set) is left to the parameters section.
    /// </param>
    private static void WriteParameter(XmlWriter w, ParameterHelp p, bool inSyntax)
    {
        w.WriteStartElement("command", "parameter", Command);
        w.WriteAttributeString("required", p.Required ? "true" : "false");
        w.WriteAttributeString("variableLength", p.Type.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false");
        w.WriteAttributeString("globbing", p.Wildcards ? "true" : "false");
        w.WriteAttributeString("pipelineInput", p.PipelineInput);
        w.WriteAttributeString("position", p.Position.Equals("Named", StringComparison.OrdinalIgnoreCase) ? "named" : p.Position);
        w.WriteAttributeString("aliases", p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases));
        w.WriteElementString("maml", "name", Maml, p.Name);
        if (!inSyntax)
        {
            Paragraphs(w, "description", p.Description);
        }
        if (!p.IsSwitch)
        {
            w.WriteStartElement("command", "parameterValue", Command);
            w.WriteAttributeString("required", "true");
            w.WriteAttributeString("variableLength", "false");
            w.WriteString(p.Type);
            w.WriteEndElement();
        }
        w.WriteStartElement("dev", "type", Dev);
        w.WriteElementString("maml", "name", Maml, p.Type);
        w.WriteElementString("maml", "uri", Maml, "");
        w.WriteEndElement();
        w.WriteElementString("dev", "defaultValue", Dev, p.DefaultValue);
        w.WriteEndElement();
    }

    private static void WriteTypes(XmlWriter w, string outer, string inner, List<TypeHelp> types)
    {
        w.WriteStartElement("command", outer, Command);
        foreach (var type in types)
        {
            w.WriteStartElement("command", inner, Command);
            w.WriteStartElement("dev", "type", Dev);
            w.WriteElementString("maml", "name", Maml, type.Name);
            w.WriteEndElement();
            Paragraphs(w, "description", type.Description);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Paragraphs(XmlWriter w, string element, string text)
    {
        w.WriteStartElement("maml", element, Maml);
        foreach (var para in Split(text)) w.WriteElementString("maml", "para", Maml, para);
        w.WriteEndElement();
    }

    /// <summary>Markdown paragraphs (blank-line separated) become MAML paragraphs; a line break inside one becomes a space.</summary>
    private static IEnumerable<string> Split(string text) =>
        text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => string.Join(" ", p.Split('\n').Select(l => l.Trim())).Replace("`", ""))
            .Where(p => p.Length > 0);
}
