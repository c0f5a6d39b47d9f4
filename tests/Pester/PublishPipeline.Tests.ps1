# A pipeline as a folder: Export-IbPipeline writes it, Publish-IbPipeline applies it and writes a plan.
BeforeAll {
    . "$PSScriptRoot/common.ps1"

    function Get-ChangeCallCount {
        # How many create, update and tag calls the emulator answered since its reset (GET /_emulator/state).
        $calls = (Invoke-EmulatorControl -Path '/_emulator/state').calls
        $sum = 0
        foreach ($property in $calls.PSObject.Properties) {
            if ($property.Name -match '^imagebuilder:(Create|Update|TagResource|UntagResource)') { $sum += [int] $property.Value }
        }
        $sum
    }

    function New-FolderTestPipeline {
        $parent = Get-IbImage -Owner Amazon -Platform Windows | Select-Object -First 1
        $amazon = Get-IbComponent -Owner Amazon | Where-Object Platform -eq Windows | Select-Object -First 1
        $component = New-IbComponent -Name install-agent -SemanticVersion 1.0.3 -Platform Windows -Data $script:TestComponentYaml -Description 'The agent'
        $infra = New-IbInfrastructureConfiguration -Name nightly-infra -InstanceProfileName ImageBuilderInstanceRole -InstanceType t3.large -SubnetId subnet-0123456789abcdef0
        $dist = New-IbDistributionConfiguration -Name nightly-dist -Distribution @{ region = 'us-east-1'; amiDistributionConfiguration = @{ name = 'nightly-{{ imagebuilder:buildDate }}' } }
        New-IbRecipe -Name golden -SemanticVersion 1.0.0 -ParentImage $parent.Arn -Component $component, $amazon.Arn |
            New-IbPipeline -Name nightly -InfrastructureConfigurationArn $infra.Arn -DistributionConfigurationArn $dist.Arn -Schedule 'cron(0 3 * * ? *)'
    }
}

Describe 'Export-IbPipeline' {
    BeforeEach {
        Reset-TestEmulator
        New-FolderTestPipeline | Out-Null
        $folder = Join-Path $TestDrive "export-$([guid]::NewGuid())"
    }

    It 'writes pipeline.yaml and one document per own component, with Amazon components kept as ARNs' {
        $written = Get-IbPipeline -Name nightly | Export-IbPipeline -Path $folder

        $written | Should -BeOfType System.IO.DirectoryInfo
        $text = Get-Content -Raw (Join-Path $folder pipeline.yaml)
        $text | Should -Match '(?m)^  component: install-agent$|- component: install-agent'
        $text | Should -Match 'componentArn: arn:aws:imagebuilder:[^:]+:aws:component/'
        $text | Should -Match 'subnetId: subnet-0123456789abcdef0'
        $text | Should -Match 'version: 1\.0\.x'
        $text | Should -Not -Match '123456789012'
        (Get-Content -Raw (Join-Path $folder components/install-agent.yaml)) | Should -Match 'ExecutePowerShell'
    }

    It 'writes no file under -WhatIf' {
        Export-IbPipeline -Name nightly -Path $folder -WhatIf | Should -BeNullOrEmpty

        Test-Path $folder | Should -BeFalse
    }

    It 'refuses a folder that is not empty unless -Force is given' {
        Export-IbPipeline -Name nightly -Path $folder | Out-Null

        { Export-IbPipeline -Name nightly -Path $folder } | Should -Throw -ErrorId 'FolderNotEmpty,*'
        Export-IbPipeline -Name nightly -Path $folder -Force | Should -Not -BeNullOrEmpty
    }
}

Describe 'Publish-IbPipeline' {
    BeforeAll {
        Reset-TestEmulator
        New-FolderTestPipeline | Out-Null
        $script:Folder = Join-Path $TestDrive 'nightly'
        Export-IbPipeline -Name nightly -Path $script:Folder | Out-Null
    }

    BeforeEach {
        Reset-TestEmulator
    }

    It 'recreates the pipeline, its recipe, components and configurations on an empty account' {
        $plan = Publish-IbPipeline -Path $script:Folder

        $plan.Action | Sort-Object -Unique | Should -Be 'Create'
        $plan.Kind | Should -Be @('Component', 'Recipe', 'Infrastructure', 'Distribution', 'Pipeline')
        $pipeline = Get-IbPipeline -Name nightly
        $pipeline.ImageRecipeArn | Should -Match ':image-recipe/golden/1\.0\.0$'
        $pipeline.Schedule.ScheduleExpression | Should -Be 'cron(0 3 * * ? *)'
        $recipe = Get-IbRecipe -Arn $pipeline.ImageRecipeArn
        $recipe.Components.ComponentArn[0] | Should -Match ':component/install-agent/1\.0\.0/1$'
        $recipe.Components.ComponentArn[1] | Should -Match ':aws:component/'
        (Get-IbComponent -Name install-agent).Description | Should -Be 'The agent'
        (Get-IbInfrastructureConfiguration -Arn $pipeline.InfrastructureConfigurationArn).SubnetId | Should -Be 'subnet-0123456789abcdef0'
        (Get-IbDistributionConfiguration -Arn $pipeline.DistributionConfigurationArn).Name | Should -Be 'nightly-dist'
    }

    It 'reports every resource Unchanged the second time and makes no create or update call' {
        Publish-IbPipeline -Path $script:Folder | Out-Null
        $before = Get-ChangeCallCount

        $plan = Publish-IbPipeline -Path $script:Folder

        $plan.Action | Sort-Object -Unique | Should -Be 'Unchanged'
        $plan.Count | Should -Be 5
        Get-ChangeCallCount | Should -Be $before
    }

    It 'gives a changed component and its recipe a new version and points the pipeline at it' {
        Publish-IbPipeline -Path $script:Folder | Out-Null
        $copy = Join-Path $TestDrive "changed-$([guid]::NewGuid())"
        Copy-Item -Recurse $script:Folder $copy
        Add-Content (Join-Path $copy components/install-agent.yaml) '            - Write-Host bye'

        $plan = Publish-IbPipeline -Path $copy

        ($plan | Where-Object Kind -eq Component).Action | Should -Be 'NewVersion'
        ($plan | Where-Object Kind -eq Component).Version | Should -Be '1.0.1'
        ($plan | Where-Object Kind -eq Component).Changed | Should -Be 'Document'
        ($plan | Where-Object Kind -eq Recipe).Action | Should -Be 'NewVersion'
        ($plan | Where-Object Kind -eq Pipeline).Action | Should -Be 'Update'
        ($plan | Where-Object Kind -eq Pipeline).Changed | Should -Be 'imageRecipeArn'
        ($plan | Where-Object Kind -eq Infrastructure).Action | Should -Be 'Unchanged'
        (Get-IbPipeline -Name nightly).ImageRecipeArn | Should -Match ':image-recipe/golden/1\.0\.1$'
    }

    It 'writes the plan under -WhatIf and changes nothing' {
        Publish-IbPipeline -Path $script:Folder | Out-Null
        $copy = Join-Path $TestDrive "whatif-$([guid]::NewGuid())"
        Copy-Item -Recurse $script:Folder $copy
        Add-Content (Join-Path $copy components/install-agent.yaml) '            - Write-Host bye'
        $before = Get-ChangeCallCount

        $plan = Publish-IbPipeline -Path $copy -WhatIf

        ($plan | Where-Object Kind -eq Component).Action | Should -Be 'NewVersion'
        ($plan | Where-Object Kind -eq Recipe).Version | Should -Be '1.0.1'
        ($plan | Where-Object Kind -eq Pipeline).Action | Should -Be 'Update'
        Get-ChangeCallCount | Should -Be $before
        (Get-IbPipeline -Name nightly).ImageRecipeArn | Should -Match ':image-recipe/golden/1\.0\.0$'
    }

    It 'plans a whole new pipeline under -WhatIf on an empty account without a call that changes anything' {
        $plan = Publish-IbPipeline -Path $script:Folder -WhatIf

        $plan.Action | Sort-Object -Unique | Should -Be 'Create'
        Get-ChangeCallCount | Should -Be 0
        Get-IbPipeline | Should -BeNullOrEmpty
    }

    It 'names the file and the field of bad content and sends nothing' {
        $copy = Join-Path $TestDrive "bad-$([guid]::NewGuid())"
        Copy-Item -Recurse $script:Folder $copy
        $file = Join-Path $copy pipeline.yaml
        (Get-Content -Raw $file) -replace 'terminateInstanceOnFailure: true', "terminateInstanceOnFailure: maybe`n  subnetid2: x" | Set-Content $file
        $err = $null

        $plan = Publish-IbPipeline -Path $copy -ErrorVariable err -ErrorAction SilentlyContinue

        $plan | Should -BeNullOrEmpty
        $err.Count | Should -Be 2
        $err[0].FullyQualifiedErrorId | Should -BeLike 'PipelineFolderInvalid,*'
        ($err.Exception.Message -join "`n") | Should -Match 'pipeline\.yaml, line \d+, infrastructureConfiguration\.terminateInstanceOnFailure: .maybe. is not true or false'
        ($err.Exception.Message -join "`n") | Should -Match 'infrastructureConfiguration\.subnetid2: .subnetid2. is not a setting here'
        (Invoke-EmulatorControl -Path '/_emulator/state').calls.PSObject.Properties.Name | Should -Not -Match 'imagebuilder:'
    }

    It 'names a schedule field out of its range, with its line, and sends nothing' {
        $copy = Join-Path $TestDrive "cron-$([guid]::NewGuid())"
        Copy-Item -Recurse $script:Folder $copy
        $file = Join-Path $copy pipeline.yaml
        $text = Get-Content -Raw $file
        $text | Should -Match ([regex]::Escape('cron(0 3 * * ? *)'))
        $text.Replace('cron(0 3 * * ? *)', 'cron(0 25 * * ? *)') | Set-Content $file
        $err = $null

        $plan = Publish-IbPipeline -Path $copy -ErrorVariable err -ErrorAction SilentlyContinue

        $plan | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'PipelineFolderInvalid,*'
        $err[0].Exception.Message | Should -Match "pipeline\.yaml, line \d+, pipeline\.schedule\.scheduleExpression: 'cron\(0 25 \* \* \? \*\)' is not a schedule Image Builder takes: its hours field \('25'\) holds 25, where it takes 0 to 23"
        (Invoke-EmulatorControl -Path '/_emulator/state').calls.PSObject.Properties.Name | Should -Not -Match 'imagebuilder:'
    }

    It 'is applied by examples/pipeline-folder.ps1, which changes nothing the second time' {
        $first = & "$TestRepoRoot/examples/pipeline-folder.ps1" -Path $script:Folder 6>&1 | Out-String
        $before = Get-ChangeCallCount
        $second = & "$TestRepoRoot/examples/pipeline-folder.ps1" -Path $script:Folder 6>&1 | Out-String

        $first | Should -Match '5 of 5 resources changed'
        $second | Should -Match '0 of 5 resources changed'
        Get-ChangeCallCount | Should -Be $before
    }

    It 'prints its plan as a table within 80 columns' {
        $lines = (Publish-IbPipeline -Path $script:Folder | Format-Table | Out-String -Width 80) -split "`n"

        $lines | Where-Object { $_.TrimEnd().Length -gt 80 } | Should -BeNullOrEmpty
        $lines[1] | Should -Match '^Action\s+Kind\s+Name\s+Version\s+Changed'
        ($lines -join "`n") | Should -Match 'Create\s+Infrastructure\s+nightly-infra'
    }
}

Describe 'Publish-IbPipeline and tags' {
    BeforeEach {
        Reset-TestEmulator
        $infra = New-IbInfrastructureConfiguration -Name tagged-infra -InstanceProfileName ImageBuilderInstanceRole -Tag @{ team = 'blue'; retired = 'soon' }
        $parent = Get-IbImage -Owner Amazon -Platform Windows | Select-Object -First 1
        $component = New-IbComponent -Name tagged-agent -SemanticVersion 1.0.0 -Platform Windows -Data $script:TestComponentYaml
        New-IbRecipe -Name tagged -SemanticVersion 1.0.0 -ParentImage $parent.Arn -Component $component |
            New-IbPipeline -Name tagged -InfrastructureConfigurationArn $infra.Arn -Tag @{ owner = 'ops' } | Out-Null
        $folder = Join-Path $TestDrive "tagged-$([guid]::NewGuid())"
        Export-IbPipeline -Name tagged -Path $folder | Out-Null
    }

    It 'exports tags, and makes a resource''s tags the folder''s: changed, added and removed keys' {
        $file = Join-Path $folder pipeline.yaml
        $text = Get-Content -Raw $file
        $text | Should -Match '(?m)^\s+team: blue$'
        $text | Should -Match '(?m)^\s+owner: ops$'
        Set-Content -Path $file -Value ($text -replace 'team: blue', 'team: green' -replace '(?m)^\s+retired: soon\r?\n', '')

        $plan = Publish-IbPipeline -Path $folder

        ($plan | Where-Object Kind -eq Infrastructure).Action | Should -Be 'Update'
        ($plan | Where-Object Kind -eq Infrastructure).Changed | Should -Be 'tags'
        ($plan | Where-Object Kind -eq Pipeline).Action | Should -Be 'Unchanged'
        $tags = (Get-IbInfrastructureConfiguration -Name tagged-infra).Tags
        $tags['team'] | Should -Be 'green'
        $tags.ContainsKey('retired') | Should -BeFalse

        $before = Get-ChangeCallCount
        (Publish-IbPipeline -Path $folder).Action | Sort-Object -Unique | Should -Be 'Unchanged'
        Get-ChangeCallCount | Should -Be $before
    }

    It 'changes no tag under -WhatIf' {
        $file = Join-Path $folder pipeline.yaml
        Set-Content -Path $file -Value ((Get-Content -Raw $file) -replace 'team: blue', 'team: green')

        ($plan = Publish-IbPipeline -Path $folder -WhatIf) | Out-Null

        ($plan | Where-Object Kind -eq Infrastructure).Action | Should -Be 'Update'
        (Get-IbInfrastructureConfiguration -Name tagged-infra).Tags['team'] | Should -Be 'blue'
    }
}
