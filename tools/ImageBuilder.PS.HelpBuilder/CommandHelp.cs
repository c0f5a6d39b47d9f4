namespace ImageBuilder.PS.HelpBuilder;

/// <summary>One cmdlet's help as docs/ writes it.</summary>
public sealed class CommandHelp
{
    public string Name { get; set; } = "";
    public Dictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);
    public string Synopsis { get; set; } = "";
    public List<SyntaxBlock> Syntax { get; } = new();
    public string Description { get; set; } = "";
    public List<ExampleHelp> Examples { get; } = new();
    public List<ParameterHelp> Parameters { get; } = new();
    /// <summary>Whether the PARAMETERS section ends with the CommonParameters paragraph.</summary>
    public bool HasCommonParameters { get; set; } = true;
    public List<TypeHelp> Inputs { get; } = new();
    public List<TypeHelp> Outputs { get; } = new();
    public string Notes { get; set; } = "";
    public List<LinkHelp> Links { get; } = new();

    public string Verb => Name.Split('-')[0];
    public string Noun => Name.Contains('-') ? Name[(Name.IndexOf('-') + 1)..] : "";
}

public sealed record SyntaxBlock(string SetName, bool IsDefault, string Text);

public sealed class ExampleHelp
{
    public string Title { get; set; } = "";
    public string Code { get; set; } = "";
    public string Remarks { get; set; } = "";
}

public sealed class ParameterHelp
{
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string Type { get; set; } = "String";
    public List<string> ParameterSets { get; set; } = new() { "(All)" };
    public List<string> Aliases { get; set; } = new();
    public List<string> AcceptedValues { get; set; } = new();
    public bool Required { get; set; }
    public string Position { get; set; } = "Named";
    public string DefaultValue { get; set; } = "None";
    public string PipelineInput { get; set; } = "False";
    public bool Wildcards { get; set; }

    public bool IsSwitch => Type == "SwitchParameter";
}

public sealed record TypeHelp(string Name, string Description);

public sealed record LinkHelp(string Text, string Uri);
