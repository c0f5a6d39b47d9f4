# An image handed to WorkSpaces and AppStream 2.0: Import-IbWorkSpacesImage, Import-IbAppStreamImage and their -Wait.
BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $role = 'arn:aws:iam::123456789012:role/AppStreamImport'
}

Describe 'Hand-off to WorkSpaces and AppStream' {
    BeforeEach {
        Reset-TestEmulator
        New-TestPipeline | Out-Null
        # $image is a Windows Server build (what AppStream takes), $desktop a Windows 11 image (what WorkSpaces takes).
        $image = New-TestImage
        $desktop = New-TestDesktopImage
    }
    AfterEach {
        Stop-TestEmulatorClock
    }

    It 'imports a built image into WorkSpaces (Get-IbImage | Import-IbWorkSpacesImage)' {
        $imported = Get-IbImage -Arn $desktop.Arn | Import-IbWorkSpacesImage -IngestionProcess BYOL_REGULAR_WSP -ImageName win11 -ImageDescription golden

        $imported.Name | Should -Be 'win11'
        $imported.Description | Should -Be 'golden'
        Step-TestEmulatorClock -Stages 3 | Out-Null
        (Get-IbWorkSpacesImage -ImageId $imported.ImageId).State | Should -Be 'AVAILABLE'
    }

    It 'takes -Name and -Description in both imports, and the API''s -ImageName and -ImageDescription as well' {
        $workspaces = $desktop | Import-IbWorkSpacesImage -IngestionProcess BYOL_REGULAR_WSP -Name ws-by-name -Description 'by name'
        $appstream = $image | Import-IbAppStreamImage -ImageName as-by-alias -ImageDescription 'by alias' -IamRoleArn $role

        $workspaces.Name, $workspaces.Description | Should -Be 'ws-by-name', 'by name'
        $appstream.Name | Should -Be 'as-by-alias'
        (Get-Command Import-IbWorkSpacesImage).Parameters.Name.Aliases | Should -Contain 'ImageName'
        (Get-Command Import-IbAppStreamImage).Parameters.Description.Aliases | Should -Contain 'ImageDescription'
    }

    It 'refuses a Windows Server or Linux image for WorkSpaces, and -Force sends it to end in ERROR as the service ends it' {
        $err = $null
        $image | Import-IbWorkSpacesImage -IngestionProcess BYOL_REGULAR_WSP -Name winsrv -Description golden -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $err[0].FullyQualifiedErrorId | Should -Match '^WorkSpacesOsNotSupported'
        "$err" | Should -Match 'only Windows 10 and Windows 11 desktop images .* this image is Microsoft Windows Server 2022'
        "$err" | Should -Match 'add -Force'
        Get-IbWorkSpacesImage | Should -BeNullOrEmpty

        $linux = Get-IbImage -Owner Amazon -Platform Linux | Where-Object Name -eq amazon-linux-2-x86
        $forced = $linux | Import-IbWorkSpacesImage -IngestionProcess BYOL_REGULAR_WSP -Name al2 -Description golden -Force
        Step-TestEmulatorClock -Stages 2 | Out-Null
        $ended = Get-IbWorkSpacesImage -ImageId $forced.ImageId
        $ended.State | Should -Be 'ERROR'
        $ended.ErrorCode | Should -Be 'OSNotSupported'
        $ended.OperatingSystem.Type | Should -Be 'LINUX'
    }

    It 'waits for the WorkSpaces import with -Wait' {
        Start-TestEmulatorClock

        $imported = $desktop | Import-IbWorkSpacesImage -IngestionProcess BYOL_REGULAR_WSP -ImageName win11 -ImageDescription golden -Wait -PollInterval 0.05 -Timeout 60

        $imported.State | Should -Be 'AVAILABLE'
    }

    It 'imports a built image into AppStream and waits until it is available' {
        Start-TestEmulatorClock

        $imported = $image | Import-IbAppStreamImage -Name golden-as -IamRoleArn $role -Wait -PollInterval 0.05 -Timeout 60

        $imported.Name | Should -Be 'golden-as'
        $imported.State | Should -Be 'AVAILABLE'
    }

    It 'ends the AppStream wait with the reason when validation fails' {
        Add-IbEmulatorFailure AppStreamImport -Stage VALIDATING -Reason 'the agent is missing'
        Start-TestEmulatorClock

        $err = $null
        $image | Import-IbAppStreamImage -Name golden-as -IamRoleArn $role -Wait -PollInterval 0.05 -Timeout 60 -ErrorAction SilentlyContinue -ErrorVariable err | Out-Null

        "$($err[0])" | Should -Match 'the agent is missing'
    }

    It 'imports nothing with -WhatIf' {
        $desktop | Import-IbWorkSpacesImage -IngestionProcess BYOL_REGULAR_WSP -ImageName win11 -ImageDescription golden -WhatIf
        $image | Import-IbAppStreamImage -Name golden-as -IamRoleArn $role -WhatIf

        Get-IbWorkSpacesImage | Where-Object Name -eq win11 | Should -BeNullOrEmpty
        Get-IbAppStreamImage -Name golden-as -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'runs the AppStream hand-off runbook on the pipeline''s newest image' {
        Start-TestEmulatorClock

        $output = & "$TestRepoRoot/examples/appstream-handoff.ps1" -PipelineName nightly -AppStreamImageName golden-2026-11 -IamRoleArn $role 6>$null |
            Where-Object { $_ -is [string] }

        $output | Should -Contain 'AppStream image golden-2026-11 is AVAILABLE.'
    }

    It 'shows the WorkSpaces and AppStream tables with their key columns at 160 columns' {
        $ws = $desktop | Import-IbWorkSpacesImage -IngestionProcess BYOL_REGULAR_WSP -ImageName win11 -ImageDescription golden
        $as = $image | Import-IbAppStreamImage -Name golden-as -IamRoleArn $role

        (Get-TestTableHeader ($ws | ConvertTo-TestText -Width 160)).Names | Should -Be @('State', 'ImageId', 'Name', 'OS', 'Tenancy', 'Created')
        (Get-TestTableHeader ($as | ConvertTo-TestText -Width 160)).Names | Should -Be @('State', 'Name', 'Platform', 'Visibility', 'Created')
    }

    It 'keeps the AppStream image headers whole at 80 columns' {
        $as = $image | Import-IbAppStreamImage -Name golden-as -IamRoleArn $role

        (Get-TestTableHeader ($as | ConvertTo-TestText -Width 80)).Lines | Should -Be 1
    }
}
