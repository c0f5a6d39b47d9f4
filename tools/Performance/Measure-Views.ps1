<#
.SYNOPSIS
    What the format views cost per object (µs), and -Compare: that two builds' views print the same text, byte for byte.

.DESCRIPTION
    Runs in a child pwsh with HOME in a temporary folder, no inherited AWS_* variable, fake keys and
    AWS_EC2_METADATA_DISABLED=true. The child imports -Module, starts the module's emulator in the session
    (Start-IbEmulator -Clock Stepped) and makes one or a few objects of every output type that has a view with the
    module's cmdlets (tools/Performance/ViewObjects.ps1).

    Each build (-Module, and -Baseline when given) gets its own runspace holding only that build's format and type
    files, and both render the very same objects, so the figures and the texts differ only by the views (and the
    ViewText methods they call, which come from -Module's assembly: -Baseline's views must call only methods -Module
    still has, unchanged).

    Measuring: per view, `Format-Table | Out-String -Width 160` of -TableCount objects and `Format-List | Out-String`
    of -ListCount (the type's objects repeated), the builds in turn and their order swapped every round, after a
    warm-up round; prints the median µs per object as markdown. -Unoptimized holds the JIT at its first tier
    (DOTNET_TC_CallCounting=0), which is what a session's first thousands of objects run.

    -Compare: per time zone (-TimeZone, one child each), every type's objects as they come and sparse ones (nothing
    set, each member null in turn, dates UTC-kind), as a table, a list and the default view, at 80 and 160 columns,
    with and without Set-StrictMode -Version Latest; fails when a text differs between the builds or a render adds to
    $Error. The texts go to -OutputFolder (a temporary folder unless given), one file per render, for diff -r.

.EXAMPLE
    dotnet pwsh tools/Performance/Measure-Views.ps1 -Baseline ../main/output/ImageBuilder.PS

.EXAMPLE
    dotnet pwsh tools/Performance/Measure-Views.ps1 -Baseline ../main/output/ImageBuilder.PS -Compare
#>
[CmdletBinding()]
param(
    [string] $Module = (Join-Path $PSScriptRoot '../../output/ImageBuilder.PS'),
    [string] $Baseline,
    [int] $Rounds = 5,
    [int] $TableCount = 500,
    [int] $ListCount = 50,
    [string[]] $Type,
    [switch] $Unoptimized,
    [switch] $Compare,
    [string[]] $TimeZone = @('UTC', 'Pacific/Kiritimati', 'America/New_York'),
    [string] $OutputFolder,
    # Internal: set when the script runs as its own child.
    [string] $ChildWorkFolder
)
$ErrorActionPreference = 'Stop'
$Module = (Resolve-Path $Module).ProviderPath
if ($Baseline) { $Baseline = (Resolve-Path $Baseline).ProviderPath }

if (-not $ChildWorkFolder) {
    # The parent: a sandbox per child, so that nothing reads the real home, AWS settings or instance metadata.
    # This pwsh (under `dotnet pwsh` the process is dotnet, so not the process's own file).
    $pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
    if ($Compare -and -not $OutputFolder) { $OutputFolder = Join-Path ([IO.Path]::GetTempPath()) ("ibps-views-{0}" -f [guid]::NewGuid().ToString('n').Substring(0, 8)) }
    $runs = @(if ($Compare) { $TimeZone } else { [string] $env:TZ })
    $failed = 0
    foreach ($zone in $runs) {
        $work = Join-Path ([IO.Path]::GetTempPath()) ("ibps-views-home-{0}" -f [guid]::NewGuid().ToString('n'))
        $null = New-Item -ItemType Directory -Path $work
        try {
            $start = [Diagnostics.ProcessStartInfo]::new($pwsh)
            $arguments = @('-NoProfile', '-NonInteractive', '-File', $PSCommandPath, '-ChildWorkFolder', $work, '-Module', $Module,
                '-Rounds', $Rounds, '-TableCount', $TableCount, '-ListCount', $ListCount)
            if ($Baseline) { $arguments += '-Baseline', $Baseline }
            if ($Type) { $arguments += '-Type', ($Type -join ',') }
            if ($Compare) { $arguments += '-Compare', '-OutputFolder', (Join-Path $OutputFolder ($zone -replace '[/\\]', '_')) }
            foreach ($argument in $arguments) { $start.ArgumentList.Add([string] $argument) }
            $start.UseShellExecute = $false
            foreach ($name in @($start.Environment.Keys)) { if ($name -like 'AWS_*') { $null = $start.Environment.Remove($name) } }
            $start.Environment['HOME'] = $work
            $start.Environment['XDG_CONFIG_HOME'] = Join-Path $work '.config'
            $start.Environment['XDG_DATA_HOME'] = Join-Path $work '.local/share'
            $start.Environment['XDG_CACHE_HOME'] = Join-Path $work '.cache'
            $start.Environment['AWS_ACCESS_KEY_ID'] = 'AKIDVIEWS'
            $start.Environment['AWS_SECRET_ACCESS_KEY'] = 'views-secret'
            $start.Environment['AWS_REGION'] = 'us-east-1'
            $start.Environment['AWS_DEFAULT_REGION'] = 'us-east-1'
            $start.Environment['AWS_EC2_METADATA_DISABLED'] = 'true'
            $start.Environment['POWERSHELL_TELEMETRY_OPTOUT'] = '1'
            if ($zone) { $start.Environment['TZ'] = $zone }
            if ($Unoptimized) { $start.Environment['DOTNET_TC_CallCounting'] = '0' }
            $child = [Diagnostics.Process]::Start($start)
            try {
                $child.WaitForExit()
                if ($child.ExitCode -ne 0) { $failed++ }
            }
            finally {
                if (-not $child.HasExited) { $child.Kill($true) }
                $child.Dispose()
            }
        }
        finally {
            Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
        }
    }
    if ($Compare) { "Texts: $OutputFolder" }
    if ($failed) { throw "$failed of $(@($runs).Count) runs failed." }
    return
}

# The child.
Import-Module $Module
. (Join-Path $PSScriptRoot 'ViewObjects.ps1')
$emulator = Start-IbEmulator -Clock Stepped
try {
    $objects = Get-ViewObjects -WorkFolder $ChildWorkFolder
}
catch {
    Stop-IbEmulator
    throw
}
if ($Type) {
    $wanted = $Type -split ','
    foreach ($name in @($objects.Keys)) { if ($name -notin $wanted) { $objects.Remove($name) } }
}

function New-ViewRunspace([string] $ModulePath) {
    # Only this build's views and type data, beside PowerShell's own: what Import-Module would add for them.
    $state = [initialsessionstate]::CreateDefault()
    $manifest = Import-PowerShellDataFile (Join-Path $ModulePath 'ImageBuilder.PS.psd1')
    foreach ($file in $manifest.TypesToProcess) { $state.Types.Add([Management.Automation.Runspaces.SessionStateTypeEntry]::new((Join-Path $ModulePath $file))) }
    foreach ($file in $manifest.FormatsToProcess) { $state.Formats.Add([Management.Automation.Runspaces.SessionStateFormatEntry]::new((Join-Path $ModulePath $file))) }
    $runspace = [runspacefactory]::CreateRunspace($state)
    $runspace.Open()
    $runspace
}

function Invoke-InRunspace($Runspace, [string] $Script, [hashtable] $Parameters) {
    $shell = [powershell]::Create()
    try {
        $shell.Runspace = $Runspace
        $null = $shell.AddScript($Script).AddParameters($Parameters)
        $result = $shell.Invoke()
        if ($shell.HadErrors -and $shell.Streams.Error.Count) { throw "In the runspace: $($shell.Streams.Error[0])" }
        $result
    }
    finally { $shell.Dispose() }
}

$builds = [ordered]@{ this = $Module }
if ($Baseline) { $builds.baseline = $Baseline }
$runspaces = [ordered]@{}
foreach ($label in $builds.Keys) { $runspaces[$label] = New-ViewRunspace $builds[$label] }

try {
    if ($Compare) {
        $render = {
            param($InputObject, [string] $Kind, [int] $Width, [bool] $Strict)
            $Error.Clear()
            if ($Strict) { Set-StrictMode -Version Latest } else { Set-StrictMode -Off }
            try {
                $text = switch ($Kind) {
                    'Table' { $InputObject | Format-Table | Out-String -Width $Width }
                    'List' { $InputObject | Format-List | Out-String -Width $Width }
                    'Default' { $InputObject | Out-String -Width $Width }
                }
            }
            finally { Set-StrictMode -Off }
            [pscustomobject]@{ Text = [string] $text; Errors = @($Error | ForEach-Object { "$_ ($($_.InvocationInfo.PositionMessage -replace '\s+', ' '))" }) }
        }.ToString()
        $sets = [ordered]@{ real = $objects; sparse = Get-SparseViewObjects -Objects $objects }
        $compared = 0; $same = 0; $differences = [Collections.Generic.List[string]]::new(); $errors = [Collections.Generic.List[string]]::new()
        $null = New-Item -ItemType Directory -Force -Path $OutputFolder
        foreach ($set in $sets.Keys) {
            foreach ($name in $sets[$set].Keys) {
                foreach ($kind in 'Table', 'List', 'Default') {
                    foreach ($width in 80, 160) {
                        foreach ($strict in $false, $true) {
                            $key = "$name.$set.$kind.$width.$(if ($strict) { 'strict' } else { 'loose' })"
                            $texts = @{}
                            foreach ($label in $runspaces.Keys) {
                                $result = Invoke-InRunspace $runspaces[$label] $render @{ InputObject = $sets[$set][$name]; Kind = $kind; Width = $width; Strict = $strict }
                                $texts[$label] = $result.Text
                                foreach ($message in $result.Errors) { $errors.Add("$label $key`: $message") }
                                $folder = Join-Path $OutputFolder $label
                                $null = New-Item -ItemType Directory -Force -Path $folder
                                [IO.File]::WriteAllText((Join-Path $folder "$key.txt"), $result.Text, [Text.UTF8Encoding]::new($false))
                                if (-not $result.Text.Trim()) { $errors.Add("$label $key`: nothing rendered") }
                            }
                            if ($runspaces.Count -gt 1) {
                                $compared++
                                if ([string]::Equals($texts.this, $texts.baseline, [StringComparison]::Ordinal)) { $same++ } else { $differences.Add($key) }
                            }
                        }
                    }
                }
            }
        }
        $zone = [TimeZoneInfo]::Local.Id
        "TZ $zone ($([TimeZoneInfo]::Local.BaseUtcOffset)): $compared renders compared, $same identical, $($differences.Count) different; $($errors.Count) errors."
        foreach ($key in $differences) { "  different: $key" }
        foreach ($message in $errors) { "  error: $message" }
        if ($differences.Count -or $errors.Count) { exit 1 }
        return
    }

    $measure = {
        param($InputObject, [string] $Kind)
        $clock = [Diagnostics.Stopwatch]::StartNew()
        if ($Kind -eq 'Table') { $null = $InputObject | Format-Table | Out-String -Width 160 } else { $null = $InputObject | Format-List | Out-String }
        $clock.Elapsed.TotalMilliseconds
    }.ToString()
    function Get-Repeated([object[]] $Items, [int] $Count) { @(for ($i = 0; $i -lt $Count; $i++) { $Items[$i % $Items.Count] }) }
    # A plain object of four properties, no view script: what showing anything costs.
    $plain = [pscustomobject]@{ Name = 'golden-windows'; Version = '1.0.0/1'; Status = 'AVAILABLE'; Created = [datetime]::Now }
    $inputs = [ordered]@{ '(plain 4-property object)' = @($plain) }
    foreach ($name in $objects.Keys) { $inputs[$name] = $objects[$name] }
    $samples = @{}
    $load = (Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -replace '^(\S+ \S+ \S+).*', '$1'
    $clock = [Diagnostics.Stopwatch]::StartNew()
    for ($round = 0; $round -le $Rounds; $round++) {
        $order = @($runspaces.Keys)
        if ($round % 2) { [array]::Reverse($order) }
        foreach ($name in $inputs.Keys) {
            $table = Get-Repeated $inputs[$name] $TableCount
            $list = Get-Repeated $inputs[$name] $ListCount
            foreach ($label in $order) {
                foreach ($kind in 'Table', 'List') {
                    $items = if ($kind -eq 'Table') { $table } else { $list }
                    $ms = Invoke-InRunspace $runspaces[$label] $measure @{ InputObject = $items; Kind = $kind }
                    # Round 0 warms up: the JIT, the views' script blocks, the type data.
                    if ($round -gt 0) {
                        $key = "$name|$label|$kind"
                        if (-not $samples[$key]) { $samples[$key] = [Collections.Generic.List[double]]::new() }
                        $samples[$key].Add($ms * 1000 / $items.Count)
                    }
                }
            }
        }
        Write-Host ("round {0} of {1} done, {2:n0} s" -f $round, $Rounds, $clock.Elapsed.TotalSeconds)
    }
    function Get-Median([Collections.Generic.List[double]] $Values) {
        $sorted = @($Values | Sort-Object)
        if ($sorted.Count % 2) { $sorted[[int][Math]::Floor($sorted.Count / 2)] } else { ($sorted[$sorted.Count / 2 - 1] + $sorted[$sorted.Count / 2]) / 2 }
    }
    $jit = if ($Unoptimized) { 'JIT held at its first tier (DOTNET_TC_CallCounting=0)' } else { 'JIT tiering as usual' }
    ''
    "µs per object, median of $Rounds rounds after a warm-up; Format-Table | Out-String -Width 160 of $TableCount objects, Format-List | Out-String of $ListCount. $jit; pwsh $($PSVersionTable.PSVersion); load $load before, $((Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -replace '^(\S+ \S+ \S+).*', '$1') after; $([int] $clock.Elapsed.TotalSeconds) s."
    "this: $Module"
    if ($Baseline) { "baseline: $Baseline" }
    ''
    if ($Baseline) {
        '| view | table, baseline | table, this | ratio | list, baseline | list, this | ratio |'
        '|---|--:|--:|--:|--:|--:|--:|'
    }
    else {
        '| view | table | list |'
        '|---|--:|--:|'
    }
    foreach ($name in $inputs.Keys) {
        $cells = foreach ($kind in 'Table', 'List') {
            $mine = Get-Median $samples["$name|this|$kind"]
            if ($Baseline) {
                $theirs = Get-Median $samples["$name|baseline|$kind"]
                '{0:n0}' -f $theirs; '{0:n0}' -f $mine; '{0:n2}×' -f ($mine / $theirs)
            }
            else { '{0:n0}' -f $mine }
        }
        "| $name | $($cells -join ' | ') |"
    }
}
finally {
    foreach ($runspace in $runspaces.Values) { $runspace.Dispose() }
    Stop-IbEmulator
}
