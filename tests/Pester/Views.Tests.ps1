# Displaying what the cmdlets write, as a user does (Format-Table, Format-List, with and without strict mode):
# no view may ever add to $Error.
BeforeDiscovery {
    # Every output type a user meets; BeforeAll makes one of each the way a user gets it.
    $cases = @(
        @{ Type = 'ImageVersion' }
        @{ Type = 'Image' }
        @{ Type = 'ImageSummary' }
        @{ Type = 'Component' }
        @{ Type = 'ComponentVersion' }
        @{ Type = 'ImageRecipe' }
        @{ Type = 'ImageRecipeSummary' }
        @{ Type = 'ImagePipeline' }
        @{ Type = 'InfrastructureConfiguration' }
        @{ Type = 'InfrastructureConfigurationSummary' }
        @{ Type = 'ImageScanFinding' }
        @{ Type = 'ImageScanFindingAggregation' }
        @{ Type = 'WorkflowExecution' }
        @{ Type = 'WorkspaceImage' }
        @{ Type = 'AppStreamImage' }
        @{ Type = 'LifecyclePolicy' }
        @{ Type = 'Workflow' }
    )
}

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    Reset-TestEmulator
    $pipeline = New-TestPipeline
    $image = New-TestImage
    $role = 'arn:aws:iam::123456789012:role/ImageBuilderRole'
    $objects = @{
        ImageVersion                       = Get-IbImage -Owner Amazon -First 1
        Image                              = $image
        ImageSummary                       = Get-IbPipeline -Name nightly | Get-IbPipelineImage
        Component                          = Get-IbComponent -Arn (Get-IbComponent)[0].Arn
        ComponentVersion                   = Get-IbComponent
        ImageRecipe                        = Get-IbRecipe -Arn $pipeline.ImageRecipeArn
        ImageRecipeSummary                 = Get-IbRecipe
        ImagePipeline                      = $pipeline
        InfrastructureConfiguration        = Get-IbInfrastructureConfiguration -Arn $pipeline.InfrastructureConfigurationArn
        InfrastructureConfigurationSummary = Get-IbInfrastructureConfiguration
        ImageScanFinding                   = Get-IbImageScanFinding -ImageArn $image.Arn
        ImageScanFindingAggregation        = Get-IbImageScanFindingAggregation -ImageArn $image.Arn
        WorkflowExecution                  = Get-IbWorkflowExecution -ImageArn $image.Arn
        WorkspaceImage                     = New-TestDesktopImage | Import-IbWorkSpacesImage -IngestionProcess BYOL_REGULAR_WSP -ImageName win11 -ImageDescription golden
        AppStreamImage                     = $image | Import-IbAppStreamImage -Name golden-as -IamRoleArn $role
        LifecyclePolicy                    = New-IbLifecyclePolicy tagged-cleanup -ExecutionRole $role -ResourceTag @{ Cleanup = 'yes' } -Rule @{ Action = 'DELETE'; Count = 10 }
        Workflow                           = New-IbWorkflow -Name approve-build -SemanticVersion 1.0.0 -Type BUILD -Data "schemaVersion: 1.0`nsteps:`n  - name: Approval`n    action: WaitForAction`n"
    }
    function Get-ErrorsFromDisplaying($InputObject, [switch] $Strict) {
        $Error.Clear()
        if ($Strict) { Set-StrictMode -Version Latest }
        try {
            $InputObject | Format-Table | Out-String -Width 160 | Out-Null
            $InputObject | Format-List | Out-String -Width 160 | Out-Null
            $InputObject | Out-String -Width 80 | Out-Null
        }
        finally { Set-StrictMode -Off }
        @($Error | ForEach-Object { "$_ ($($_.InvocationInfo.PositionMessage -replace "\s+", " "))" })
    }
}

Describe 'Views' {
    It 'displays <Type> objects without adding to $Error' -ForEach $cases {
        $objects[$Type] | Should -Not -BeNullOrEmpty

        Get-ErrorsFromDisplaying $objects[$Type] | Should -BeNullOrEmpty
    }

    It 'displays <Type> objects under Set-StrictMode -Version Latest without adding to $Error' -ForEach $cases {

        Get-ErrorsFromDisplaying $objects[$Type] -Strict | Should -BeNullOrEmpty
    }

    It 'writes <Type> objects whose first type name is one of the module''s' -ForEach $cases {
        @($objects[$Type])[0].PSObject.TypeNames[0] | Should -BeLike 'ImageBuilder.PS.Model.*'
    }
}
