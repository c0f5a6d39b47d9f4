using System.Management.Automation;
using System.Reflection;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Views;

/// <summary>
/// The module's surface as a whole: every operation has its cmdlet (as the spec names it), mutating cmdlets
/// support -WhatIf/-Confirm with the spec's impact, pipeline input binds by property name, every output type
/// has a table and a list view, and the manifest exports exactly the cmdlets the assembly holds.
/// </summary>
public sealed class SurfaceTests : IClassFixture<SurfaceTests.Fixture>
{
    /// <summary>
    /// Operations whose cmdlets are not written yet. An operation leaves this list in the same change that
    /// gives it its cmdlet; the test fails if a listed operation already has one, so the list stays true.
    /// </summary>
    private static readonly HashSet<string> Pending = new(StringComparer.Ordinal)
    {
    };

    /// <summary>
    /// Where the module asks more readily than the spec's table says, and why. Cancelling a build is as final as
    /// deleting it: an hour of building is lost and cannot be resumed (issue 11).
    /// </summary>
    private static readonly Dictionary<string, ConfirmImpact> ImpactRaisedAboveTheSpec = new(StringComparer.Ordinal)
    {
        ["Stop-IbImage"] = ConfirmImpact.High,
    };

    private static readonly HashSet<string> ReadOnlyVerbs = new(StringComparer.Ordinal) { "Compare", "Get", "Test", "Wait" };

    public sealed class Fixture : IDisposable
    {
        public PowerShellSession Session { get; } = new();

        public IReadOnlyList<CmdletInfo> Cmdlets { get; }

        public Fixture()
        {
            Cmdlets = Session.Run("Get-Command -Module ImageBuilder.PS -CommandType Cmdlet").Output.Select(o => (CmdletInfo)o.BaseObject).ToList();
            // Reading the parameters loads the model assembly, which the generated-layer lookups below need even
            // when no other test has run a cmdlet in this process yet.
            Session.Run("$null = (Get-Command -Module ImageBuilder.PS -CommandType Cmdlet).Parameters");
        }

        public void Dispose() => Session.Dispose();
    }

    private readonly Fixture _f;

    public SurfaceTests(Fixture fixture) => _f = fixture;

    [Fact]
    public void EveryModelOperationHasItsCmdletOrIsListedAsPending()
    {
        var model = ModelOperations();
        Assert.Equal(83, model.Count);
        var implemented = Operations().ToList();
        foreach (var op in model)
        {
            var has = implemented.Where(i => i.Key == op).ToList();
            if (Pending.Contains(op))
            {
                Assert.True(has.Count == 0, $"{op} has a cmdlet ({has.FirstOrDefault().Cmdlet}); take it off the pending list.");
            }
            else if (op.StartsWith("CloudWatch Logs:", StringComparison.Ordinal))
            {
                // A build's log and a pipeline's are read with the same CloudWatch Logs operations.
                Assert.True(has.Count >= 1, $"{op} needs a cmdlet that declares it with [ApiOperation]; found none.");
            }
            else
            {
                Assert.True(has.Count == 1, $"{op} needs exactly one cmdlet that declares it with [ApiOperation]; found {has.Count}.");
            }
        }
        Assert.All(implemented, i => Assert.Contains(i.Key, model));
    }

    [SkippableFact]
    public void CmdletsAreTheOnesTheSpecNames()
    {
        Skip.If(SpecTable.Path is null, "../shared/spec/cmdlets.md is not beside this checkout.");
        var rows = SpecTable.Rows();
        Assert.Equal(ModelOperations().Order(), rows.Select(r => r.ServiceId + ":" + r.Operation).Distinct().Order());
        var implemented = Operations().ToLookup(i => i.Key, i => i.Cmdlet);
        foreach (var row in rows.Where(r => implemented.Contains(r.ServiceId + ":" + r.Operation)))
        {
            var cmdlet = row.Cmdlet;
            Assert.Contains(cmdlet, implemented[row.ServiceId + ":" + row.Operation]);
            var info = _f.Cmdlets.Single(c => c.Name == cmdlet);
            foreach (var (parameter, alias) in row.PipelineParameters)
            {
                Assert.True(info.Parameters.TryGetValue(parameter, out var p), $"{cmdlet} has no -{parameter}");
                Assert.True(p!.Attributes.OfType<ParameterAttribute>().Any(a => a.ValueFromPipelineByPropertyName), $"{cmdlet} -{parameter} does not bind by property name");
                if (alias is not null) Assert.Contains(alias, p.Aliases);
            }
            // A row such as "GetComponentPolicy, PutComponentPolicy" gives the Get/Set pair one impact; only the cmdlet
            // that changes something has one (CmdletAttribute reports None without SupportsShouldProcess).
            if (row.Impact is not null && !ReadOnlyVerbs.Contains(info.Verb))
            {
                var declared = info.ImplementingType.GetCustomAttribute<CmdletAttribute>()!;
                var expected = ImpactRaisedAboveTheSpec.TryGetValue(cmdlet, out var raised) ? raised : Enum.Parse<ConfirmImpact>(row.Impact);
                Assert.Equal(expected, declared.ConfirmImpact);
                if (declared.ConfirmImpact == ConfirmImpact.High) Assert.True(info.Parameters.ContainsKey("Force"), $"{cmdlet} is high-impact and needs -Force");
            }
        }
    }

    [Fact]
    public void CmdletsThatChangeSomethingSupportWhatIfAndConfirm()
    {
        foreach (var cmdlet in _f.Cmdlets.Where(c => !ReadOnlyVerbs.Contains(c.Verb)))
        {
            var declared = cmdlet.ImplementingType.GetCustomAttribute<CmdletAttribute>()!;
            Assert.True(declared.SupportsShouldProcess, $"{cmdlet.Name} changes something but does not support -WhatIf/-Confirm");
            Assert.True(declared.ConfirmImpact >= ConfirmImpact.Medium, $"{cmdlet.Name} should have at least Medium impact");
        }
    }

    [Fact]
    public void EveryOutputTypeHasOneTableAndOneListView()
    {
        var types = _f.Cmdlets.SelectMany(c => c.OutputType).Select(t => t.Name).Where(n => n.StartsWith("ImageBuilder.PS.", StringComparison.Ordinal)).Distinct().ToList();
        Assert.NotEmpty(types);
        foreach (var type in types)
        {
            var views = _f.Session.Run($"(Get-FormatData -TypeName '{type}').FormatViewDefinition | ForEach-Object {{ $_.Control.GetType().Name }}").Output.Select(o => o.ToString()).ToList();
            Assert.True(views.Count(v => v == "TableControl") == 1, $"{type} has {views.Count(v => v == "TableControl")} table views; it needs one");
            Assert.True(views.Count(v => v == "ListControl") == 1, $"{type} has {views.Count(v => v == "ListControl")} list views; it needs one");
        }
    }

    [Fact]
    public void ViewsShowTimesInTheUsersTimeZone()
    {
        // The module's objects hold local time already; the views still convert, so that an object a user built
        // with a UTC date shows the user's clock too (ToLocalTime leaves a local date as it is). A view converts a
        // date with ViewText.Local and says how it reads with a FormatString (or a '{0:yyyy-MM-dd ...}' -f).
        var formats = Path.Combine(PowerShellSession.RepoRoot, "module", "Formats");
        var rendered = 0;
        foreach (var file in Directory.GetFiles(formats, "*.ps1xml"))
        {
            var name = Path.GetFileName(file);
            foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), @"([\w.()]+)\.ToString\('yyyy-MM-dd"))
            {
                rendered++;
                Assert.True(match.Groups[1].Value.EndsWith(".ToLocalTime()", StringComparison.Ordinal), $"{name}: {match.Value} shows UTC");
            }
            foreach (var item in System.Xml.Linq.XDocument.Load(file).Descendants().Where(e => e.Name == "TableColumnItem" || e.Name == "ListItem"))
            {
                var script = (string?)item.Element("ScriptBlock") ?? "";
                if (item.Element("FormatString") is null && !script.Contains("'{0:yyyy-MM-dd", StringComparison.Ordinal)) continue;
                rendered++;
                Assert.True(script.Contains("[ImageBuilder.PS.Model.Views.ViewText]::Local(", StringComparison.Ordinal), $"{name}: {item} shows a date without making it local");
            }
        }
        Assert.True(rendered > 50, $"only {rendered} dates rendered in the views");
    }

    [Fact]
    public void EveryCmdletDeclaresItsOutputAndHasHelpAndAnOperation()
    {
        foreach (var cmdlet in _f.Cmdlets)
        {
            Assert.True(cmdlet.ImplementingType.GetCustomAttributes<OutputTypeAttribute>().Any(), $"{cmdlet.Name} declares no [OutputType]");
            Assert.True(cmdlet.ImplementingType.IsSealed, $"{cmdlet.Name} should be sealed");
            Assert.True(File.Exists(Path.Combine(PowerShellSession.RepoRoot, "docs", "en-US", cmdlet.Name + ".md")), $"{cmdlet.Name} has no docs/en-US page");
        }
    }

    [Fact]
    public void TheManifestExportsExactlyTheAssemblysCmdlets()
    {
        var assembly = _f.Cmdlets[0].ImplementingType.Assembly;
        var declared = assembly.GetTypes()
            .Select(t => t.GetCustomAttribute<CmdletAttribute>())
            .Where(a => a is not null)
            .Select(a => a!.VerbName + "-" + a.NounName)
            .Order()
            .ToList();
        Assert.Equal(declared, _f.Cmdlets.Select(c => c.Name).Order());
    }

    /// <summary>
    /// docs/Cmdlets.md lists every cmdlet with the operations it exposes, generated from the code
    /// (IBPS_UPDATE_DOCS=1 rewrites it).
    /// </summary>
    [Fact]
    public void TheCmdletTableIsGeneratedFromTheCode()
    {
        var text = new System.Text.StringBuilder();
        text.Append("# Cmdlets and the operations they call\n\n");
        text.Append("Generated from the module's code by the surface tests (`IBPS_UPDATE_DOCS=1`); do not edit by hand.\n\n");
        text.Append("| Cmdlet | Operations | Confirm impact |\n|---|---|---|\n");
        var byCmdlet = Operations().GroupBy(o => o.Cmdlet).ToDictionary(g => g.Key, g => g.Select(o => o.Key.Replace("imagebuilder:", "")).ToList());
        foreach (var cmdlet in _f.Cmdlets.OrderBy(c => c.Noun, StringComparer.Ordinal).ThenBy(c => c.Verb, StringComparer.Ordinal))
        {
            var declared = cmdlet.ImplementingType.GetCustomAttribute<CmdletAttribute>()!;
            var impact = declared.SupportsShouldProcess ? declared.ConfirmImpact.ToString() : "";
            var operations = byCmdlet.TryGetValue(cmdlet.Name, out var ops) ? string.Join(", ", ops)
                : Calls(cmdlet) is { Count: > 0 } calls ? "calls " + string.Join(", ", calls)
                : "(none: works offline)";
            text.Append($"| {cmdlet.Name} | {operations} | {impact} |\n");
        }
        var path = Path.Combine(PowerShellSession.RepoRoot, "docs", "Cmdlets.md");
        if (Environment.GetEnvironmentVariable("IBPS_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, text.ToString());
        }
        Assert.True(File.Exists(path) && File.ReadAllText(path) == text.ToString(), "docs/Cmdlets.md is out of date; run the tests with IBPS_UPDATE_DOCS=1.");
    }

    /// <summary>Every (service:operation, cmdlet) pair the module's cmdlets declare.</summary>
    private IEnumerable<(string Key, string Cmdlet)> Operations()
    {
        foreach (var cmdlet in _f.Cmdlets)
        {
            foreach (var attribute in cmdlet.ImplementingType.GetCustomAttributes().Where(a => a.GetType().Name == "ApiOperationAttribute"))
            {
                dynamic api = attribute;
                foreach (string op in api.Operations)
                {
                    yield return ((string)api.ServiceId + ":" + op, cmdlet.Name);
                }
            }
        }
    }

    /// <summary>The operations a cmdlet calls that other cmdlets cover ([CallsOperations]: Publish-IbComponent, ...).</summary>
    private static List<string> Calls(CmdletInfo cmdlet) =>
        cmdlet.ImplementingType.GetCustomAttributes().Where(a => a.GetType().Name == "CallsOperationsAttribute")
            .SelectMany(a => (string[])((dynamic)a).Operations).ToList();

    /// <summary>The operations of the models the module covers, read from the generated layer inside the engine.</summary>
    private List<string> ModelOperations() =>
        _f.Session.Run("""
            foreach ($t in 'Ib', 'AppStream', 'WorkSpaces', 'Logs') {
                $service = ("ImageBuilder.PS.Model.$t.$($t)Operations" -as [type])::Service
                # CloudWatch Logs: the module reads build logs; the rest of that model is there for the emulator.
                $service.Operations | Where-Object { $t -ne 'Logs' -or $_.Name -in 'GetLogEvents', 'FilterLogEvents' } | ForEach-Object { "$($service.ServiceId):$($_.Name)" }
            }
            """).Output.Select(o => o.ToString()).ToList();
}
