# New-, Get-, Import- and Remove-IbComponent as a user runs them, in real pwsh against the emulator.
BeforeAll {
    . "$PSScriptRoot/common.ps1"
}

Describe 'Components' {
    BeforeEach {
        Reset-TestEmulator
    }

    It 'creates a component from YAML and writes it with its build version' {
        $component = New-IbComponent -Name install-agent -SemanticVersion 1.0.0 -Platform Windows -Data $TestComponentYaml -Description 'Installs the agent'

        $component.PSObject.TypeNames[0] | Should -Be 'ImageBuilder.PS.Model.Ib.Component'
        $component.Arn | Should -Match ':component/install-agent/1\.0\.0/1$'
        $component.Description | Should -Be 'Installs the agent'
    }

    It 'creates a component from a file' {
        $file = Join-Path $TestDrive 'install-agent.yaml'
        Set-Content -LiteralPath $file -Value $TestComponentYaml

        $component = New-IbComponent -Name install-agent -SemanticVersion 1.0.0 -Platform Windows -Path $file -Tag @{ Team = 'Platform' }

        (Get-IbComponent -Arn $component.Arn).Data | Should -Match 'Write-Host hi'
    }

    It 'writes the document from PowerShell data' {
        $component = New-IbComponent -Name set-timezone -SemanticVersion 1.0.0 -Platform Windows -Document @{
            schemaVersion = 1.0
            phases        = @(@{ name = 'build'; steps = @(@{ name = 'SetZone'; action = 'ExecutePowerShell'; inputs = @{ commands = @('Set-TimeZone -Id UTC') } }) })
        }

        (Get-IbComponent -Arn $component.Arn).Data | Should -Match 'Set-TimeZone -Id UTC'
    }

    It 'lists your components, with wildcards on the name' {
        New-IbComponent -Name old-agent -SemanticVersion 1.0.0 -Platform Windows -Data $TestComponentYaml | Out-Null
        New-IbComponent -Name current-agent -SemanticVersion 1.0.0 -Platform Windows -Data $TestComponentYaml | Out-Null

        (Get-IbComponent).Name | Sort-Object | Should -Be @('current-agent', 'old-agent')
        (Get-IbComponent -Name 'old-*').Name | Should -Be 'old-agent'
    }

    It 'creates nothing with -WhatIf' {
        New-IbComponent -Name install-agent -SemanticVersion 1.0.0 -Platform Windows -Data $TestComponentYaml -WhatIf | Should -BeNullOrEmpty

        Get-IbComponent | Should -BeNullOrEmpty
    }

    It 'says which builds a clean-up would delete with -WhatIf, and deletes none' {
        New-IbComponent -Name old-agent -SemanticVersion 1.0.0 -Platform Windows -Data $TestComponentYaml | Out-Null
        New-IbComponent -Name old-tools -SemanticVersion 2.0.0 -Platform Linux -Data $TestComponentYaml | Out-Null
        New-IbComponent -Name current-agent -SemanticVersion 1.0.0 -Platform Windows -Data $TestComponentYaml | Out-Null

        $shown = Invoke-TestHostCapture { Get-IbComponent -Name 'old-*' | Remove-IbComponent -WhatIf }

        $shown | Should -Match 'What if: .*component/old-agent/1\.0\.0/1'
        $shown | Should -Match 'What if: .*component/old-tools/2\.0\.0/1'
        $shown | Should -Not -Match 'current-agent'
        @(Get-IbComponent).Count | Should -Be 3
    }

    It 'deletes the builds piped to Remove-IbComponent -Force' {
        New-IbComponent -Name old-agent -SemanticVersion 1.0.0 -Platform Windows -Data $TestComponentYaml | Out-Null
        New-IbComponent -Name current-agent -SemanticVersion 1.0.0 -Platform Windows -Data $TestComponentYaml | Out-Null

        Get-IbComponent -Name 'old-*' | Remove-IbComponent -Force

        (Get-IbComponent).Name | Should -Be 'current-agent'
    }

    It 'refuses a document with a mistake before sending it' {
        $broken = $TestComponentYaml -replace 'ExecutePowerShell', 'ExecutePowershell'

        { New-IbComponent -Name install-agent -SemanticVersion 1.0.0 -Platform Windows -Data $broken -ErrorAction Stop } |
            Should -Throw -ErrorId 'ComponentDocumentInvalid*'
        Get-IbComponent | Should -BeNullOrEmpty
    }

    It 'names an ARN that is not a component ARN as a parameter error' {
        { Get-IbComponent -Arn 'not-an-arn' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterValueInvalid*'
    }

    It 'reports a component that does not exist as ObjectNotFound' {
        $err = $null
        Get-IbComponent -Arn 'arn:aws:imagebuilder:us-east-1:123456789012:component/missing/1.0.0/1' -ErrorAction SilentlyContinue -ErrorVariable err

        $err[0].FullyQualifiedErrorId | Should -BeLike 'ResourceNotFoundException,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'shows Name, Version, Platform and Status in a 160-column table' {
        New-IbComponent -Name install-agent -SemanticVersion 1.0.0 -Platform Windows -Data $TestComponentYaml | Out-Null

        $text = Get-IbComponent | ConvertTo-TestText -Width 160

        (Get-TestTableHeader $text).Names | Should -Be @('Type', 'Name', 'Version', 'Platform', 'Status', 'Created')
        $text | Should -Match 'BUILD\s+install-agent\s+1\.0\.0\s+Windows\s+ACTIVE'
    }

    It 'keeps every header of the component list whole at 80 columns' {
        New-IbComponent -Name install-agent -SemanticVersion 1.0.0 -Platform Windows -Data $TestComponentYaml | Out-Null

        $header = Get-TestTableHeader (Get-IbComponent | ConvertTo-TestText -Width 80)

        $header.Lines | Should -Be 1
        $header.Names | Should -Contain 'Status'
    }
}
