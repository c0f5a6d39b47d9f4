<#
.SYNOPSIS
    Rebuilds an image with its pipeline, then deletes the older builds of that image, keeping the newest few.

.DESCRIPTION
    A runbook for a schedule (Azure Automation, a scheduled task, SSM Run Command): it starts the pipeline, waits
    for the build, and when the build is AVAILABLE deletes the older builds the pipeline made, beyond the newest
    -Keep. A failed build stops the runbook with the service's reason and deletes nothing. With -WhatIf it builds
    nothing and deletes nothing, and says what it would do.

    Deleting an Image Builder image (Remove-IbImage) leaves its AMIs and snapshots in EC2, where they keep costing.
    Given -ExecutionRole, the runbook deletes the old builds with their AMIs and snapshots instead
    (Set-IbResourceState); the role must be one Image Builder can assume for lifecycle changes, for example one
    with the EC2ImageBuilderLifecycleExecutionPolicy managed policy.

        ./examples/nightly-rebuild.ps1 -PipelineName golden-windows-nightly -Keep 3 -WhatIf
        ./examples/nightly-rebuild.ps1 -PipelineName golden-windows-nightly -ExecutionRole ImageBuilderLifecycleRole
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)]
    [string] $PipelineName,
    # How many of the newest AVAILABLE builds to keep (the new one included).
    [ValidateRange(1, 100)]
    [int] $Keep = 3,
    # How long to wait for the build, in seconds.
    [int] $TimeoutSeconds = 7200,
    # The role Image Builder uses to delete old builds' AMIs and snapshots; without it they stay in EC2.
    [string] $ExecutionRole
)
$ErrorActionPreference = 'Stop'

$pipeline = Get-IbPipeline -Name $PipelineName
if (-not $pipeline) { throw "No pipeline is named '$PipelineName'." }

if ($PSCmdlet.ShouldProcess($pipeline.Arn, 'Start the pipeline and wait for its image')) {
    $image = $pipeline | Start-IbPipeline -Wait -Timeout $TimeoutSeconds -PollInterval 30
    Write-Output "Built $($image.Name) $($image.Version): $($image.State.Status)"
}

# The builds this pipeline made, newest first; only AVAILABLE ones count towards what is kept. (Images are named
# after their recipe, not the pipeline, so they are found through the pipeline.)
$builds = $pipeline | Get-IbPipelineImage | Where-Object Status -eq AVAILABLE | Sort-Object DateCreated -Descending
$old = @($builds | Select-Object -Skip $Keep)
Write-Output "$($builds.Count) available builds; $($old.Count) older than the newest $Keep."
if ($ExecutionRole) {
    $old | Set-IbResourceState -State DELETED -IncludeResource Amis, Snapshots -ExecutionRole $ExecutionRole -Force -Wait |
        ForEach-Object { "Deleted with AMIs and snapshots: lifecycle run $($_.LifecycleExecutionId) $($_.State.Status)" }
}
else {
    $old | Remove-IbImage -Force -PassThru | ForEach-Object { "Deleted $_ (its AMIs stay in EC2)" }
}
