# Dot-sourced by tools/Performance/Measure-Views.ps1: one or a few objects of every output type that has a view, made
# the way a user gets them (the module's cmdlets against the emulator Start-IbEmulator started in this session), as
# tests/Pester/ViewWidths.Tests.ps1 makes them. Get-ViewObjects gives a hashtable: type name => objects.
# Get-SparseViewObjects gives, per type, objects with members missing: an empty one, one per member left null, and
# one whose dates were built by hand as UTC (the views show those on the local clock too); and two filled by hand to
# the bottom (New-FilledViewObject), so every branch of a view's script blocks has something to show.

$script:ViewComponentYaml = @'
name: install-agent
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: Install
        action: ExecutePowerShell
        inputs:
          commands:
            - Write-Host hi
'@

function Step-ViewClock([int] $Stages = 1) { Set-IbEmulatorClock -Stages $Stages | Out-Null }

function Get-ViewObjects {
    param([Parameter(Mandatory)] [string] $WorkFolder)
    $role = 'arn:aws:iam::123456789012:role/ImageBuilderRole'
    $approval = "schemaVersion: 1.0`nsteps:`n  - name: LaunchBuildInstance`n    action: LaunchInstance`n    onFailure: Abort`n  - name: Approval`n    action: WaitForAction`n"
    $dist = New-IbDistributionConfiguration -Name golden-distribution -Distribution @{
        'us-east-1' = @{ Ami = @{ Name = 'golden {{ imagebuilder:buildDate }}' } }
        'eu-west-1' = @{ Ami = @{ Name = 'golden {{ imagebuilder:buildDate }}' } }
    }
    $parent = Get-IbImage -Owner Amazon -Platform Windows | Select-Object -First 1
    $componentMade = New-IbComponent -Name golden-windows-agent -SemanticVersion 1.0.0 -Platform Windows -Data $script:ViewComponentYaml
    $infra = New-IbInfrastructureConfiguration -Name nightly-infra -InstanceProfileName ImageBuilderInstanceRole
    $pipeline = New-IbRecipe -Name golden-windows -SemanticVersion 1.0.0 -ParentImage $parent.Arn -Component $componentMade |
        New-IbPipeline -Name nightly -InfrastructureConfigurationArn $infra.Arn -ImageScanningEnabled -DistributionConfigurationArn $dist.Arn
    Get-IbInfrastructureConfiguration | Update-IbInfrastructureConfiguration -InstanceProfileName EC2InstanceProfileForImageBuilder | Out-Null
    $started = Get-IbPipeline -Name nightly | Start-IbPipeline
    Step-ViewClock 10
    $image = Get-IbImage -Arn $started.Arn
    Add-IbTag $image.Arn @{ Cleanup = 'yes'; Owner = 'platform' }
    $component = Get-IbComponent -Arn (Get-IbComponent)[0].Arn
    Set-IbComponentPolicy -Arn $component.Arn -Policy @{
        Version   = '2012-10-17'
        Statement = @(@{ Effect = 'Allow'; Principal = @{ AWS = @('210987654321') }; Action = @('imagebuilder:GetComponent'); Resource = @('*') })
    } | Out-Null
    $policy = New-IbLifecyclePolicy tagged-cleanup -ExecutionRole $role -ResourceTag @{ Cleanup = 'yes' } -Rule @{ Action = 'DELETE'; Count = 1 }
    $workflow = New-IbWorkflow -Name approve-build -SemanticVersion 1.0.0 -Type BUILD -Data $approval
    $null = New-IbImage -RecipeArn $pipeline.ImageRecipeArn -InfrastructureConfigurationArn $pipeline.InfrastructureConfigurationArn -Workflow @{ WorkflowArn = $workflow.Arn }
    Step-ViewClock 4
    $container = New-IbContainerRecipe web-app 1.0.0 -ParentImage amazonlinux:2023 -RepositoryName web-app -DockerfileTemplateData "FROM {{{ imagebuilder:parentImage }}}`n{{{ imagebuilder:environments }}}`n{{{ imagebuilder:components }}}" `
        -Component @{ ComponentArn = 'arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x' }
    $imported = Import-IbVmImage -Name win11-byol -SemanticVersion 1.0.0 -Platform Windows -OsVersion 'Microsoft Windows 11 Enterprise' -VmImportTaskId import-ami-0123456789abcdef0
    Step-ViewClock 10
    $desktop = Get-IbImage -Arn $imported.Arn

    $objects = [ordered]@{
        ImageVersion                       = Get-IbImage -Owner Amazon -Platform Windows -First 3
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
        DistributionConfiguration          = Get-IbDistributionConfiguration -Arn $dist.Arn
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
        WorkspaceImage                     = $desktop | Import-IbWorkSpacesImage -IngestionProcess BYOL_REGULAR_WSP -ImageName win11 -ImageDescription golden
        AppStreamImage                     = $image | Import-IbAppStreamImage -Name golden-as -IamRoleArn $role
        ImageLogEvent                      = Get-IbImageLog -Arn $image.Arn | Select-Object -First 20
        IbEmulator                         = Get-IbEmulator
        IbEmulatorFault                    = @(
            Add-IbEmulatorFault ServerError -Operation StartImagePipelineExecution -Count 1 -StatusCode 503
            Add-IbEmulatorFault Slow -Operation ListWorkflowStepExecutions -Rate 0.25 -Delay 0.5
        )
        PipelineLogEvent                   = Get-IbPipelineLog -Name nightly
        DocumentLineDifference             = Compare-IbComponent -Arn $component.Arn -Data ($script:ViewComponentYaml -replace 'Write-Host hi', 'Write-Host hello')
        PlanItem                           = Export-IbPipeline -Name nightly -Path (Join-Path $WorkFolder 'nightly-folder') | Publish-IbPipeline -WhatIf 6>$null
    }
    Clear-IbEmulatorFault
    # Last, as it deprecates the image the others come from.
    $execution = $image | Set-IbResourceState -State DEPRECATED -Confirm:$false
    Step-ViewClock 2
    $objects.LifecycleExecution = Get-IbLifecycleExecution -LifecycleExecutionId $execution.LifecycleExecutionId
    $objects.LifecycleExecutionResource = $objects.LifecycleExecution | Get-IbLifecycleExecutionResource
    foreach ($name in @($objects.Keys)) {
        $objects[$name] = @($objects[$name])
        if (-not $objects[$name].Count) { throw "No $name object was made." }
    }
    $objects
}

function Get-SparseViewObjects {
    # From the first object of each type: a new one with nothing set, one per writable member left null, and one
    # whose dates are UTC-kind (as a user builds them by hand); writable members copied as they are (shallow).
    param([Parameter(Mandatory)] $Objects)
    $sparse = [ordered]@{}
    foreach ($name in $Objects.Keys) {
        $first = $Objects[$name][0]
        $type = $first.GetType()
        if (-not $type.GetConstructor([type]::EmptyTypes)) { continue }
        $writable = @($type.GetProperties() | Where-Object { $_.CanWrite -and $_.GetIndexParameters().Count -eq 0 -and $_.SetMethod.IsPublic })
        $copy = {
            param([string] $Leave, [switch] $Utc)
            $made = [Activator]::CreateInstance($type)
            foreach ($property in $writable) {
                if ($property.Name -eq $Leave) { continue }
                $value = $property.GetValue($first)
                if ($Utc -and $value -is [datetime]) { $value = [datetime]::SpecifyKind($value.ToUniversalTime(), 'Utc') }
                $property.SetValue($made, $value)
            }
            $made
        }
        $variants = [Collections.Generic.List[object]]::new()
        $variants.Add([Activator]::CreateInstance($type))
        foreach ($property in $writable) {
            $nullable = -not $property.PropertyType.IsValueType -or [Nullable]::GetUnderlyingType($property.PropertyType)
            if ($nullable) { $variants.Add((& $copy -Leave $property.Name)) }
        }
        $variants.Add((& $copy -Utc))
        $variants.Add((New-FilledViewObject $type -Variant Full))
        $variants.Add((New-FilledViewObject $type -Variant Empty))
        $sparse[$name] = $variants.ToArray()
    }
    $sparse
}

function New-FilledViewObject {
    # Every writable member set, nested objects too (to -Depth): Full gives text, true, 7, two items per list and a
    # UTC-kind date; Empty gives '', false, 0, empty lists and maps and a local date.
    param([Parameter(Mandatory)] [type] $Type, [ValidateSet('Full', 'Empty')] [string] $Variant = 'Full', [int] $Depth = 6, [string] $Name = $Type.Name)
    $full = $Variant -eq 'Full'
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $Type = $underlying }
    if ($Type -eq [string]) {
        if (-not $full) { return '' }
        # A policy and a step's inputs and outputs are JSON on the wire; the views parse them.
        if ($Name -in 'Inputs', 'Outputs') { return '{"imageId":"ami-0123","count":2,"nested":{"a":1},"list":["x","y"]}' }
        if ($Name -eq 'Policy') { return '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["210987654321"]},"Action":["imagebuilder:GetComponent"],"Resource":["*"]}]}' }
        if ($Name -match 'Arn$') { return "arn:aws:imagebuilder:us-east-1:123456789012:image/$($Name.ToLowerInvariant())/1.0.0/3" }
        return "$Name-1"
    }
    if ($Type -eq [bool]) { return $full }
    if ($Type -eq [datetime]) { return $(if ($full) { [datetime]::new(2026, 3, 5, 3, 0, 1, [DateTimeKind]::Utc) } else { [datetime]::new(2026, 7, 9, 23, 59, 58, [DateTimeKind]::Local) }) }
    if ($Type -eq [timespan]) { return [timespan]::FromSeconds($(if ($full) { 90 } else { 0 })) }
    if ($Type.IsEnum) { return [Enum]::GetValues($Type)[$(if ($full) { -1 } else { 0 })] }
    if ($Type.IsPrimitive -or $Type -eq [decimal]) { return [Convert]::ChangeType($(if ($full) { 7 } else { 0 }), $Type) }
    if ($Type.IsGenericType -and $Type.GetGenericTypeDefinition() -eq [Collections.Generic.List`1]) {
        $list = [Activator]::CreateInstance($Type)
        if ($full -and $Depth -gt 0) {
            $item = $Type.GetGenericArguments()[0]
            foreach ($i in 1, 2) { $list.Add((New-FilledViewObject $item -Variant Full -Depth ($Depth - 1) -Name "$Name$i")) }
        }
        return , $list
    }
    if ($Type.IsGenericType -and $Type.GetGenericTypeDefinition() -eq [Collections.Generic.Dictionary`2]) {
        $map = [Activator]::CreateInstance($Type)
        $key, $value = $Type.GetGenericArguments()
        if ($full -and $key -eq [string] -and $Depth -gt 0) {
            foreach ($i in 1, 2) { $map["$Name-key$i"] = New-FilledViewObject $value -Variant Full -Depth ($Depth - 1) -Name "$Name$i" }
        }
        return , $map
    }
    if ($Depth -lt 0 -or $Type.IsAbstract -or -not $Type.GetConstructor([type]::EmptyTypes) -or $Type.Namespace -notlike 'ImageBuilder.PS*') { return $null }
    $made = [Activator]::CreateInstance($Type)
    foreach ($property in $Type.GetProperties()) {
        if (-not $property.CanWrite -or -not $property.SetMethod.IsPublic -or $property.GetIndexParameters().Count) { continue }
        $value = New-FilledViewObject $property.PropertyType -Variant $Variant -Depth ($Depth - 1) -Name $property.Name
        if ($null -ne $value) { try { $property.SetValue($made, $value) } catch { Write-Verbose "$($Type.Name).$($property.Name): $_" } }
    }
    $made
}
