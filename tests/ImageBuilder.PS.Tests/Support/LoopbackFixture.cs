namespace ImageBuilder.PS.Tests.Support;

/// <summary>A PowerShell session with the module imported and a loopback listener, shared by one test class.</summary>
public sealed class LoopbackFixture : IDisposable
{
    public PowerShellSession Session { get; } = new();
    public LoopbackServer Server { get; } = new();

    /// <summary>Runs a script with $Endpoint set to the listener's URL; the listener starts each run clean.</summary>
    public RunResult Run(string script, IDictionary<string, object?>? variables = null)
    {
        var all = new Dictionary<string, object?>(variables ?? new Dictionary<string, object?>()) { ["Endpoint"] = Server.Url };
        return Session.Run(script, all);
    }

    public string Render(string script) =>
        Session.Render(script, new Dictionary<string, object?> { ["Endpoint"] = Server.Url });

    public void Dispose()
    {
        Server.Dispose();
        Session.Dispose();
    }
}
