# Dot-sourced by every test file in BeforeAll:   BeforeAll { . "$PSScriptRoot/common.ps1" }
#
# Imports the built module and points every ImageBuilder.PS cmdlet at the emulator that Invoke-PesterSuite.ps1
# started (IBPS_EMULATOR_URL), and gives the tests a few helpers:
#   Invoke-EmulatorControl -Method GET|POST|DELETE -Path '/_emulator/...' [-Body @{...}]   the parsed JSON answer
#   Reset-TestEmulator                     empty state (plus the Amazon catalogue), faults cleared, clock stepped
#                                          (Reset-IbEmulator and Set-IbEmulatorClock)
#   Step-TestEmulatorClock [-Seconds n] [-Stages n]   moves the stepped clock on (default: one build stage)
#   Start-TestEmulatorClock / Stop-TestEmulatorClock  keep the clock moving in the background while a -Wait blocks
#   Invoke-TestPwsh -Script '...' [-Environment @{...}] [-WorkingDirectory d] [-ImportModule]
#                                          a fresh `pwsh -NoProfile -NonInteractive -File` of the script:
#                                          ExitCode, StdOut, StdErr
#   Get-TestPwshPath                       the pwsh executable Invoke-TestPwsh starts
#   Get-TestModulePath                     the module folder imported
#   ConvertTo-TestText                     objects rendered as a user sees them: Out-String -Width n

$script:TestRepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).ProviderPath

function Get-TestModulePath {
    if ($env:IBPS_MODULE_PATH) { $env:IBPS_MODULE_PATH } else { Join-Path $script:TestRepoRoot 'output/ImageBuilder.PS' }
}

if (-not $env:IBPS_EMULATOR_URL) {
    throw 'IBPS_EMULATOR_URL is not set. Run the suite with: dotnet pwsh tests/Pester/Invoke-PesterSuite.ps1'
}
Import-Module (Get-TestModulePath) -Force
$PSDefaultParameterValues['*-Ib*:EndpointUrl'] = $env:IBPS_EMULATOR_URL

function Invoke-EmulatorControl {
    [CmdletBinding()]
    param(
        [ValidateSet('GET', 'POST', 'DELETE')]
        [string] $Method = 'GET',
        [Parameter(Mandatory)]
        [string] $Path,
        [hashtable] $Body
    )
    $request = @{ Method = $Method; Uri = $env:IBPS_EMULATOR_URL.TrimEnd('/') + $Path; NoProxy = $true; ContentType = 'application/json' }
    if ($PSBoundParameters.ContainsKey('Body')) { $request.Body = ConvertTo-Json -InputObject $Body -Depth 20 -Compress }
    Invoke-RestMethod @request
}

function Reset-TestEmulator {
    # The module's own control cmdlets, as a user's runbook tests would use them; the suite's builds move only
    # when a test moves them.
    [CmdletBinding()]
    param([ValidateSet('stepped', 'real')] [string] $Clock = 'stepped')
    Reset-IbEmulator -Url $env:IBPS_EMULATOR_URL
    Set-IbEmulatorClock -Url $env:IBPS_EMULATOR_URL -Mode $Clock
}

function Step-TestEmulatorClock {
    # Without -Seconds, each stage is one build stage (Start-IbEmulator -StageDuration). Writes the emulator's state.
    [CmdletBinding()]
    param([double] $Seconds, [ValidateRange(1, 1000)] [int] $Stages = 1)
    if ($PSBoundParameters.ContainsKey('Seconds')) {
        for ($i = 1; $i -lt $Stages; $i++) { Set-IbEmulatorClock -Url $env:IBPS_EMULATOR_URL -By $Seconds }
        Set-IbEmulatorClock -Url $env:IBPS_EMULATOR_URL -By $Seconds -PassThru
    }
    else {
        Set-IbEmulatorClock -Url $env:IBPS_EMULATOR_URL -Stages $Stages -PassThru
    }
}

function Start-TestEmulatorClock {
    # For a -Wait that blocks this runspace: a thread moves the stepped clock on one stage every -IntervalMilliseconds.
    [CmdletBinding()]
    param([int] $IntervalMilliseconds = 30)
    Stop-TestEmulatorClock
    $script:TestClockJob = Start-ThreadJob -ArgumentList $env:IBPS_EMULATOR_URL, $IntervalMilliseconds -ScriptBlock {
        param($url, $interval)
        while ($true) {
            Invoke-RestMethod -Method POST -Uri "$url/_emulator/clock/advance" -NoProxy | Out-Null
            Start-Sleep -Milliseconds $interval
        }
    }
}

function Stop-TestEmulatorClock {
    if ((Test-Path variable:script:TestClockJob) -and $script:TestClockJob) {
        $script:TestClockJob | Stop-Job -PassThru | Remove-Job -Force
        $script:TestClockJob = $null
    }
}

function Get-TestPwshPath {
    if ($env:IBPS_PWSH) { return $env:IBPS_PWSH }
    $candidate = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
    if (Test-Path $candidate) { return $candidate }
    (Get-Command pwsh -CommandType Application | Select-Object -First 1).Source
}

function Invoke-TestPwsh {
    # Runs the script in a fresh `pwsh -NoProfile -NonInteractive -File <temp script>`, as SSM Run Command or a
    # scheduler would, with the suite's isolated environment plus -Environment (a $null value removes a variable).
    # Standard input is closed: nothing can be answered. -ImportModule first imports the built module and points
    # its cmdlets at the emulator, as common.ps1 does here.
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Script,
        [hashtable] $Environment = @{},
        [string] $WorkingDirectory = $(if ($PWD.Provider.Name -eq 'FileSystem') { $PWD.ProviderPath } else { [IO.Path]::GetTempPath() }),
        [switch] $ImportModule,
        [string[]] $ArgumentList = @(),
        [int] $TimeoutSeconds = 120
    )
    $file = Join-Path ([IO.Path]::GetTempPath()) ("ibps-test-{0}.ps1" -f [guid]::NewGuid().ToString('n'))
    $prelude = if ($ImportModule) {
        "Import-Module '$((Get-TestModulePath).Replace("'", "''"))'`n`$PSDefaultParameterValues['*-Ib*:EndpointUrl'] = `$env:IBPS_EMULATOR_URL`n"
    }
    else { '' }
    Set-Content -LiteralPath $file -Value ($prelude + $Script) -Encoding utf8NoBOM
    try {
        $start = [Diagnostics.ProcessStartInfo]::new((Get-TestPwshPath))
        foreach ($argument in @('-NoProfile', '-NonInteractive', '-File', $file) + $ArgumentList) { $start.ArgumentList.Add($argument) }
        $start.WorkingDirectory = $WorkingDirectory
        $start.UseShellExecute = $false
        $start.RedirectStandardInput = $true
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        foreach ($name in $Environment.Keys) {
            if ($null -eq $Environment[$name]) { [void] $start.Environment.Remove($name) } else { $start.Environment[$name] = [string] $Environment[$name] }
        }
        $process = [Diagnostics.Process]::Start($start)
        $process.StandardInput.Close()
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
            $process.Kill($true)
            throw "pwsh did not finish within $TimeoutSeconds s: $Script"
        }
        $process.WaitForExit()
        [pscustomobject]@{ ExitCode = $process.ExitCode; StdOut = $stdout.GetAwaiter().GetResult(); StdErr = $stderr.GetAwaiter().GetResult() }
    }
    finally {
        Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
    }
}

function ConvertTo-TestText {
    # What a terminal of -Width columns shows for the objects (format views applied), without colour codes.
    param([Parameter(ValueFromPipeline)] $InputObject, [int] $Width = 120)
    begin { $all = [Collections.Generic.List[object]]::new() }
    process { $all.Add($InputObject) }
    end { ($all | Out-String -Width $Width) -replace "`e\[[0-9;]*m", '' }
}

function Get-TestTableHeader {
    # The header of the first table in rendered text: Names (each column's header text, cut at the columns the
    # ---- line marks) and Lines (how many lines the header takes: more than 1 means a header wrapped).
    param([Parameter(Mandatory, Position = 0)] [string] $Text)
    $lines = $Text -split "`r?`n"
    $rule = [Array]::FindIndex($lines, [Predicate[string]] { param($l) $l -match '^\s*-{2,}(\s+-+)*\s*$' })
    if ($rule -lt 1) { return [pscustomobject]@{ Names = @(); Lines = 0 } }
    $top = $rule - 1
    while ($top -gt 0 -and $lines[$top - 1].Trim()) { $top-- }
    $starts = @([regex]::Matches($lines[$rule], '-+') | ForEach-Object Index)
    $header = $lines[$rule - 1]
    $names = for ($i = 0; $i -lt $starts.Count; $i++) {
        $from = [Math]::Min($starts[$i], $header.Length)
        $to = if ($i + 1 -lt $starts.Count) { [Math]::Min($starts[$i + 1], $header.Length) } else { $header.Length }
        $header.Substring($from, $to - $from).Trim()
    }
    [pscustomobject]@{ Names = @($names); Lines = $rule - $top }
}

function Invoke-TestHostCapture {
    # Runs the script block with a transcript running and returns what the host showed (What if: lines,
    # Write-Host, warnings) as text, with the transcript's own header and footer left out.
    param([Parameter(Mandatory)] [scriptblock] $ScriptBlock)
    $file = Join-Path ([IO.Path]::GetTempPath()) ("ibps-host-{0}.txt" -f [guid]::NewGuid().ToString('n'))
    Start-Transcript -LiteralPath $file -UseMinimalHeader | Out-Null
    try { & $ScriptBlock | Out-Host }
    finally { Stop-Transcript | Out-Null }
    $lines = Get-Content -LiteralPath $file
    Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
    $body = $lines | Select-Object -Skip 1 | Where-Object { $_ -notmatch '^\*{10,}|^PowerShell transcript (start|end)|^(Start|End) time: |^Transcript started' }
    ($body -join "`n") -replace "`e\[[0-9;]*m", ''
}

# The build every family starts from: a component, an infrastructure configuration, a recipe on Amazon's
# Windows Server image, and a pipeline that scans what it builds (what examples/golden-image.ps1 sets up).
$script:TestComponentYaml = @'
name: install-agent
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: Install
        action: ExecutePowerShell
        inputs:
          commands:
            - Write-Host hi
'@

function New-TestPipeline {
    param([string] $Name = 'nightly', [string] $RecipeName = 'golden-windows', [string] $DistributionConfigurationArn)
    $parent = Get-IbImage -Owner Amazon -Platform Windows | Select-Object -First 1
    $component = New-IbComponent -Name "$RecipeName-agent" -SemanticVersion 1.0.0 -Platform Windows -Data $script:TestComponentYaml
    $infra = New-IbInfrastructureConfiguration -Name "$Name-infra" -InstanceProfileName ImageBuilderInstanceRole
    $pipeline = @{ Name = $Name; InfrastructureConfigurationArn = $infra.Arn; ImageScanningEnabled = $true }
    if ($DistributionConfigurationArn) { $pipeline.DistributionConfigurationArn = $DistributionConfigurationArn }
    New-IbRecipe -Name $RecipeName -SemanticVersion 1.0.0 -ParentImage $parent.Arn -Component $component | New-IbPipeline @pipeline
}

function New-TestImage {
    # Starts the pipeline and moves the clock on until the build has ended; writes the image as Get-IbImage does.
    param([string] $PipelineName = 'nightly')
    $started = Get-IbPipeline -Name $PipelineName | Start-IbPipeline
    Step-TestEmulatorClock -Stages 10 | Out-Null
    Get-IbImage -Arn $started.Arn
}

function New-TestDesktopImage {
    # A Windows 11 image, the desktop WorkSpaces imports: one's own licensed Windows brought in by VM import (Amazon
    # offers Windows Server images only), moved on until it is AVAILABLE. Writes it as Get-IbImage -Arn does.
    param([string] $Name = 'win11-byol')
    $imported = Import-IbVmImage -Name $Name -SemanticVersion 1.0.0 -Platform Windows -OsVersion 'Microsoft Windows 11 Enterprise' -VmImportTaskId import-ami-0123456789abcdef0
    Step-TestEmulatorClock -Stages 10 | Out-Null
    Get-IbImage -Arn $imported.Arn
}
