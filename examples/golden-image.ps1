<#
.SYNOPSIS
    Builds a golden Windows image from start to finish and hands it to WorkSpaces.

.DESCRIPTION
    A component written in YAML (checked before it is sent), infrastructure and distribution configurations, a
    Windows 11 Enterprise parent image (imported from an ISO unless -ParentImage names one), a recipe, a build
    workflow with an approval step, a pipeline, a build followed with a progress bar, the approval, a summary of
    the image's scan findings, and the import of the image into WorkSpaces.

    WorkSpaces takes bring-your-own-license images of Windows 10 and 11 desktops, not Windows Server, so the
    golden image starts from a Windows 11 Enterprise image of your own.

    With the repository's shell in emulator mode it needs no AWS account and runs in seconds:

        dotnet run --project tools/ImageBuilder.PS.Shell -- --emulator -File examples/golden-image.ps1

    Against a real account, set credentials and a region as for any AWS tool, give -InstanceProfileName an
    instance profile Image Builder may use, -ExecutionRole a role for the workflow, and either -ParentImage (your
    Windows 11 image, for example one import-windows11-iso.ps1 made) or -IsoUri (your Windows 11 Enterprise ISO in
    S3), and expect each build to take about an hour. It creates resources named after -Name; remove them when you
    are done.
#>
[CmdletBinding()]
param(
    # The name the image, its recipe, configurations and pipeline share.
    [string] $Name = 'golden-windows',
    [string] $Version = '1.0.0',
    # The instance profile the build instances run as.
    [string] $InstanceProfileName = 'EC2InstanceProfileForImageBuilder',
    # The role Image Builder runs the workflow with (needed on AWS; the emulator does without).
    [string] $ExecutionRole,
    # Your Windows 11 image to build on (an image ARN). Without it, one is imported from -IsoUri first.
    [string] $ParentImage,
    # A Windows 11 Enterprise ISO in S3, used when no -ParentImage is given (the default is a placeholder).
    [string] $IsoUri = 's3://amzn-s3-demo-bucket/Win11_24H2_Enterprise_English_x64.iso',
    [string] $WorkSpacesImageName = "$Name-workspaces"
)
$ErrorActionPreference = 'Stop'
$region = if ($env:AWS_REGION) { $env:AWS_REGION } elseif ($StoredAWSRegion) { $StoredAWSRegion } else { 'us-east-1' }

function Write-Stage([string] $Text) { Write-Host "`n== $Text" -ForegroundColor Cyan }

Write-Stage 'A component, written in YAML and checked before it is sent'
$document = @'
name: install-tools
description: Installs the tools every golden image carries
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: InstallTools
        action: ExecutePowerShell
        onFailure: Abort
        timeoutSeconds: 900
        inputs:
          commands:
            - Install-WindowsFeature -Name Telnet-Client
            - New-Item -ItemType Directory -Path C:\Tools -Force
  - name: validate
    steps:
      - name: CheckTools
        action: ExecutePowerShell
        inputs:
          commands:
            - if (-not (Test-Path C:\Tools)) { exit 1 }
'@
$findings = Test-IbComponentDocument -Data $document
if ($findings) { $findings; throw 'The component document has problems.' }
$component = New-IbComponent -Name "$Name-tools" -SemanticVersion $Version -Platform Windows -Data $document -Description 'Tools for the golden image'
$component | Format-Table

Write-Stage 'Where to build, and where the image goes'
$infrastructure = New-IbInfrastructureConfiguration -Name "$Name-build" -InstanceProfileName $InstanceProfileName -InstanceType m5.large
$distribution = New-IbDistributionConfiguration -Name "$Name-distribution" -Distribution @{
    $region = @{ Ami = @{ Name = "$Name {{ imagebuilder:buildDate }}"; AmiTags = @{ Purpose = 'golden' } } }
}
$infrastructure | Format-Table
$distribution | Format-Table

if (-not $ParentImage) {
    Write-Stage 'Windows 11 Enterprise, imported from its ISO'
    $imported = Import-IbDiskImage -Name "$Name-base" -SemanticVersion $Version -Platform Windows -OsVersion 'Microsoft Windows 11' `
        -Uri $IsoUri -WindowsImageIndex 1 -InfrastructureConfigurationArn $infrastructure.Arn -Wait -PollInterval 5
    $ParentImage = $imported.Arn
}

Write-Stage 'A recipe on the Windows 11 image'
$parent = Get-IbImage -Arn $ParentImage
"Parent image: $($parent.Name) $($parent.Version) ($($parent.OsVersion))"
$recipe = New-IbRecipe -Name $Name -SemanticVersion $Version -ParentImage $parent.Arn -Component $component
$recipe | Format-Table

Write-Stage 'A build workflow that waits for approval before it takes the image'
$workflow = New-IbWorkflow -Name "$Name-approval" -SemanticVersion $Version -Type BUILD -Document ([ordered]@{
    schemaVersion = 1.0
    steps         = @(
        [ordered]@{ name = 'LaunchBuildInstance'; action = 'LaunchInstance'; onFailure = 'Abort'; inputs = @{ waitFor = 'ssmAgent' } }
        [ordered]@{ name = 'ApplyBuildComponents'; action = 'ExecuteComponents'; onFailure = 'Abort'; inputs = @{ 'instanceId.$' = '$.stepOutputs.LaunchBuildInstance.instanceId' } }
        [ordered]@{ name = 'Approval'; action = 'WaitForAction' }
        [ordered]@{ name = 'GeneralizeWindows'; action = 'RunSysPrep'; onFailure = 'Abort'; inputs = @{ 'instanceId.$' = '$.stepOutputs.LaunchBuildInstance.instanceId' } }
        [ordered]@{ name = 'CreateOutputAMI'; action = 'CreateImage'; onFailure = 'Abort'; inputs = @{ 'instanceId.$' = '$.stepOutputs.LaunchBuildInstance.instanceId' } }
        [ordered]@{ name = 'TerminateBuildInstance'; action = 'TerminateInstance'; onFailure = 'Continue'; inputs = @{ 'instanceId.$' = '$.stepOutputs.LaunchBuildInstance.instanceId' } }
    )
    outputs       = @([ordered]@{ name = 'ImageId'; value = '$.stepOutputs.CreateOutputAMI.imageId' })
})
$workflow | Format-Table

Write-Stage 'A pipeline that scans what it builds'
$pipelineArguments = @{
    Name                           = "$Name-nightly"
    InfrastructureConfigurationArn = $infrastructure.Arn
    DistributionConfigurationArn   = $distribution.Arn
    ImageScanning                  = $true
    Workflow                       = @{ WorkflowArn = $workflow.Arn }
}
if ($ExecutionRole) { $pipelineArguments.ExecutionRole = $ExecutionRole }
$pipeline = $recipe | New-IbPipeline @pipelineArguments
$pipeline | Format-Table

Write-Stage 'The build, until it needs approval'
$image = $pipeline | Start-IbPipeline
$waiting = $image | Wait-IbImage -UntilWaitingStep -PollInterval 5
$waiting | Format-Table

Write-Stage 'Approved: the build goes on'
$waiting | Send-IbStepAction -Action RESUME -Reason 'Approved by the golden-image runbook'
$image = $image | Wait-IbImage -PollInterval 5
$image | Format-List

Write-Stage 'What the scan found'
$scan = Get-IbImageScanFinding -ImageArn $image.Arn
$order = 'CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNTRIAGED'
$scan | Group-Object Severity | Sort-Object { [array]::IndexOf($order, $_.Name) } |
    Select-Object @{ n = 'Severity'; e = { $_.Name } }, Count | Format-Table -AutoSize
"$($scan.Count) findings in all; the critical ones:"
$scan | Where-Object Severity -eq CRITICAL | Format-Table

Write-Stage 'Handed to WorkSpaces'
$workspacesImage = $image | Import-IbWorkSpacesImage -IngestionProcess BYOL_REGULAR_WSP -Name $WorkSpacesImageName -Description "Golden image $Version" -Wait -PollInterval 5
$workspacesImage | Format-Table

Write-Host "`nDone: image $($image.Arn) is $($image.State.Status); WorkSpaces image $($workspacesImage.ImageId) is $($workspacesImage.State)." -ForegroundColor Green
