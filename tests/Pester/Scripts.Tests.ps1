# The module in scripts run as a scheduler or SSM Run Command runs them: a fresh `pwsh -NonInteractive -File`.
BeforeAll {
    . "$PSScriptRoot/common.ps1"
    Reset-TestEmulator
    New-TestPipeline | Out-Null
}

Describe 'pwsh -NonInteractive -File' {
    It 'exits 0 from a script that lists pipelines, printing the table' {
        $run = Invoke-TestPwsh -ImportModule -Script 'Get-IbPipeline | Format-Table Name, Status'

        $run.ExitCode | Should -Be 0 -Because $run.StdErr
        $run.StdOut | Should -Match 'nightly\s+ENABLED'
        $run.StdErr | Should -BeNullOrEmpty
    }

    It 'exits 1 when a cmdlet fails under $ErrorActionPreference = ''Stop'', naming the error' {
        $run = Invoke-TestPwsh -ImportModule -Script @'
$ErrorActionPreference = 'Stop'
Get-IbImage -Arn 'arn:aws:imagebuilder:us-east-1:123456789012:image/missing/1.0.0/1'
'not reached'
'@

        $run.ExitCode | Should -Be 1
        $run.StdOut | Should -Not -Match 'not reached'
        $run.StdErr | Should -Match 'image/missing/1\.0\.0/1'
        $run.StdErr | Should -Match 'ResourceNotFoundException'
    }

    It 'exits 1 on -ErrorAction Stop and reports it through a catch block with the error id' {
        $run = Invoke-TestPwsh -ImportModule -Script @'
try { Get-IbComponent -Arn 'arn:aws:imagebuilder:us-east-1:123456789012:component/missing/1.0.0/1' -ErrorAction Stop }
catch { "caught $($_.FullyQualifiedErrorId)"; exit 1 }
'@

        $run.ExitCode | Should -Be 1
        $run.StdOut | Should -Match 'caught ResourceNotFoundException,'
    }

    It 'exits 1 when a mistyped pipeline name is piped into Start-IbPipeline -Wait under -ErrorAction Stop' {
        $run = Invoke-TestPwsh -ImportModule -Script @'
Get-IbPipeline -Name nightlly -ErrorAction Stop | Start-IbPipeline -Wait
'not reached'
'@

        $run.ExitCode | Should -Be 1
        $run.StdOut | Should -Not -Match 'not reached'
        $run.StdErr | Should -Match "Found no pipeline named 'nightlly'"
    }

    It 'names the build and how to wait again before a -Wait starts, without -Verbose, and keeps it out of the output' {
        $run = Invoke-TestPwsh -ImportModule -Script @'
$image = Get-IbPipeline -Name nightly | Start-IbPipeline -Wait -Timeout 1 -PollInterval 0.2 -ErrorAction SilentlyContinue
"output: $(@($image).Count)"
'@

        $run.StdOut | Should -Match 'Waiting for the build arn:aws:imagebuilder:[^ ]+:image/golden-windows/1\.0\.0/\d+\. Ctrl\+C stops the waiting, not the work; to wait again: Wait-IbImage -Arn arn:'
        $run.StdOut | Should -Match 'output: 0'
    }

    It 'never calls AWS when the script forgets the endpoint: the call fails on loopback' {
        $run = Invoke-TestPwsh -Script @'
Import-Module $env:IBPS_MODULE_PATH
$ErrorActionPreference = 'Stop'
Get-IbPipeline
'@

        $run.ExitCode | Should -Be 1
        $run.StdErr | Should -Match '127\.0\.0\.1|connect|refused' 
    }

    It 'turns a confirmation under -NonInteractive into an error that names -Force, and deletes nothing' {
        New-IbComponent -Name old-agent -SemanticVersion 1.0.0 -Platform Windows -Data $TestComponentYaml | Out-Null

        $run = Invoke-TestPwsh -ImportModule -Script 'Get-IbComponent -Name old-agent | Remove-IbComponent'

        $run.StdErr | Should -Match '-Force'
        $run.StdErr | Should -Not -Match 'Read and Prompt functionality'
        (Get-IbComponent -Name old-agent).Name | Should -Be 'old-agent'
    }
}
