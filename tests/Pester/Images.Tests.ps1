# Get-IbImage, New-IbImage, Wait-IbImage and the -Wait of the cmdlets that start builds, on the stepped clock.
BeforeAll {
    . "$PSScriptRoot/common.ps1"
}

Describe 'Images' {
    BeforeEach {
        Reset-TestEmulator
        $pipeline = New-TestPipeline
    }
    AfterEach {
        Stop-TestEmulatorClock
    }

    It 'lists Amazon''s Windows images to build on' {
        $windows = Get-IbImage -Owner Amazon -Platform Windows

        $windows | Should -Not -BeNullOrEmpty
        $windows.Platform | Sort-Object -Unique | Should -Be 'Windows'
        $windows[0].PSObject.TypeNames[0] | Should -Be 'ImageBuilder.PS.Model.Ib.ImageVersion'
    }

    It 'stops listing after -First' {
        @(Get-IbImage -Owner Amazon -First 2).Count | Should -Be 2
    }

    It 'waits for a started build and writes the finished image (Start-IbPipeline -Wait)' {
        Start-TestEmulatorClock

        $image = Get-IbPipeline -Name nightly | Start-IbPipeline -Wait -PollInterval 0.05 -Timeout 60

        $image.State.Status | Should -Be 'AVAILABLE'
        $image.OutputResources.Amis[0].Image | Should -Match '^ami-'
    }

    It 'waits for an image piped from Get-IbImage (Get-IbImage -Arn x | Wait-IbImage)' {
        $started = Get-IbPipeline -Name nightly | Start-IbPipeline
        Start-TestEmulatorClock

        $done = Get-IbImage -Arn $started.Arn | Wait-IbImage -PollInterval 0.05 -Timeout 60

        $done.Arn | Should -Be $started.Arn
        $done.State.Status | Should -Be 'AVAILABLE'
    }

    It 'ends the wait with WaitEndedInFailed and the service''s reason when the build fails' {
        Add-IbEmulatorFailure -Stage TESTING -Reason 'the validation tests failed'
        Start-TestEmulatorClock

        $err = $null
        $image = New-IbImage -RecipeArn $pipeline.ImageRecipeArn -InfrastructureConfigurationArn $pipeline.InfrastructureConfigurationArn -Wait -PollInterval 0.05 -Timeout 60 -ErrorAction SilentlyContinue -ErrorVariable err

        $image | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'WaitEndedInFailed,*'
        "$($err[0])" | Should -Match 'the validation tests failed'
    }

    It 'ends only the wait at -Timeout: the build goes on' {
        $err = $null
        Get-IbPipeline -Name nightly | Start-IbPipeline -Wait -Timeout 0.3 -PollInterval 0.05 -ErrorAction SilentlyContinue -ErrorVariable err

        $err[0].FullyQualifiedErrorId | Should -BeLike 'WaitTimedOut,*'
        (Get-IbPipeline -Name nightly | Get-IbPipelineImage).Status | Should -Be 'PENDING'
    }

    It 'cancels a running build (Get-IbImage | Stop-IbImage)' {
        $started = Get-IbPipeline -Name nightly | Start-IbPipeline
        Step-TestEmulatorClock | Out-Null

        Get-IbImage -Arn $started.Arn | Stop-IbImage -Confirm:$false

        Step-TestEmulatorClock | Out-Null
        (Get-IbImage -Arn $started.Arn).State.Status | Should -Be 'CANCELLED'
    }

    It 'starts no build with New-IbImage -WhatIf' {
        New-IbImage -RecipeArn $pipeline.ImageRecipeArn -InfrastructureConfigurationArn $pipeline.InfrastructureConfigurationArn -WhatIf

        Get-IbImage -Owner Self | Should -BeNullOrEmpty
    }

    It 'deletes an image build with Remove-IbImage -Force' {
        $image = New-TestImage

        $image | Remove-IbImage -Force

        Get-IbImage -Owner Self | Should -BeNullOrEmpty
    }

    It 'reports a build that does not exist as ResourceNotFoundException' {
        { Get-IbImage -Arn 'arn:aws:imagebuilder:us-east-1:123456789012:image/missing/1.0.0/1' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ResourceNotFoundException,*'
    }

    It 'shows the build list with Status, Name, Version, Created and Ami at 160 columns' {
        New-TestImage | Out-Null

        $text = Get-IbPipeline -Name nightly | Get-IbPipelineImage | ConvertTo-TestText -Width 160

        (Get-TestTableHeader $text).Names | Should -Be @('Status', 'Name', 'Version', 'Created', 'Ami')
        $text | Should -Match 'AVAILABLE\s+golden-windows\s+1\.0\.0/1\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+ami-'
    }

    It 'shows every image list header whole at 80 columns' {
        $text = Get-IbImage -Owner Amazon -First 3 | ConvertTo-TestText -Width 80
        $header = Get-TestTableHeader $text

        $header.Lines | Should -Be 1
        $header.Names | Should -Be @('Platform', 'Name', 'Version', 'Created')
    }

    It 'runs a pipeline under Set-StrictMode -Version Latest' {
        Set-StrictMode -Version Latest
        try { $image = Get-IbPipeline -Name nightly | Start-IbPipeline; $arn = $image.Arn }
        finally { Set-StrictMode -Off }

        $arn | Should -Match ':image/golden-windows/1\.0\.0/1$'
    }
}

Describe 'Listing many images' {
    BeforeAll {
        function Get-ListCallCount {
            $property = (Invoke-EmulatorControl -Path '/_emulator/state').calls.PSObject.Properties['imagebuilder:ListImages']
            if ($property) { [int] $property.Value } else { 0 }
        }
    }
    BeforeEach {
        Reset-TestEmulator
        # 60 versions of one image: three pages of 25, 25 and 10.
        Add-IbEmulatorImage -Url $env:IBPS_EMULATOR_URL -Count 60 -Name many | Out-Null
    }

    It 'asks for the next page while this one is still being written' {
        # While the first item is handled downstream, the second page has already been asked for and answered.
        $during = Get-IbImage -MaxResults 25 | ForEach-Object -Begin { $first = $true } -Process {
            if ($first) { $first = $false; Start-Sleep -Milliseconds 500; Get-ListCallCount }
        }
        $after = Get-ListCallCount

        $during | Should -Be 2
        $after | Should -Be 3
    }

    It 'asks for no page beyond what -First needs' {
        @(Get-IbImage -MaxResults 25 -First 25).Count | Should -Be 25
        Get-ListCallCount | Should -Be 1

        @(Get-IbImage -MaxResults 25 -First 26).Count | Should -Be 26
        Get-ListCallCount | Should -Be 3
    }

    It 'stays at most one page ahead when the pipeline stops downstream' {
        Get-IbImage -MaxResults 25 | Select-Object -First 1 | Out-Null

        Get-ListCallCount | Should -BeLessOrEqual 2
    }
}
