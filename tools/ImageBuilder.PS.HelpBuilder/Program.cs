using ImageBuilder.PS.HelpBuilder;

// docs/en-US/*.md (PlatyPS schema) → the module's MAML help file. Run by the module's build.
// --operations docs/Cmdlets.md adds to each description the API operations the cmdlet exposes.
string? docs = null, output = null, operationsFile = null;
for (int i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--docs": docs = args[i + 1]; break;
        case "--out": output = args[i + 1]; break;
        case "--operations": operationsFile = args[i + 1]; break;
    }
}
if (docs is null || output is null)
{
    Console.Error.WriteLine("usage: ImageBuilder.PS.HelpBuilder --docs <folder of cmdlet markdown> --out <MAML file> [--operations <docs/Cmdlets.md>]");
    return 2;
}
var operations = operationsFile is null ? null : OperationTable.Read(operationsFile);
var commands = new List<CommandHelp>();
foreach (var file in Directory.GetFiles(docs, "*-*.md").OrderBy(f => f, StringComparer.Ordinal))
{
    var help = MarkdownHelp.Parse(File.ReadAllText(file));
    if (help.Name.Length == 0)
    {
        Console.Error.WriteLine($"{file}: no '# Cmdlet-Name' heading.");
        return 1;
    }
    if (operations is not null && operations.TryGetValue(help.Name, out var exposed) && exposed.Operations.Count > 0)
    {
        help.Description = help.Description.TrimEnd() + "\n\n" + OperationTable.Sentence(exposed.CallsOnly, exposed.Operations);
    }
    commands.Add(help);
}
MamlWriter.Write(commands, output);
Console.WriteLine($"Help for {commands.Count} cmdlets written to {output}");
return 0;
