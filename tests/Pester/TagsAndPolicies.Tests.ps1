# Add-, Get- and Remove-IbTag, and the resource policies that share builds with other accounts.
BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $sharePolicy = @{
        Version   = '2012-10-17'
        Statement = @(@{ Effect = 'Allow'; Principal = @{ AWS = @('210987654321') }; Action = @('imagebuilder:GetComponent'); Resource = @('*') })
    }
}

Describe 'Tags and policies' {
    BeforeEach {
        Reset-TestEmulator
        $component = New-IbComponent -Name install-agent -SemanticVersion 1.0.0 -Platform Windows -Data $TestComponentYaml -Tag @{ Team = 'Platform' }
    }

    It 'reads the tags of a resource as a hashtable' {
        $tags = Get-IbTag $component.Arn

        $tags.Team | Should -Be 'Platform'
    }

    It 'tags what is piped to it (Get-IbComponent | Add-IbTag)' {
        Get-IbComponent -Name install-agent | Add-IbTag -Tag @{ Golden = 'yes' }

        (Get-IbTag $component.Arn).Golden | Should -Be 'yes'
    }

    It 'copies tags from one component to another' {
        $other = New-IbComponent -Name install-tools -SemanticVersion 1.0.0 -Platform Windows -Data $TestComponentYaml

        Add-IbTag $other.Arn -Tag (Get-IbTag $component.Arn)

        (Get-IbTag $other.Arn).Team | Should -Be 'Platform'
    }

    It 'removes a tag, and none with -WhatIf' {
        Get-IbComponent | Remove-IbTag -TagKey Team -WhatIf
        (Get-IbTag $component.Arn).Team | Should -Be 'Platform'

        Remove-IbTag $component.Arn Team
        (Get-IbTag $component.Arn).ContainsKey('Team') | Should -BeFalse
    }

    It 'sends a policy written as a hashtable and reads it back as JSON' {
        Set-IbComponentPolicy -Arn $component.Arn -Policy $sharePolicy

        $read = (Get-IbComponentPolicy -Arn $component.Arn).Policy | ConvertFrom-Json

        $read.Statement[0].Principal.AWS | Should -Be '210987654321'
    }

    It 'sets no policy with -WhatIf' {
        Set-IbComponentPolicy -Arn $component.Arn -Policy $sharePolicy -WhatIf

        $err = $null
        Get-IbComponentPolicy -Arn $component.Arn -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ResourceNotFoundException,*'
        "$($err[0])" | Should -Match 'has no resource policy'
    }

    It 'refuses a tag key that is not valid before sending it' {
        { Add-IbTag $component.Arn -Tag @{ ('aws:' + 'reserved') = 'x' } -ErrorAction Stop } | Should -Throw
        (Get-IbTag $component.Arn).Keys | Should -Be 'Team'
    }
}
