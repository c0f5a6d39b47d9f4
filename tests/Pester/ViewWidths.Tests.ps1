# Every table view at 80 columns (SSM Run Command output, a narrow terminal) and at 160: the header on one line, the
# key columns there and their values whole at 80, nothing cut with '…' at 160 where there is room.
#
# PowerShell sizes a table this way: when the first column has no Width it sizes every column to the first objects
# and, when they do not fit, narrows the rightmost column until its header wraps letter by letter; otherwise the
# columns with a Width keep it and those without share what is left. So every table view gives its first column a
# Width, fits in 80 columns, and leaves the long text (names, profiles, regions, ARNs) to columns without a Width,
# which take what a wider terminal has.
BeforeDiscovery {
    # Each output type with a table view, the columns that must be there at 80 and the properties whose values
    # must read whole at 80.
    $cases = @(
        @{ Type = 'ImageVersion'; Key = 'Name', 'Version', 'Created'; Whole = 'Name', 'Version' }
        @{ Type = 'Image'; Key = 'Status', 'Name', 'Version', 'Created'; Whole = 'Status', 'Name' }
        @{ Type = 'ImageSummary'; Key = 'Status', 'Name', 'Version', 'Created'; Whole = 'Status', 'Name' }
        @{ Type = 'ImagePackage'; Key = 'PackageName', 'PackageVersion', 'Image'; Whole = 'PackageName', 'PackageVersion', 'Image' }
        @{ Type = 'ComponentVersion'; Key = 'Name', 'Version', 'Status', 'Created'; Whole = 'Name', 'Version', 'Status' }
        @{ Type = 'Component'; Key = 'Name', 'Version', 'State', 'Created'; Whole = 'Name', 'Version' }
        @{ Type = 'ComponentSummary'; Key = 'Name', 'Version', 'State', 'Created'; Whole = 'Name' }
        @{ Type = 'ImageRecipe'; Key = 'Name', 'Version', 'Created'; Whole = 'Name', 'Version' }
        @{ Type = 'ImageRecipeSummary'; Key = 'Name', 'Version', 'Created'; Whole = 'Name' }
        @{ Type = 'ContainerRecipe'; Key = 'Name', 'Version', 'Repository', 'Created'; Whole = 'Name', 'Version', 'Repository' }
        @{ Type = 'ContainerRecipeSummary'; Key = 'Name', 'Version', 'Created'; Whole = 'Name' }
        @{ Type = 'ImagePipeline'; Key = 'Name', 'Status', 'Schedule', 'LastRun'; Whole = 'Name', 'Status' }
        @{ Type = 'InfrastructureConfiguration'; Key = 'Name', 'InstanceTypes', 'Updated'; Whole = 'Name' }
        @{ Type = 'InfrastructureConfigurationSummary'; Key = 'Name', 'InstanceTypes', 'InstanceProfile', 'Created'; Whole = 'Name' }
        @{ Type = 'DistributionConfiguration'; Key = 'Name', 'Regions', 'Created'; Whole = 'Name' }
        @{ Type = 'DistributionConfigurationSummary'; Key = 'Name', 'Regions', 'Created'; Whole = 'Name' }
        @{ Type = 'ImageScanFinding'; Key = 'Severity', 'Score', 'VulnerabilityId', 'Package'; Whole = 'Severity', 'VulnerabilityId' }
        @{ Type = 'ImageScanFindingAggregation'; Key = 'Type', 'Key', 'Critical', 'High', 'Medium', 'Other', 'All'; Whole = 'Key' }
        @{ Type = 'WorkflowVersion'; Key = 'Name', 'Version', 'Type', 'Created'; Whole = 'Name', 'Version' }
        @{ Type = 'Workflow'; Key = 'Name', 'Version', 'Type', 'Created'; Whole = 'Name' }
        @{ Type = 'WorkflowSummary'; Key = 'Name', 'Version', 'Type', 'Created'; Whole = 'Name' }
        @{ Type = 'WorkflowExecutionMetadata'; Key = 'Workflow', 'Status', 'Steps', 'Started'; Whole = 'Status', 'Steps' }
        @{ Type = 'WorkflowStepMetadata'; Key = 'Name', 'Action', 'Status', 'Started'; Whole = 'Name', 'Action', 'Status' }
        @{ Type = 'WorkflowStepExecution'; Key = 'WaitingSince', 'Name', 'Image'; Whole = 'Name', 'Image' }
        @{ Type = 'LifecyclePolicy'; Key = 'Name', 'Status', 'ResourceType'; Whole = 'Name', 'Status', 'ResourceType' }
        @{ Type = 'LifecyclePolicySummary'; Key = 'Name', 'Status', 'ResourceType'; Whole = 'Name', 'Status', 'ResourceType' }
        @{ Type = 'LifecycleExecution'; Key = 'LifecycleExecutionId', 'Status', 'Started'; Whole = 'LifecycleExecutionId', 'Status' }
        @{ Type = 'LifecycleExecutionResource'; Key = 'ResourceId', 'Action', 'Status', 'Started'; Whole = 'ResourceId', 'Status' }
        @{ Type = 'ResourcePolicy'; Key = 'Resource', 'Principals', 'Actions'; Whole = 'Resource' }
        @{ Type = 'MarketplaceResource'; Key = 'Resource', 'Document'; Whole = 'Resource' }
        @{ Type = 'DocumentFinding'; Key = 'Line', 'Severity', 'Message'; Whole = 'Severity' }
        @{ Type = 'WorkspaceImage'; Key = 'ImageId', 'Name', 'State', 'Created'; Whole = 'ImageId', 'Name', 'State' }
        @{ Type = 'AppStreamImage'; Key = 'Name', 'State', 'Platform', 'Created'; Whole = 'Name', 'State', 'Platform' }
        # Log lines wrap their text, and not every line names a step: nothing to find whole on one line.
        @{ Type = 'ImageLogEvent'; Key = 'Time', 'Where', 'Text'; Whole = @() }
        @{ Type = 'IbEmulator'; Key = 'Url', 'Clock', 'Now', 'AccountId', 'Region'; Whole = 'Url', 'Clock', 'AccountId', 'Region' }
        @{ Type = 'IbEmulatorFault'; Key = 'Kind', 'Operation', 'Count', 'Rate', 'Detail'; Whole = 'Kind', 'Operation', 'Detail' }
        @{ Type = 'PipelineLogEvent'; Key = 'Time', 'Decision', 'Build', 'Reason'; Whole = 'Decision', 'Build' }
        @{ Type = 'DocumentLineDifference'; Key = 'Side', 'Ref', 'Diff', 'Text'; Whole = 'Side', 'Text' }
        @{ Type = 'PlanItem'; Key = 'Action', 'Kind', 'Name', 'Version', 'Changed'; Whole = 'Action', 'Kind', 'Name' }
    )
}

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    Reset-TestEmulator
    $role = 'arn:aws:iam::123456789012:role/ImageBuilderRole'
    $approval = "schemaVersion: 1.0`nsteps:`n  - name: LaunchBuildInstance`n    action: LaunchInstance`n    onFailure: Abort`n  - name: Approval`n    action: WaitForAction`n"
    $dist = New-IbDistributionConfiguration -Name golden-distribution -Distribution @{
        'us-east-1' = @{ Ami = @{ Name = 'golden {{ imagebuilder:buildDate }}' } }
        'eu-west-1' = @{ Ami = @{ Name = 'golden {{ imagebuilder:buildDate }}' } }
    }
    $pipeline = New-TestPipeline -DistributionConfigurationArn $dist.Arn
    Get-IbInfrastructureConfiguration | Update-IbInfrastructureConfiguration -InstanceProfileName EC2InstanceProfileForImageBuilder | Out-Null
    $image = New-TestImage
    Add-IbTag $image.Arn @{ Cleanup = 'yes' }
    $component = Get-IbComponent -Arn (Get-IbComponent)[0].Arn
    Set-IbComponentPolicy -Arn $component.Arn -Policy @{
        Version   = '2012-10-17'
        Statement = @(@{ Effect = 'Allow'; Principal = @{ AWS = @('210987654321') }; Action = @('imagebuilder:GetComponent'); Resource = @('*') })
    } | Out-Null
    $policy = New-IbLifecyclePolicy tagged-cleanup -ExecutionRole $role -ResourceTag @{ Cleanup = 'yes' } -Rule @{ Action = 'DELETE'; Count = 1 }
    $workflow = New-IbWorkflow -Name approve-build -SemanticVersion 1.0.0 -Type BUILD -Data $approval
    $waiting = New-IbImage -RecipeArn $pipeline.ImageRecipeArn -InfrastructureConfigurationArn $pipeline.InfrastructureConfigurationArn -Workflow @{ WorkflowArn = $workflow.Arn }
    Step-TestEmulatorClock -Stages 4 | Out-Null
    $container = New-IbContainerRecipe web-app 1.0.0 -ParentImage amazonlinux:2023 -RepositoryName web-app -DockerfileTemplateData "FROM {{{ imagebuilder:parentImage }}}`n{{{ imagebuilder:environments }}}`n{{{ imagebuilder:components }}}" `
        -Component @{ ComponentArn = 'arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x' }

    $objects = @{
        ImageVersion                       = Get-IbImage -Owner Amazon -Platform Windows -First 1
        Image                              = $image
        ImageSummary                       = Get-IbPipeline -Name nightly | Get-IbPipelineImage
        ImagePackage                       = Get-IbImagePackage -Arn $image.Arn
        ComponentVersion                   = Get-IbComponent
        Component                          = $component
        ComponentSummary                   = Get-IbComponentBuildVersion -Arn ($component.Arn -replace '/\d+$')
        ImageRecipe                        = Get-IbRecipe -Arn $pipeline.ImageRecipeArn
        ImageRecipeSummary                 = Get-IbRecipe
        ContainerRecipe                    = $container
        ContainerRecipeSummary             = Get-IbContainerRecipe
        ImagePipeline                      = Get-IbPipeline -Name nightly
        InfrastructureConfiguration        = Get-IbInfrastructureConfiguration -Arn $pipeline.InfrastructureConfigurationArn
        InfrastructureConfigurationSummary = Get-IbInfrastructureConfiguration
        DistributionConfiguration          = $dist
        DistributionConfigurationSummary   = Get-IbDistributionConfiguration
        ImageScanFinding                   = Get-IbImageScanFinding -ImageArn $image.Arn
        ImageScanFindingAggregation        = Get-IbImageScanFindingAggregation -ImageArn $image.Arn
        WorkflowVersion                    = Get-IbWorkflow
        Workflow                           = $workflow
        WorkflowSummary                    = Get-IbWorkflowBuildVersion -Arn ($workflow.Arn -replace '/\d+$')
        WorkflowExecutionMetadata          = Get-IbWorkflowExecution -ImageArn $image.Arn
        WorkflowStepMetadata               = Get-IbWorkflowExecution -ImageArn $image.Arn | Get-IbStepExecution
        WorkflowStepExecution              = Get-IbWaitingStep
        LifecyclePolicy                    = $policy
        LifecyclePolicySummary             = Get-IbLifecyclePolicy
        ResourcePolicy                     = Get-IbComponentPolicy -Arn $component.Arn
        MarketplaceResource                = Get-IbComponent -Owner AWSMarketplace | Select-Object -First 1 | Get-IbMarketplaceResource -ResourceType COMPONENT_DATA
        DocumentFinding                    = Test-IbComponentDocument -Data 'name: hello'
        WorkspaceImage                     = New-TestDesktopImage | Import-IbWorkSpacesImage -IngestionProcess BYOL_REGULAR_WSP -ImageName win11 -ImageDescription golden
        AppStreamImage                     = $image | Import-IbAppStreamImage -Name golden-as -IamRoleArn $role
        ImageLogEvent                      = Get-IbImageLog -Arn $image.Arn | Select-Object -First 5
        IbEmulator                         = Get-IbEmulator
        IbEmulatorFault                    = @(
            Add-IbEmulatorFault ServerError -Operation StartImagePipelineExecution -Count 1 -StatusCode 503
            Add-IbEmulatorFault Slow -Operation ListWorkflowStepExecutions -Rate 0.25 -Delay 0.5
        )
        PipelineLogEvent                   = Get-IbPipelineLog -Name nightly
        DocumentLineDifference             = Compare-IbComponent -Arn $component.Arn -Data ($TestComponentYaml -replace 'Write-Host hi', 'Write-Host hello')
        PlanItem                           = Export-IbPipeline -Name nightly -Path (Join-Path $TestDrive 'nightly-folder') | Publish-IbPipeline -WhatIf 6>$null
    }
    Clear-IbEmulatorFault
    $null = $waiting
    # Last, as it deprecates the image the others come from.
    $execution = $image | Set-IbResourceState -State DEPRECATED -Confirm:$false
    Step-TestEmulatorClock -Stages 2 | Out-Null
    $objects.LifecycleExecution = Get-IbLifecycleExecution -LifecycleExecutionId $execution.LifecycleExecutionId
    $objects.LifecycleExecutionResource = $objects.LifecycleExecution | Get-IbLifecycleExecutionResource

    function Get-ViewText($Type, [int] $Width) { $objects[$Type] | ConvertTo-TestText -Width $Width }
    function Get-TableView($Type) { $tableViews | Where-Object Type -EQ @($objects[$Type])[0].PSObject.TypeNames[0] | Select-Object -First 1 }

    # The table views as the format files declare them: type name, then each column's label and width (0: none).
    $tableViews = foreach ($file in Get-ChildItem (Join-Path (Get-TestModulePath) 'Formats') -Filter *.ps1xml) {
        foreach ($view in ([xml] (Get-Content -Raw $file.FullName)).Configuration.ViewDefinitions.View) {
            if (-not $view.TableControl) { continue }
            [pscustomobject]@{
                Type    = $view.ViewSelectedBy.TypeName
                Columns = @($view.TableControl.TableHeaders.TableColumnHeader | ForEach-Object { [pscustomobject]@{ Label = $_.Label; Width = [int] $_.Width } })
            }
        }
    }
}

Describe 'Table views at 80 and 160 columns' {
    It 'has an object of every type that has a table view' {
        $objects.Keys | Where-Object { -not $objects[$_] } | Should -BeNullOrEmpty
        $made = $objects.Values | ForEach-Object { @($_)[0].PSObject.TypeNames[0] }

        $tableViews.Type | Where-Object { $_ -notin $made } | Should -BeNullOrEmpty
    }

    It 'lays out every table view to fit 80 columns: a Width on the first column, no header wider than its column' {
        $problems = foreach ($view in $tableViews) {
            $columns = $view.Columns
            if (-not $columns[0].Width) { "$($view.Type): the first column has no Width, so PowerShell sizes the table to its first objects" }
            foreach ($column in $columns | Where-Object Width) {
                if ($column.Label.Length -gt $column.Width) { "$($view.Type): the $($column.Label) header is wider than its column" }
            }
            $flexible = @($columns | Where-Object { -not $_.Width })
            $left = 80 - ($columns.Width | Measure-Object -Sum).Sum - ($columns.Count - 1)
            $share = if ($flexible) { [Math]::Floor($left / $flexible.Count) } else { $left }
            if ($share -lt 0) { "$($view.Type): the fixed columns take more than 80" }
            foreach ($column in $flexible) {
                if ($share -lt [Math]::Max($column.Label.Length, 9)) { "$($view.Type): $($column.Label) gets $share of 80 columns" }
            }
        }

        $problems | Should -BeNullOrEmpty
    }

    It 'shows <Type> at 80 columns with the header on one line and <Key> there' -ForEach $cases {
        $text = Get-ViewText $Type 80
        $header = Get-TestTableHeader $text

        $header.Lines | Should -Be 1 -Because $text
        foreach ($name in $Key) { $header.Names | Should -Contain $name -Because $text }
        ($text -split "`r?`n" | Measure-Object -Maximum Length).Maximum | Should -BeLessOrEqual 80
    }

    It 'shows the <Whole> of <Type> whole at 80 columns' -ForEach $cases {
        $text = Get-ViewText $Type 80

        foreach ($object in @($objects[$Type])) {
            foreach ($name in $Whole) {
                $value = [string] $object.$name
                $value | Should -Not -BeNullOrEmpty -Because "$Type.$name is what the test reads"
                $text | Should -Match ([regex]::Escape($value)) -Because $text
            }
        }
    }

    It 'shows every column of <Type> at 160 columns, the header on one line and nothing cut' -ForEach $cases {
        $text = Get-ViewText $Type 160
        $header = Get-TestTableHeader $text
        $labels = (Get-TableView $Type).Columns.Label

        $header.Lines | Should -Be 1 -Because $text
        $header.Names | Should -Be $labels -Because $text
        $text | Should -Not -Match '…' -Because $text
    }
}
