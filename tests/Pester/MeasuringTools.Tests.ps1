# The measuring scripts under tools/ reach into the module's internals (its clients, marshaller and call path) by
# reflection, so a change there can break them silently, and then the next performance run fails after minutes.
# A tiny run of the breakdown, against the suite's emulator, keeps them honest. (tools/Measure-Faults.ps1 is run
# by Faults.Tests.ps1.)
BeforeAll {
    . "$PSScriptRoot/common.ps1"
}

Describe 'tools/Performance/Breakdown.ps1' {
    It 'times every probe of a warm call and a page of findings, and writes them as one JSON line' {
        Reset-TestEmulator
        $arn = @(Add-IbEmulatorImage 1 -Name breakdown-call)[0]
        $findings = @(Add-IbEmulatorImage 1 -Name breakdown-findings)[0]
        $null = Add-IbEmulatorScanFinding -ImageArn $findings -Count 30
        $breakdown = Join-Path $script:TestRepoRoot 'tools/Performance/Breakdown.ps1'

        $run = Invoke-TestPwsh -Script "& '$breakdown' -ModulePath '$(Get-TestModulePath)' -Arn '$arn' -FindingsArn '$findings' -Rounds 1 -CallsPerRound 3" -Environment @{
            AWS_ENDPOINT_URL = $env:IBPS_EMULATOR_URL; AWS_ACCESS_KEY_ID = 'AKIDBREAKDOWN'; AWS_SECRET_ACCESS_KEY = 'breakdown-secret'; AWS_REGION = 'us-east-1'
        }

        $run.ExitCode | Should -Be 0 -Because $run.StdErr
        $run.StdOut | Should -Not -BeNullOrEmpty -Because $run.StdErr
        $result = $run.StdOut | ConvertFrom-Json
        foreach ($probe in 'get-ibimage', 'probe-call', 'call-async', 'call-on-pool', 'sign', 'page-call-async', 'page-cmdlet') {
            $result.medians.$probe | Should -BeGreaterThan 0 -Because "the $probe probe ran"
        }
    }
}
