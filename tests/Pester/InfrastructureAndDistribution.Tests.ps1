# Infrastructure and distribution configurations: where images are built, and where they go.
BeforeAll {
    . "$PSScriptRoot/common.ps1"
}

Describe 'Infrastructure and distribution configurations' {
    BeforeEach {
        Reset-TestEmulator
    }

    It 'creates an infrastructure configuration with an instance type' {
        $infra = New-IbInfrastructureConfiguration -Name golden-build -InstanceProfileName EC2InstanceProfileForImageBuilder -InstanceType m5.large

        $infra.Arn | Should -Match ':infrastructure-configuration/golden-build$'
        (Get-IbInfrastructureConfiguration -Name golden-build).InstanceTypes | Should -Be 'm5.large'
    }

    It 'changes the instance type with Update-IbInfrastructureConfiguration' {
        New-IbInfrastructureConfiguration -Name golden-build -InstanceProfileName EC2InstanceProfileForImageBuilder -InstanceType m5.large | Out-Null

        Get-IbInfrastructureConfiguration -Name golden-build | Update-IbInfrastructureConfiguration -InstanceType m5.xlarge | Out-Null

        (Get-IbInfrastructureConfiguration -Name golden-build).InstanceTypes | Should -Be 'm5.xlarge'
    }

    It 'creates a distribution configuration from a hashtable per region' {
        $dist = New-IbDistributionConfiguration -Name golden-distribution -Distribution @{
            'us-east-1' = @{ Ami = @{ Name = 'golden {{ imagebuilder:buildDate }}'; AmiTags = @{ Purpose = 'golden' } } }
        }

        $dist.Arn | Should -Match ':distribution-configuration/golden-distribution$'
        (Get-IbDistributionConfiguration -Name golden-distribution).Regions | Should -Be 'us-east-1'
    }

    It 'creates nothing with -WhatIf' {
        New-IbInfrastructureConfiguration -Name golden-build -InstanceProfileName EC2InstanceProfileForImageBuilder -WhatIf
        New-IbDistributionConfiguration -Name golden-distribution -Distribution @{ 'us-east-1' = @{ Ami = @{ Name = 'x {{ imagebuilder:buildDate }}' } } } -WhatIf

        Get-IbInfrastructureConfiguration | Should -BeNullOrEmpty
        Get-IbDistributionConfiguration | Should -BeNullOrEmpty
    }

    It 'deletes both with -Force' {
        New-IbInfrastructureConfiguration -Name golden-build -InstanceProfileName EC2InstanceProfileForImageBuilder | Remove-IbInfrastructureConfiguration -Force
        New-IbDistributionConfiguration -Name golden-distribution -Distribution @{ 'us-east-1' = @{ Ami = @{ Name = 'x {{ imagebuilder:buildDate }}' } } } | Remove-IbDistributionConfiguration -Force

        Get-IbInfrastructureConfiguration | Should -BeNullOrEmpty
        Get-IbDistributionConfiguration | Should -BeNullOrEmpty
    }

    It 'shows the distribution table with Name and Regions at 80 and 160 columns' {
        New-IbDistributionConfiguration -Name golden-distribution -Distribution @{ 'us-east-1' = @{ Ami = @{ Name = 'x {{ imagebuilder:buildDate }}' } } } | Out-Null

        foreach ($width in 80, 160) {
            $header = Get-TestTableHeader (Get-IbDistributionConfiguration | ConvertTo-TestText -Width $width)
            $header.Lines | Should -Be 1
            $header.Names[1..2] | Should -Be @('Name', 'Regions')
        }
    }

    It 'shows the distributions in the list under Set-StrictMode -Version Latest, without adding to $Error' {
        $dist = New-IbDistributionConfiguration -Name golden-distribution -Distribution @{
            'us-east-1' = @{ Ami = @{ Name = 'golden {{ imagebuilder:buildDate }}' } }
            'eu-west-1' = @{ Ami = @{ Name = 'golden {{ imagebuilder:buildDate }}'; LaunchPermission = @{ UserIds = @('210987654321') } } }
        }
        $Error.Clear()
        Set-StrictMode -Version Latest
        try { $text = $dist | Format-List | Out-String -Width 160 }
        finally { Set-StrictMode -Off }

        @($Error) | Should -BeNullOrEmpty
        $text | Should -Match "us-east-1: AMI 'golden \{\{ imagebuilder:buildDate \}\}'"
        $text | Should -Match "eu-west-1: AMI 'golden \{\{ imagebuilder:buildDate \}\}', launchable by 210987654321"
    }

    It 'shows the infrastructure list with Name, InstanceTypes and InstanceProfile at 160 columns' {
        New-IbInfrastructureConfiguration -Name golden-build -InstanceProfileName EC2InstanceProfileForImageBuilder -InstanceType m5.large | Out-Null

        $text = Get-IbInfrastructureConfiguration | ConvertTo-TestText -Width 160

        (Get-TestTableHeader $text).Names[1..3] | Should -Be @('Name', 'InstanceTypes', 'InstanceProfile')
        $text | Should -Match 'golden-build\s+m5\.large\s+EC2InstanceProfile'
    }

    It 'shows the whole instance profile name at 160 columns' {
        New-IbInfrastructureConfiguration -Name golden-build -InstanceProfileName EC2InstanceProfileForImageBuilder | Out-Null

        Get-IbInfrastructureConfiguration | ConvertTo-TestText -Width 160 | Should -Match 'EC2InstanceProfileForImageBuilder'
    }

    It 'keeps the infrastructure headers whole at 80 columns' {
        New-IbInfrastructureConfiguration -Name golden-build -InstanceProfileName EC2InstanceProfileForImageBuilder | Out-Null

        (Get-TestTableHeader (Get-IbInfrastructureConfiguration | ConvertTo-TestText -Width 80)).Lines | Should -Be 1
    }
}
