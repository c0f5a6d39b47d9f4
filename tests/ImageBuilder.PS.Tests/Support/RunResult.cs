using System.Management.Automation;

namespace ImageBuilder.PS.Tests.Support;

/// <summary>Everything one script run produced, stream by stream, plus what the host showed.</summary>
public sealed class RunResult
{
    public required IReadOnlyList<PSObject> Output { get; init; }
    public required IReadOnlyList<ErrorRecord> Errors { get; init; }
    public required IReadOnlyList<WarningRecord> Warnings { get; init; }
    public required IReadOnlyList<VerboseRecord> Verbose { get; init; }
    public required IReadOnlyList<DebugRecord> Debug { get; init; }
    public required IReadOnlyList<ProgressRecord> Progress { get; init; }
    /// <summary>What the host printed: formatted output, WhatIf lines, errors rendered by Out-Default.</summary>
    public required string HostText { get; init; }
    /// <summary>The error that stopped the script, if one did.</summary>
    public Exception? Terminating { get; init; }

    public IEnumerable<T> Objects<T>() => Output.Select(o => o.BaseObject).OfType<T>();

    public T Single<T>() => Assert.Single(Objects<T>());

    public void AssertSuccess()
    {
        Assert.True(Terminating is null, "The script stopped: " + Terminating);
        Assert.True(Errors.Count == 0, "The script wrote errors: " + string.Join(" | ", Errors.Select(e => e.ErrorDetails?.Message ?? e.ToString())));
    }
}
