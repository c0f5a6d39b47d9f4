<#
.SYNOPSIS
    Every scan finding of an image streamed to a counter: run by tools/Measure-Performance.ps1 in a fresh pwsh.
.DESCRIPTION
    Imports the module (not timed), times Get-IbImageScanFinding piped to Measure-Object, and reads the process's
    peak resident memory (VmHWM) at the end. Writes one JSON line.
    -Stages, for the breakdown, reads the peak after the import and after a first listing of 1,000 findings, then
    times the whole listing again warm, piped to Measure-Object and assigned to $null, and adds the garbage
    collector's figures: what loading costs, what grows with the items, and what the counter downstream costs.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Arn,
    [switch] $Stages
)
$ErrorActionPreference = 'Stop'
function Get-PeakKiB { [long] [regex]::Match([IO.File]::ReadAllText('/proc/self/status'), 'VmHWM:\s+(\d+)').Groups[1].Value }

$result = [ordered]@{ startKiB = Get-PeakKiB }
Import-Module $ModulePath
$clock = [Diagnostics.Stopwatch]::new()
if ($Stages) {
    $result.importKiB = Get-PeakKiB
    $null = Get-IbImageScanFinding -ImageArn $Arn -First 1000 | Measure-Object
    $result.firstThousandKiB = Get-PeakKiB
}
$clock.Restart()
$result.count = (Get-IbImageScanFinding -ImageArn $Arn | Measure-Object).Count
$result.seconds = $clock.Elapsed.TotalSeconds
$result.peakKiB = Get-PeakKiB
if ($Stages) {
    $clock.Restart()
    $null = Get-IbImageScanFinding -ImageArn $Arn
    $result.nullSeconds = $clock.Elapsed.TotalSeconds
    $result.gcCommittedKiB = [GC]::GetGCMemoryInfo([GCKind]::Any).TotalCommittedBytes / 1KB
    $result.gcPauseMs = [GC]::GetTotalPauseDuration().TotalMilliseconds
    $result.gen0 = [GC]::CollectionCount(0)
    $result.allocatedMiB = [GC]::GetTotalAllocatedBytes($false) / 1MB
}
[pscustomobject] $result | ConvertTo-Json -Compress
