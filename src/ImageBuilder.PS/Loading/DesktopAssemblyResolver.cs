using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace ImageBuilder.PS.Loading
{
    /// <summary>
    /// Windows PowerShell 5.1 (.NET Framework) has no load contexts, but strong-named assemblies of different versions
    /// can live side by side when each is loaded from its own path. This answers the lookups the module's own
    /// assemblies make, with the copies in lib/netstandard2.0, and nobody else's.
    /// </summary>
    /// <remarks>
    /// .NET Framework raises AssemblyResolve when a reference is not in the GAC or powershell.exe's folder: for our
    /// engine assemblies, and for AWSSDK.Core 4.0, YamlDotNet 18, System.Text.Json 8 and the rest even when the session
    /// already loaded other versions of them (those live in another module's load-from context). An assembly of
    /// exactly the same identity already loaded from another folder is shared: .NET Framework's load-from returns it.
    /// </remarks>
    internal static class DesktopAssemblyResolver
    {
        private static readonly object Sync = new();
        private static string? _moduleFolder;
        private static string? _libFolder;
        private static HashSet<string>? _shipped;

        public static void Install(string moduleFolder)
        {
            lock (Sync)
            {
                if (_moduleFolder is not null)
                {
                    return;
                }
                // With its separator: a sibling folder that merely starts with the same name (another version of
                // the module beside this one, ImageBuilder.PS.Old, ...) is not ours.
                _moduleFolder = Path.GetFullPath(moduleFolder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
                _libFolder = Path.Combine(_moduleFolder, "lib", "netstandard2.0");
                _shipped = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var file in Directory.GetFiles(_libFolder, "*.dll"))
                {
                    _shipped.Add(Path.GetFileNameWithoutExtension(file));
                }
                AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            }
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            if (name is null || _shipped is null || !_shipped.Contains(name))
            {
                return null;
            }
            // Our engine assemblies are ours whoever asks. A library we ship is only given to our own assemblies; when
            // .NET Framework does not say who asked, the name has to do.
            var ours = name.StartsWith("ImageBuilder.PS", StringComparison.Ordinal)
                || args.RequestingAssembly is null
                || IsOurs(args.RequestingAssembly);
            return ours ? Assembly.LoadFrom(Path.Combine(_libFolder!, name + ".dll")) : null;
        }

        private static bool IsOurs(Assembly assembly)
        {
            if (assembly.IsDynamic)
            {
                return false;
            }
            var location = assembly.Location;
            return !string.IsNullOrEmpty(location) && location.StartsWith(_moduleFolder!, StringComparison.OrdinalIgnoreCase);
        }
    }
}
