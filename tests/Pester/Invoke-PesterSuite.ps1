<#
.SYNOPSIS
    Runs the Pester suite (tests/Pester/*.Tests.ps1) in real pwsh against one emulator.

.DESCRIPTION
    `dotnet test ImageBuilder.PS.sln` runs this through tests/ImageBuilder.PS.Pester. To run only the Pester suite
    after a build:

        dotnet pwsh tests/Pester/Invoke-PesterSuite.ps1
        dotnet pwsh tests/Pester/Invoke-PesterSuite.ps1 -Path tests/Pester/Components.Tests.ps1 -Output Detailed

    It starts the emulator with Start-IbEmulator (stepped clock, a free loopback port, in this process) and exports
    its URL as IBPS_EMULATOR_URL, points
    HOME and every AWS setting at a private temporary folder (no test reads the real profiles, reaches instance
    metadata or could call AWS), runs Invoke-Pester, prints the time each file took and a line
    `Pester: N passed, N failed, N skipped`, stops the emulator, and exits 1 when anything failed.
#>
[CmdletBinding()]
param(
    # Pester.psd1; by default the one `dotnet restore tests/ImageBuilder.PS.Pester` put in the NuGet cache.
    [string] $PesterPath,
    # Test files or folders to run (default: all of tests/Pester).
    [string[]] $Path,
    # Where the NUnit XML result goes.
    [string] $ResultsDirectory,
    [ValidateSet('None', 'Normal', 'Detailed', 'Diagnostic')]
    [string] $Output = 'Normal'
)
# No Set-StrictMode here: it would reach into every test, which must run as a user's session does.
$ErrorActionPreference = 'Stop'

$repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).ProviderPath
$pesterProject = Join-Path $repoRoot 'tests/ImageBuilder.PS.Pester/ImageBuilder.PS.Pester.csproj'
# pwsh -File passes `-Path a,b` as one string.
$Path = if ($Path) { @($Path -split ',' | Where-Object { $_ }) } else { @($PSScriptRoot) }
if (-not $ResultsDirectory) { $ResultsDirectory = Join-Path $repoRoot 'tests/ImageBuilder.PS.Pester/TestResults' }

# Everything found through the real home directory is resolved now, before HOME changes: the NuGet cache (Pester,
# and for any dotnet the tests start), the dotnet that runs us, and the pwsh the tests start as child processes.
$nugetRoot = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
if (-not $PesterPath) {
    # The version lives once, in the project that restores Pester.
    $version = ([xml](Get-Content -Raw $pesterProject)).SelectSingleNode('//PesterVersion').InnerText
    $PesterPath = Join-Path $nugetRoot "pester/$version/tools/Pester.psd1"
}
if (-not (Test-Path $PesterPath)) {
    throw "Pester is not at $PesterPath. Restore it with: dotnet restore tests/ImageBuilder.PS.Pester"
}
$processPath = [Environment]::ProcessPath
$dotnet = if ([IO.Path]::GetFileNameWithoutExtension($processPath) -eq 'dotnet') { $processPath } else { (Get-Command dotnet -CommandType Application | Select-Object -First 1).Source }
$pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
if (-not (Test-Path $pwsh)) { $pwsh = (Get-Command pwsh -CommandType Application | Select-Object -First 1).Source }
$realHome = [Environment]::GetFolderPath('UserProfile')

# The isolated environment, as tests/ImageBuilder.PS.Tests/Support/TestEnvironment.cs sets it for the xunit tests.
$testHome = Join-Path ([IO.Path]::GetTempPath()) "ibps-pester-$PID"
New-Item -ItemType Directory -Force -Path (Join-Path $testHome '.aws') | Out-Null
Get-ChildItem env: | Where-Object Name -like 'AWS_*' | ForEach-Object { Remove-Item "env:$($_.Name)" }
$env:NUGET_PACKAGES = $nugetRoot
if (-not $env:DOTNET_ROOT) { $env:DOTNET_ROOT = Split-Path $dotnet }
$env:HOME = $testHome
$env:USERPROFILE = $testHome
$env:XDG_CONFIG_HOME = Join-Path $testHome '.config'
$env:XDG_DATA_HOME = Join-Path $testHome '.local/share'
$env:XDG_CACHE_HOME = Join-Path $testHome '.cache'
$env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $testHome '.aws/credentials'
$env:AWS_CONFIG_FILE = Join-Path $testHome '.aws/config'
$env:AWS_EC2_METADATA_DISABLED = 'true'
$env:AWS_ACCESS_KEY_ID = 'AKIDTESTONLY00000000'
$env:AWS_SECRET_ACCESS_KEY = 'test-secret-key-never-real-0000000000000'
$env:AWS_REGION = 'us-east-1'
# Whatever a test forgets to point at the emulator fails on loopback, never reaches AWS.
$env:AWS_ENDPOINT_URL = 'http://127.0.0.1:9'
$env:AWS_MAX_ATTEMPTS = '3'
# Child pwsh processes must not find modules in the real home directory.
$env:PSModulePath = ($env:PSModulePath -split [IO.Path]::PathSeparator | Where-Object { $_ -and -not $_.StartsWith($realHome) }) -join [IO.Path]::PathSeparator
$env:NO_COLOR = '1'
$PSStyle.OutputRendering = 'PlainText'
$env:IBPS_PWSH = $pwsh
if (-not $env:IBPS_MODULE_PATH) { $env:IBPS_MODULE_PATH = Join-Path $repoRoot 'output/ImageBuilder.PS' }

$emulator = $null
try {
    # The suite's emulator is the one users get: Start-IbEmulator, inside this process (stepped clock, a free
    # loopback port). The tests point at it through IBPS_EMULATOR_URL, so it sets no environment of its own.
    Import-Module $env:IBPS_MODULE_PATH
    $emulator = Start-IbEmulator -Clock Stepped -SetEnvironment $false
    $url = $emulator.Url
    $env:IBPS_EMULATOR_URL = $url
    Write-Host "Pester: emulator at $url (Start-IbEmulator, clock stepped), pwsh $($PSVersionTable.PSVersion), Pester from $PesterPath"

    Import-Module $PesterPath -Force
    New-Item -ItemType Directory -Force -Path $ResultsDirectory | Out-Null
    $config = New-PesterConfiguration
    $config.Run.Path = $Path
    $config.Run.PassThru = $true
    $config.Output.Verbosity = $Output
    if ([Console]::IsOutputRedirected) { $config.Output.RenderMode = 'Plaintext' }
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputFormat = 'NUnitXml'
    $config.TestResult.OutputPath = Join-Path $ResultsDirectory 'Pester.xml'
    $config.Should.ErrorAction = 'Stop'

    Push-Location $repoRoot
    try { $result = Invoke-Pester -Configuration $config }
    finally { Pop-Location }

    if ($null -eq $result) {
        Write-Host 'Pester: the run did not complete (see the error above).'
        exit 1
    }
    Write-Host ''
    foreach ($container in $result.Containers) {
        $name = [IO.Path]::GetFileName([string] $container.Item)
        Write-Host ('Pester: {0,6:0.0} s  {1} ({2} passed, {3} failed, {4} skipped){5}' -f $container.Duration.TotalSeconds, $name,
            $container.PassedCount, $container.FailedCount, $container.SkippedCount, ($container.Result -eq 'Failed' -and $container.FailedCount -eq 0 ? ' - the file itself failed' : ''))
    }
    # What is skipped (known defects, named in the test file or the skip reason) stays visible in every run.
    foreach ($test in $result.Skipped) { Write-Host "Pester: skipped $($test.ExpandedPath)" }
    $failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Write-Host ("Pester: {0} passed, {1} failed, {2} skipped{3} in {4:0.0} s" -f $result.PassedCount, $failed, $result.SkippedCount,
        ($result.NotRunCount ? ", $($result.NotRunCount) not run" : ''), $result.Duration.TotalSeconds)
    if ($failed -gt 0 -or $result.Result -ne 'Passed') {
        foreach ($test in $result.Failed) { Write-Host "Pester: FAILED $($test.ExpandedPath)" }
        foreach ($block in $result.FailedBlocks) { Write-Host "Pester: FAILED (setup) $($block.ExpandedPath)" }
        foreach ($container in $result.FailedContainers) { Write-Host "Pester: FAILED (file) $($container.Item)" }
        exit 1
    }
    exit 0
}
finally {
    if ($emulator) { Stop-IbEmulator }
    Remove-Item -Recurse -Force $testHome -ErrorAction SilentlyContinue
}
