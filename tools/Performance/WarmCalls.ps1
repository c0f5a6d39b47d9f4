<#
.SYNOPSIS
    Warm Get-IbImage -Arn calls in one session, chunk by chunk: run by tools/Measure-Performance.ps1 in a child pwsh.
.DESCRIPTION
    The same protocol as peers.py, so that the caller can interleave ImageBuilder.PS, boto3 and raw HTTP chunk by
    chunk: after -Warmup calls it prints "ready"; then for each line N read from standard input it makes N calls and
    prints their times in ms on one line. "settle" makes calls until the JIT has stopped recompiling
    (Wait-JitSettled) and prints how many calls the session has made. "exit" ends, after a JSON line with the session's JIT figures.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Arn,
    [int] $Warmup = 200
)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'JitSettle.ps1')
Import-Module $ModulePath
for ($i = 0; $i -lt $Warmup; $i++) { $null = Get-IbImage -Arn $Arn }
$ticksPerMs = [Diagnostics.Stopwatch]::Frequency / 1000.0
$invariant = [cultureinfo]::InvariantCulture
$made = $Warmup
[Console]::Out.WriteLine('ready')
while ($null -ne ($line = [Console]::In.ReadLine())) {
    if ($line -eq 'exit') { break }
    if ($line -eq 'settle') {
        $made += Wait-JitSettled { $null = Get-IbImage -Arn $Arn }
        [Console]::Out.WriteLine([string] $made)
        continue
    }
    $count = [int] $line
    $times = [string[]]::new($count)
    for ($i = 0; $i -lt $count; $i++) {
        $start = [Diagnostics.Stopwatch]::GetTimestamp()
        $null = Get-IbImage -Arn $Arn
        $times[$i] = (([Diagnostics.Stopwatch]::GetTimestamp() - $start) / $ticksPerMs).ToString('F4', $invariant)
    }
    $made += $count
    [Console]::Out.WriteLine([string]::Join(' ', $times))
}
[Console]::Out.WriteLine((@{ jitMethods = [System.Runtime.JitInfo]::GetCompiledMethodCount(); jitMs = [System.Runtime.JitInfo]::GetCompilationTime().TotalMilliseconds; calls = $made } | ConvertTo-Json -Compress))
