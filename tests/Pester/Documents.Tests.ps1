# Test-IbComponentDocument and Test-IbWorkflowDocument: the checks run before anything is sent.
BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $broken = "schemaVersion: 1.0`nphases:`n  - name: build`n    steps:`n      - name: Install`n        action: ExecutePowershell`n        inputs:`n          commands: [hi]`n"
    $brokenWorkflow = "schemaVersion: 1.0`nsteps:`n  - name: Wait`n    action: WaitForActions`n"
}

Describe 'Document checks' {
    It 'finds nothing wrong with a good component document' {
        Test-IbComponentDocument -Data $TestComponentYaml | Should -BeNullOrEmpty
        Test-IbComponentDocument -Data $TestComponentYaml -Quiet | Should -BeTrue
    }

    It 'names the line, column and rule of a mistake, with a suggestion' {
        $file = Join-Path $TestDrive 'broken.yaml'
        Set-Content -LiteralPath $file -Value $broken -NoNewline

        $finding = Test-IbComponentDocument -Path $file

        $finding.Line | Should -Be 6
        $finding.Column | Should -Be 17
        $finding.Rule | Should -Be 'UnknownAction'
        $finding.Message | Should -Match 'Did you mean ExecutePowerShell\?'
    }

    It 'renders findings as a table with Line, Col, Severity and Message at 80 and 160 columns' {
        $file = Join-Path $TestDrive 'broken.yaml'
        Set-Content -LiteralPath $file -Value $broken -NoNewline

        foreach ($width in 80, 160) {
            $text = Test-IbComponentDocument -Path $file | ConvertTo-TestText -Width $width
            $text | Should -Match ([regex]::Escape("Document: $file"))
            $header = Get-TestTableHeader $text
            $header.Lines | Should -Be 1
            $header.Names[0..3] | Should -Be @('Line', 'Col', 'Severity', 'Message')
        }
    }

    It 'checks every file Get-ChildItem pipes to it' {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'components')
        Set-Content -LiteralPath (Join-Path $folder 'good.yaml') -Value $TestComponentYaml
        Set-Content -LiteralPath (Join-Path $folder 'bad.yaml') -Value $broken

        $findings = Get-ChildItem $folder -Filter *.yaml | Test-IbComponentDocument

        @($findings).Count | Should -Be 1
        $findings.Source | Should -Match 'bad\.yaml$'
    }

    It 'reports a missing file as DocumentNotFound' {
        { Test-IbComponentDocument -Path (Join-Path $TestDrive 'no-such.yaml') -ErrorAction Stop } | Should -Throw -ErrorId 'DocumentNotFound*'
    }

    It 'says to use -Data when YAML text is given as a path' {
        { Test-IbComponentDocument $broken -ErrorAction Stop } | Should -Throw -ErrorId 'DocumentPathIsText*'
    }

    It 'finds a misspelt workflow action' {
        $finding = @(Test-IbWorkflowDocument -Data $brokenWorkflow)

        $finding.Count | Should -BeGreaterThan 0
        $finding[0].Message | Should -Match 'WaitForAction'
        Test-IbWorkflowDocument -Data $brokenWorkflow -Quiet | Should -BeFalse
    }

    It 'checks documents under Set-StrictMode -Version Latest and leaves $Error empty' {
        $Error.Clear()
        Set-StrictMode -Version Latest
        try { Test-IbComponentDocument -Data $broken | Out-String | Out-Null }
        finally { Set-StrictMode -Off }

        $Error.Count | Should -Be 0
    }
}
