<#
.SYNOPSIS
    Hands the newest image a pipeline built to AppStream 2.0, waiting until AppStream can use it.

.DESCRIPTION
    Finds the pipeline's newest AVAILABLE image, imports its AMI (in the region being called) into AppStream as
    a new image, and waits while AppStream imports and validates it. The role given with -IamRoleArn must let
    AppStream read the AMI.

        ./examples/appstream-handoff.ps1 -PipelineName golden-windows-nightly -AppStreamImageName golden-2026-11 -IamRoleArn arn:aws:iam::123456789012:role/AppStreamImageImport
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)]
    [string] $PipelineName,
    [Parameter(Mandatory)]
    [string] $AppStreamImageName,
    [Parameter(Mandatory)]
    [string] $IamRoleArn,
    [string] $InstanceType = 'stream.standard.medium'
)
$ErrorActionPreference = 'Stop'

$newest = Get-IbPipeline -Name $PipelineName | Get-IbPipelineImage |
    Where-Object { $_.State.Status -eq 'AVAILABLE' } | Sort-Object DateCreated | Select-Object -Last 1
if (-not $newest) { throw "The pipeline '$PipelineName' has built no AVAILABLE image yet." }
Write-Output "Handing $($newest.Name) $($newest.Version) to AppStream as '$AppStreamImageName'."

$imported = Get-IbImage -Arn $newest.Arn |
    Import-IbAppStreamImage -Name $AppStreamImageName -IamRoleArn $IamRoleArn -IntendedInstanceType $InstanceType `
        -Description "From Image Builder ($($newest.Name) $($newest.Version))" -Wait -PollInterval 30
if ($imported) {
    $imported | Format-List
    Write-Output "AppStream image $($imported.Name) is $($imported.State)."
}
