using ImageBuilder.PS.Tests.Support;

namespace ImageBuilder.PS.Tests.Logs;

/// <summary>What the log tests build from: $recipe (Amazon's Windows Server image and one PowerShell component) and $infra.</summary>
internal static class WindowsRecipe
{
    /// <param name="newestComponent">The recipe takes the component's newest version (x.x.x), so a new version is a dependency update.</param>
    public static void Make(EmulatorFixture f, bool newestComponent = false) =>
        f.Run($"""
            $parent = Get-IbImage -Owner Amazon -Platform Windows | Select-Object -First 1
            $component = New-IbComponent -Name install-agent -SemanticVersion 1.0.0 -Platform Windows -Data $Doc
            $infra = New-IbInfrastructureConfiguration -Name build-infra -InstanceProfileName ImageBuilderInstanceRole
            $recipe = New-IbRecipe -Name golden-windows -SemanticVersion 1.0.0 -ParentImage $parent.Arn -Component {(newestComponent ? "@{ ComponentArn = ($component.Arn -replace '1\\.0\\.0/1$', 'x.x.x') }" : "$component")}
            """, new Dictionary<string, object?> { ["Doc"] = Samples.Document }).AssertSuccess();
}
