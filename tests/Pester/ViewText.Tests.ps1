# What the format files are made of: making a date local, joining a map of tags and adding the build number to a
# version are written once (ImageBuilder.PS.Model.Views.ViewText, with a FormatString for how a date reads), not
# copied into every view; and the dates the views show stay local when the session's time zone is far from UTC.
BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $formats = Join-Path $script:TestRepoRoot 'module/Formats'
    # Every script block of every view, as the format files declare them.
    $scriptBlocks = foreach ($file in Get-ChildItem $formats -Filter *.ps1xml) {
        ([xml] (Get-Content -Raw $file.FullName)).SelectNodes('//ScriptBlock') | ForEach-Object {
            [pscustomobject]@{ File = $file.Name; Text = $_.InnerText.Trim() }
        }
    }
}

Describe 'Format files' {
    It 'has script blocks to count' {
        $scriptBlocks.Count | Should -BeGreaterThan 50
    }

    It 'formats a date in at most 3 script blocks: the others are ViewText.Local with a FormatString' {
        $dates = @($scriptBlocks | Where-Object Text -Match "ToLocalTime|\.ToString\('yyyy|\{0:yyyy")
        $dates.Count | Should -BeLessOrEqual 3 -Because (($dates | ForEach-Object { "$($_.File): $($_.Text)" }) -join "`n")
        @($scriptBlocks | Where-Object Text -Match '::Local\(').Count | Should -BeGreaterThan 50
    }

    It 'joins a map of tags only through ViewText.Pairs' {
        @($scriptBlocks | Where-Object Text -Match 'GetEnumerator\(\) \| ForEach-Object \{ "\$\(\$_\.Key\)=') | Should -BeNullOrEmpty
        @($scriptBlocks | Where-Object Text -Match '::Pairs\(').Count | Should -BeGreaterThan 15
    }

    It 'adds the build number to a version only through ViewText.BuildVersion' {
        @($scriptBlocks | Where-Object Text -Match "-match '/\(\\d\+\)\$'") | Should -BeNullOrEmpty
        @($scriptBlocks | Where-Object Text -Match '::BuildVersion\(').Count | Should -BeGreaterThan 5
    }

    It 'uses a FormatString only for a date' {
        foreach ($file in Get-ChildItem $formats -Filter *.ps1xml) {
            foreach ($item in ([xml] (Get-Content -Raw $file.FullName)).SelectNodes('//FormatString')) {
                $item.InnerText | Should -Match '^\{0:yyyy-MM-dd HH:mm(:ss(\.fff)?)?\}$' -Because $file.Name
            }
        }
    }
}

Describe 'Views far from UTC' {
    BeforeAll {
        Reset-TestEmulator
        $pipeline = New-TestPipeline
        $image = New-TestImage
        # Kiritimati is UTC+14 all year: a view that showed UTC, or shifted a local date again, reads hours off.
        $run = Invoke-TestPwsh -ImportModule -Environment @{ TZ = 'Pacific/Kiritimati' } -Script @"
Set-StrictMode -Version Latest
`$Error.Clear()
`$objects = @(
    Get-IbImage -Arn '$($image.Arn)'
    Get-IbPipeline -Name nightly | Get-IbPipelineImage
    Get-IbInfrastructureConfiguration -Arn '$($pipeline.InfrastructureConfigurationArn)'
    Get-IbPipeline -Name nightly
)
# An object built by hand with a UTC date: the view shows it on the local clock too.
`$built = [ImageBuilder.PS.Model.Ib.Image]@{ Name = 'built'; Version = '1.0.0'; DateCreated = [datetime]::new(2026, 3, 5, 3, 0, 1, [DateTimeKind]::Utc) }
`$builtText = (`$built | Format-Table | Out-String -Width 80) + (`$built | Format-List | Out-String -Width 160)
`$texts = foreach (`$o in `$objects) {
    `$utc = 'DateCreated', 'DateLastRun' | Where-Object { `$o.PSObject.Properties[`$_] -and `$o.`$_ } | ForEach-Object { `$o.`$_.ToUniversalTime().ToString('o') }
    foreach (`$width in 80, 160) {
        [pscustomobject]@{
            Type = `$o.GetType().Name; Width = `$width; Offset = `$o.DateCreated.ToString('zzz'); Utc = @(`$utc)
            Table = `$o | Format-Table | Out-String -Width `$width
            List = `$o | Format-List | Out-String -Width `$width
        }
    }
}
ConvertTo-Json -InputObject @{ Texts = @(`$texts); Built = `$builtText; Errors = @(`$Error | ForEach-Object { "`$_" }) } -Depth 5
"@
        $run.ExitCode | Should -Be 0 -Because $run.StdErr
        $result = $run.StdOut | ConvertFrom-Json
        $texts = @($result.Texts)
    }

    It 'renders every view without adding to $Error under strict mode' {
        $texts.Count | Should -Be 8
        @($result.Errors) | Should -BeNullOrEmpty
    }

    It 'shows a UTC date on an object built by hand at +14:00 too' {
        $result.Built | Should -Match '2026-03-05 17:00 '
        $result.Built | Should -Match 'Created\s+: 2026-03-05 17:00:01'
    }

    It 'hands out dates at +14:00 there' {
        $texts.Offset | Sort-Object -Unique | Should -Be '+14:00'
    }

    It 'shows <_> in local time at 80 and 160 columns, to the second in the list and the minute in the table' -ForEach 'Image', 'ImageSummary', 'InfrastructureConfiguration', 'ImagePipeline' {
        foreach ($text in $texts | Where-Object Type -EQ $_) {
            $dates = @($text.Utc | ForEach-Object { [datetime]::Parse($_, [cultureinfo]::InvariantCulture, 'RoundtripKind') })
            $dates | Should -Not -BeNullOrEmpty
            foreach ($utc in $dates) {
                $text.List | Should -Match ([regex]::Escape($utc.AddHours(14).ToString('yyyy-MM-dd HH:mm:ss'))) -Because "the $($text.Type) list at $($text.Width)"
                $text.List | Should -Not -Match ([regex]::Escape($utc.ToString('yyyy-MM-dd HH:mm:ss')))
            }
            # A table shows one of the dates (Created, Updated or LastRun), to the minute.
            $minutes = @($dates | ForEach-Object { $_.AddHours(14).ToString('yyyy-MM-dd HH:mm') })
            @($minutes | Where-Object { $text.Table.Contains($_) }) | Should -Not -BeNullOrEmpty -Because "the $($text.Type) table at $($text.Width) shows one of $($minutes -join ', '):`n$($text.Table)"
        }
    }
}
