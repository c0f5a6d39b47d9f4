using System.Management.Automation;
using ImageBuilder.PS.HelpBuilder;

namespace ImageBuilder.PS.Tests.Help;

/// <summary>What a cmdlet's help must say about its parameters and syntax, read from the cmdlet itself.</summary>
public static class CommandMetadata
{
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
        "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
    };

    public static List<ParameterHelp> Parameters(CmdletInfo command)
    {
        var result = new List<ParameterHelp>();
        var sets = command.ParameterSets.Select(s => s.Name).ToList();
        foreach (var parameter in command.Parameters.Values.Where(p => !Common.Contains(p.Name)).OrderBy(p => Order(command, p.Name)))
        {
            var attributes = parameter.Attributes.OfType<ParameterAttribute>().ToList();
            var inAll = attributes.Any(a => a.ParameterSetName == ParameterAttribute.AllParameterSets) || parameter.ParameterSets.Count == sets.Count;
            result.Add(new ParameterHelp
            {
                Name = parameter.Name,
                Type = TypeName(parameter.ParameterType),
                ParameterSets = inAll ? new List<string> { "(All)" } : attributes.Select(a => a.ParameterSetName).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList(),
                Aliases = parameter.Aliases.ToList(),
                Required = attributes.Any(a => a.Mandatory),
                Position = attributes.Select(a => a.Position).FirstOrDefault(p => p >= 0) is var position && attributes.Any(a => a.Position >= 0) ? position.ToString() : "Named",
                PipelineInput = Pipeline(attributes),
                Wildcards = parameter.Attributes.OfType<SupportsWildcardsAttribute>().Any(),
            });
        }
        return result;
    }

    public static List<SyntaxBlock> Syntax(CmdletInfo command) =>
        command.ParameterSets
            .OrderByDescending(s => s.IsDefault).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => new SyntaxBlock(s.Name == ParameterAttribute.AllParameterSets ? "__AllParameterSets" : s.Name, s.IsDefault && command.ParameterSets.Count > 1,
                command.Name + " " + s.ToString()))
            .ToList();

    public static List<string> OutputTypes(CmdletInfo command) =>
        command.OutputType.Select(t => t.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();

    public static string TypeName(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsArray ? underlying.GetElementType()!.Name + "[]" : underlying.Name;
    }

    private static int Order(CmdletInfo command, string name)
    {
        // Positional parameters first, then declared order is lost in metadata, so alphabetical.
        var p = command.Parameters[name];
        var position = p.Attributes.OfType<ParameterAttribute>().Select(a => a.Position).Where(x => x >= 0).DefaultIfEmpty(int.MaxValue).Min();
        return position;
    }

    private static string Pipeline(List<ParameterAttribute> attributes)
    {
        bool byValue = attributes.Any(a => a.ValueFromPipeline);
        bool byName = attributes.Any(a => a.ValueFromPipelineByPropertyName);
        return (byValue, byName) switch
        {
            (true, true) => "True (ByValue, ByPropertyName)",
            (true, false) => "True (ByValue)",
            (false, true) => "True (ByPropertyName)",
            _ => "False",
        };
    }
}
