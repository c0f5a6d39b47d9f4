# Lifecycle policies, their runs, and Set-IbResourceState.
BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $role = 'arn:aws:iam::123456789012:role/ImageBuilderLifecycleRole'
}

Describe 'Lifecycle' {
    BeforeEach {
        Reset-TestEmulator
    }
    AfterEach {
        Stop-TestEmulatorClock
    }

    It 'creates a policy for the images of a recipe, with its rule' {
        $policy = New-IbLifecyclePolicy -Name keep-six-months -ExecutionRole $role -Recipe @{ Name = 'golden-windows'; SemanticVersion = '1.x.x' } `
            -Rule @{ Action = 'DELETE'; Age = 6; Unit = 'MONTHS'; RetainAtLeast = 2; IncludeResources = 'Amis', 'Snapshots'; ExcludeTag = @{ Keep = 'true' } }

        $policy.Arn | Should -Match ':lifecycle-policy/keep-six-months$'
        (Get-IbLifecyclePolicy -Name keep-six-months).Status | Should -Be 'ENABLED'
    }

    It 'disables a policy with Update-IbLifecyclePolicy' {
        New-IbLifecyclePolicy tagged-cleanup -ExecutionRole $role -ResourceTag @{ Cleanup = 'yes' } -Rule @{ Action = 'DELETE'; Count = 10 } | Out-Null

        Get-IbLifecyclePolicy -Name tagged-cleanup | Update-IbLifecyclePolicy -Status DISABLED | Out-Null

        (Get-IbLifecyclePolicy -Name tagged-cleanup).Status | Should -Be 'DISABLED'
    }

    It 'deletes a policy only with -Force or confirmation, and nothing with -WhatIf' {
        New-IbLifecyclePolicy tagged-cleanup -ExecutionRole $role -ResourceTag @{ Cleanup = 'yes' } -Rule @{ Action = 'DELETE'; Count = 10 } | Out-Null

        Get-IbLifecyclePolicy -Name tagged-cleanup | Remove-IbLifecyclePolicy -WhatIf
        @(Get-IbLifecyclePolicy).Count | Should -Be 1

        Get-IbLifecyclePolicy -Name tagged-cleanup | Remove-IbLifecyclePolicy -Force
        Get-IbLifecyclePolicy | Should -BeNullOrEmpty
    }

    It 'deprecates a build and waits for the change (Set-IbResourceState -Wait)' {
        New-TestPipeline | Out-Null
        $image = New-TestImage
        Start-TestEmulatorClock

        $run = Set-IbResourceState -ResourceArn $image.Arn -State DEPRECATED -Force -Wait -PollInterval 0.05 -Timeout 60

        $run.State.Status | Should -Be 'SUCCESS'
        (Get-IbImage -Arn $image.Arn).State.Status | Should -Be 'DEPRECATED'
    }

    It 'changes no state with -WhatIf' {
        New-TestPipeline | Out-Null
        $image = New-TestImage

        $image | Set-IbResourceState -State DISABLED -WhatIf

        (Get-IbImage -Arn $image.Arn).State.Status | Should -Be 'AVAILABLE'
        Get-IbLifecycleExecution -ResourceArn $image.Arn | Should -BeNullOrEmpty
    }

    It 'lists the runs of a policy (Get-IbLifecyclePolicy | Get-IbLifecycleExecution)' {
        New-IbLifecyclePolicy tagged-cleanup -ExecutionRole $role -ResourceTag @{ Cleanup = 'yes' } -Rule @{ Action = 'DELETE'; Count = 10 } | Out-Null
        Invoke-EmulatorControl -Method POST -Path '/_emulator/lifecycle/run' | Out-Null
        Step-TestEmulatorClock -Stages 3 | Out-Null

        $runs = @(Get-IbLifecyclePolicy -Name tagged-cleanup | Get-IbLifecycleExecution)

        $runs.Count | Should -BeGreaterThan 0
        $runs[0].LifecycleExecutionId | Should -Match '^lce-'
    }

    It 'shows the policy table with whole headers at 80 and 160 columns' {
        New-IbLifecyclePolicy tagged-cleanup -ExecutionRole $role -ResourceTag @{ Cleanup = 'yes' } -Rule @{ Action = 'DELETE'; Count = 10 } | Out-Null

        foreach ($width in 80, 160) {
            $text = Get-IbLifecyclePolicy | ConvertTo-TestText -Width $width
            $header = Get-TestTableHeader $text
            $header.Lines | Should -Be 1
            $header.Names[0..1] | Should -Be @('Status', 'Name')
            $text | Should -Match 'tagged-cleanup'
        }
    }
}
