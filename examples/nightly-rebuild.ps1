<#
.SYNOPSIS
    Rebuilds an image with its pipeline, then deletes the older builds of that image, keeping the newest few.

.DESCRIPTION
    A runbook for a schedule (Azure Automation, a scheduled task, SSM Run Command): it starts the pipeline, waits
    for the build, and when the build is AVAILABLE deletes the image's older builds beyond the newest -Keep.
    A failed build stops the runbook with the service's reason and deletes nothing. With -WhatIf it builds
    nothing and deletes nothing, and says what it would do.

        ./examples/nightly-rebuild.ps1 -PipelineName golden-windows-nightly -Keep 3 -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)]
    [string] $PipelineName,
    # How many of the newest AVAILABLE builds to keep (the new one included).
    [ValidateRange(1, 100)]
    [int] $Keep = 3,
    # How long to wait for the build, in seconds.
    [int] $TimeoutSeconds = 7200
)
$ErrorActionPreference = 'Stop'

$pipeline = Get-IbPipeline -Name $PipelineName
if (-not $pipeline) { throw "No pipeline is named '$PipelineName'." }

if ($PSCmdlet.ShouldProcess($pipeline.Arn, 'Start the pipeline and wait for its image')) {
    $image = $pipeline | Start-IbPipeline -Wait -Timeout $TimeoutSeconds -PollInterval 30
    Write-Output "Built $($image.Name) $($image.Version): $($image.State.Status)"
}

# The builds of the image's versions, newest first; only AVAILABLE ones count towards what is kept.
$builds = Get-IbImage -Name $pipeline.Name -Owner Self | Get-IbImageBuildVersion |
    Where-Object Status -eq AVAILABLE | Sort-Object DateCreated -Descending
$old = @($builds | Select-Object -Skip $Keep)
Write-Output "$($builds.Count) available builds; $($old.Count) older than the newest $Keep."
$old | Remove-IbImage -Force -PassThru | ForEach-Object { "Deleted $_" }
