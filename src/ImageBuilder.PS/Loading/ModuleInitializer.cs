using System;
using System.IO;
using System.Management.Automation;
using System.Runtime.InteropServices;

namespace ImageBuilder.PS.Loading
{
    /// <summary>
    /// Runs when the module is imported, before any cmdlet: makes the module's dependencies loadable without letting
    /// them meet the session's own copies of the same libraries (see about_ImageBuilder.PS, "Other modules").
    /// </summary>
    /// <remarks>
    /// The module folder holds only the public surface (this assembly and ImageBuilder.PS.Model); everything else sits
    /// under lib/net8.0 (PowerShell 7) or lib/netstandard2.0 (Windows PowerShell 5.1), where PowerShell does not look.
    /// </remarks>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".";

        internal static bool IsNetFramework => RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        public void OnImport()
        {
            if (IsNetFramework)
            {
                DesktopAssemblyResolver.Install(ModuleFolder);
            }
            else
            {
                InstallLoadContext(Path.Combine(ModuleFolder, "lib", "net8.0"));
            }
        }

        // This assembly targets netstandard2.0 for both editions, so it cannot name AssemblyLoadContext; the net8.0
        // loader beside the dependencies does. One reflected call per import, never on a cmdlet's path.
        private static void InstallLoadContext(string folder)
        {
            var loader = System.Reflection.Assembly.LoadFrom(Path.Combine(folder, "ImageBuilder.PS.Loader.dll"));
            var install = loader.GetType("ImageBuilder.PS.Loader.ModuleLoadContext", throwOnError: true)!.GetMethod("Install")
                ?? throw new InvalidOperationException("ImageBuilder.PS.Loader has no ModuleLoadContext.Install.");
            install.Invoke(null, new object[] { folder });
        }
    }
}
