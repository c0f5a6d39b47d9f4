# New-IbWorkflow, a build that waits for approval, Get-IbWaitingStep | Send-IbStepAction, and the workflow and
# step executions of a build.
BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $approvalWorkflow = @'
schemaVersion: 1.0
steps:
  - name: LaunchBuildInstance
    action: LaunchInstance
    onFailure: Abort
  - name: Approval
    action: WaitForAction
  - name: CreateOutputAMI
    action: CreateImage
    inputs:
      instanceId.$: $.stepOutputs.LaunchBuildInstance.instanceId
'@
    function Start-ApprovalBuild {
        $workflow = New-IbWorkflow -Name approve-build -SemanticVersion 1.0.0 -Type BUILD -Data $approvalWorkflow
        $pipeline = Get-IbPipeline -Name nightly
        $image = New-IbImage -RecipeArn $pipeline.ImageRecipeArn -InfrastructureConfigurationArn $pipeline.InfrastructureConfigurationArn -Workflow @{ WorkflowArn = $workflow.Arn }
        Step-TestEmulatorClock -Stages 4 | Out-Null
        $image
    }
}

Describe 'Workflows and step actions' {
    BeforeEach {
        Reset-TestEmulator
        New-TestPipeline | Out-Null
    }
    AfterEach {
        Stop-TestEmulatorClock
    }

    It 'creates a workflow from YAML' {
        $workflow = New-IbWorkflow -Name approve-build -SemanticVersion 1.0.0 -Type BUILD -Data $approvalWorkflow

        $workflow.Arn | Should -Match ':workflow/build/approve-build/1\.0\.0/1$'
        (Get-IbWorkflow -Name approve-build).Name | Should -Be 'approve-build'
    }

    It 'lists the step that waits for approval, with its image' {
        $image = Start-ApprovalBuild

        $waiting = @(Get-IbWaitingStep)

        $waiting.Count | Should -Be 1
        $waiting[0].Name | Should -Be 'Approval'
        $waiting[0].ImageBuildVersionArn | Should -Be $image.Arn
    }

    It 'approves every waiting step and the build finishes (Get-IbWaitingStep | Send-IbStepAction -Action RESUME)' {
        $image = Start-ApprovalBuild

        Get-IbWaitingStep | Send-IbStepAction -Action RESUME -Reason approved
        Step-TestEmulatorClock -Stages 8 | Out-Null

        (Get-IbImage -Arn $image.Arn).State.Status | Should -Be 'AVAILABLE'
        Get-IbWaitingStep | Should -BeNullOrEmpty
    }

    It 'approves a step given by its id alone, looking up its image (Send-IbStepAction -StepExecutionId)' {
        $image = Start-ApprovalBuild
        $id = (Get-IbWaitingStep).StepExecutionId

        $verbose = Send-IbStepAction -StepExecutionId $id -Action RESUME -Reason approved -Verbose 4>&1
        Step-TestEmulatorClock -Stages 8 | Out-Null

        ($verbose | Out-String) | Should -Match ([regex]::Escape("The step $id belongs to $($image.Arn)."))
        (Get-IbImage -Arn $image.Arn).State.Status | Should -Be 'AVAILABLE'
    }

    It 'fails the build when the waiting step is stopped' {
        $image = Start-ApprovalBuild

        Get-IbWaitingStep | Send-IbStepAction -Action STOP -Reason 'failed review'
        Step-TestEmulatorClock -Stages 2 | Out-Null

        (Get-IbImage -Arn $image.Arn).State.Status | Should -Be 'FAILED'
    }

    It 'waits until a step waits, approves it and waits for the image, as the golden-image runbook does' {
        $workflow = New-IbWorkflow -Name approve-build -SemanticVersion 1.0.0 -Type BUILD -Data $approvalWorkflow
        $pipeline = Get-IbPipeline -Name nightly
        Start-TestEmulatorClock

        $image = New-IbImage -RecipeArn $pipeline.ImageRecipeArn -InfrastructureConfigurationArn $pipeline.InfrastructureConfigurationArn -Workflow @{ WorkflowArn = $workflow.Arn }
        $step = $image | Wait-IbImage -UntilWaitingStep -PollInterval 0.05 -Timeout 60
        $step | Send-IbStepAction -Action RESUME -Reason 'approved by the runbook'
        $done = $image | Wait-IbImage -PollInterval 0.05 -Timeout 60

        $step.Name | Should -Be 'Approval'
        $done.State.Status | Should -Be 'AVAILABLE'
    }

    It 'lists the workflow runs of a build and their steps (Get-IbWorkflowExecution | Get-IbStepExecution)' {
        $image = New-TestImage

        $runs = @(Get-IbWorkflowExecution -ImageArn $image.Arn)
        $steps = @($runs | Get-IbStepExecution)

        $runs.Count | Should -BeGreaterThan 0
        $steps.Count | Should -BeGreaterThan 0
        $steps.Status | Sort-Object -Unique | Should -Not -Contain 'FAILED'
    }

    It 'refuses a workflow document with a misspelt action' {
        $broken = $approvalWorkflow -replace 'WaitForAction', 'WaitForActions'

        { New-IbWorkflow -Name approve-build -SemanticVersion 1.0.0 -Type BUILD -Data $broken -ErrorAction Stop } |
            Should -Throw -ErrorId 'WorkflowDocumentInvalid*'
    }

    It 'shows the waiting step table with Name, Image and WaitingSince at 160 columns' {
        Start-ApprovalBuild | Out-Null

        $text = Get-IbWaitingStep | ConvertTo-TestText -Width 160

        (Get-TestTableHeader $text).Names | Should -Be @('WaitingSince', 'Name', 'Image')
        $text | Should -Match 'Approval\s+golden-windows/1\.0\.0/1\s'
    }

    It 'shows the waiting step table with whole headers at 80 columns' {
        Start-ApprovalBuild | Out-Null

        $header = Get-TestTableHeader (Get-IbWaitingStep | ConvertTo-TestText -Width 80)

        $header.Lines | Should -Be 1
        $header.Names | Should -Not -BeNullOrEmpty
    }
}
