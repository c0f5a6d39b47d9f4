#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Tests examples/nightly-rebuild.ps1 with Pester 5 against the emulator the module carries: no AWS account, no
    hour-long build, nothing to install beyond ImageBuilder.PS and Pester. Copy this file beside your own runbook
    and change the set-up and the checks; run it with:

        Invoke-Pester ./examples/tests/nightly-rebuild.Tests.ps1 -Output Detailed

    Start-IbEmulator runs the emulator inside the PowerShell that runs the tests and points AWS_ENDPOINT_URL_* at
    it, so the runbook runs as it is, with no endpoint parameter. Its clock is real but fast (a build status lasts
    0.05 s), so the runbook's own Start-IbPipeline -Wait finishes in a couple of seconds. Each test starts from an
    empty emulator (Reset-IbEmulator) with the pipeline the runbook expects.
#>

BeforeAll {
    Import-Module ImageBuilder.PS
    $Runbook = Join-Path $PSScriptRoot '../nightly-rebuild.ps1'
    Start-IbEmulator -StageDuration 0.05 | Out-Null

    function New-NightlyPipeline {
        # What the runbook starts from: a Windows recipe with one component, built by the pipeline 'nightly'.
        $document = @'
name: install-agent
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: Install
        action: ExecutePowerShell
        inputs:
          commands:
            - Write-Host 'installing the agent'
'@
        $parent = Get-IbImage -Owner Amazon -Platform Windows | Select-Object -First 1
        $component = New-IbComponent -Name install-agent -SemanticVersion 1.0.0 -Platform Windows -Data $document
        $infra = New-IbInfrastructureConfiguration -Name nightly-infra -InstanceProfileName ImageBuilderInstanceRole
        New-IbRecipe -Name golden-windows -SemanticVersion 1.0.0 -ParentImage $parent.Arn -Component $component |
            New-IbPipeline -Name nightly -InfrastructureConfigurationArn $infra.Arn
    }

    function Get-NightlyBuild {
        # The builds the pipeline has made, as the runbook sees them.
        @(Get-IbPipeline -Name nightly | Get-IbPipelineImage)
    }
}

AfterAll {
    # Puts back every environment variable Start-IbEmulator set, and frees the port.
    Stop-IbEmulator
}

Describe 'nightly-rebuild.ps1' {
    BeforeEach {
        Reset-IbEmulator
        New-NightlyPipeline | Out-Null
    }

    It 'builds the image and keeps only the newest builds' {
        1..3 | ForEach-Object { & $Runbook -PipelineName nightly -Keep 2 | Out-Null }

        $builds = Get-NightlyBuild
        $builds.Count | Should -Be 2
        $builds.Status | Sort-Object -Unique | Should -Be 'AVAILABLE'
        # The two kept are the newest: builds 2 and 3 of version 1.0.0.
        $builds.Arn | Where-Object { $_ -notmatch '/1\.0\.0/[23]$' } | Should -BeNullOrEmpty
    }

    It 'builds nothing and deletes nothing with -WhatIf' {
        & $Runbook -PipelineName nightly -Keep 1 | Out-Null
        & $Runbook -PipelineName nightly -Keep 1 | Out-Null
        $before = (Get-NightlyBuild).Arn

        & $Runbook -PipelineName nightly -Keep 1 -WhatIf | Out-Null

        (Get-NightlyBuild).Arn | Should -Be $before
    }

    It 'stops with the service''s reason when the build fails, and deletes nothing' {
        & $Runbook -PipelineName nightly -Keep 1 | Out-Null
        $before = (Get-NightlyBuild).Arn
        Add-IbEmulatorFailure -Stage TESTING -Reason 'the smoke test found no agent'

        { & $Runbook -PipelineName nightly -Keep 1 } | Should -Throw '*the smoke test found no agent*'

        $builds = Get-NightlyBuild
        $builds.Arn | Should -Contain $before
        ($builds | Where-Object Arn -eq $before).Status | Should -Be 'AVAILABLE'
        ($builds | Where-Object Arn -ne $before).Status | Should -Be 'FAILED'
    }
}
