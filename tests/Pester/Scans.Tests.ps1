# Get-IbImageScanFinding and Get-IbImageScanFindingAggregation on a build whose pipeline scans.
BeforeAll {
    . "$PSScriptRoot/common.ps1"
    Reset-TestEmulator
    New-TestPipeline | Out-Null
    $image = New-TestImage
    $findings = @(Get-IbImageScanFinding -ImageArn $image.Arn)
}

Describe 'Scans' {
    It 'finds what the scan of a build found (Get-IbImage | Get-IbImageScanFinding)' {
        $piped = @(Get-IbImage -Arn $image.Arn | Get-IbImageScanFinding)

        $piped.Count | Should -BeGreaterThan 0
        $piped.Count | Should -Be $findings.Count
    }

    It 'keeps the critical ones with Where-Object Severity -eq CRITICAL' {
        $critical = @($findings | Where-Object Severity -eq CRITICAL)

        $critical.Count | Should -BeGreaterThan 0
        $critical.Count | Should -BeLessThan $findings.Count
        $critical.Severity | Sort-Object -Unique | Should -Be 'CRITICAL'
    }

    It 'asks the service for one severity with -Severity' {
        $high = @(Get-IbImageScanFinding -ImageArn $image.Arn -Severity HIGH)

        $high.Count | Should -Be @($findings | Where-Object Severity -eq HIGH).Count
    }

    It 'groups findings by severity as the golden-image runbook does' {
        $groups = $findings | Group-Object Severity

        ($groups | Measure-Object Count -Sum).Sum | Should -Be $findings.Count
    }

    It 'counts findings per vulnerability, the counts adding up to All' {
        $rows = @(Get-IbImageScanFindingAggregation -ImageArn $image.Arn)

        $rows.Count | Should -BeGreaterThan 0
        ($rows.SeverityCounts.All | Measure-Object -Sum).Sum | Should -Be $findings.Count
    }

    It 'shows Severity, Score, VulnerabilityId, Package and Fix at 80 and 160 columns' {
        foreach ($width in 80, 160) {
            $header = Get-TestTableHeader ($findings | ConvertTo-TestText -Width $width)
            $header.Lines | Should -Be 1
            $header.Names[0..4] | Should -Be @('Severity', 'Score', 'VulnerabilityId', 'Package', 'Fix')
        }
    }

    It 'names the image of each finding at 160 columns' {
        $text = $findings | Select-Object -First 1 | ConvertTo-TestText -Width 160

        (Get-TestTableHeader $text).Names | Should -Contain 'Image'
        $text | Should -Match 'golden-windows/1\.0\.0/1'
    }

    It 'sorts findings by the Score column' {
        $sorted = $findings | Sort-Object Score -Descending

        $sorted[0].Score | Should -BeGreaterOrEqual $sorted[-1].Score
    }

    It 'leaves $Error empty after displaying findings' {
        $Error.Clear()

        $findings | Format-Table | Out-String | Out-Null
        $findings | Format-List | Out-String | Out-Null

        $Error.Count | Should -Be 0
    }
}
