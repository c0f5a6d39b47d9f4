# What a runbook sees when AWS or the network misbehaves, arranged with Add-IbEmulatorFault in real pwsh: calls
# that are retried and succeed, a create whose answer is lost (retried with the same client token, never twice),
# a read-back that fails after the work was done (a warning, never an error), a call that gives up in time, and a
# pipeline that goes on past the one input whose call failed.
BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $document = "name: hello`nschemaVersion: 1.0`nphases:`n  - name: build`n    steps:`n      - name: Hello`n        action: ExecuteBash`n        inputs:`n          commands:`n            - echo hello`n"
    function Get-CallCount([string] $Operation) {
        # How many times the emulator carried the operation out since its reset (faulted attempts are not counted).
        $property = (Invoke-EmulatorControl -Path '/_emulator/state').calls.PSObject.Properties["imagebuilder:$Operation"]
        if ($property) { [int] $property.Value } else { 0 }
    }
}

Describe 'Under faults' {
    BeforeEach {
        Reset-TestEmulator
    }
    AfterEach {
        Clear-IbEmulatorFault
    }

    It 'rides out throttling and server errors: the create succeeds, once' {
        Add-IbEmulatorFault Throttle -Operation CreateComponent -Count 1
        Add-IbEmulatorFault ServerError -Operation CreateComponent -Count 1 -StatusCode 503

        $component = New-IbComponent -Name riding -SemanticVersion 1.0.0 -Platform Linux -Data $document

        $component.Arn | Should -Match ':component/riding/1\.0\.0/1$'
        @(Get-IbComponent -Name riding | Get-IbComponentBuildVersion).Count | Should -Be 1
        Get-CallCount CreateComponent | Should -Be 1
        Get-IbEmulatorFault | Should -BeNullOrEmpty
    }

    It 'says in -Verbose which operation is retried, which attempt, why and after how long' {
        Add-IbEmulatorFault Throttle -Operation ListComponents -Count 1
        Add-IbEmulatorFault ServerError -Operation ListComponents -Count 1 -StatusCode 503

        $verbose = Get-IbComponent -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message

        $retries = @($verbose -match '^ListComponents: attempt')
        $retries.Count | Should -Be 2
        $retries[0] | Should -Match '^ListComponents: attempt 2 of at most \d+, [0-9.]+ s after attempt 1 failed: CallRateLimitExceededException \(429\): Rate exceeded'
        $retries[1] | Should -Match '^ListComponents: attempt 3 of at most \d+, [0-9.]+ s after attempt 2 failed: .*\(503\)'
    }

    It 'says in -Verbose that an answer broke off, once for each dropped connection' {
        Add-IbEmulatorFault DropConnection -Operation ListComponents -Count 2

        $verbose = Get-IbComponent -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message

        $retries = @($verbose -match '^ListComponents: attempt')
        $retries.Count | Should -Be 2
        $retries[0] | Should -Match '^ListComponents: attempt 2 of at most 3, [0-9.]+ s after attempt 1 failed: the answer \(HTTP 500\) broke off: The response ended prematurely'
        $retries[1] | Should -Match '^ListComponents: attempt 3 of at most 3, [0-9.]+ s after attempt 2 failed: the answer \(HTTP 500\) broke off'
    }

    It 'gives up on dropped connections after AWS_MAX_ATTEMPTS attempts, naming the client token' {
        # One drop more than a call's attempts: the call uses up exactly its attempts, and the re-run meets the last drop.
        $attempts = [int] $env:AWS_MAX_ATTEMPTS
        Add-IbEmulatorFault DropConnection -Operation CreateInfrastructureConfiguration -Count ($attempts + 1)
        $err = $null

        $infra = New-IbInfrastructureConfiguration -Name dropped -InstanceProfileName ImageBuilderInstanceRole -ClientToken dropped-token-1 -ErrorVariable err -ErrorAction SilentlyContinue

        $infra | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ConnectionFailed,*'
        "$err" | Should -Match '^CreateInfrastructureConfiguration got no answer from .+ The response ended prematurely.+ The request may have been applied\. Running the command again with -ClientToken dropped-token-1 is safe'
        @(Get-IbEmulatorFault).Count | Should -Be 1   # the last drop is still to come
        (Get-IbEmulatorFault).Count | Should -Be 1 -Because 'a rule lists the calls it has left, not the count it was given'

        $verbose = New-IbInfrastructureConfiguration -Name dropped -InstanceProfileName ImageBuilderInstanceRole -ClientToken dropped-token-1 -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message

        @($verbose -match '^CreateInfrastructureConfiguration: attempt').Count | Should -Be 1
        Get-IbEmulatorFault | Should -BeNullOrEmpty
        Get-CallCount CreateInfrastructureConfiguration | Should -Be 1
        @(Get-IbInfrastructureConfiguration -Name dropped).Count | Should -Be 1
    }

    It 'creates once when the answer to a create is lost after the service made it' {
        Add-IbEmulatorFault DropAfterApply -Operation CreateInfrastructureConfiguration -Count 1
        $err = $null

        $infra = New-IbInfrastructureConfiguration -Name lost-answer -InstanceProfileName ImageBuilderInstanceRole -ErrorVariable err

        $err | Should -BeNullOrEmpty
        $infra.Arn | Should -Match ':infrastructure-configuration/lost-answer$'
        @(Get-IbInfrastructureConfiguration -Name lost-answer).Count | Should -Be 1
    }

    It 'writes what it created, with a warning, when reading it back fails' {
        Add-IbEmulatorFault ServerError -Operation GetComponent -StatusCode 500
        $err = $null
        $warnings = $null

        $component = New-IbComponent -Name unread -SemanticVersion 1.0.0 -Platform Linux -Data $document -ErrorVariable err -WarningVariable warnings 3>$null

        $err | Should -BeNullOrEmpty
        $component.Arn | Should -Match ':component/unread/1\.0\.0/1$'
        "$warnings" | Should -Match 'was created, but it could not be read back'
        "$warnings" | Should -Match ([regex]::Escape("Get-IbComponent -Arn $($component.Arn)"))
    }

    It 'gives up on a silent service within $IbTimeoutSeconds, naming the operation' {
        Add-IbEmulatorFault Slow -Operation ListComponents -Delay 10
        $err = $null
        $global:IbTimeoutSeconds = 1
        $watch = [Diagnostics.Stopwatch]::StartNew()

        try { Get-IbComponent -ErrorVariable err -ErrorAction SilentlyContinue | Out-Null }
        finally { Remove-Variable -Name IbTimeoutSeconds -Scope Global }

        $watch.Elapsed.TotalSeconds | Should -BeLessThan 8
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'OperationTimedOut*'
        "$($err[0])" | Should -Match 'ListComponents'
    }

    It 'keeps going through a pipeline when one input''s call fails' {
        $names = 'first', 'second', 'third'
        foreach ($name in $names) { New-IbInfrastructureConfiguration -Name $name -InstanceProfileName ImageBuilderInstanceRole | Out-Null }
        $arns = @(Get-IbInfrastructureConfiguration | Where-Object Name -in $names).Arn
        Add-IbEmulatorFault ServerError -Operation GetInfrastructureConfiguration -StatusCode 500 -Count 3
        $err = $null

        $read = @($arns | ForEach-Object { [pscustomobject]@{ Arn = $_ } } | Get-IbInfrastructureConfiguration -ErrorVariable err -ErrorAction SilentlyContinue)

        # The suite allows 3 attempts a call (AWS_MAX_ATTEMPTS): the first input uses up the 3 faults and fails alone.
        $read.Count | Should -Be 2
        $err.Count | Should -Be 1
    }

    It 'says a request was never sent when nothing listens at the endpoint, and where the endpoint came from' {
        # A refused connection is not "no answer": the create did not happen, and no client token can help.
        $error.Clear()
        $component = New-IbComponent -Name unreached -SemanticVersion 1.0.0 -Platform Linux -Data $document -EndpointUrl 'http://127.0.0.1:9' -ErrorAction SilentlyContinue -ErrorVariable failed

        $component | Should -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ConnectionFailed,*'
        $failed[0].ToString() | Should -Match '^CreateComponent could not reach http://127\.0\.0\.1:9/: .+ The request was not sent, so nothing was changed\. Check the endpoint from the -EndpointUrl parameter; if it is the local emulator, start it'
        $failed[0].ToString() | Should -Not -Match 'ClientToken|may have been applied'
    }
}

Describe 'The fault runs (tools/Measure-Faults.ps1)' {
    BeforeAll {
        # A small run of the script behind docs/Faults.md, in its own sandboxed pwsh with its own emulator: what it
        # prints is what the figures say, so it is checked here the way the figures are read.
        $ProgressPreference = 'SilentlyContinue'
        $script:FaultReport = @(& (Join-Path $script:TestRepoRoot 'tools/Measure-Faults.ps1') -Creates 4 -Rates 0.5 -Kinds DropAfterApply, ServerError -TimeoutSeconds 1 -ModulePath (Get-TestModulePath))
        function Get-ReportRow([string] $Start) {
            $row = @($script:FaultReport | Where-Object { $_ -like "| $Start*" })
            $row.Count | Should -Be 1 -Because "the report has one row starting '| $Start'"
            @($row[0].Trim('|').Split('|') | ForEach-Object { $_.Trim() })
        }
    }

    It 'writes every create it knows was made, and says of any other that it may have been made and how to re-run it safely' {
        foreach ($kind in 'DropAfterApply', 'ServerError') {
            $cells = Get-ReportRow "$kind | 50%"
            # fault | rate | written | created | created but reported failed | of those, told to re-run with -ClientToken
            # | failed, not created | duplicated | hung | longest
            # A create whose own answers are all lost cannot be known to have been made: the error must say it may
            # have been, with the client token that makes a re-run safe.
            $cells[5] | Should -Be $cells[4] -Because "every create under $kind reported failed although made says it may have been applied and names its -ClientToken"
            $cells[7] | Should -Be '0' -Because "no create under $kind is made twice"
            $cells[8] | Should -Be '0' -Because "no create under $kind hangs"
            $written, $of = $cells[2].Split('/')
            $created = $cells[3].Split('/')[0]
            [int] $written + [int] $cells[4] + [int] $cells[6] | Should -Be ([int] $of) -Because 'every create is written, or failed with the advice, or failed and not made'
            [int] $created | Should -Be ([int] $written + [int] $cells[4])
        }
    }

    It 'reads all three inputs of a pipeline past one dropped answer, and fails each on its own when all are dropped' {
        (Get-ReportRow 'the first answer')[1..2] | Should -Be '3 of 3', '0'
        $every = Get-ReportRow 'every answer'
        $every[1..2] | Should -Be '0 of 3', '3'
        $every[4] | Should -Be 'ConnectionFailed'
    }

    It 'ends a silent server and a silent STS at the limit, and at once on Ctrl+C' {
        $server = Get-ReportRow 'a silent server, $IbTimeoutSeconds'
        [double] $server[1].Split(' ')[0] | Should -BeLessThan 5
        $server[2] | Should -Match '^OperationTimedOut: GetImage got no answer'
        $sts = Get-ReportRow 'AssumeRole to a silent STS, $IbTimeoutSeconds'
        [double] $sts[1].Split(' ')[0] | Should -BeLessThan 5
        $sts[2] | Should -Match "^CredentialsTimedOut: No credentials came from profile 'role'"
        foreach ($case in 'a silent server, Ctrl+C', 'AssumeRole to a silent STS, Ctrl+C') {
            $stopped = Get-ReportRow $case
            [double] $stopped[1].Split(' ')[0] | Should -BeLessThan 3 -Because "$case returns at once"
            $stopped[2] | Should -Not -Match 'went on'
        }
    }

    It 'says how much of a listing that failed part-way was written' {
        $line = @($script:FaultReport | Where-Object { $_ -match '^\d+ of \d+ written, then' })
        $line.Count | Should -Be 1
        $line[0] | Should -Match '^125 of 501 written, then ListIncomplete: The list is incomplete: ListImages stopped after 125 items'
    }
}
