using System.Management.Automation;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Views;

/// <summary>
/// Showing an object never writes to $Error: every table and list view of every output type renders objects with
/// members missing, in and out of Set-StrictMode -Version Latest, and leaves $Error empty.
/// </summary>
public sealed class ViewErrorTests : IClassFixture<ViewErrorTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public PowerShellSession Session { get; } = new();

        // Reading the parameters loads the model assembly, whose types the views are for.
        public Fixture() => Session.Run("$null = (Get-Command -Module ImageBuilder.PS -CommandType Cmdlet).Parameters");

        /// <summary>The module's types as the session loaded them, by name.</summary>
        public Type TypeNamed(string name)
        {
            var found = Session.Run($"[{name}]").Output.Select(o => o.BaseObject).OfType<Type>().FirstOrDefault();
            return found ?? throw new Xunit.Sdk.XunitException($"The type {name} of a view is not loaded with the module.");
        }

        public void Dispose() => Session.Dispose();
    }

    private readonly Fixture _f;

    public ViewErrorTests(Fixture fixture) => _f = fixture;

    public static TheoryData<string> Strictness => new() { "Off", "Latest" };

    [Theory]
    [MemberData(nameof(Strictness))]
    public void EveryViewRendersObjectsWithMembersMissingWithoutAnError(string strictness)
    {
        var failures = new List<string>();
        var rendered = 0;
        foreach (var view in ViewSweep.Views)
        {
            var type = _f.TypeNamed(view.TypeName);
            foreach (var sparse in ViewSweep.SparseObjects(type))
            {
                var format = view.IsTable ? "Format-Table" : "Format-List";
                var result = _f.Session.Run($$"""
                    $Error.Clear()
                    & {
                        Set-StrictMode {{(strictness == "Off" ? "-Off" : "-Version Latest")}}
                        $null = $Item | {{format}} -View '{{view.Name}}' | Out-String -Width 200
                    }
                    @($Error)
                    """, new Dictionary<string, object?> { ["Item"] = sparse });
                rendered++;
                var errors = result.Output.Select(o => o.BaseObject).OfType<ErrorRecord>().Concat(result.Errors).ToList();
                if (result.Terminating is not null) failures.Add($"{view.File} {view.Name} ({format}): stopped: {result.Terminating.Message}");
                failures.AddRange(errors.Select(e => $"{view.File} {view.Name} ({format}, {type.Name}): {e.Exception.Message}"));
            }
        }
        Assert.True(rendered > 60, $"only {rendered} renderings");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct()));
    }
}
