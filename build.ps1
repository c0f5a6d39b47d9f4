<#
.SYNOPSIS
    Builds ImageBuilder.PS into output/ImageBuilder.PS, and optionally runs the tests.
.DESCRIPTION
    A thin wrapper around the .NET SDK for PowerShell users: the same commands the README gives.
.EXAMPLE
    ./build.ps1 -Test
#>
[CmdletBinding()]
param(
    # Run every test after building.
    [switch] $Test,
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
}
finally {
    Pop-Location
}
