<#
.SYNOPSIS
    The memory control for the streaming row: pwsh alone, no module, sending Objects small objects through
    Measure-Object (about as many bytes as the module's listing allocates). Run by tools/Measure-Performance.ps1.
.DESCRIPTION
    Writes one JSON line: the peak resident memory (VmHWM) at the start and at the end, the bytes allocated and
    the gen0 collections. How far the peak rises with nothing but short-lived garbage is the garbage collector's
    gen0 budget, which .NET sizes from the CPU's cache and which no module can change.
#>
param([int] $Objects = 300000)
function Get-PeakKiB { [long] [regex]::Match([IO.File]::ReadAllText('/proc/self/status'), 'VmHWM:\s+(\d+)').Groups[1].Value }
$start = Get-PeakKiB
$padding = 'x' * 200
$null = 1..$Objects | ForEach-Object { [pscustomobject]@{ Index = $_; Text = $padding } } | Measure-Object
[pscustomobject]@{ startKiB = $start; peakKiB = Get-PeakKiB; allocatedMiB = [GC]::GetTotalAllocatedBytes($false) / 1MB; gen0 = [GC]::CollectionCount(0) } | ConvertTo-Json -Compress
