<#
.SYNOPSIS
    Publishes a folder of component documents and the recipe made of them, for a CI job that runs on every commit.

.DESCRIPTION
    Each YAML file in <Path>/components is a component named after the file (install-agent.yaml is the
    install-agent component). The runbook publishes each one under -Version (a pattern such as 1.0.x) and then the
    recipe -RecipeName made of them, in the files' order: a definition that did not change is left as it is, one that
    changed gets the next version the pattern allows. So a job can run it on every commit, and running it twice
    changes nothing the second time. It writes one line per definition: its version, and whether it was created.

    With -WhatIf nothing is created; each changed component says which version it would get and why. The recipe is
    compared only when every component is already published as the files say (otherwise its components would not
    be known yet).

        ./examples/ci-publish.ps1 -Path ./imagebuilder -RecipeName web-server -Platform Linux `
            -ParentImage 'arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x'
        ./examples/ci-publish.ps1 -Path ./imagebuilder -RecipeName web-server -Platform Linux -ParentImage $parent -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    # The folder that holds components/*.yaml.
    [Parameter(Mandatory)]
    [string] $Path,
    [Parameter(Mandatory)]
    [string] $RecipeName,
    [Parameter(Mandatory)]
    [string] $ParentImage,
    [Parameter(Mandatory)]
    [ValidateSet('Linux', 'Windows', 'macOS')]
    [string] $Platform,
    # The versions the components and the recipe may take; a change makes the next one.
    [string] $Version = '1.0.x'
)
# A component that fails must stop the job: the recipe would otherwise be published without it.
$ErrorActionPreference = 'Stop'

$files = @(Get-ChildItem -Path (Join-Path $Path 'components') -Filter '*.yaml' | Sort-Object Name)
if ($files.Count -eq 0) { throw "There is no component document in $(Join-Path $Path 'components')." }

$said = @()
$components = @(foreach ($file in $files) {
        $component = Publish-IbComponent -Name $file.BaseName -Version $Version -Platform $Platform -Path $file.FullName -InformationVariable info
        $said += $info
        if ($component) { $component }
    })
foreach ($component in $components) {
    Write-Output "component $($component.Name) $($component.Version): $($component.Arn)"
}

if ($components.Count -eq $files.Count) {
    $recipe = $components | Publish-IbRecipe -Name $RecipeName -Version $Version -ParentImage $ParentImage -InformationVariable info
    $said += $info
    if ($recipe) { Write-Output "image recipe $($recipe.Name) $($recipe.Version): $($recipe.Arn)" }
}
else {
    Write-Output "image recipe $RecipeName`: compared once its components are published"
}
# What each Publish- did (unchanged, or created and why), for the job's log.
foreach ($line in $said) { Write-Output "  $($line.MessageData)" }
