# Build and pipeline logs as a user sees them: Get-IbImageLog whole, tailed, matched and followed, a failed wait
# that explains itself, -ShowLog during a wait, a custom log group, and Get-IbPipelineLog.
BeforeAll {
    . "$PSScriptRoot/common.ps1"

    function Remove-TestLogGroup([string] $Name) {
        # CloudWatch Logs' DeleteLogGroup, signed as the emulator accepts (any key, a well-formed signature).
        $headers = @{
            'X-Amz-Target'  = 'Logs_20140328.DeleteLogGroup'
            'X-Amz-Date'    = '20250101T000000Z'
            'Authorization' = 'AWS4-HMAC-SHA256 Credential=AKIDTEST/20250101/us-east-1/logs/aws4_request, SignedHeaders=host;x-amz-date, Signature=' + ('0' * 64)
        }
        Invoke-RestMethod -Method POST -Uri $env:IBPS_EMULATOR_URL -NoProxy -SkipHeaderValidation -Headers $headers -ContentType 'application/x-amz-json-1.1' -Body (@{ logGroupName = $Name } | ConvertTo-Json) | Out-Null
    }
}

Describe 'Build logs' {
    BeforeEach {
        Reset-TestEmulator
        $pipeline = New-TestPipeline
    }
    AfterEach {
        Stop-TestEmulatorClock
    }

    It 'reads a finished build''s log whole, in order, as a table that reads like a log' {
        $image = New-TestImage

        $lines = @($image | Get-IbImageLog)

        $lines[0].PSObject.TypeNames[0] | Should -Be 'ImageBuilder.PS.Model.Ib.ImageLogEvent'
        $lines[0].Text | Should -Match '^build of arn:aws:imagebuilder:.+/1\.0\.0/1 started'
        $lines[-1].Message | Should -Be 'Image Builder: the build ended AVAILABLE.'
        $lines.Where({ $_.Phase -eq 'build' -and $_.Step -eq 'Install' }) | Should -Not -BeNullOrEmpty
        $text = $lines | ConvertTo-TestText -Width 120
        (Get-TestTableHeader $text).Names | Should -Be @('Time', 'Where', 'Text')
        $text | Should -Match '\d\d:\d\d:\d\d\s+build/Install\s+succeeded'
        $text | Should -Match '\d\d:\d\d:\d\d\s+ApplyBuildComponents\s+completed\.'
    }

    It 'gives the last lines with -Tail and the matching ones with -Match (plain text or a regular expression)' {
        $image = New-TestImage
        $all = @(Get-IbImageLog -Arn $image.Arn)

        $tail = @(Get-IbImageLog -Arn $image.Arn -Tail 3)
        $plain = @(Get-IbImageLog -Arn $image.Arn -Match 'awstoe phase')
        $regex = @(Get-IbImageLog -Arn $image.Arn -Match '^Workflow \S+ step \S+ \(\w+\): started')

        $tail.Message | Should -Be $all[-3..-1].Message
        $plain.Count | Should -BeGreaterThan 0
        $plain.Message | Should -Be ($all.Message -match 'AWSTOE phase')
        $regex.Step | Should -Contain 'ApplyBuildComponents'
        $regex.Text | Sort-Object -Unique | Should -Be 'started.'
    }

    It 'follows a running build to its end with -Follow, then stops' {
        $started = Get-IbPipeline -Name nightly | Start-IbPipeline
        Start-TestEmulatorClock

        $lines = @($started | Get-IbImageLog -Follow -PollInterval 0.05)

        Stop-TestEmulatorClock
        $lines[-1].Message | Should -Be 'Image Builder: the build ended AVAILABLE.'
        $lines.Message | Should -Be (Get-IbImageLog -Arn $started.Arn).Message -Because 'every line once, in order'
    }

    It 'reads a build that logs to its own log group' {
        Start-TestEmulatorClock
        $image = New-IbImage -RecipeArn $pipeline.ImageRecipeArn -InfrastructureConfigurationArn $pipeline.InfrastructureConfigurationArn -LogGroupName '/team/golden-builds' -Wait -PollInterval 0.05 -Timeout 60 -InformationAction Ignore
        Stop-TestEmulatorClock

        $lines = @(Get-IbImageLog -Arn $image.Arn -Tail 1)

        $lines.LogGroupName | Should -Be '/team/golden-builds'
        $lines.LogStreamName | Should -Be '1.0.0/1'
        $lines.Message | Should -Be 'Image Builder: the build ended AVAILABLE.'
    }

    It 'says why when a build''s log is not there' {
        $image = New-TestImage
        Remove-TestLogGroup '/aws/imagebuilder/golden-windows'

        $err = $null
        Get-IbImageLog -Arn $image.Arn -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty

        $err[0].FullyQualifiedErrorId | Should -BeLike 'ImageLogNotFound,*'
        $err[0].Exception.Message | Should -Match 'no log stream 1\.0\.0/1 in log group /aws/imagebuilder/golden-windows.+ended AVAILABLE without writing there'
    }

    It 'ends a failed build''s Wait-IbImage with the failing step and the log lines that show why' {
        Invoke-EmulatorControl -Method POST -Path '/_emulator/failures' -Body @{ target = 'ImageBuild'; stage = 'BUILDING'; step = 'ApplyBuildComponents'; reason = 'Install-Agent: the MSI returned 1603' } | Out-Null
        $started = Get-IbPipeline -Name nightly | Start-IbPipeline
        Start-TestEmulatorClock

        $run = Invoke-TestPwsh -ImportModule -Script "Wait-IbImage -Arn '$($started.Arn)' -PollInterval 0.05 -Timeout 60 -ErrorAction Stop; 'not reached'"

        $run.ExitCode | Should -Be 1
        $run.StdOut | Should -Not -Match 'not reached'
        $shown = $run.StdErr -replace "`e\[[0-9;]*m", '' -replace '\s*\r?\n\s*(\|\s*)?', ' '
        $shown | Should -Match "ended FAILED: Install-Agent: the MSI returned 1603"
        $shown | Should -Match "Failed at step 'ApplyBuildComponents' \(ExecuteComponents\) of the build workflow build-image"
        $shown | Should -Match 'The log says: .*AWSTOE phase build, step Install: stderr: Install-Agent: the MSI returned 1603'
        $shown | Should -Match ([regex]::Escape("The whole log: Get-IbImageLog -Arn $($started.Arn)"))
    }

    It 'prints the build log''s lines during a wait with -ShowLog, each once, and keeps them out of the output' {
        Start-TestEmulatorClock

        $run = Invoke-TestPwsh -ImportModule -Script @'
$image = Get-IbPipeline -Name nightly | Start-IbPipeline -Wait -ShowLog -PollInterval 0.05 -Timeout 60
"output: $(@($image).Count) $($image.State.Status)"
'@

        $run.ExitCode | Should -Be 0 -Because $run.StdErr
        $out = $run.StdOut -split "`r?`n"
        $out | Should -Contain 'output: 1 AVAILABLE'
        @($out -match '^\d\d:\d\d:\d\d AWSTOE phase build, step Install \(ExecutePowerShell\): succeeded$').Count | Should -Be 1
        @($out -match '^\d\d:\d\d:\d\d Image Builder: the build ended AVAILABLE\.$').Count | Should -Be 1
        $shown = @($out -match '^\d\d:\d\d:\d\d ' -replace '^\d\d:\d\d:\d\d ', '')
        Stop-TestEmulatorClock
        $shown | Should -Be (Get-IbPipeline -Name nightly | Get-IbPipelineImage | Get-IbImageLog).Message
    }

    It 'keeps -ShowLog lines in -InformationVariable, tagged ImageBuilder.PS.Log, and hides them with -InformationAction Ignore' {
        $started = Get-IbPipeline -Name nightly | Start-IbPipeline
        Start-TestEmulatorClock

        $kept = [Collections.Generic.List[object]]::new()
        $shown = Invoke-TestHostCapture {
            Wait-IbImage -Arn $started.Arn -ShowLog -PollInterval 0.05 -Timeout 60 -InformationVariable info -InformationAction Ignore | Out-Null
            $kept.AddRange(@($info))
        }

        Stop-TestEmulatorClock
        $logLines = @($kept | Where-Object Tags -Contains 'ImageBuilder.PS.Log')
        $logLines.Count | Should -Be @(Get-IbImageLog -Arn $started.Arn).Count
        $shown | Should -Not -Match 'AWSTOE'
    }
}

Describe 'Pipeline logs' {
    BeforeEach {
        Reset-TestEmulator
    }

    It 'shows a run started by a call and its end: time, decision, build and reason' {
        New-TestPipeline | Out-Null
        $image = New-TestImage

        $lines = @(Get-IbPipelineLog nightly)

        $lines.Decision | Should -Be @('Started', 'Ended')
        $lines.Trigger | Sort-Object -Unique | Should -Be 'USER_INITIATED'
        $lines.ImageBuildVersionArn | Sort-Object -Unique | Should -Be $image.Arn
        $lines[0].LogStreamName | Should -Match '^\d{4}/\d\d/\d\d$'
        foreach ($width in 80, 160) {
            $text = $lines | ConvertTo-TestText -Width $width
            (Get-TestTableHeader $text).Names | Should -Be @('Time', 'Decision', 'Build', 'Reason')
            $text | Should -Match '\d{4}-\d\d-\d\d \d\d:\d\d Started  1\.0\.0/1     StartImagePipelineExecution was called\.'
            $text | Should -Match '\d{4}-\d\d-\d\d \d\d:\d\d Ended    1\.0\.0/1     the image is AVAILABLE\.'
        }
    }

    It 'shows why a scheduled run was skipped, and which component change started the next, from the pipeline''s own log group' {
        $parent = Get-IbImage -Owner Amazon -Platform Windows | Select-Object -First 1
        $component = New-IbComponent -Name agent -SemanticVersion 1.0.0 -Platform Windows -Data $TestComponentYaml
        $infra = New-IbInfrastructureConfiguration -Name daily-infra -InstanceProfileName ImageBuilderInstanceRole
        $schedule = @{ ScheduleExpression = 'cron(0 3 * * ? *)'; PipelineExecutionStartCondition = 'EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE' }
        New-IbRecipe -Name daily -SemanticVersion 1.0.0 -ParentImage $parent.Arn -Component @{ ComponentArn = $component.Arn -replace '1\.0\.0/1$', 'x.x.x' } |
            New-IbPipeline -Name daily -InfrastructureConfigurationArn $infra.Arn -Schedule $schedule -LoggingConfiguration @{ PipelineLogGroupName = '/team/pipelines' } | Out-Null
        Step-TestEmulatorClock -Seconds 86400 | Out-Null
        Step-TestEmulatorClock -Seconds 86400 | Out-Null
        $updated = New-IbComponent -Name agent -SemanticVersion 1.0.1 -Platform Windows -Data $TestComponentYaml
        Step-TestEmulatorClock -Seconds 86400 | Out-Null

        $lines = @(Get-IbPipeline -Name daily | Get-IbPipelineLog)
        $skipped = @(Get-IbPipelineLog daily -Match 'skipped')

        $lines.Decision | Should -Be @('Started', 'Ended', 'Skipped', 'Started', 'Ended')
        $lines.LogGroupName | Sort-Object -Unique | Should -Be '/team/pipelines'
        @($lines.LogStreamName | Sort-Object -Unique).Count | Should -Be 3 -Because 'one stream per day of runs'
        $lines[2].Reason | Should -Match '^the schedule cron\(0 3 \* \* \? \*\) came due, but no component of the recipe was updated since the last run at .+Z \(start condition EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE\)\.$'
        $lines[3].Reason | Should -BeLike "*a dependency was updated: $($updated.Arn)."
        $lines[3].Build | Should -Be '1.0.0/2'
        $skipped.Decision | Should -Be 'Skipped'
        $text = $lines | ConvertTo-TestText -Width 80
        $text | Should -Match 'Skipped\s+the schedule cron\(0 3 \* \* \? \*\)'
        ($text -split "`r?`n" | Measure-Object -Maximum Length).Maximum | Should -BeLessOrEqual 80
    }

    It 'tails the log and pipes a run''s line into Get-IbImageLog' {
        New-TestPipeline | Out-Null
        New-TestImage | Out-Null
        $second = New-TestImage

        $last = Get-IbPipelineLog nightly -Tail 1

        $last.Decision | Should -Be 'Ended'
        $last.ImageBuildVersionArn | Should -Be $second.Arn
        ($last | Get-IbImageLog -Tail 1).Message | Should -Be 'Image Builder: the build ended AVAILABLE.'
    }

    It 'says so when the pipeline has not logged anything yet, and when no pipeline has the name' {
        New-TestPipeline | Out-Null

        $err = $null
        Get-IbPipelineLog nightly -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        Get-IbPipelineLog nightlly -ErrorAction SilentlyContinue -ErrorVariable +err | Should -BeNullOrEmpty

        $err[0].FullyQualifiedErrorId | Should -BeLike 'PipelineLogNotFound,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].Exception.Message | Should -Match '^Pipeline nightly has no execution log yet: there is no log group /aws/imagebuilder/pipeline/nightly\. Image Builder makes it the first time the pipeline runs or skips a scheduled run'
        $err[1].FullyQualifiedErrorId | Should -BeLike 'NameNotFound,*'
    }
}
