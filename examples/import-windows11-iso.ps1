<#
.SYNOPSIS
    Turns a Windows 11 Enterprise ISO in S3 into an Image Builder image (and an AMI), waiting for the import.

.DESCRIPTION
    Import-IbDiskImage asks Image Builder to install Windows from the ISO on a build instance and keep the result
    as an image. Image Builder installs Windows 11 Enterprise from an Enterprise ISO (volume-licensing media); the
    consumer ISO and its Home or Pro editions are not imported. The ISO must be in an S3 bucket the build instance can read, and the instance profile of the
    infrastructure configuration needs the permissions Image Builder documents for ISO imports. It takes an hour
    or more on AWS, seconds on the emulator.

        ./examples/import-windows11-iso.ps1 -Uri s3://my-bucket/Win11_24H2_Enterprise_English_x64.iso -InstanceProfileName ImageBuilderIsoImport
#>
[CmdletBinding()]
param(
    # The ISO: s3://bucket/key.
    [Parameter(Mandatory)]
    [string] $Uri,
    [string] $Name = 'windows-11-from-iso',
    [string] $Version = '1.0.0',
    # Which edition on the ISO to install (its image index, as Get-WindowsImage -ImagePath install.wim lists
    # them); an Enterprise ISO usually holds Enterprise at index 1.
    [long] $WindowsImageIndex = 1,
    # An existing infrastructure configuration; without it one is created with -InstanceProfileName.
    [string] $InfrastructureConfigurationArn,
    [string] $InstanceProfileName = 'EC2InstanceProfileForImageBuilder'
)
$ErrorActionPreference = 'Stop'

if (-not $InfrastructureConfigurationArn) {
    $InfrastructureConfigurationArn = (New-IbInfrastructureConfiguration -Name "$Name-import" -InstanceProfileName $InstanceProfileName -InstanceType m5.xlarge).Arn
}

$image = Import-IbDiskImage -Name $Name -SemanticVersion $Version -Platform Windows -OsVersion 'Microsoft Windows 11' `
    -Uri $Uri -WindowsImageIndex $WindowsImageIndex -InfrastructureConfigurationArn $InfrastructureConfigurationArn `
    -Tag @{ Source = 'iso' } -Wait -PollInterval 30
$image | Format-List
$ami = $image.OutputResources.Amis | Select-Object -First 1
Write-Output "Windows 11 is now $($image.Arn), AMI $($ami.Image) in $($ami.Region)."
