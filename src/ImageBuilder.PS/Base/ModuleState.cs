using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using ImageBuilder.PS.Aws;

namespace ImageBuilder.PS.Base
{
    /// <summary>
    /// What the module keeps per runspace (per PowerShell session): the service clients. Runspaces in one process
    /// share nothing, and a closed runspace's state goes with it.
    /// </summary>
    internal sealed class ModuleState
    {
        private static readonly ConditionalWeakTable<Runspace, ModuleState> States = new();
        private static readonly ModuleState NoRunspace = new();

        public ClientCache Clients { get; } = new();

        public static ModuleState Current =>
            Runspace.DefaultRunspace is { } runspace ? States.GetValue(runspace, _ => new ModuleState()) : NoRunspace;
    }
}
