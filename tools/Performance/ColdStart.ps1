<#
.SYNOPSIS
    Where a new process's import and first call spend their time: run by tools/Measure-Performance.ps1 in a fresh pwsh.
.DESCRIPTION
    Times each phase with a stopwatch and, for each, the JIT's work (System.Runtime.JitInfo: methods compiled and
    time spent compiling, on every thread) and the assemblies loaded. Writes one JSON line.
    -Split imports the module's assembly alone and then its types and formats, to tell the two apart, and makes a
    first call that the module's checks refuse (nothing is sent) before the first real one.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Arn,
    [switch] $Split
)
$ErrorActionPreference = 'Stop'
$startup = ([datetime]::Now - [Diagnostics.Process]::GetCurrentProcess().StartTime).TotalMilliseconds
$phases = [Collections.Generic.List[object]]::new()
$clock = [Diagnostics.Stopwatch]::new()

function Measure-Phase([string] $Name, [scriptblock] $Action) {
    $assemblies = [AppDomain]::CurrentDomain.GetAssemblies().Count
    $methods = [System.Runtime.JitInfo]::GetCompiledMethodCount()
    $jit = [System.Runtime.JitInfo]::GetCompilationTime()
    $clock.Restart()
    . $Action
    $elapsed = $clock.Elapsed.TotalMilliseconds
    $phases.Add([ordered]@{
        name       = $Name
        ms         = $elapsed
        jitMs      = ([System.Runtime.JitInfo]::GetCompilationTime() - $jit).TotalMilliseconds
        jitMethods = [System.Runtime.JitInfo]::GetCompiledMethodCount() - $methods
        assemblies = [AppDomain]::CurrentDomain.GetAssemblies().Count - $assemblies
    })
}

$before = [ordered]@{
    jitMs      = [System.Runtime.JitInfo]::GetCompilationTime().TotalMilliseconds
    jitMethods = [System.Runtime.JitInfo]::GetCompiledMethodCount()
    assemblies = [AppDomain]::CurrentDomain.GetAssemblies().Count
}
if ($Split) {
    $manifest = Import-PowerShellDataFile (Join-Path $ModulePath 'ImageBuilder.PS.psd1')
    Measure-Phase 'import the assembly alone' { Import-Module (Join-Path $ModulePath $manifest.RootModule) }
    Measure-Phase 'its types and formats' {
        Update-TypeData -PrependPath (Join-Path $ModulePath $manifest.TypesToProcess[0])
        Update-FormatData -PrependPath @($manifest.FormatsToProcess | ForEach-Object { Join-Path $ModulePath $_ })
    }
    Measure-Phase 'first call, refused by the checks' { $null = Get-IbImage -Arn 'not-an-arn' -ErrorAction SilentlyContinue }
    Measure-Phase 'first call sent' { $null = Get-IbImage -Arn $Arn }
}
else {
    Measure-Phase 'Import-Module' { Import-Module $ModulePath }
    Measure-Phase 'first call' { $null = Get-IbImage -Arn $Arn }
}
Measure-Phase 'second call' { $null = Get-IbImage -Arn $Arn }
$loaded = [AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object { $_.GetName().Name } | Sort-Object
[pscustomobject]@{ startupMs = $startup; atStart = $before; phases = $phases; assemblies = @($loaded) } | ConvertTo-Json -Compress -Depth 4
