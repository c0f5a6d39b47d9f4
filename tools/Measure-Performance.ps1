<#
.SYNOPSIS
    Measures ImageBuilder.PS where users feel it, side by side with boto3 and a raw HTTP client, against one emulator.
.DESCRIPTION
    One run, one emulator process (src/ImageBuilder.PS.Emulator, on a free loopback port, stepped clock), and every
    row of issue 13's table, each measured in real pwsh processes started the way a runbook starts them:

      warm Get-IbImage -Arn       median per call in one session, interleaved chunk by chunk with boto3's get_image
                                  and a raw keep-alive HTTP GET (python http.client) in their own sessions: once as a
                                  session's first thousands of calls run, once after the JIT has settled
      scan findings streamed      Get-IbImageScanFinding | Measure-Object against boto3's paginator (and the same
                                  pages with http.client and json.loads, the floor)
      a new process               pwsh -NoProfile -c "Import-Module ...; Get-IbImage -Arn ..." beyond pwsh -c exit,
                                  against a whole python3 -c "import boto3; ...get_image(...)"
      peak memory                 VmHWM of the streaming process beyond a bare pwsh's, and of the boto3 one
      Get-Help                    the first Get-Help Get-IbImage -Full | Out-String in a fresh session

    and then where the time and the memory go (tools/Performance/Profiling.ps1). Every child runs with HOME in a
    temporary folder (tools/PwshSandbox.ps1), no inherited AWS_* variable, fake credentials, AWS_REGION=us-east-1,
    AWS_EC2_METADATA_DISABLED=true and AWS_ENDPOINT_URL at the emulator: nothing reaches AWS or the real home.
    The machine's load is printed with the results; on a shared machine, read the ratios.

    Needs the built module and emulator (Release builds measure what users get), the local pwsh tool, and python3
    with boto3:
        dotnet tool restore
        dotnet build src/ImageBuilder.PS -c Release; dotnet build src/ImageBuilder.PS.Emulator -c Release
        dotnet pwsh tools/Measure-Performance.ps1 [-Quick]
.PARAMETER Quick
    A smaller run (10,000 findings, fewer repetitions) of about a third of the time.
.PARAMETER Findings
    How many scan findings to stream (default 100,000; 10,000 with -Quick).
.PARAMETER SkipBreakdown
    Only the table.
#>
[CmdletBinding()]
param(
    [switch] $Quick,
    [ValidateRange(100, 1000000)]
    [int] $Findings = $(if ($Quick) { 10000 } else { 100000 }),
    [string] $ModulePath = (Join-Path $PSScriptRoot '../output/ImageBuilder.PS'),
    # Default: the newer of src/ImageBuilder.PS.Emulator/bin/{Release,Debug}/net8.0/ImageBuilder.PS.Emulator.dll.
    [string] $EmulatorPath,
    [string] $Python = 'python3',
    [switch] $SkipBreakdown
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3
. (Join-Path $PSScriptRoot 'PwshSandbox.ps1')
. (Join-Path $PSScriptRoot 'Performance/Children.ps1')
. (Join-Path $PSScriptRoot 'Performance/Report.ps1')
. (Join-Path $PSScriptRoot 'Performance/BreakdownReport.ps1')
. (Join-Path $PSScriptRoot 'Performance/Profiling.ps1')

# How many of each: medians need repetitions, and a full run should stay within about five minutes.
$plan = if ($Quick) {
    @{ Chunks = 5; ChunkSize = 100; Streams = 1; BotoStreams = 1; Processes = 3; MemoryBaselines = 1; Helps = 1; HelpVariants = 1; ColdBreakdowns = 1; Rounds = 3; RoundCalls = 100 }
}
else {
    @{ Chunks = 10; ChunkSize = 200; Streams = 2; BotoStreams = 1; Processes = 5; MemoryBaselines = 3; Helps = 3; HelpVariants = 2; ColdBreakdowns = 3; Rounds = 5; RoundCalls = 200 }
}
$warmup = 200

if (-not (Test-Path (Join-Path $ModulePath 'ImageBuilder.PS.psd1'))) {
    throw "No module at $ModulePath. Build it first: dotnet build src/ImageBuilder.PS -c Release"
}
$ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
if (-not $EmulatorPath) {
    $EmulatorPath = Get-ChildItem -Path (Join-Path $PSScriptRoot '../src/ImageBuilder.PS.Emulator/bin/*/net8.0/ImageBuilder.PS.Emulator.dll') -ErrorAction Ignore |
        Sort-Object LastWriteTime -Descending | Select-Object -First 1 -ExpandProperty FullName
    if (-not $EmulatorPath) { throw 'No emulator build. Build it first: dotnet build src/ImageBuilder.PS.Emulator -c Release' }
}
$started = [datetime]::Now
$loadBefore = Get-MachineLoad

$sandbox = New-PwshSandbox
$environment = Get-SandboxEnvironment -Sandbox $sandbox
$environment += @{
    AWS_ACCESS_KEY_ID           = 'AKIDBENCHMARK'
    AWS_SECRET_ACCESS_KEY       = 'benchmark-secret'
    AWS_REGION                  = 'us-east-1'
    AWS_DEFAULT_REGION          = 'us-east-1'
    AWS_EC2_METADATA_DISABLED   = 'true'
    NO_COLOR                    = '1'
    DOTNET_CLI_TELEMETRY_OPTOUT = '1'
}
$emulator = $null
try {
    # python3 may be a shim (pyenv): the interpreter itself is started, so that a new boto3 process costs only itself.
    $pythonInfo = (Invoke-Child -FilePath $Python -ArgumentList @('-c', 'import sys, boto3; print(sys.executable); print(sys.version.split()[0]); print(boto3.__version__)') -Environment $environment).StdOut -split "`n"

    $emulator = Start-Emulator -Path $EmulatorPath -Environment $environment -WorkingDirectory $sandbox
    $environment['AWS_ENDPOINT_URL'] = $emulator.Url
    $seed = { param($path, $body) Invoke-RestMethod -Method Post -Uri "$($emulator.Url)/_emulator/seed/$path" -NoProxy -ContentType 'application/json' -Body ($body | ConvertTo-Json -Compress) }
    $callArn = (& $seed 'images' @{ count = 1; name = 'bench-call' }).imageBuildVersionArns[0]
    $findingsArn = (& $seed 'images' @{ count = 1; name = 'bench-findings' }).imageBuildVersionArns[0]
    $null = & $seed 'findings' @{ imageBuildVersionArn = $findingsArn; count = $Findings }

    $run = @{
        Plan = $plan; Environment = $environment; Sandbox = $sandbox; Scripts = (Join-Path $PSScriptRoot 'Performance')
        Pwsh = Get-PwshCommandLine; Python = $pythonInfo[0].Trim(); Url = $emulator.Url; ModulePath = $ModulePath
        CallArn = $callArn; FindingsArn = $findingsArn; Findings = $Findings
    }
    $pwshArguments = @($run.Pwsh | Select-Object -Skip 1)

    # 1. Warm calls: three sessions side by side, a chunk from each in turn, so that the machine's noise falls on all.
    Write-Progress -Activity 'Measure-Performance' -Status 'warm calls'
    $chunkArguments = @{ Environment = $environment; WorkingDirectory = $sandbox }
    $peers = Join-Path $run.Scripts 'peers.py'
    $sessions = [ordered]@{
        module = Start-ChunkSession -FilePath $run.Pwsh[0] -ArgumentList ($pwshArguments + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $run.Scripts 'WarmCalls.ps1'), '-ModulePath', $ModulePath, '-Arn', $callArn, '-Warmup', $warmup)) @chunkArguments
        boto3  = Start-ChunkSession -FilePath $run.Python -ArgumentList @($peers, 'warm-boto3', '--endpoint', $run.Url, '--arn', $callArn, '--warmup', $warmup) @chunkArguments
        raw    = Start-ChunkSession -FilePath $run.Python -ArgumentList @($peers, 'warm-raw', '--endpoint', $run.Url, '--arn', $callArn, '--warmup', $warmup) @chunkArguments
    }
    try {
        foreach ($session in $sessions.Values) {
            if (($line = Receive-ChildLine $session) -ne 'ready') { throw "$($session.What) said '$line' instead of ready." }
        }
        $early = Measure-ChunkSessions -Sessions $sessions -Chunks $plan.Chunks -ChunkSize $plan.ChunkSize
        $settledAfter = [int] (Send-ChunkCommand -Session $sessions.module -Line 'settle')
        $late = Measure-ChunkSessions -Sessions $sessions -Chunks $plan.Chunks -ChunkSize $plan.ChunkSize
    }
    finally {
        foreach ($session in $sessions.Values) { Stop-ChunkSession -Session $session }
    }

    # 2. Scan findings streamed, and the memory that takes.
    Write-Progress -Activity 'Measure-Performance' -Status "$Findings findings streamed"
    $streams = @{ module = @(); boto3 = @(); raw = @() }
    for ($i = 0; $i -lt [Math]::Max($plan.Streams, $plan.BotoStreams); $i++) {
        if ($i -lt $plan.Streams) {
            $streams.module += Invoke-PwshScript -Run $run -Script 'Stream.ps1' -ArgumentList @('-ModulePath', $ModulePath, '-Arn', $findingsArn)
            $streams.raw += Invoke-Peer -Run $run -Mode 'stream-raw' -Arn $findingsArn
        }
        if ($i -lt $plan.BotoStreams) { $streams.boto3 += Invoke-Peer -Run $run -Mode 'stream-boto3' -Arn $findingsArn }
    }
    foreach ($listing in $streams.module + $streams.boto3 + $streams.raw) {
        if ($listing.count -ne $Findings) { throw "A listing gave $($listing.count) findings of $Findings." }
    }

    # 3. A new process, each kind in turn; the first round only warms the disk cache and pwsh's startup cache.
    Write-Progress -Activity 'Measure-Performance' -Status 'new processes'
    $firstCall = "Import-Module '$($ModulePath.Replace("'", "''"))'; `$null = Get-IbImage -Arn '$callArn'"
    $botoOnce = "import boto3; boto3.client('imagebuilder', endpoint_url='$($run.Url)', region_name='us-east-1').get_image(imageBuildVersionArn='$callArn')"
    $processes = @{ bare = @(); module = @(); boto3 = @() }
    for ($i = 0; $i -le $plan.Processes; $i++) {
        $bare = (Invoke-Child -FilePath $run.Pwsh[0] -ArgumentList ($pwshArguments + @('-NoProfile', '-c', 'exit')) -Environment $environment -WorkingDirectory $sandbox).Ms
        $module = (Invoke-Child -FilePath $run.Pwsh[0] -ArgumentList ($pwshArguments + @('-NoProfile', '-c', $firstCall)) -Environment $environment -WorkingDirectory $sandbox).Ms
        $boto = (Invoke-Child -FilePath $run.Python -ArgumentList @('-c', $botoOnce) -Environment $environment -WorkingDirectory $sandbox).Ms
        if ($i -gt 0) { $processes.bare += $bare; $processes.module += $module; $processes.boto3 += $boto }
    }
    $bareMemory = @(for ($i = 0; $i -lt $plan.MemoryBaselines; $i++) {
        $status = (Invoke-Child -FilePath $run.Pwsh[0] -ArgumentList ($pwshArguments + @('-NoProfile', '-c', "[IO.File]::ReadAllText('/proc/self/status')")) -Environment $environment -WorkingDirectory $sandbox).StdOut
        [double] [regex]::Match($status, 'VmHWM:\s+(\d+)').Groups[1].Value
    })

    # 4. Get-Help, the first call in a fresh session.
    Write-Progress -Activity 'Measure-Performance' -Status 'Get-Help'
    $helps = @(for ($i = 0; $i -lt $plan.Helps; $i++) { Invoke-PwshScript -Run $run -Script 'Help.ps1' -ArgumentList @('-ModulePath', $ModulePath) })

    $breakdown = if (-not $SkipBreakdown) { Measure-Breakdown -Run $run -Helps $helps }
    Write-Progress -Activity 'Measure-Performance' -Completed

    $results = [ordered]@{
        warmEarly = $early; warmLate = $late; settledAfter = $settledAfter; warmup = $warmup; streams = $streams
        processes = $processes; bareMemoryKiB = $bareMemory; helps = $helps; breakdown = $breakdown
    }
    $context = [ordered]@{
        started    = $started
        seconds    = ([datetime]::Now - $started).TotalSeconds
        loadBefore = $loadBefore
        loadAfter  = Get-MachineLoad
        cpus       = [Environment]::ProcessorCount
        pwsh       = "$($PSVersionTable.PSVersion) ($($run.Pwsh -join ' '))"
        python     = "$($pythonInfo[1].Trim()) ($($run.Python))"
        boto3      = $pythonInfo[2].Trim()
        module     = "$ModulePath ($(Get-BuildConfiguration (Join-Path $ModulePath 'ImageBuilder.PS.dll')))"
        emulator   = "$EmulatorPath ($(Get-BuildConfiguration $EmulatorPath))"
        findings   = $Findings
        quick      = [bool] $Quick
    }
    Write-Report -Results $results -Context $context -Plan $plan
}
finally {
    Stop-AllChildren
    Remove-Item -LiteralPath $sandbox -Recurse -Force -ErrorAction Ignore
}
