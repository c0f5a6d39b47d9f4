using System.Management.Automation;
using ImageBuilder.PS.HelpBuilder;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Help;

/// <summary>
/// Every cmdlet has help in docs/en-US that agrees with its code (parameters, sets, aliases, pipeline input,
/// syntax, output types), says something for each part, and reaches Get-Help through the built MAML.
/// Run with IBPS_UPDATE_DOCS=1 to rewrite the parts of docs/ that come from the code (the prose is kept).
/// </summary>
public sealed class HelpTests : IClassFixture<HelpTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public PowerShellSession Session { get; } = new();
        public void Dispose() => Session.Dispose();
    }

    private static readonly string Docs = Path.Combine(PowerShellSession.RepoRoot, "docs", "en-US");
    private static readonly bool Update = Environment.GetEnvironmentVariable("IBPS_UPDATE_DOCS") == "1";
    private readonly PowerShellSession _session;

    public HelpTests(Fixture fixture) => _session = fixture.Session;

    public static IEnumerable<object[]> Cmdlets() =>
        ManifestCmdlets().Select(c => new object[] { c });

    /// <summary>The cmdlet list of the manifest, read as PowerShell reads it.</summary>
    private static IEnumerable<string> ManifestCmdlets()
    {
        using var ps = PowerShell.Create();
        ps.AddCommand("Import-PowerShellDataFile").AddParameter("Path", Path.Combine(PowerShellSession.RepoRoot, "ImageBuilder.PS.psd1"));
        var data = (System.Collections.Hashtable)ps.Invoke()[0].BaseObject;
        return ((object[])data["CmdletsToExport"]!).Cast<string>().ToList();
    }

    [Theory, MemberData(nameof(Cmdlets))]
    public void DocsAgreeWithTheCmdlet(string name)
    {
        var command = Assert.IsType<CmdletInfo>(_session.Run($"Get-Command {name} -Module ImageBuilder.PS").Output.Single().BaseObject);
        var path = Path.Combine(Docs, name + ".md");
        var help = File.Exists(path) ? MarkdownHelp.Parse(File.ReadAllText(path)) : Skeleton(name);
        var expected = CommandMetadata.Parameters(command);
        if (Update)
        {
            Refresh(help, command, expected);
            Directory.CreateDirectory(Docs);
            File.WriteAllText(path, MarkdownHelp.Write(help));
        }
        Assert.True(File.Exists(path), $"docs/en-US/{name}.md is missing (run the tests with IBPS_UPDATE_DOCS=1 to create it).");

        Assert.Equal(name, help.Name);
        Assert.Equal(expected.Select(p => p.Name).Order(), help.Parameters.Select(p => p.Name).Order());
        foreach (var want in expected)
        {
            var have = help.Parameters.Single(p => p.Name == want.Name);
            var where = $"{name} -{want.Name}";
            Assert.True(want.Type == have.Type, $"{where}: the docs say type {have.Type}, the cmdlet takes {want.Type}");
            Assert.True(want.ParameterSets.SequenceEqual(have.ParameterSets), $"{where}: parameter sets differ");
            Assert.True(want.Aliases.Order().SequenceEqual(have.Aliases.Order()), $"{where}: aliases differ");
            Assert.True(want.Required == have.Required, $"{where}: Required differs");
            Assert.True(want.Position == have.Position, $"{where}: Position differs");
            Assert.True(want.PipelineInput == have.PipelineInput, $"{where}: pipeline input differs");
            Assert.True(want.Wildcards == have.Wildcards, $"{where}: wildcard support differs");
            Assert.False(string.IsNullOrWhiteSpace(have.Description), $"{where} has no description");
        }
        Assert.Equal(CommandMetadata.Syntax(command).Select(s => s.Text), help.Syntax.Select(s => s.Text));
        Assert.Equal(CommandMetadata.OutputTypes(command), help.Outputs.Select(o => o.Name).Distinct().Order(StringComparer.Ordinal));
        Assert.False(string.IsNullOrWhiteSpace(help.Synopsis), $"{name} has no synopsis");
        Assert.False(string.IsNullOrWhiteSpace(help.Description), $"{name} has no description");
        Assert.NotEmpty(help.Examples);
        Assert.All(help.Examples, e => Assert.False(string.IsNullOrWhiteSpace(e.Code) || string.IsNullOrWhiteSpace(e.Remarks), $"{name}: an example lacks code or an explanation"));
    }

    [Theory, MemberData(nameof(Cmdlets))]
    public void GetHelpShowsTheBuiltHelp(string name)
    {
        var help = MarkdownHelp.Parse(File.ReadAllText(Path.Combine(Docs, name + ".md")));
        var full = _session.Run($"Get-Help {name} -Full | Out-String -Width 200").Output.Single().ToString();
        Assert.Contains(help.Synopsis.Split('\n')[0].Trim(), full);
        foreach (var parameter in help.Parameters)
        {
            Assert.Contains("-" + parameter.Name, full);
        }
        Assert.Contains(help.Examples[0].Code.Split('\n')[0].Trim(), full);
    }

    /// <summary>
    /// The syntax Get-Help prints from the built MAML is the docs' syntax, set by set: the same parameters in the same
    /// order, with the same brackets (optional, positional) and a value only where one is taken. The MAML's syntax
    /// blocks carry only what that needs (MamlWriter), so this is what pins them. Type names are left out of the
    /// comparison: the docs spell them as C# does (int), Get-Help as .NET does (Int32).
    /// </summary>
    [Theory, MemberData(nameof(Cmdlets))]
    public void GetHelpSyntaxIsTheDocsSyntax(string name)
    {
        static string Shape(string syntax) =>
            System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(syntax, "<(?!CommonParameters>)[^>]*>", "<>"), @"\s+", " ").Trim();
        var help = MarkdownHelp.Parse(File.ReadAllText(Path.Combine(Docs, name + ".md")));
        var printed = _session.Run($"(Get-Help {name}).syntax | Out-String -Width 2000").Output.Single().ToString()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(help.Syntax.Select(s => Shape(s.Text)), printed.Select(Shape));
    }

    /// <summary>AWS CLI and AWS Tools users search by the operation they know; every page that exposes one names it.</summary>
    [Theory]
    [InlineData("Get-IbComponent", "API operations: ListComponents, GetComponent", "aws imagebuilder list-components")]
    [InlineData("Import-IbAppStreamImage", "API operation: CreateImportedImage", "aws appstream create-imported-image")]
    [InlineData("Get-IbImageLog", "GetLogEvents", "aws logs get-log-events")]
    [InlineData("Get-IbImageScanFindingAggregation", "ListImageScanFindingAggregations", "aws imagebuilder list-image-scan-finding-aggregations")]
    [InlineData("Publish-IbComponent", "It calls the API operations ListComponents, GetComponent, CreateComponent", "aws imagebuilder create-component")]
    public void HelpNamesTheApiOperations(string name, string operations, string cli)
    {
        var full = _session.Run($"Get-Help {name} -Full | Out-String -Width 250").Output.Single().ToString();
        var text = System.Text.RegularExpressions.Regex.Replace(full, @"\s+", " ");
        Assert.Contains(operations, text);
        Assert.Contains(cli, text);
    }

    [Fact]
    public void AboutTopicExplainsTheEssentials()
    {
        var text = _session.Run("Get-Help about_ImageBuilder.PS | Out-String").Output.Single().ToString();
        foreach (var topic in new[] { "-Region", "-ProfileName", "AWS_ENDPOINT_URL_IMAGEBUILDER", "emulator", "Get-IbComponent", "Wait-IbImage", "-UntilWaitingStep", "Test-IbComponentDocument", "Import-IbWorkSpacesImage" })
        {
            Assert.Contains(topic, text);
        }
    }

    [Fact]
    public void EveryDocIsForAnExportedCmdlet()
    {
        var exported = ManifestCmdlets().ToHashSet();
        foreach (var file in Directory.GetFiles(Docs, "*-*.md"))
        {
            Assert.Contains(Path.GetFileNameWithoutExtension(file), exported);
        }
    }

    private static CommandHelp Skeleton(string name)
    {
        var help = new CommandHelp { Name = name };
        help.Metadata["external help file"] = "ImageBuilder.PS.dll-Help.xml";
        help.Metadata["Module Name"] = "ImageBuilder.PS";
        help.Metadata["online version"] = $"https://github.com/ImageBuilder-PS/ImageBuilder.PS/blob/main/docs/en-US/{name}.md";
        help.Metadata["schema"] = "2.0.0";
        return help;
    }

    /// <summary>Rewrites what comes from the code; keeps every description, example and note.</summary>
    private static void Refresh(CommandHelp help, CmdletInfo command, List<ParameterHelp> expected)
    {
        var prose = help.Parameters.ToDictionary(p => p.Name, p => p.Description);
        var shared = MarkdownHelp.Parse(File.ReadAllText(Path.Combine(Docs, "..", "SharedParameters.md"))).Parameters.ToDictionary(p => p.Name, p => p.Description);
        help.Parameters.Clear();
        foreach (var p in expected)
        {
            p.Description = prose.TryGetValue(p.Name, out var description) && description.Length > 0 ? description
                : shared.TryGetValue(p.Name, out var common) ? common : "";
            help.Parameters.Add(p);
        }
        help.Syntax.Clear();
        help.Syntax.AddRange(CommandMetadata.Syntax(command));
        var outputs = help.Outputs.ToDictionary(o => o.Name, o => o.Description);
        help.Outputs.Clear();
        foreach (var type in command.OutputType.Select(t => t.Type).Where(t => t is not null).DistinctBy(t => t!.Name).OrderBy(t => t!.Name, StringComparer.Ordinal))
        {
            help.Outputs.Add(new TypeHelp(type!.FullName!, outputs.TryGetValue(type.FullName!, out var d) ? d : ""));
        }
        var inputs = help.Inputs.ToDictionary(i => i.Name, i => i.Description);
        help.Inputs.Clear();
        foreach (var type in expected.Where(p => p.PipelineInput != "False").Select(p => p.Type).Distinct())
        {
            var fullName = type switch { "String" => "System.String", "String[]" => "System.String[]", _ => type };
            help.Inputs.Add(new TypeHelp(fullName, inputs.TryGetValue(fullName, out var d) ? d : ""));
        }
    }
}
