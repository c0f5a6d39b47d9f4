<#
.SYNOPSIS
    Builds ImageBuilder.PS into output/ImageBuilder.PS, and optionally runs the tests or makes the package.
.DESCRIPTION
    A thin wrapper around the .NET SDK for PowerShell users: the same commands the README gives.
    -Package writes output/ImageBuilder.PS.<version>.nupkg with PSResourceGet's Publish-PSResource, run in the
    repository's local pwsh (tools/New-ModulePackage.ps1; the same as `dotnet pack src/ImageBuilder.PS`).
.EXAMPLE
    ./build.ps1 -Test
.EXAMPLE
    ./build.ps1 -Package
#>
[CmdletBinding()]
param(
    # Run every test after building.
    [switch] $Test,
    # Make output/ImageBuilder.PS.<version>.nupkg after building.
    [switch] $Package,
    # Release or Debug.
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)
$ErrorActionPreference = 'Stop'
Push-Location $PSScriptRoot
try {
    if ($Test) {
        dotnet test ImageBuilder.PS.sln -c $Configuration
    }
    else {
        dotnet build ImageBuilder.PS.sln -c $Configuration
    }
    if ($LASTEXITCODE -ne 0) { throw "dotnet exited with $LASTEXITCODE" }
    Write-Host "Module: $(Join-Path $PSScriptRoot 'output/ImageBuilder.PS')"
    if ($Package) {
        # The pinned pwsh (with PSResourceGet) whatever PowerShell runs this script, Windows PowerShell 5.1 included.
        dotnet tool restore | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "dotnet tool restore exited with $LASTEXITCODE" }
        dotnet tool run pwsh -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'tools/New-ModulePackage.ps1') | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "Packaging exited with $LASTEXITCODE" }
        $version = (Import-PowerShellDataFile (Join-Path $PSScriptRoot 'ImageBuilder.PS.psd1')).ModuleVersion
        Write-Host "Package: $(Join-Path $PSScriptRoot "output/ImageBuilder.PS.$version.nupkg")"
    }
}
finally {
    Pop-Location
}
