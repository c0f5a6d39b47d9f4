<#
.SYNOPSIS
    How long the first Get-Help <cmdlet> -Full takes in a session: run by tools/Measure-Performance.ps1 in a fresh pwsh.
.DESCRIPTION
    Imports the module (not timed), then times the help rendered as a user sees it (Out-String), the first time
    and again, and, for the breakdown, how long reading the module's whole MAML file as XML takes (when it has
    one: the breakdown also measures copies of the module with less help). Writes one JSON line.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $Command = 'Get-IbImage'
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
$clock = [Diagnostics.Stopwatch]::StartNew()
$jit = [System.Runtime.JitInfo]::GetCompilationTime()
$text = Get-Help $Command -Full | Out-String
$first = $clock.Elapsed.TotalMilliseconds
$firstJit = ([System.Runtime.JitInfo]::GetCompilationTime() - $jit).TotalMilliseconds
$clock.Restart()
$null = Get-Help $Command -Full | Out-String
$second = $clock.Elapsed.TotalMilliseconds

$maml = Get-ChildItem -Path (Join-Path $ModulePath 'en-US') -Filter '*-Help.xml' | Select-Object -First 1
$parse, $commands = [double]::NaN, 0
if ($maml) {
    $clock.Restart()
    $document = [xml]::new()
    $document.Load($maml.FullName)
    $parse = $clock.Elapsed.TotalMilliseconds
    $commands = @($document.helpItems.command).Count
}
[pscustomobject]@{
    firstMs = $first; firstJitMs = $firstJit; secondMs = $second; xmlParseMs = $parse
    mamlBytes = $(if ($maml) { $maml.Length } else { 0 }); commands = $commands; lines = ($text -split "`n").Count
} | ConvertTo-Json -Compress
