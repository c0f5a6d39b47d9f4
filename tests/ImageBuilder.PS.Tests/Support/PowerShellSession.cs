using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ImageBuilder.PS.Tests.Support;

/// <summary>One PowerShell 7.6 runspace, hosted in this process, with the built module imported.</summary>
public sealed class PowerShellSession : IDisposable
{
    private readonly Runspace _runspace;

    public PowerShellSession()
    {
        Host = new CapturingHost();
        var state = InitialSessionState.CreateDefault2();
        _runspace = RunspaceFactory.CreateRunspace(Host, state);
        _runspace.Open();
        var import = Run($"$PSStyle.OutputRendering = 'PlainText'; Import-Module '{ModulePath}' -ErrorAction Stop");
        if (import.Terminating is not null || import.Errors.Count > 0)
        {
            throw new InvalidOperationException("The module did not import: " + (import.Terminating?.Message ?? import.Errors[0].ToString()));
        }
    }

    public CapturingHost Host { get; }

    /// <summary>The manifest of the module as `dotnet build` lays it out.</summary>
    public static string ModulePath => Path.Combine(RepoRoot, "output", "ImageBuilder.PS", "ImageBuilder.PS.psd1");

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Runs a script; parameters become variables ($Endpoint and so on).</summary>
    public RunResult Run(string script, IDictionary<string, object?>? variables = null)
    {
        Host.Captured.TakeText();
        Host.Captured.Progress.Clear();
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        if (variables is not null)
        {
            foreach (var pair in variables)
            {
                _runspace.SessionStateProxy.SetVariable(pair.Key, pair.Value);
            }
        }
        ps.AddScript(script);
        Collection<PSObject> output = new();
        Exception? terminating = null;
        try
        {
            output = ps.Invoke();
        }
        catch (RuntimeException e)
        {
            terminating = e;
        }
        return new RunResult
        {
            Output = output.Where(o => o is not null).ToList(),
            Errors = ps.Streams.Error.ToList(),
            Warnings = ps.Streams.Warning.ToList(),
            Verbose = ps.Streams.Verbose.ToList(),
            Debug = ps.Streams.Debug.ToList(),
            Progress = ps.Streams.Progress.ToList(),
            HostText = Host.Captured.TakeText(),
            Terminating = terminating,
        };
    }

    /// <summary>
    /// Starts a script, presses Ctrl+C (stops the pipeline) once <paramref name="stopWhen"/> holds, and says how
    /// long the script took to end after that.
    /// </summary>
    public (RunResult Result, TimeSpan StopLatency) RunAndStop(string script, Func<bool> stopWhen, IDictionary<string, object?>? variables = null)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        if (variables is not null)
        {
            foreach (var pair in variables) _runspace.SessionStateProxy.SetVariable(pair.Key, pair.Value);
        }
        ps.AddScript(script);
        var pending = ps.BeginInvoke();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!stopWhen() && DateTime.UtcNow < deadline) Thread.Sleep(20);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        ps.Stop();
        Exception? terminating = null;
        try
        {
            ps.EndInvoke(pending);
        }
        catch (Exception e) when (e is PipelineStoppedException || e is RuntimeException)
        {
            terminating = e;
        }
        var latency = clock.Elapsed;
        return (new RunResult
        {
            Output = Array.Empty<PSObject>(),
            Errors = ps.Streams.Error.ToList(),
            Warnings = ps.Streams.Warning.ToList(),
            Verbose = ps.Streams.Verbose.ToList(),
            Debug = ps.Streams.Debug.ToList(),
            Progress = ps.Streams.Progress.ToList(),
            HostText = Host.Captured.TakeText(),
            Terminating = terminating,
        }, latency);
    }

    /// <summary>Runs a script and renders its output through Out-Default (the module's format views), as a console would.</summary>
    public string Render(string script, IDictionary<string, object?>? variables = null)
    {
        var result = Run("& { " + script + " } | Out-Default", variables);
        Assert.True(result.Terminating is null, "Rendering stopped: " + result.Terminating);
        // Table headers come with colour codes even with PlainText rendering; a reader of the text ignores them.
        return System.Text.RegularExpressions.Regex.Replace(result.HostText, @"\x1b\[[0-9;]*m", "");
    }

    public void Dispose() => _runspace.Dispose();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ImageBuilder.PS.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("ImageBuilder.PS.sln not found above " + AppContext.BaseDirectory);
    }
}
