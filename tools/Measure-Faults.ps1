<#
.SYNOPSIS
    Repeats issue 10's fault runs against the module's own emulator and prints the figures as markdown.
.DESCRIPTION
    What a runbook meets when AWS or the network misbehaves, counted from the emulator rather than from what the
    cmdlets said:

      creates under faults     for each fault kind (Throttle, ServerError 503, DropConnection, DropAfterApply) at
                               each rate (30% and 60% of every call): how many creates were written, how many the
                               service made, how many it made but the cmdlet reported failed (the defect this
                               guards against: always 0), how many failed honestly, how many it made twice, how many
                               hung past twice the call limit, and the longest one
      a pipeline               three Get-IbInfrastructureConfiguration through one pipeline with one dropped answer
                               (retried), and with every attempt of the first input's call dropped (the other two
                               are still read; one non-terminating error)
      silence and Ctrl+C       a server that never answers, ended by $IbTimeoutSeconds and by a SIGINT to a child
                               pwsh -NonInteractive -File; AssumeRole to an STS that takes the connection and never
                               answers, likewise
      a partial list           Get-IbImage -Owner Self over 500 images with the sixth page throttled on every
                               attempt: how many were written, and the error that says the list is incomplete

    Everything runs in a child pwsh whose HOME is a temporary folder (tools/PwshSandbox.ps1), with no inherited
    AWS_* variable, fake keys, AWS_MAX_ATTEMPTS=3 and instance metadata disabled; the emulator listens on 127.0.0.1
    only. Linux and macOS (Ctrl+C is sent as SIGINT with kill).

        dotnet tool restore; dotnet build src/ImageBuilder.PS
        dotnet pwsh tools/Measure-Faults.ps1            # about 2 minutes
.PARAMETER Creates
    Creates per fault kind and rate (half components, half image builds).
.PARAMETER Rates
    The share of calls faulted, each from 0.05 to 0.9.
.PARAMETER Kinds
    The fault kinds to create under.
.PARAMETER TimeoutSeconds
    The call limit ($IbTimeoutSeconds) for the silent server; the silent STS gets at most 5 s.
#>
[CmdletBinding()]
param(
    [ValidateRange(2, 500)]
    [int] $Creates = 20,
    [ValidateRange(0.05, 0.9)]
    [double[]] $Rates = @(0.3, 0.6),
    [ValidateSet('Throttle', 'ServerError', 'DropConnection', 'DropAfterApply')]
    [string[]] $Kinds = @('Throttle', 'ServerError', 'DropConnection', 'DropAfterApply'),
    [ValidateRange(1, 120)]
    [int] $TimeoutSeconds = 10,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../output/ImageBuilder.PS')
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3
. (Join-Path $PSScriptRoot 'PwshSandbox.ps1')

if ($IsWindows) { throw 'Measure-Faults stops its children with SIGINT (kill -INT): run it on Linux or macOS.' }
if (-not (Test-Path (Join-Path $ModulePath 'ImageBuilder.PS.psd1'))) {
    throw "No module at $ModulePath. Build it first: dotnet build src/ImageBuilder.PS"
}
$ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath

$sandbox = New-PwshSandbox
try {
    $commandLine = Get-PwshCommandLine
    $start = [Diagnostics.ProcessStartInfo]::new($commandLine[0])
    $arguments = @($commandLine | Select-Object -Skip 1) + @(
        '-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'Faults/FaultRuns.ps1'),
        '-ModulePath', $ModulePath, '-Creates', $Creates, '-Rates', (($Rates | ForEach-Object { $_.ToString([cultureinfo]::InvariantCulture) }) -join ','), '-Kinds', ($Kinds -join ','),
        '-TimeoutSeconds', $TimeoutSeconds)
    # A line as each run starts, unless the caller's progress is silenced (as the tests do).
    if ($ProgressPreference -ne 'SilentlyContinue') { $arguments += '-ShowProgress' }
    foreach ($argument in $arguments) { $start.ArgumentList.Add([string] $argument) }
    $start.UseShellExecute = $false
    $start.WorkingDirectory = $sandbox
    foreach ($name in @($start.Environment.Keys)) {
        if ($name -like 'AWS_*' -or $name -like 'IBPS_*') { $null = $start.Environment.Remove($name) }
    }
    $variables = Get-SandboxEnvironment -Sandbox $sandbox
    $variables += @{
        AWS_ACCESS_KEY_ID         = 'AKIDFAULTRUNS'
        AWS_SECRET_ACCESS_KEY     = 'fault-runs-secret'
        AWS_REGION                = 'us-east-1'
        AWS_MAX_ATTEMPTS          = '3'
        AWS_EC2_METADATA_DISABLED = 'true'
        NO_COLOR                  = '1'
    }
    Set-StartInfoEnvironment -StartInfo $start -Variables $variables

    # The report comes back line by line as the child writes it (so that `> faults.md` or a pipeline takes it);
    # its progress lines and errors go to this console's error stream as they come.
    $start.RedirectStandardOutput = $true
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $child = [Diagnostics.Process]::Start($start)
    try {
        while ($null -ne ($line = $child.StandardOutput.ReadLine())) { $line }
        $child.WaitForExit()
        if ($child.ExitCode -ne 0) { throw "The fault runs failed (exit code $($child.ExitCode)); their error is above." }
    }
    finally {
        if (-not $child.HasExited) { $child.Kill($true) }
        $child.Dispose()
    }
    ''
    "pwsh $($PSVersionTable.PSVersion), $([Environment]::ProcessorCount) CPUs, $([Math]::Round($watch.Elapsed.TotalSeconds)) s."
}
finally {
    Remove-Item -LiteralPath $sandbox -Recurse -Force -ErrorAction Ignore
}
