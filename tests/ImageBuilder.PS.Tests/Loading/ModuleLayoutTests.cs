using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Loading;

/// <summary>
/// The rules that keep the module's dependencies out of the session's default load context (README, "The module folder
/// and other modules"): what sits at the top of the module folder, and what the assemblies there may refer to.
/// </summary>
public sealed class ModuleLayoutTests
{
    private static readonly string ModuleFolder = Path.GetDirectoryName(PowerShellSession.ModulePath)!;

    [Fact]
    public void Only_the_public_surface_sits_at_the_top_of_the_module_folder()
    {
        // PowerShell probes the module's own folder; a dependency left there would load into the default context.
        var top = Directory.GetFiles(ModuleFolder, "*.dll").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "ImageBuilder.PS.Model.dll", "ImageBuilder.PS.dll" }.Order(StringComparer.Ordinal), top);
    }

    [Theory]
    [InlineData("net8.0")]
    [InlineData("netstandard2.0")]
    public void Each_edition_has_its_engine_and_dependencies_under_lib(string folder)
    {
        var names = Directory.GetFiles(Path.Combine(ModuleFolder, "lib", folder), "*.dll").Select(Path.GetFileNameWithoutExtension).ToHashSet();
        foreach (var expected in new[] { "ImageBuilder.PS.Aws", "ImageBuilder.PS.Documents", "AWSSDK.Core", "AWSSDK.SecurityToken", "AWSSDK.SSO", "AWSSDK.SSOOIDC", "YamlDotNet" })
        {
            Assert.Contains(expected, names);
        }
        // The public surface has one copy, at the top: a second one under lib would be a second type identity.
        Assert.DoesNotContain("ImageBuilder.PS", names);
        Assert.DoesNotContain("ImageBuilder.PS.Model", names);
        Assert.Equal(folder == "net8.0", names.Contains("ImageBuilder.PS.Loader"));
    }

    [Theory]
    [InlineData("ImageBuilder.PS.dll")]
    [InlineData("ImageBuilder.PS.Model.dll")]
    public void The_public_surface_never_refers_to_a_library_another_module_may_hold(string file)
    {
        // A reference from the default context to AWSSDK.Core or YamlDotNet would bind to whichever copy the session
        // holds of the same version (AWS Tools v5's AWSSDK.Core 4.0, say) instead of the module's own.
        using var stream = File.OpenRead(Path.Combine(ModuleFolder, file));
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
        Assert.DoesNotContain(references, name => name.StartsWith("AWSSDK.", StringComparison.Ordinal) || name == "YamlDotNet");
    }
}
