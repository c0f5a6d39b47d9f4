# The pipelines the README and examples/ promise, written as a user writes them: recipes into pipelines, a
# pipeline found by name into a build, builds into their versions.
BeforeAll {
    . "$PSScriptRoot/common.ps1"
}

Describe 'Pipelines' {
    BeforeEach {
        Reset-TestEmulator
        $pipeline = New-TestPipeline
    }

    It 'takes its recipe from the pipeline (New-IbRecipe | New-IbPipeline)' {
        $pipeline.PSObject.TypeNames[0] | Should -Be 'ImageBuilder.PS.Model.Ib.ImagePipeline'
        $pipeline.Name | Should -Be 'nightly'
        $pipeline.ImageRecipeArn | Should -Match ':image-recipe/golden-windows/1\.0\.0$'
    }

    It 'starts a pipeline found by name (Get-IbPipeline -Name x | Start-IbPipeline)' {
        $image = Get-IbPipeline -Name nightly | Start-IbPipeline

        $image.PSObject.TypeNames[0] | Should -Be 'ImageBuilder.PS.Model.Ib.Image'
        $image.Arn | Should -Match ':image/golden-windows/1\.0\.0/1$'
        Step-TestEmulatorClock -Stages 10 | Out-Null
        (Get-IbImage -Arn $image.Arn).State.Status | Should -Be 'AVAILABLE'
    }

    It 'lists the builds a pipeline made (Get-IbPipeline | Get-IbPipelineImage)' {
        $first = New-TestImage
        $second = New-TestImage

        (Get-IbPipeline -Name nightly | Get-IbPipelineImage).Arn | Sort-Object | Should -Be @($first.Arn, $second.Arn)
    }

    It 'keeps the AVAILABLE builds of your Windows images (Get-IbImage | Get-IbImageBuildVersion | Where-Object)' {
        $good = New-TestImage
        Add-IbEmulatorFailure -Stage TESTING -Reason 'tests failed'
        $bad = New-TestImage

        $bad.State.Status | Should -Be 'FAILED'
        (Get-IbImage -Owner Self -Platform Windows | Get-IbImageBuildVersion | Where-Object Status -eq AVAILABLE).Arn | Should -Be $good.Arn
    }

    It 'says how to get from a name to the ARN a cmdlet wants, and sends nothing' {
        $err = $null
        Remove-IbPipeline nightly -Force -ErrorVariable err -ErrorAction SilentlyContinue

        "$err" | Should -Match 'must be an image pipeline ARN, such as arn:aws:imagebuilder:'
        "$err" | Should -Match ([regex]::Escape('Get-IbPipeline -Name nightly | Remove-IbPipeline'))
        @(Get-IbPipeline -Name nightly).Count | Should -Be 1
        $err = $null
        Get-IbPipeline -Name nightly | Get-IbImage -ErrorVariable err -ErrorAction SilentlyContinue
        "$err" | Should -Match 'The value is an image pipeline ARN\..*Get-IbPipelineImage'
    }

    It 'says a -Schedule that is no cron expression in words, naming -Schedule, and sends nothing' {
        # A value that cannot be bound stops the command before any input is read, as PowerShell's own binding errors do.
        $err = try { Get-IbPipeline -Name nightly | Update-IbPipeline -Schedule 'every day' | Out-Null } catch { $_ }

        "$err" | Should -Match "-Schedule 'every day' is not a schedule Image Builder takes: it does not start with cron\("
        "$err" | Should -Match ([regex]::Escape("such as 'cron(0 3 * * ? *)' for 03:00 every day"))
        "$err" | Should -Not -Match 'scheduleExpression'
        (Get-IbPipeline -Name nightly).Schedule | Should -BeNullOrEmpty
        $err = try { Get-IbPipeline -Name nightly | Update-IbPipeline -Schedule 'cron(0 3 * * ? * *)' | Out-Null } catch { $_ }
        "$err" | Should -Match 'it has 7 fields where Image Builder takes 6'
        $err = try { Get-IbPipeline -Name nightly | Update-IbPipeline -Schedule 'cron(90 3 * * ? *)' | Out-Null } catch { $_ }
        "$err" | Should -Match ([regex]::Escape("-Schedule 'cron(90 3 * * ? *)' is not a schedule Image Builder takes: its minutes field ('90') holds 90, where it takes 0 to 59."))
        (Get-IbPipeline -Name nightly).Schedule | Should -BeNullOrEmpty
    }

    It 'says a version that breaks the rule in words with an example' {
        $err = $null
        New-IbComponent -Name words-check -SemanticVersion 1.0 -Platform Linux -Data $script:TestComponentYaml -ErrorVariable err -ErrorAction SilentlyContinue

        "$err" | Should -Match ([regex]::Escape("The value '1.0' of -SemanticVersion is not valid: it must be a version of three whole numbers joined by dots (major.minor.patch), such as 1.0.0."))
        "$err" | Should -Not -Match '\[0-9\]'
    }

    It 'takes each build setting one way, -Setting <bool>, on New-IbPipeline, Update-IbPipeline and New-IbImage' {
        # The suite's pipeline was made with the earlier switch (-ImageScanningEnabled through a splat): still honoured.
        (Get-IbPipeline -Name nightly).ImageScanningConfiguration.ImageScanningEnabled | Should -BeTrue

        Get-IbPipeline -Name nightly | Update-IbPipeline -ImageScanning $false -ImageTests $false -EnhancedImageMetadata $false | Out-Null

        $pipeline = Get-IbPipeline -Name nightly
        $pipeline.ImageScanningConfiguration.ImageScanningEnabled | Should -BeFalse
        $pipeline.ImageTestsConfiguration.ImageTestsEnabled | Should -BeFalse
        $pipeline.EnhancedImageMetadataEnabled | Should -BeFalse
        # Earlier spellings: the bools as aliases, the switch as itself.
        $pipeline | Update-IbPipeline -ImageTestsEnabled $true -EnhancedImageMetadataEnabled $true -ImageScanningEnabled | Out-Null
        $pipeline = Get-IbPipeline -Name nightly
        $pipeline.ImageScanningConfiguration.ImageScanningEnabled | Should -BeTrue
        $pipeline.ImageTestsConfiguration.ImageTestsEnabled | Should -BeTrue
        $pipeline.EnhancedImageMetadataEnabled | Should -BeTrue

        $image = $pipeline | New-IbImage -ImageTests $false -ImageScanning $true -EnhancedImageMetadata $false
        $image = Get-IbImage -Arn $image.Arn
        $image.ImageTestsConfiguration.ImageTestsEnabled | Should -BeFalse
        $image.ImageScanningConfiguration.ImageScanningEnabled | Should -BeTrue
        $image.EnhancedImageMetadataEnabled | Should -BeFalse
        $image = Get-IbImage -Arn ($pipeline | New-IbImage -SkipTest).Arn
        $image.ImageTestsConfiguration.ImageTestsEnabled | Should -BeFalse
    }

    It 'refuses an earlier switch and its setting saying opposite things' {
        $err = try { Get-IbPipeline -Name nightly | Update-IbPipeline -ImageScanning $true -ImageScanningEnabled:$false | Out-Null } catch { $_ }

        $err.FullyQualifiedErrorId | Should -Match '^ParameterConflict'
        "$err" | Should -Match '-ImageScanning \$true and -ImageScanningEnabled say opposite things'
        (Get-IbPipeline -Name nightly).ImageScanningConfiguration.ImageScanningEnabled | Should -BeTrue
    }

    It 'disables a pipeline and reads it back' {
        Get-IbPipeline -Name nightly | Update-IbPipeline -Status DISABLED | Out-Null

        (Get-IbPipeline -Name nightly).Status | Should -Be 'DISABLED'
    }

    It 'deletes nothing with -WhatIf' {
        Get-IbPipeline -Name nightly | Remove-IbPipeline -WhatIf

        (Get-IbPipeline).Name | Should -Be 'nightly'
    }

    It 'refuses to delete an infrastructure configuration a pipeline uses, saying which' {
        $err = $null
        Get-IbInfrastructureConfiguration -Name nightly-infra | Remove-IbInfrastructureConfiguration -Force -ErrorAction SilentlyContinue -ErrorVariable err

        $err[0].FullyQualifiedErrorId | Should -BeLike 'ResourceDependencyException,*'
        $err[0].Exception.Message | Should -Match 'image-pipeline/nightly'
    }

    It 'runs the nightly rebuild runbook with -WhatIf without building or deleting' {
        $before = New-TestImage

        $output = & "$TestRepoRoot/examples/nightly-rebuild.ps1" -PipelineName nightly -Keep 1 -WhatIf

        $output | Should -Contain '1 available builds; 0 older than the newest 1.'
        (Get-IbPipeline -Name nightly | Get-IbPipelineImage).Arn | Should -Be $before.Arn
    }

    It 'shows Name, Status and Schedule in the pipeline table at 160 and at 80 columns' {
        foreach ($width in 160, 80) {
            $text = Get-IbPipeline | ConvertTo-TestText -Width $width
            $header = Get-TestTableHeader $text
            $header.Lines | Should -Be 1 -Because "no header wraps at $width columns"
            $header.Names[0..2] | Should -Be @('Status', 'Name', 'Schedule')
            $text | Should -Match 'ENABLED\s+nightly\s+manual'
        }
    }
}
