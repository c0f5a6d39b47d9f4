@{
    # The one place the module's version lives; the build stamps it on the assemblies.
    ModuleVersion        = '0.1.0'
    GUID                 = '6c0f3a0e-6a8e-4d39-9d7e-2f4b1b6a5c11'
    Author               = 'ImageBuilder.PS contributors'
    CompanyName          = 'ImageBuilder.PS'
    Copyright            = '(c) ImageBuilder.PS contributors. Apache License 2.0.'
    Description          = 'EC2 Image Builder from PowerShell: recipes, pipelines, builds, scans and workflows as objects that pipe into each other, with -WhatIf everywhere, waits with progress, YAML checked before it is sent, and a local emulator. Also hands built images to AppStream 2.0 and WorkSpaces.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    RootModule           = 'ImageBuilder.PS.dll'
    FormatsToProcess     = @(
        'Formats/Components.Format.ps1xml'
        'Formats/DistributionConfigurations.Format.ps1xml'
        'Formats/Documents.Format.ps1xml'
        'Formats/Images.Format.ps1xml'
        'Formats/InfrastructureConfigurations.Format.ps1xml'
        'Formats/Pipelines.Format.ps1xml'
        'Formats/Recipes.Format.ps1xml'
    )
    CmdletsToExport      = @(
        'Get-IbComponent'
        'Get-IbDistributionConfiguration'
        'Get-IbImage'
        'Get-IbInfrastructureConfiguration'
        'Get-IbPipeline'
        'Get-IbPipelineImage'
        'Get-IbRecipe'
        'Get-IbRecipePolicy'
        'New-IbComponent'
        'New-IbDistributionConfiguration'
        'New-IbInfrastructureConfiguration'
        'New-IbPipeline'
        'New-IbRecipe'
        'Remove-IbComponent'
        'Remove-IbDistributionConfiguration'
        'Remove-IbInfrastructureConfiguration'
        'Remove-IbPipeline'
        'Remove-IbRecipe'
        'Set-IbRecipePolicy'
        'Start-IbPipeline'
        'Test-IbComponentDocument'
        'Test-IbWorkflowDocument'
        'Update-IbDistributionConfiguration'
        'Update-IbInfrastructureConfiguration'
        'Update-IbPipeline'
        'Wait-IbImage'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('AWS', 'EC2ImageBuilder', 'ImageBuilder', 'AMI', 'AppStream', 'WorkSpaces', 'GoldenImage')
            LicenseUri = 'https://www.apache.org/licenses/LICENSE-2.0'
        }
    }
}
