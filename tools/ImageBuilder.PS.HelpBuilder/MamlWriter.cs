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
            foreach (var p in SyntaxParameters(help, set))
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
        if (sets.Any(set => SupportsShouldProcess(help, set)))
        {
            WriteParameter(w, WhatIf, inSyntax: false);
            WriteParameter(w, Confirm, inSyntax: false);
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

    // -WhatIf and -Confirm are PowerShell's, so the docs' PARAMETERS section leaves them out, but the syntax the
    // docs show (from Get-Command) has them, and Get-Help shows only what the MAML holds: without these, Get-Help's
    // syntax hid -WhatIf from every command that takes it.
    private static readonly ParameterHelp WhatIf = new()
    {
        Name = "WhatIf",
        Type = "SwitchParameter",
        Aliases = { "wi" },
        DefaultValue = "False",
        Description = "Says what the command would do, and does nothing: nothing is created, changed, started or deleted. " +
            "It may still read from AWS to say what it would do.",
    };

    private static readonly ParameterHelp Confirm = new()
    {
        Name = "Confirm",
        Type = "SwitchParameter",
        Aliases = { "cf" },
        DefaultValue = "False",
        Description = "Asks before the command makes its change; -Confirm:$false never asks. Without it, the command asks " +
            "when its impact is at or above $ConfirmPreference. Where nobody can answer (pwsh -NonInteractive, " +
            "SSM Run Command), a question that would be asked is an error that changes nothing: add -Confirm:$false, or -Force where the command has it.",
    };

    private static bool SupportsShouldProcess(CommandHelp help, string set) =>
        help.Syntax.FirstOrDefault(s => s.SetName == set)?.Text.Contains("[-WhatIf]", StringComparison.Ordinal) == true;

    private static readonly System.Text.RegularExpressions.Regex SyntaxName = new(@"(?<=^|[\s\[])-(\w+)", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// A set's parameters in the order of the docs' syntax line (Get-Command's: positional, then mandatory, then the
    /// rest), since Get-Help prints them in the MAML's order; a set without a syntax line gets them as declared.
    /// </summary>
    private static IEnumerable<ParameterHelp> SyntaxParameters(CommandHelp help, string set)
    {
        var inSet = help.Parameters.Where(p => p.ParameterSets.Contains("(All)") || p.ParameterSets.Contains(set)).ToList();
        var text = help.Syntax.FirstOrDefault(s => s.SetName == set)?.Text;
        if (text is null)
        {
            return inSet;
        }
        var byName = inSet.Concat(new[] { WhatIf, Confirm }).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var named = SyntaxName.Matches(text).Select(m => m.Groups[1].Value).Where(byName.ContainsKey).Select(n => byName[n]).ToList();
        // A parameter of the set that the line does not name still belongs in it (the docs tests keep the two equal).
        return named.Concat(inSet.Where(p => !named.Contains(p)));
    }

    /// <param name="inSyntax">
    /// A syntax block's parameter: Get-Help shows only its name, value type and brackets there (from required,
    /// position and parameterValue), so its description, type, default value and the other attributes are left to
    /// the parameters section. PowerShell builds every entry of the file on the first Get-Help; what the syntax blocks
    /// repeated, in every parameter set, was a fifth of the file, and Get-Help's text is the same without it.
    /// </param>
    private static void WriteParameter(XmlWriter w, ParameterHelp p, bool inSyntax)
    {
        var position = p.Position.Equals("Named", StringComparison.OrdinalIgnoreCase) ? "named" : p.Position;
        w.WriteStartElement("command", "parameter", Command);
        w.WriteAttributeString("required", p.Required ? "true" : "false");
        if (!inSyntax)
        {
            w.WriteAttributeString("variableLength", p.Type.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false");
            w.WriteAttributeString("globbing", p.Wildcards ? "true" : "false");
            w.WriteAttributeString("pipelineInput", p.PipelineInput);
        }
        w.WriteAttributeString("position", position);
        if (!inSyntax)
        {
            w.WriteAttributeString("aliases", p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases));
        }
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
        if (!inSyntax)
        {
            w.WriteStartElement("dev", "type", Dev);
            w.WriteElementString("maml", "name", Maml, p.Type);
            w.WriteEndElement();
            w.WriteElementString("dev", "defaultValue", Dev, p.DefaultValue);
        }
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
