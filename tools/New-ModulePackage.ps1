<#
.SYNOPSIS
    Writes output/ImageBuilder.PS.<version>.nupkg: the package Publish-PSResource pushes to a gallery.
.DESCRIPTION
    The package is made by PSResourceGet itself: a child pwsh (with its home in a temporary folder, so the real
    user's repository store is not touched) registers a temporary local folder repository and runs
    Publish-PSResource -Path <module folder> against it. The nupkg that lands in that folder is the one a gallery
    would receive: the nuspec is written from the manifest (id, version, authors, description, tags with PSModule,
    licence and project URLs, release notes) and the module folder is packed whole, sub-folders included.

    The version is the manifest's ModuleVersion. build.ps1 -Package, the Package target of
    src/ImageBuilder.PS and the package tests all call this script. Needs PowerShell 7 with PSResourceGet
    (the repository's local tool, `dotnet pwsh`, has both).
.PARAMETER ModulePath
    The laid-out module folder. Default: output/ImageBuilder.PS.
.PARAMETER OutputDirectory
    Where the nupkg is written. Default: output.
.PARAMETER IfStale
    Only make the package when it is missing or older than the newest file in the module folder.
.OUTPUTS
    System.IO.FileInfo of the package.
.EXAMPLE
    dotnet pwsh -NoProfile -File tools/New-ModulePackage.ps1
#>
#Requires -Version 7.2
[CmdletBinding()]
[OutputType([IO.FileInfo])]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../output/ImageBuilder.PS'),
    [string] $OutputDirectory = (Join-Path $PSScriptRoot '../output'),
    [switch] $IfStale
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
. (Join-Path $PSScriptRoot 'PwshSandbox.ps1')

$ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
$name = Split-Path -Leaf $ModulePath
$manifest = Join-Path $ModulePath "$name.psd1"
if (-not (Test-Path -LiteralPath $manifest)) {
    throw "$manifest was not found; build the module first (dotnet build ImageBuilder.PS.sln)."
}
$version = (Import-PowerShellDataFile -LiteralPath $manifest).ModuleVersion
$null = New-Item -ItemType Directory -Path $OutputDirectory -Force
$package = Join-Path (Resolve-Path -LiteralPath $OutputDirectory).ProviderPath "$name.$version.nupkg"

if ($IfStale -and (Test-Path -LiteralPath $package)) {
    $newest = Get-ChildItem -LiteralPath $ModulePath -Recurse -File -Force |
        Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1
    if ((Get-Item -LiteralPath $package).LastWriteTimeUtc -ge $newest.LastWriteTimeUtc) {
        Write-Verbose "$package is newer than every file in $ModulePath."
        return Get-Item -LiteralPath $package
    }
}

$sandbox = New-PwshSandbox
try {
    $repository = Join-Path $sandbox 'repository'
    $null = New-Item -ItemType Directory -Path $repository
    $null = Invoke-SandboxedPwsh -Sandbox $sandbox -ArgumentList $repository, $ModulePath, ('IbpsPack' + [guid]::NewGuid().ToString('n')) -ScriptBlock {
        param($Repository, $ModulePath, $RepositoryName)
        $ErrorActionPreference = 'Stop'
        Register-PSResourceRepository -Name $RepositoryName -Uri $Repository -Trusted
        try {
            Publish-PSResource -Path $ModulePath -Repository $RepositoryName
        }
        finally {
            Unregister-PSResourceRepository -Name $RepositoryName
        }
    }
    $published = @(Get-ChildItem -LiteralPath $repository -Filter '*.nupkg')
    if ($published.Count -ne 1) {
        throw "Publish-PSResource left $($published.Count) packages in $repository; expected one."
    }
    Move-Item -LiteralPath $published[0].FullName -Destination $package -Force
}
finally {
    Remove-Item -LiteralPath $sandbox -Recurse -Force -ErrorAction Ignore
}
Write-Verbose "Wrote $package."
Get-Item -LiteralPath $package
