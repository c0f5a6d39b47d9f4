# Start-IbEmulator and the control cmdlets, as a runbook author uses them: each case is a fresh
# `pwsh -NonInteractive -File` (one emulator runs per process, and this suite's own runs in this one), with the
# session's AWS settings taken away as on a machine that never had any.
BeforeAll {
    . "$PSScriptRoot/common.ps1"

    # A newcomer's session: no keys, no region, no endpoints; never instance metadata.
    $script:Bare = @{
        AWS_ACCESS_KEY_ID = $null; AWS_SECRET_ACCESS_KEY = $null; AWS_REGION = $null; AWS_DEFAULT_REGION = $null
        AWS_ENDPOINT_URL = $null; AWS_SHARED_CREDENTIALS_FILE = $null; AWS_CONFIG_FILE = $null
        AWS_EC2_METADATA_DISABLED = 'true'; IBPS_EMULATOR_URL = $null
    }

    function Invoke-EmulatorScript([string] $Script, [hashtable] $Extra = @{}) {
        $variables = $script:Bare.Clone()
        foreach ($name in $Extra.Keys) { $variables[$name] = $Extra[$name] }
        $run = Invoke-TestPwsh -Script ("Import-Module '$((Get-TestModulePath).Replace("'", "''"))'`n" + $Script) -Environment $variables
        if ($run.ExitCode -ne 0) { throw "The script failed ($($run.ExitCode)): $($run.StdErr)$($run.StdOut)" }
        $run.StdOut | ConvertFrom-Json
    }

    $script:Journey = Invoke-EmulatorScript -Extra @{ AWS_ENDPOINT_URL_APPSTREAM = 'http://127.0.0.1:7' } -Script @'
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$names = 'AWS_ENDPOINT_URL_IMAGEBUILDER', 'AWS_ENDPOINT_URL_APPSTREAM', 'AWS_ENDPOINT_URL_WORKSPACES', 'AWS_ENDPOINT_URL_CLOUDWATCH_LOGS', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'
function Snapshot { $o = [ordered]@{}; foreach ($n in $names) { $o[$n] = [Environment]::GetEnvironmentVariable($n) }; $o }
$before = Snapshot
$emulator = Start-IbEmulator -Clock Stepped
$during = Snapshot
$document = "name: hello`nschemaVersion: 1.0`nphases:`n  - name: build`n    steps:`n      - name: Hello`n        action: ExecuteBash`n        inputs:`n          commands:`n            - echo hello`n"
$component = New-IbComponent -Name hello -SemanticVersion 1.0.0 -Platform Linux -Data $document
$parent = Get-IbImage -Owner Amazon -Platform Linux | Select-Object -First 1
$infra = New-IbInfrastructureConfiguration -Name hello-infra -InstanceProfileName ImageBuilderInstanceRole
$pipeline = New-IbRecipe -Name hello -SemanticVersion 1.0.0 -ParentImage $parent.Arn -Component $component | New-IbPipeline -Name hello-nightly -InfrastructureConfigurationArn $infra.Arn
$build = $pipeline | Start-IbPipeline
$statusBefore = (Get-IbImage -Arn $build.Arn).State.Status
$clockBefore = (Get-IbEmulator).Now
$build | Set-IbEmulatorClock -Until AVAILABLE
$statusAfter = (Get-IbImage -Arn $build.Arn).State.Status
$clockAfter = (Get-IbEmulator).Now
$cli = & aws imagebuilder list-components --owner Self --query 'componentVersionList[].name' --output text 2>&1
$table = Get-IbEmulator | Format-Table | Out-String -Width 80
$port = ([uri] $emulator.Url).Port
Stop-IbEmulator
$after = Snapshot
$listening = $true
try { $socket = [Net.Sockets.TcpClient]::new('127.0.0.1', $port); $socket.Dispose() } catch { $listening = $false }
[ordered]@{
    Url = $emulator.Url; Clock = $emulator.Clock; InSession = $emulator.InSession; Set = $emulator.EnvironmentVariables
    Before = $before; During = $during; After = $after
    Component = $component.Arn; StatusBefore = $statusBefore; StatusAfter = $statusAfter
    Moved = ($clockAfter - $clockBefore).TotalSeconds; Cli = "$cli"; Table = $table; ListeningAfter = $listening
} | ConvertTo-Json -Depth 4
'@
}

Describe 'Start-IbEmulator and Stop-IbEmulator in a fresh pwsh' {
    It 'starts on a free loopback port and writes where it listens' {
        $Journey.Url | Should -Match '^http://(127\.0\.0\.1|localhost):\d+$'
        $Journey.Clock | Should -Be 'Stepped'
        $Journey.InSession | Should -BeTrue
    }

    It 'points every service the module calls at it, and gives a session without any a region and keys' {
        foreach ($name in 'AWS_ENDPOINT_URL_IMAGEBUILDER', 'AWS_ENDPOINT_URL_APPSTREAM', 'AWS_ENDPOINT_URL_WORKSPACES', 'AWS_ENDPOINT_URL_CLOUDWATCH_LOGS') {
            $Journey.During.$name | Should -Be $Journey.Url
        }
        $Journey.During.AWS_REGION | Should -Be 'us-east-1'
        # The AWS CLI v1 and boto3 read only AWS_DEFAULT_REGION.
        $Journey.During.AWS_DEFAULT_REGION | Should -Be 'us-east-1'
        $Journey.During.AWS_ACCESS_KEY_ID | Should -Not -BeNullOrEmpty
        $Journey.Set | Should -Contain 'AWS_ACCESS_KEY_ID'
    }

    It 'serves the module: a component and a pipeline, and a build followed to AVAILABLE by Set-IbEmulatorClock -Until' {
        $Journey.Component | Should -Match ':component/hello/1\.0\.0/1$'
        $Journey.StatusBefore | Should -Be 'PENDING'
        $Journey.StatusAfter | Should -Be 'AVAILABLE'
        $Journey.Moved | Should -BeGreaterThan 0
    }

    It 'serves the AWS CLI started from the same session' {
        $Journey.Cli | Should -Match '\bhello\b'
    }

    It 'shows itself in a table that reads at 80 columns' {
        $Journey.Table | Should -Match 'Url\s+Clock\s+Now\s+AccountId\s+Region'
        $Journey.Table | Should -Match ([regex]::Escape($Journey.Url))
    }

    It 'Stop-IbEmulator puts back exactly what was there and leaves no listener' {
        foreach ($name in $Journey.Before.PSObject.Properties.Name) {
            $Journey.After.$name | Should -Be $Journey.Before.$name -Because "$name is put back"
        }
        $Journey.After.AWS_ENDPOINT_URL_APPSTREAM | Should -Be 'http://127.0.0.1:7'
        $Journey.ListeningAfter | Should -BeFalse
    }
}

Describe 'Start-IbEmulator options' {
    It 'sets no environment with -SetEnvironment $false, and leaves a session''s own keys and region alone' {
        $run = Invoke-EmulatorScript -Extra @{ AWS_ACCESS_KEY_ID = 'AKIDMINE0000000000000'; AWS_SECRET_ACCESS_KEY = 'mine'; AWS_REGION = 'eu-west-1' } -Script @'
$quiet = Start-IbEmulator -SetEnvironment $false
$quietEnv = "$env:AWS_ENDPOINT_URL_IMAGEBUILDER"
Stop-IbEmulator
$e = Start-IbEmulator
[ordered]@{ QuietSet = @($quiet.EnvironmentVariables); QuietEnv = $quietEnv; Set = @($e.EnvironmentVariables); Region = $e.Region; Key = $env:AWS_ACCESS_KEY_ID } | ConvertTo-Json
Stop-IbEmulator
'@
        $run.QuietSet | Should -BeNullOrEmpty
        $run.QuietEnv | Should -BeNullOrEmpty
        $run.Set | Should -Not -Contain 'AWS_ACCESS_KEY_ID'
        $run.Set | Should -Not -Contain 'AWS_REGION'
        $run.Region | Should -Be 'eu-west-1'
        $run.Key | Should -Be 'AKIDMINE0000000000000'
    }

    It 'keeps resources in a -State file from one start to the next' {
        $state = Join-Path ([IO.Path]::GetTempPath()) "ibps-state-$([guid]::NewGuid().ToString('n')).json"
        try {
            $run = Invoke-EmulatorScript -Script @"
`$ErrorActionPreference = 'Stop'
Start-IbEmulator -State '$state' | Out-Null
New-IbInfrastructureConfiguration -Name kept -InstanceProfileName ImageBuilderInstanceRole | Out-Null
`$saved = Save-IbEmulatorState
Stop-IbEmulator
Start-IbEmulator -State '$state' | Out-Null
`$found = @(Get-IbInfrastructureConfiguration -Name kept).Count
Stop-IbEmulator
[ordered]@{ Saved = `$saved.FullName; Found = `$found } | ConvertTo-Json
"@
            $run.Saved | Should -Be $state
            $run.Found | Should -Be 1
        }
        finally { Remove-Item -LiteralPath $state -ErrorAction Ignore }
    }

    It 'refuses a second emulator in the same process, naming the first' {
        $run = Invoke-EmulatorScript -Script @'
$first = Start-IbEmulator
try { Start-IbEmulator -ErrorAction Stop | Out-Null; $id = 'none' } catch { $id = $_.FullyQualifiedErrorId; $message = "$_" }
Stop-IbEmulator
[ordered]@{ Id = $id; Message = $message; First = $first.Url } | ConvertTo-Json
'@
        $run.Id | Should -BeLike 'EmulatorAlreadyRunning*'
        $run.Message | Should -BeLike "*$($run.First)*Stop-IbEmulator*"
    }
}

Describe 'The control cmdlets' {
    BeforeAll {
        $script:Control = Invoke-EmulatorScript -Script @'
Set-StrictMode -Version Latest
function Id([scriptblock] $Block) { $ErrorActionPreference = 'Stop'; try { & $Block | Out-Null; 'none' } catch { $_.FullyQualifiedErrorId } }
$noEmulator = Id { Set-IbEmulatorClock -Stages 1 }
$e = Start-IbEmulator -Clock Stepped
$spelled = (Add-IbEmulatorFault Throttle -Operation listcomponents -Count 1).Operation
$badOperation = Id { Add-IbEmulatorFault ServerError -Operation CreateWidget }
$badStage = Id { Add-IbEmulatorFailure WorkSpacesImport -Stage TESTING }
$faults = @(Get-IbEmulatorFault)
$listed = @(Get-IbComponent -Owner Amazon).Count
$left = @(Get-IbEmulatorFault | Where-Object { $null -eq $_.Count -or $_.Count -gt 0 }).Count
Add-IbEmulatorFault ServerError -Rate 0.5 -StatusCode 503 | Out-Null
Clear-IbEmulatorFault
$cleared = @(Get-IbEmulatorFault).Count
$past = Id { Set-IbEmulatorClock -To (Get-Date).AddDays(-1) }
$before = (Get-IbEmulator).Now
Set-IbEmulatorClock -By 90
$moved = ((Get-IbEmulator).Now - $before).TotalSeconds
$seeded = @(Add-IbEmulatorImage -Count 25 -Name volume)
$versions = @(Get-IbImage -Name volume | Get-IbImageBuildVersion).Count
$findings = Add-IbEmulatorScanFinding -ImageArn $seeded[0] -Count 40
$document = "name: hello`nschemaVersion: 1.0`nphases:`n  - name: build`n    steps:`n      - name: Hello`n        action: ExecuteBash`n        inputs:`n          commands:`n            - echo hello`n"
$parent = Get-IbImage -Owner Amazon -Platform Linux | Select-Object -First 1
$component = New-IbComponent -Name hello -SemanticVersion 1.0.0 -Platform Linux -Data $document
$infra = New-IbInfrastructureConfiguration -Name hello-infra -InstanceProfileName ImageBuilderInstanceRole
$pipeline = New-IbRecipe -Name hello -SemanticVersion 1.0.0 -ParentImage $parent.Arn -Component $component | New-IbPipeline -Name hello-nightly -InfrastructureConfigurationArn $infra.Arn
Add-IbEmulatorFailure -Stage TESTING -Reason 'the smoke test failed'
$build = $pipeline | Start-IbPipeline
try { $build | Set-IbEmulatorClock -Until AVAILABLE -ErrorAction Stop; $notReached = 'none' } catch { $notReached = $_.FullyQualifiedErrorId; $notReachedMessage = "$_" }
$failedReason = (Get-IbImage -Arn $build.Arn).State.Reason
Reset-IbEmulator
$afterReset = [ordered]@{ Clock = (Get-IbEmulator).Clock; Components = @(Get-IbComponent -Owner Self).Count }
Stop-IbEmulator
[ordered]@{
    NoEmulator = $noEmulator; Spelled = $spelled; BadOperation = $badOperation; BadStage = $badStage; Faults = $faults; Listed = $listed; Left = $left; Cleared = $cleared; Past = $past; Moved = $moved
    Seeded = $seeded.Count; Versions = $versions; Findings = $findings; NotReached = $notReached; NotReachedMessage = $notReachedMessage
    FailedReason = $failedReason; AfterReset = $afterReset
} | ConvertTo-Json -Depth 4
'@
    }

    It 'say what to do when no emulator is meant' {
        $Control.NoEmulator | Should -BeLike 'NoEmulator*'
    }

    It 'arrange faults, which the module rides out, list them and clear them' {
        $Control.Faults.Count | Should -Be 1
        $Control.Faults[0].Kind | Should -Be 'Throttle'
        $Control.Faults[0].Operation | Should -Be 'ListComponents'
        $Control.Listed | Should -BeGreaterThan 0
        $Control.Left | Should -Be 0
        $Control.Cleared | Should -Be 0
    }

    It 'refuse a fault no call would meet and a failure no work would reach, and spell operations as the service does' {
        $Control.Spelled | Should -Be 'ListComponents'
        $Control.BadOperation | Should -BeLike 'ParameterValueInvalid*'
        $Control.BadStage | Should -BeLike 'ParameterValueInvalid*'
    }

    It 'move the clock forward only' {
        $Control.Past | Should -BeLike 'ClockCannotGoBack*'
        $Control.Moved | Should -Be 90
    }

    It 'seed images and findings for volume tests' {
        $Control.Seeded | Should -Be 25
        $Control.Versions | Should -Be 25
        $Control.Findings | Should -Be 40
    }

    It 'arrange a failed build, and Set-IbEmulatorClock -Until says it ended otherwise' {
        $Control.NotReached | Should -BeLike 'StatusNotReached*'
        $Control.NotReachedMessage | Should -Match 'ended FAILED'
        $Control.FailedReason | Should -Match 'the smoke test failed'
    }

    It 'reset to an empty emulator, keeping a stepped clock stepped' {
        $Control.AfterReset.Clock | Should -Be 'Stepped'
        $Control.AfterReset.Components | Should -Be 0
    }
}
