<#
.SYNOPSIS
    The fault runs of tools/Measure-Faults.ps1, inside the sandboxed pwsh it starts: prints markdown.
.DESCRIPTION
    Starts the module's own emulator in this process (Start-IbEmulator, stepped clock) and arranges every fault with
    Add-IbEmulatorFault, as a user testing a runbook would. What is counted comes from the emulator after the faults
    are cleared (which resources exist, and how many builds each create made), never from what the cmdlets said.
    Ctrl+C is a real SIGINT to a child `pwsh -NonInteractive -File`, the way SSM Run Command or a terminal stops one.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [int] $Creates = 20,
    # Comma-separated: a -File command line gives a list as one string.
    [string] $Rates = '0.3,0.6',
    [string] $Kinds = 'Throttle,ServerError,DropConnection,DropAfterApply',
    [int] $TimeoutSeconds = 10,
    [int] $Images = 500,
    # Print a line to standard error as each run starts.
    [switch] $ShowProgress
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$ProgressPreference = 'SilentlyContinue'
$rateList = @($Rates.Split(',') | ForEach-Object { [double]::Parse($_, [cultureinfo]::InvariantCulture) })
$kindList = @($Kinds.Split(','))
Import-Module $ModulePath

$emulator = Start-IbEmulator -Clock Stepped
$PSDefaultParameterValues['*-Ib*:EndpointUrl'] = $emulator.Url
$attempts = [int] $env:AWS_MAX_ATTEMPTS
$document = "name: faults`nschemaVersion: 1.0`nphases:`n  - name: build`n    steps:`n      - name: Hello`n        action: ExecuteBash`n        inputs:`n          commands:`n            - echo hello`n"
$pwsh = [Environment]::ProcessPath
$pwshArguments = @(if ([IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })

function Format-Seconds([double] $Seconds) { $Seconds.ToString('0.00', [cultureinfo]::InvariantCulture) + ' s' }

function Get-Excerpt([string] $Text, [int] $Length = 150) {
    $line = ($Text -replace '\s+', ' ').Trim()
    if ($line.Length -le $Length) { $line } else { $line.Substring(0, $Length - 1) + '…' }
}

function New-Fixtures {
    # What every image create needs: a recipe on an Amazon parent and an infrastructure configuration.
    Reset-IbEmulator
    Set-IbEmulatorClock -Mode Stepped
    $component = New-IbComponent -Name fault-base -SemanticVersion 1.0.0 -Platform Linux -Data $document
    $parent = Get-IbImage -Owner Amazon -Platform Linux | Select-Object -First 1
    $recipe = New-IbRecipe -Name fault-recipe -SemanticVersion 1.0.0 -ParentImage $parent.Arn -Component $component
    $infra = New-IbInfrastructureConfiguration -Name fault-infra -InstanceProfileName ImageBuilderInstanceRole
    [pscustomobject]@{ RecipeArn = $recipe.Arn; InfrastructureArn = $infra.Arn }
}

function Measure-Creates([string] $Kind, [double] $Rate, $Fixtures) {
    # Creates alternate between components (CreateComponent, GetComponent) and image builds (CreateImage, GetImage),
    # each with every call faulted at Rate; each create is tagged with its number, so that builds can be counted per
    # create: an image create carried out twice would be two builds with one tag.
    $status = @{ ServerError = 503 }
    $fault = @{ Kind = $Kind; Operation = '*'; Rate = $Rate }
    if ($status.ContainsKey($Kind)) { $fault.StatusCode = $status[$Kind] }
    $null = Add-IbEmulatorFault @fault
    $results = for ($i = 1; $i -le $Creates; $i++) {
        $failed = $null
        $watch = [Diagnostics.Stopwatch]::StartNew()
        if ($i % 2) {
            $written = New-IbComponent -Name "fault-$Kind-$Rate-$i".Replace('.', '') -SemanticVersion 1.0.0 -Platform Linux -Data $document -Tag @{ create = "$i" } -ErrorAction SilentlyContinue -ErrorVariable failed -WarningAction SilentlyContinue
        }
        else {
            $written = New-IbImage -RecipeArn $Fixtures.RecipeArn -InfrastructureConfigurationArn $Fixtures.InfrastructureArn -Tag @{ create = "$Kind-$Rate-$i" } -ErrorAction SilentlyContinue -ErrorVariable failed -WarningAction SilentlyContinue
        }
        [pscustomobject]@{
            Number = $i; Written = $null -ne $written; Failed = @($failed).Count -gt 0; Seconds = $watch.Elapsed.TotalSeconds
            ErrorIds = @($failed | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] })
            # When every answer to the create itself is lost, the module cannot know it was carried out; what it must
            # then say is that it may have been, and that the same -ClientToken makes a re-run safe.
            ToldMayBeApplied = @($failed | Where-Object { "$_" -match 'may have been applied\. Running the command again with -ClientToken \S+ is safe' }).Count -gt 0
        }
    }
    Clear-IbEmulatorFault

    # What the service holds, read without faults.
    $components = @{}
    foreach ($c in @(Get-IbComponent -Owner Self)) { $components[$c.Name] = @($c | Get-IbComponentBuildVersion).Count }
    $builds = @{}
    foreach ($b in @(Get-IbImageBuildVersion -Arn ($Fixtures.RecipeArn -replace ':image-recipe/', ':image/'))) {
        $tag = if ($b.Tags) { $b.Tags['create'] } else { $null }
        if ($tag) { $builds[$tag] = 1 + $(if ($builds.ContainsKey($tag)) { $builds[$tag] } else { 0 }) }
    }
    foreach ($r in $results) {
        $made = if ($r.Number % 2) { $components["fault-$Kind-$Rate-$($r.Number)".Replace('.', '')] } else { $builds["$Kind-$Rate-$($r.Number)"] }
        $r | Add-Member -NotePropertyName Made -NotePropertyValue ([int] $made)
    }
    $limit = 2 * $TimeoutSeconds + 5
    [pscustomobject]@{
        Kind = $Kind; Rate = $Rate; Creates = $results.Count
        Written = @($results | Where-Object Written).Count
        Created = @($results | Where-Object Made -GE 1).Count
        ReportedFailed = @($results | Where-Object { $_.Made -ge 1 -and -not $_.Written }).Count
        ToldMayBeApplied = @($results | Where-Object { $_.Made -ge 1 -and -not $_.Written -and $_.ToldMayBeApplied }).Count
        FailedNotCreated = @($results | Where-Object { $_.Made -eq 0 -and $_.Failed }).Count
        Duplicated = @($results | Where-Object Made -GT 1).Count
        Hung = @($results | Where-Object Seconds -GT $limit).Count
        Longest = ($results | Measure-Object Seconds -Maximum).Maximum
        ErrorIds = @($results | Where-Object Made -EQ 0 | ForEach-Object ErrorIds | Select-Object -Unique) -join ', '
    }
}

function Invoke-Stopped {
    # A child pwsh runs Script, which creates the file $marker just before the call to stop; once it exists and Ready
    # says so, the child gets a SIGINT (Ctrl+C) a second later. Gives the seconds from the signal to its exit, and
    # what it printed.
    param([string] $Script, [scriptblock] $Ready = { $true }, [int] $WithinSeconds = 60)
    $name = 'ibps-fault-' + [guid]::NewGuid().ToString('n')
    $file = Join-Path ([IO.Path]::GetTempPath()) "$name.ps1"
    $marker = Join-Path ([IO.Path]::GetTempPath()) "$name.calling"
    Set-Content -LiteralPath $file -Value $Script.Replace('$marker', "'$marker'") -Encoding utf8
    $start = [Diagnostics.ProcessStartInfo]::new($pwsh)
    foreach ($a in $pwshArguments + @('-NoProfile', '-NonInteractive', '-File', $file)) { $start.ArgumentList.Add($a) }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.RedirectStandardInput = $true
    $child = [Diagnostics.Process]::Start($start)
    try {
        $out = $child.StandardOutput.ReadToEndAsync()
        $err = $child.StandardError.ReadToEndAsync()
        $deadline = [datetime]::UtcNow.AddSeconds($WithinSeconds)
        while (-not ((Test-Path -LiteralPath $marker) -and (& $Ready))) {
            if ($child.HasExited -or [datetime]::UtcNow -gt $deadline) {
                $null = $child.WaitForExit(5000)
                throw "The child ended or never got to the call to stop:`n$($err.Result)`n$($out.Result)"
            }
            Start-Sleep -Milliseconds 50
        }
        Start-Sleep -Seconds 1
        if ($child.HasExited) { throw "The child ended before Ctrl+C:`n$($err.Result)`n$($out.Result)" }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        & kill -INT $child.Id
        if (-not $child.WaitForExit(120000)) { throw 'The child did not end within 120 s of Ctrl+C.' }
        $seconds = $watch.Elapsed.TotalSeconds
        $child.WaitForExit()
        [pscustomobject]@{ Seconds = $seconds; StdOut = $out.Result; StdErr = $err.Result; ExitCode = $child.ExitCode }
    }
    finally {
        if (-not $child.HasExited) { $child.Kill($true) }
        $child.Dispose()
        Remove-Item -LiteralPath $file, $marker -ErrorAction Ignore
    }
}

try {
    $rows = [Collections.Generic.List[object]]::new()
    $fixtures = New-Fixtures
    foreach ($kind in $kindList) {
        foreach ($rate in $rateList) {
            if ($ShowProgress) { [Console]::Error.WriteLine("creates under $([int] ($rate * 100))% $kind ...") }
            $rows.Add((Measure-Creates -Kind $kind -Rate $rate -Fixtures $fixtures))
        }
    }

    # A pipeline of three reads: one answer dropped (ridden out), and every answer dropped (each input is still tried,
    # each failing on its own: non-terminating errors, not one that ends the pipeline).
    $null = New-Fixtures
    $configurations = foreach ($n in 'first', 'second', 'third') { New-IbInfrastructureConfiguration -Name "pipe-$n" -InstanceProfileName ImageBuilderInstanceRole }
    $pipelines = foreach ($every in $false, $true) {
        $rule = @{ Operation = 'GetInfrastructureConfiguration' }
        if (-not $every) { $rule.Count = 1 }
        $null = Add-IbEmulatorFault DropConnection @rule
        $failed = $null
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $read = @($configurations | Get-IbInfrastructureConfiguration -ErrorAction SilentlyContinue -ErrorVariable failed)
        Clear-IbEmulatorFault
        [pscustomobject]@{
            Every = $every; Read = $read.Count; Errors = @($failed).Count; Seconds = $watch.Elapsed.TotalSeconds
            ErrorId = @($failed | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] } | Select-Object -Unique) -join ', '
            Message = if ($failed) { Get-Excerpt "$($failed[0])" 220 } else { '' }
        }
    }

    # A silent server: GetImage answered after 10 minutes; the call's limit ends it.
    $arn = @(Add-IbEmulatorImage 1 -Name silent)[0]
    $null = Add-IbEmulatorFault Slow -Operation GetImage -Delay (New-TimeSpan -Minutes 10)
    $failed = $null
    $global:IbTimeoutSeconds = $TimeoutSeconds
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $null = Get-IbImage -Arn $arn -ErrorAction SilentlyContinue -ErrorVariable failed
    $silent = [pscustomobject]@{ Seconds = $watch.Elapsed.TotalSeconds; ErrorId = @($failed)[0].FullyQualifiedErrorId.Split(',')[0]; Message = Get-Excerpt "$(@($failed)[0])" 200 }
    Remove-Variable IbTimeoutSeconds -Scope Global

    # Ctrl+C in the same call, in a child pwsh (the default limit would hold it 60 s).
    $silentStop = Invoke-Stopped -Script @"
Import-Module '$ModulePath'
`$null = New-Item -ItemType File -Path `$marker
Get-IbImage -Arn '$arn' -EndpointUrl '$($emulator.Url)'
'not stopped'
"@
    Clear-IbEmulatorFault

    # Credentials from a role whose STS takes the connection and never answers: a listener that never accepts.
    $sts = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
    $sts.Start()
    $stsUrl = "http://127.0.0.1:$($sts.LocalEndpoint.Port)"
    $config = Join-Path ([IO.Path]::GetTempPath()) ('ibps-fault-config-' + [guid]::NewGuid().ToString('n'))
    Set-Content -LiteralPath $config -Value "[profile base]`naws_access_key_id = AKIDFAULTRUNS`naws_secret_access_key = fault-runs-secret`n[profile role]`nrole_arn = arn:aws:iam::123456789012:role/builder`nsource_profile = base`nregion = us-east-1`n"
    try {
        $env:AWS_ENDPOINT_URL_STS = $stsUrl
        $failed = $null
        $global:IbTimeoutSeconds = [Math]::Min($TimeoutSeconds, 5)
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $null = Get-IbImage -Arn $arn -ProfileName role -ProfileLocation $config -ErrorAction SilentlyContinue -ErrorVariable failed
        $stsLimit = [pscustomobject]@{ Limit = $global:IbTimeoutSeconds; Seconds = $watch.Elapsed.TotalSeconds; ErrorId = @($failed)[0].FullyQualifiedErrorId.Split(',')[0]; Message = Get-Excerpt "$(@($failed)[0])" 200 }
        Remove-Variable IbTimeoutSeconds -Scope Global
        $stsStop = Invoke-Stopped -Ready { $sts.Pending() } -Script @"
`$env:AWS_CONFIG_FILE = '$config'
Import-Module '$ModulePath'
`$null = New-Item -ItemType File -Path `$marker
Get-IbImage -Arn '$arn' -EndpointUrl '$($emulator.Url)' -ProfileName role
'not stopped'
"@
    }
    finally {
        $env:AWS_ENDPOINT_URL_STS = $null
        $sts.Stop()
        Remove-Item -LiteralPath $config -ErrorAction Ignore
    }

    # A listing that fails part-way: the sixth page is throttled on every attempt.
    $null = Add-IbEmulatorImage $Images -Name partial
    # (-Skip is the control API's: Add-IbEmulatorFault has no parameter for it.)
    $rule = @{ kind = 'Throttle'; operation = 'ListImages'; count = $attempts; skip = 5 } | ConvertTo-Json -Compress
    $null = Invoke-RestMethod -Method Post -Uri "$($emulator.Url.TrimEnd('/'))/_emulator/faults" -Body $rule -ContentType 'application/json' -NoProxy
    $failed = $null
    $all = @(Get-IbImage -Owner Self -ErrorAction SilentlyContinue -ErrorVariable failed)
    Clear-IbEmulatorFault
    $total = @(Get-IbImage -Owner Self).Count
    $partial = [pscustomobject]@{ Written = $all.Count; Total = $total; ErrorId = @($failed)[0].FullyQualifiedErrorId.Split(',')[0]; Message = Get-Excerpt "$(@($failed)[0])" 200 }

    # The report.
    $cell = { param($v) "$v".Replace('|', '\|') }
    ''
    "## Creates under faults ($Creates creates a run, half components and half image builds; every call faulted at the rate; up to $attempts attempts a call; $($TimeoutSeconds) s limit a call)"
    ''
    '| fault | rate | written | created | created but reported failed | of those, told it may have been applied and to re-run with its -ClientToken | failed, not created | duplicated | hung | longest create | errors of those not created |'
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|'
    foreach ($r in $rows) {
        "| $($r.Kind) | $([int] ($r.Rate * 100))% | $($r.Written)/$($r.Creates) | $($r.Created)/$($r.Creates) | $($r.ReportedFailed) | $($r.ToldMayBeApplied) | $($r.FailedNotCreated) | $($r.Duplicated) | $($r.Hung) | $(Format-Seconds $r.Longest) | $($r.ErrorIds) |"
    }
    ''
    '## Three infrastructure configurations piped into Get-IbInfrastructureConfiguration, with dropped answers (DropConnection)'
    ''
    '| answers dropped | objects written | errors | seconds | error id | the first error |'
    '|---|---:|---:|---:|---|---|'
    foreach ($p in $pipelines) {
        $what = if ($p.Every) { 'every answer, every attempt' } else { 'the first answer' }
        "| $what | $($p.Read) of 3 | $($p.Errors) | $(Format-Seconds $p.Seconds) | $($p.ErrorId) | $(& $cell $p.Message) |"
    }
    ''
    '## Silence and Ctrl+C'
    ''
    '| case | seconds | what the user gets |'
    '|---|---:|---|'
    "| a silent server, `$IbTimeoutSeconds = $TimeoutSeconds | $(Format-Seconds $silent.Seconds) | $($silent.ErrorId): $(& $cell $silent.Message) |"
    "| a silent server, Ctrl+C (SIGINT to pwsh -NonInteractive -File) | $(Format-Seconds $silentStop.Seconds) to exit | exit code $($silentStop.ExitCode)$(if ($silentStop.StdOut -match 'not stopped') { ', but the script went on' }) |"
    "| AssumeRole to a silent STS, `$IbTimeoutSeconds = $($stsLimit.Limit) | $(Format-Seconds $stsLimit.Seconds) | $($stsLimit.ErrorId): $(& $cell $stsLimit.Message) |"
    "| AssumeRole to a silent STS, Ctrl+C (SIGINT) | $(Format-Seconds $stsStop.Seconds) to exit | exit code $($stsStop.ExitCode)$(if ($stsStop.StdOut -match 'not stopped') { ', but the script went on' }) |"
    ''
    "## A listing that fails part-way (Get-IbImage -Owner Self over $total images, the sixth page throttled on every attempt)"
    ''
    "$($partial.Written) of $($partial.Total) written, then $($partial.ErrorId): $($partial.Message)"
}
finally {
    Clear-IbEmulatorFault -ErrorAction Ignore
    Stop-IbEmulator
}
