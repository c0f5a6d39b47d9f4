# Publishing definitions as code: Publish-IbComponent, Publish-IbWorkflow, Publish-IbRecipe, and Compare-IbComponent.
BeforeAll {
    . "$PSScriptRoot/common.ps1"

    function Get-TestCallCount {
        # How many calls of an operation the emulator answered since its reset (GET /_emulator/state).
        param([Parameter(Mandatory)] [string] $Operation)
        $calls = (Invoke-EmulatorControl -Path '/_emulator/state').calls
        $property = $calls.PSObject.Properties["imagebuilder:$Operation"]
        if ($property) { [int] $property.Value } else { 0 }
    }

    $script:WorkflowYaml = "schemaVersion: 1.0`nsteps:`n  - name: LaunchBuildInstance`n    action: LaunchInstance`n    onFailure: Abort`n"
}

Describe 'Publish-IbComponent' {
    BeforeEach {
        Reset-TestEmulator
        $file = Join-Path $TestDrive 'install-agent.yaml'
        Set-Content -Path $file -Value $TestComponentYaml
    }

    It 'publishes the same file twice as one version with one ARN' {
        $first = Publish-IbComponent -Name install-agent -Version 1.0.x -Platform Windows -Path $file
        $second = Publish-IbComponent -Name install-agent -Version 1.0.x -Platform Windows -Path $file -Verbose 4>&1
        $verbose = $second | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $component = $second | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }

        $component.Arn | Should -Be $first.Arn
        $first.Arn | Should -Match ':component/install-agent/1\.0\.0/1$'
        @(Get-IbComponent -Name install-agent).Count | Should -Be 1
        Get-TestCallCount CreateComponent | Should -Be 1
        ($verbose.Message -join "`n") | Should -Match 'install-agent 1\.0\.0 is what was given; nothing was created'
    }

    It 'does not count line endings, trailing spaces or a final blank line as a change' {
        Publish-IbComponent -Name install-agent -Version 1.0.x -Platform Windows -Path $file | Out-Null
        Set-Content -Path $file -Value (($TestComponentYaml -replace "`r?`n", "  `r`n") + "`r`n`r`n") -NoNewline

        Publish-IbComponent -Name install-agent -Version 1.0.x -Platform Windows -Path $file | Out-Null

        Get-TestCallCount CreateComponent | Should -Be 1
    }

    It 'creates 1.0.1 for a changed file under 1.0.x and says what changed' {
        Publish-IbComponent -Name install-agent -Version 1.0.x -Platform Windows -Path $file | Out-Null
        Set-Content -Path $file -Value ($TestComponentYaml -replace 'Write-Host hi', 'Write-Host hello')

        $changed = Publish-IbComponent -Name install-agent -Version 1.0.x -Platform Windows -Path $file -Description 'Installs the agent' -InformationVariable said

        $changed.Version | Should -Be '1.0.1'
        $changed.Arn | Should -Match '/1\.0\.1/1$'
        $said.MessageData | Should -Match 'Created the component install-agent 1\.0\.1: 1\.0\.0 differs in Document: 1 line removed, 1 line added; Description:'
    }

    It 'names the version it would create, and why, with -WhatIf, and creates nothing' {
        Publish-IbComponent -Name install-agent -Version 1.0.x -Platform Windows -Path $file | Out-Null

        $whatIf = Invoke-TestPwsh -ImportModule -Script @"
`$PSDefaultParameterValues['*-Ib*:EndpointUrl'] = '$env:IBPS_EMULATOR_URL'
Publish-IbComponent -Name install-agent -Version 1.0.x -Platform Linux -Path '$file' -WhatIf
"@

        $whatIf.StdOut | Should -Match 'What if: .*Create component version 1\.0\.1 because 1\.0\.0 differs in Platform.*component install-agent 1\.0\.1'
        Get-TestCallCount CreateComponent | Should -Be 1
    }

    It 'refuses an exact version that exists and differs, naming what differs' {
        Publish-IbComponent -Name install-agent -Version 1.0.0 -Platform Windows -Path $file | Out-Null

        { Publish-IbComponent -Name install-agent -Version 1.0.0 -Platform Windows -Path $file -ChangeDescription 'new text' -ErrorAction Stop } |
            Should -Throw -ErrorId 'PublishedVersionDiffers,*' -ExpectedMessage '*differs from what was given in ChangeDescription*'
        Get-TestCallCount CreateComponent | Should -Be 1
    }

    It 'refuses a version pattern it cannot follow, naming -Version and the rule, before sending anything' {
        { Publish-IbComponent -Name install-agent -Version x.1.x -Platform Windows -Path $file -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterValueInvalid,*' -ExpectedMessage "*'x.1.x' of -Version is not valid: a number follows an x*"
        Get-TestCallCount ListComponents | Should -Be 0
    }

    It 'makes no create call for an unchanged document: one list and one read' {
        Publish-IbComponent -Name install-agent -Version 1.0.x -Platform Windows -Path $file | Out-Null
        $before = 'CreateComponent', 'ListComponents', 'GetComponent' | ForEach-Object { Get-TestCallCount $_ }

        Publish-IbComponent -Name install-agent -Version 1.0.x -Platform Windows -Path $file | Out-Null

        $after = 'CreateComponent', 'ListComponents', 'GetComponent' | ForEach-Object { Get-TestCallCount $_ }
        ($after[0] - $before[0]), ($after[1] - $before[1]), ($after[2] - $before[2]) | Should -Be 0, 1, 1
    }
}

Describe 'Publish-IbWorkflow' {
    BeforeEach { Reset-TestEmulator }

    It 'publishes once, then writes the same workflow; a build and a test workflow of one name are two' {
        $first = Publish-IbWorkflow -Name approval -Version 1.x.x -Type BUILD -Data $WorkflowYaml
        $again = Publish-IbWorkflow -Name approval -Version 1.x.x -Type BUILD -Data $WorkflowYaml
        $test = Publish-IbWorkflow -Name approval -Version 1.x.x -Type TEST -Data $WorkflowYaml

        $again.Arn | Should -Be $first.Arn
        $first.Arn | Should -Match ':workflow/build/approval/1\.0\.0/1$'
        $test.Arn | Should -Match ':workflow/test/approval/1\.0\.0/1$'
        Get-TestCallCount CreateWorkflow | Should -Be 2
    }

    It 'creates the next patch under 1.x.x when the document changes' {
        Publish-IbWorkflow -Name approval -Version 1.x.x -Type BUILD -Data $WorkflowYaml | Out-Null

        $changed = Publish-IbWorkflow -Name approval -Version 1.x.x -Type BUILD -Data ($WorkflowYaml + "  - name: Approve`n    action: WaitForAction`n")

        $changed.Version | Should -Be '1.0.1'
    }
}

Describe 'Publish-IbRecipe' {
    BeforeEach {
        Reset-TestEmulator
        $parent = (Get-IbImage -Owner Amazon -Platform Windows | Select-Object -First 1).Arn
        $file = Join-Path $TestDrive 'install-agent.yaml'
        Set-Content -Path $file -Value $TestComponentYaml
    }

    It 'takes components published in the same pipeline, and publishes nothing new when nothing changed' {
        $first = Publish-IbComponent -Name install-agent -Version 1.0.x -Platform Windows -Path $file |
            Publish-IbRecipe -Name golden -Version 1.0.x -ParentImage $parent
        $second = Publish-IbComponent -Name install-agent -Version 1.0.x -Platform Windows -Path $file |
            Publish-IbRecipe -Name golden -Version 1.0.x -ParentImage $parent

        $first.Arn | Should -Match ':image-recipe/golden/1\.0\.0$'
        $first.Components.ComponentArn | Should -Match ':component/install-agent/1\.0\.0/1$'
        $second.Arn | Should -Be $first.Arn
        Get-TestCallCount CreateImageRecipe | Should -Be 1
    }

    It 'creates the next recipe version when a piped component changes' {
        Publish-IbComponent -Name install-agent -Version 1.0.x -Platform Windows -Path $file |
            Publish-IbRecipe -Name golden -Version 1.0.x -ParentImage $parent | Out-Null
        Set-Content -Path $file -Value ($TestComponentYaml -replace 'Write-Host hi', 'Write-Host hello')

        $recipe = Publish-IbComponent -Name install-agent -Version 1.0.x -Platform Windows -Path $file |
            Publish-IbRecipe -Name golden -Version 1.0.x -ParentImage $parent -InformationVariable said

        $recipe.Version | Should -Be '1.0.1'
        $recipe.Components.ComponentArn | Should -Match '/1\.0\.1/1$'
        ($said.MessageData -join "`n") | Should -Match 'image recipe golden 1\.0\.1: 1\.0\.0 differs in Component: item 1 differs'
    }

    It 'compares components with their parameters, by wildcard ARN too' {
        $component = Publish-IbComponent -Name install-agent -Version 1.0.x -Platform Windows -Path $file
        $wildcard = $component.Arn -replace '/1\.0\.0/1$', '/x.x.x'
        Publish-IbRecipe -Name golden -Version 1.0.x -ParentImage $parent -Component $wildcard | Out-Null

        Publish-IbRecipe -Name golden -Version 1.0.x -ParentImage $parent -Component $wildcard | Out-Null
        Get-TestCallCount CreateImageRecipe | Should -Be 1

        $recipe = Publish-IbRecipe -Name golden -Version 1.0.x -ParentImage $parent -Component @{ Arn = $wildcard; Parameters = @{ Greeting = 'hi' } }
        $recipe.Version | Should -Be '1.0.1'
    }
}

Describe 'Publish-IbRecipe without components' {
    BeforeEach { Reset-TestEmulator }

    It 'says -Component is required and sends nothing when the pipeline brings none' {
        $parent = (Get-IbImage -Owner Amazon -Platform Windows | Select-Object -First 1).Arn

        { @() | Publish-IbRecipe -Name golden -Version 1.0.x -ParentImage $parent -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterRequired,*' -ExpectedMessage '-Component is required*'
        Get-TestCallCount ListImageRecipes | Should -Be 0
    }
}

Describe 'Compare-IbComponent' {
    BeforeEach {
        Reset-TestEmulator
        $file = Join-Path $TestDrive 'install-agent.yaml'
        Set-Content -Path $file -Value $TestComponentYaml
    }

    It 'shows the changed lines between a version and a file, with each side''s line number' {
        $component = Publish-IbComponent -Name install-agent -Version 1.0.x -Platform Windows -Path $file
        Set-Content -Path $file -Value ($TestComponentYaml -replace 'Write-Host hi', "Write-Host hello`n            - Write-Host done")

        $lines = Compare-IbComponent -Arn $component.Arn -Path $file

        $lines.SideIndicator | Should -Be '<=', '=>', '=>'
        $lines[0].Text | Should -Be '            - Write-Host hi'
        $lines[0].ReferenceLine | Should -Be 10
        $lines[1].DifferenceLine | Should -Be 10
        $lines[2].Text | Should -Be '            - Write-Host done'
        $text = $lines | ConvertTo-TestText -Width 80
        $text | Should -Match '(?m)^Side\s+Ref\s+Diff\s+Text'
        $text | Should -Match '(?m)^<=\s+10\s+- Write-Host hi'
    }

    It 'compares two versions piped by property name, and writes nothing when they are the same' {
        $old = Publish-IbComponent -Name install-agent -Version 1.0.x -Platform Windows -Path $file
        Set-Content -Path $file -Value ($TestComponentYaml -replace 'Write-Host hi', 'Write-Host hello')
        $new = Publish-IbComponent -Name install-agent -Version 1.0.x -Platform Windows -Path $file

        ($old | Compare-IbComponent -DifferenceArn $new.Arn).Text | Should -Be '            - Write-Host hi', '            - Write-Host hello'
        $old | Compare-IbComponent -DifferenceArn $old.Arn | Should -BeNullOrEmpty
        @($old | Compare-IbComponent -DifferenceArn $new.Arn -IncludeEqual).Count | Should -Be 11
    }
}
