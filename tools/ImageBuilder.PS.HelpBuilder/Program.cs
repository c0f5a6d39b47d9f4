using ImageBuilder.PS.HelpBuilder;

// docs/en-US/*.md (PlatyPS schema) → the module's MAML help file. Run by the module's build.
string? docs = null, output = null;
for (int i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--docs": docs = args[i + 1]; break;
        case "--out": output = args[i + 1]; break;
    }
}
if (docs is null || output is null)
{
    Console.Error.WriteLine("usage: ImageBuilder.PS.HelpBuilder --docs <folder of cmdlet markdown> --out <MAML file>");
    return 2;
}
var commands = new List<CommandHelp>();
foreach (var file in Directory.GetFiles(docs, "*-*.md").OrderBy(f => f, StringComparer.Ordinal))
{
    var help = MarkdownHelp.Parse(File.ReadAllText(file));
    if (help.Name.Length == 0)
    {
        Console.Error.WriteLine($"{file}: no '# Cmdlet-Name' heading.");
        return 1;
    }
    commands.Add(help);
}
MamlWriter.Write(commands, output);
Console.WriteLine($"Help for {commands.Count} cmdlets written to {output}");
return 0;
