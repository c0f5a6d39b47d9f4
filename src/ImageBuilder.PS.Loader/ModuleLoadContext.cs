using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace ImageBuilder.PS.Loader
{
    /// <summary>
    /// The load context that holds what ImageBuilder.PS ships beyond its public surface, on PowerShell 7.
    /// </summary>
    /// <remarks>
    /// The cmdlets and the types users see (ImageBuilder.PS and ImageBuilder.PS.Model) stay in the default context,
    /// where PowerShell's type resolution finds them. When they first need an engine assembly (ImageBuilder.PS.Aws,
    /// ImageBuilder.PS.Documents), the default context cannot find it (it sits under lib/net8.0, which PowerShell
    /// does not probe) and asks its Resolving handlers; this one loads it here. From then on everything the engine
    /// asks for is looked up in lib/net8.0 first, so AWSSDK.Core and YamlDotNet come from the module's own copies
    /// even when the session holds other versions, and the session never sees ours.
    /// </remarks>
    public sealed class ModuleLoadContext : AssemblyLoadContext
    {
        private static readonly object Sync = new();
        private static ModuleLoadContext? _instance;

        private readonly string _folder;

        private ModuleLoadContext(string folder) : base("ImageBuilder.PS", isCollectible: false) => _folder = folder;

        /// <summary>The context, once the module has been imported in this process.</summary>
        public static ModuleLoadContext? Instance => _instance;

        /// <summary>
        /// Sets the context up for the assemblies in <paramref name="folder"/>. Called by the module on every import;
        /// a second import in the same process keeps the first context (assemblies cannot be loaded twice into it).
        /// </summary>
        public static void Install(string folder)
        {
            lock (Sync)
            {
                if (_instance is not null)
                {
                    return;
                }
                _instance = new ModuleLoadContext(Path.GetFullPath(folder));
                Default.Resolving += ResolveEngineForDefault;
            }
        }

        /// <summary>True when <paramref name="assembly"/> was loaded by this context (for tests and diagnostics).</summary>
        public static bool Holds(Assembly assembly) => _instance is not null && GetLoadContext(assembly) == _instance;

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // The public surface is shared with the session: one copy of each type, the one PowerShell resolves.
            if (IsPublicSurface(assemblyName.Name))
            {
                return null;
            }
            var path = PathOf(assemblyName);
            // Anything not shipped in the folder (the runtime, System.Management.Automation) comes from the default context.
            return path is null ? null : LoadFromAssemblyPath(path);
        }

        // Answers the default context only for the module's own engine assemblies: no other module's failed lookup
        // (of AWSSDK.Core, say) is ever given our copy.
        private static Assembly? ResolveEngineForDefault(AssemblyLoadContext context, AssemblyName assemblyName)
        {
            var instance = _instance;
            if (instance is null || assemblyName.Name is null || IsPublicSurface(assemblyName.Name)
                || !assemblyName.Name.StartsWith("ImageBuilder.PS.", StringComparison.Ordinal))
            {
                return null;
            }
            return instance.PathOf(assemblyName) is null ? null : instance.LoadFromAssemblyName(assemblyName);
        }

        private static bool IsPublicSurface(string? name) =>
            name is "ImageBuilder.PS" or "ImageBuilder.PS.Model" or "ImageBuilder.PS.Loader";

        private string? PathOf(AssemblyName assemblyName)
        {
            if (string.IsNullOrEmpty(assemblyName.Name) || assemblyName.Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                return null;
            }
            var path = Path.Combine(_folder, assemblyName.Name + ".dll");
            return File.Exists(path) ? path : null;
        }
    }
}
