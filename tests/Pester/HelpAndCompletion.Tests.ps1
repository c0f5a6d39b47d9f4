# Get-Help from the module's MAML help and tab completion through TabExpansion2, as a user meets them in pwsh.
BeforeAll {
    . "$PSScriptRoot/common.ps1"
    Reset-TestEmulator
    New-TestPipeline | Out-Null
    function Get-Completion([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
    }
}

Describe 'Help' {
    It 'has a synopsis, a description and examples for every cmdlet' {
        $missing = foreach ($command in Get-Command -Module ImageBuilder.PS) {
            $help = Get-Help $command.Name -Full
            if (-not $help.Synopsis -or $help.Synopsis -match '^\s*\S+ \[') { "$($command.Name): synopsis" }
            if (-not $help.description) { "$($command.Name): description" }
            if (-not $help.examples) { "$($command.Name): examples" }
        }

        $missing | Should -BeNullOrEmpty
    }

    It 'gives Get-Help -Online a web address to open for every cmdlet, and no relative link it would choke on' {
        # -Online opens the first related link that has a URI; a relative one (about_ImageBuilder.PS.md) is an error.
        $wrong = foreach ($command in Get-Command -Module ImageBuilder.PS) {
            $uris = @((Get-Help $command.Name).relatedLinks.navigationLink | ForEach-Object uri | Where-Object { $_ })
            if ($uris.Count -eq 0 -or $uris[0] -notmatch "^https://github\.com/.+/docs/en-US/$($command.Name)\.md$") { "$($command.Name): $($uris -join ', ')" }
            $uris | Where-Object { $_ -notmatch '^https?://' } | ForEach-Object { "$($command.Name): relative $_" }
        }

        $wrong | Should -BeNullOrEmpty
        (Get-Help New-IbComponent).relatedLinks.navigationLink.linkText | Should -Contain 'about_ImageBuilder.PS'
    }

    It 'shows the about topic' {
        Get-Help about_ImageBuilder.PS | Out-String | Should -Match 'EndpointUrl|endpoint'
    }

    It 'describes each parameter of Start-IbPipeline' {
        (Get-Help Start-IbPipeline -Parameter Wait).description.Text | Should -Not -BeNullOrEmpty
    }

    It 'shows -WhatIf and -Confirm in Get-Help for every command that takes them, and the syntax as Get-Command has it' {
        foreach ($command in Get-Command -Module ImageBuilder.PS | Where-Object { $_.Parameters.ContainsKey('WhatIf') }) {
            $syntax = (Get-Help $command.Name).syntax | Out-String -Width 4000
            $syntax | Should -Match '\[-WhatIf\] \[-Confirm\] \[<CommonParameters>\]' -Because "Get-Help $($command.Name) shows -WhatIf"
            (Get-Help $command.Name -Parameter WhatIf).name | Should -Be 'WhatIf'
        }
        # Parameters in Get-Command's order: the positional one, then the mandatory ones, then the rest.
        $help = ((Get-Help Wait-IbImage).syntax | Out-String -Width 4000) -split '\r?\n' | Where-Object { $_ -match 'UntilWaitingStep' }
        $help | Should -Match '^\s*Wait-IbImage \[-Arn\] <String> -UntilWaitingStep \[-Timeout <TimeSpan>\]'
    }
}

Describe 'Completion' {
    It 'completes cmdlet names' {
        (Get-Completion 'Get-IbPipel').CompletionText | Should -Contain 'Get-IbPipeline'
    }

    It 'completes pipeline names from the service' {
        $matches = Get-Completion 'Get-IbPipeline -Name ni'

        $matches.CompletionText | Should -Be 'nightly'
        $matches[0].ToolTip | Should -Match 'ENABLED'
    }

    It 'completes the known owners of images' {
        (Get-Completion 'Get-IbImage -Owner ').CompletionText | Should -Be @('Self', 'Shared', 'Amazon', 'ThirdParty', 'AWSMarketplace')
    }

    It 'completes the actions of Send-IbStepAction' {
        (Get-Completion 'Send-IbStepAction -Action ').CompletionText | Should -Contain 'RESUME'
    }

    It 'completes recipe names in a pipeline command' {
        (Get-Completion 'Get-IbRecipe -Name gold').CompletionText | Should -Contain 'golden-windows'
    }

    It 'lists with the credentials the command would use: $StoredAWSCredentials naming a profile' {
        # AWS Tools' Set-AWSCredential -ProfileName leaves the profile's name in $StoredAWSCredentials. With no other
        # credentials in the session, completion that ignored it would find none and offer nothing.
        $folder = Join-Path ([IO.Path]::GetTempPath()) ("ibps-stored-{0}" -f [guid]::NewGuid().ToString('n'))
        New-Item -ItemType Directory -Path $folder | Out-Null
        $credentials = Join-Path $folder 'credentials'
        Set-Content -LiteralPath $credentials -Value "[runbook]`naws_access_key_id = AKIDSTOREDPROFILE000`naws_secret_access_key = stored-profile-secret-0000000000000000000`n"
        try {
            $result = Invoke-TestPwsh -ImportModule -Environment @{
                AWS_ACCESS_KEY_ID = $null; AWS_SECRET_ACCESS_KEY = $null; AWS_SHARED_CREDENTIALS_FILE = $credentials
            } -Script @'
$StoredAWSCredentials = 'runbook'
$line = 'Get-IbPipeline -Name ni'
(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText -join ','
(Get-IbPipeline -Name nightly -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'credentials from' }).Message
'@

            $result.StdErr | Should -BeNullOrEmpty
            $lines = $result.StdOut.Trim() -split "`r?`n"
            $lines[0] | Should -Be 'nightly'
            $lines[1] | Should -Match "credentials from profile 'runbook' \(from \`$StoredAWSCredentials\)"
        }
        finally {
            Remove-Item -LiteralPath $folder -Recurse -Force
        }
    }

    It 'finds a name far down a long listing: 2,000 image versions, then the one typed' {
        # Name filters match whole names, so the completer reads on past the first page (25 versions) and matches
        # the typed prefix itself; on a single page, win-golden (page 81) was never offered. A fresh pwsh, so no
        # listing remembered from another test is used.
        Add-IbEmulatorImage -Url $env:IBPS_EMULATOR_URL -Count 2000 -Name seeded | Out-Null
        Add-IbEmulatorImage -Url $env:IBPS_EMULATOR_URL -Count 1 -Name win-golden | Out-Null
        try {
            $result = Invoke-TestPwsh -ImportModule -Script @'
$line = 'Get-IbImage -Name wi'
(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText -join ','
$line = 'Get-IbImage -Name '
(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText -join ','
'@

            $result.StdErr | Should -BeNullOrEmpty
            $lines = $result.StdOut.Trim() -split "`r?`n"
            $lines[0] | Should -Be 'win-golden'
            # Each name once, however many versions it has.
            $lines[1] | Should -Be 'seeded,win-golden'
        }
        finally {
            Reset-TestEmulator
            New-TestPipeline | Out-Null
        }
    }
}
