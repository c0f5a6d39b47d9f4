<#
.SYNOPSIS
    Applies a pipeline folder (as Export-IbPipeline writes it) from a CI job, and fails the job when a step fails.

.DESCRIPTION
    On a pull request, run it with -WhatIf: the job's log shows the plan (what would be created, given a new
    version, updated or left) and nothing changes. On the main branch, run it without: the account is made to match
    the folder, and running it again on the same commit changes nothing. It ends with the plan as a table and, for
    each resource that changed, what changed.

        ./examples/pipeline-folder.ps1 -Path ./pipelines/nightly -WhatIf   # pull request
        ./examples/pipeline-folder.ps1 -Path ./pipelines/nightly           # main branch

    To start such a folder from a pipeline made by hand: Export-IbPipeline -Name nightly -Path ./pipelines/nightly
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    # The folder with pipeline.yaml at its top.
    [Parameter(Mandatory)]
    [string] $Path
)
# A step that fails must fail the job; Publish-IbPipeline does not go on past it either.
$ErrorActionPreference = 'Stop'

# -WhatIf reaches Publish-IbPipeline through $WhatIfPreference, so the plan is written and nothing is changed.
$plan = @(Publish-IbPipeline -Path $Path)

$plan | Format-Table | Out-String -Width 80 | Write-Host
foreach ($item in $plan | Where-Object { $_.Action -in 'NewVersion', 'Update' }) {
    Write-Host "$($item.Kind) $($item.Name):"
    foreach ($difference in $item.Differences) { Write-Host "    $difference" }
}
$changed = @($plan | Where-Object Action -ne 'Unchanged').Count
Write-Host ("{0} of {1} resources {2}." -f $changed, $plan.Count, $(if ($WhatIfPreference) { 'would change' } else { 'changed' }))
