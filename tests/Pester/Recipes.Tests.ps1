# Image recipes (and container recipes' listing): what a build is made of.
BeforeAll {
    . "$PSScriptRoot/common.ps1"
}

Describe 'Recipes' {
    BeforeEach {
        Reset-TestEmulator
        $parent = Get-IbImage -Owner Amazon -Platform Windows | Select-Object -First 1
        $component = New-IbComponent -Name install-agent -SemanticVersion 1.0.0 -Platform Windows -Data $TestComponentYaml
    }

    It 'takes a component object and a parent image ARN' {
        $recipe = New-IbRecipe -Name golden-windows -SemanticVersion 1.0.0 -ParentImage $parent.Arn -Component $component

        $recipe.Arn | Should -Match ':image-recipe/golden-windows/1\.0\.0$'
        $recipe.Components.ComponentArn | Should -Be $component.Arn
    }

    It 'takes components piped from Get-IbComponent' {
        New-IbComponent -Name install-tools -SemanticVersion 1.0.0 -Platform Windows -Data $TestComponentYaml | Out-Null

        $recipe = New-IbRecipe -Name golden-windows -SemanticVersion 1.0.0 -ParentImage $parent.Arn -Component (Get-IbComponent)

        @($recipe.Components).Count | Should -Be 2
    }

    It 'lists your recipes by name' {
        New-IbRecipe -Name golden-windows -SemanticVersion 1.0.0 -ParentImage $parent.Arn -Component $component | Out-Null

        (Get-IbRecipe -Name 'golden-*').Name | Should -Be 'golden-windows'
    }

    It 'creates nothing with -WhatIf' {
        New-IbRecipe -Name golden-windows -SemanticVersion 1.0.0 -ParentImage $parent.Arn -Component $component -WhatIf

        Get-IbRecipe | Should -BeNullOrEmpty
    }

    It 'refuses a version that is not semantic before sending it' {
        { New-IbRecipe -Name golden-windows -SemanticVersion 'one' -ParentImage $parent.Arn -Component $component -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterValueInvalid*'
    }

    It 'refuses to delete a recipe a pipeline uses' {
        $recipe = New-IbRecipe -Name golden-windows -SemanticVersion 1.0.0 -ParentImage $parent.Arn -Component $component
        $infra = New-IbInfrastructureConfiguration -Name build-infra -InstanceProfileName ImageBuilderInstanceRole
        $recipe | New-IbPipeline -Name nightly -InfrastructureConfigurationArn $infra.Arn | Out-Null

        { $recipe | Remove-IbRecipe -Force -ErrorAction Stop } | Should -Throw -ErrorId 'ResourceDependencyException,*'
    }

    It 'shows the recipe list with Name, Version, Platform and ParentImage at 80 and 160 columns' {
        New-IbRecipe -Name golden-windows -SemanticVersion 1.0.0 -ParentImage $parent.Arn -Component $component | Out-Null

        foreach ($width in 80, 160) {
            $text = Get-IbRecipe | ConvertTo-TestText -Width $width
            $header = Get-TestTableHeader $text
            $header.Lines | Should -Be 1
            $header.Names[0..3] | Should -Be @('Platform', 'Name', 'Version', 'ParentImage')
            $text | Should -Match 'Windows\s+golden-windows\s+1\.0\.0\s+windows-server'
        }
    }

    It 'counts the components of a new recipe in its table at 80 and 160 columns' {
        $recipe = New-IbRecipe -Name golden-windows -SemanticVersion 1.0.0 -ParentImage $parent.Arn -Component $component

        foreach ($width in 80, 160) {
            $text = $recipe | ConvertTo-TestText -Width $width
            (Get-TestTableHeader $text).Names[0..4] | Should -Be @('Platform', 'Name', 'Version', 'Components', 'ParentImage')
            $text | Should -Match 'Windows\s+golden-windows\s+1\.0\.0\s+1\s'
        }
    }
}
