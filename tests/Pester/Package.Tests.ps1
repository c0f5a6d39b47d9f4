#Requires -Version 7.2
<#
    The installable package, as a user meets it: output/ImageBuilder.PS.<version>.nupkg (made here by
    tools/New-ModulePackage.ps1 when it is missing or older than the module folder, the way ./build.ps1 -Package
    makes it) goes into a temporary local folder repository; Save-PSResource and Install-PSResource -Scope
    CurrentUser take it from there; and in a fresh pwsh the first use of a cmdlet loads the module by name.

    Self-contained: needs only a built module (dotnet build ImageBuilder.PS.sln) and real pwsh with PSResourceGet.
    No emulator but the installed package's own (Start-IbEmulator), no AWS, no gallery: every PSResourceGet call names the temporary repository. The PSResourceGet
    steps and the fresh session run in child pwsh processes whose HOME (and XDG folders) are a temporary folder
    (tools/PwshSandbox.ps1), so the user's repository store and module folders are not touched.
#>

BeforeAll {
    $RepoRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).ProviderPath
    . (Join-Path $RepoRoot 'tools/PwshSandbox.ps1')
    $ModuleFolder = Join-Path $RepoRoot 'output/ImageBuilder.PS'
    $Manifest = Join-Path $ModuleFolder 'ImageBuilder.PS.psd1'
    if (-not (Test-Path -LiteralPath $Manifest)) {
        throw "$Manifest was not found; build the module first (dotnet build ImageBuilder.PS.sln)."
    }
    $ManifestData = Import-PowerShellDataFile -LiteralPath $Manifest
    $Version = $ManifestData.ModuleVersion

    function Get-RelativeFile([string] $Folder) {
        # Every file under Folder as a sorted relative path with forward slashes.
        $root = (Resolve-Path -LiteralPath $Folder).ProviderPath
        Get-ChildItem -LiteralPath $root -Recurse -File -Force |
            ForEach-Object { [IO.Path]::GetRelativePath($root, $_.FullName) -replace '\\', '/' } |
            Sort-Object
    }

    # The user's own repository store, to show it is the same afterwards.
    $RealStore = Join-Path ([Environment]::GetFolderPath('LocalApplicationData', 'DoNotVerify')) 'PSResourceGet/PSResourceRepository.xml'
    $RealStoreBefore = if (Test-Path -LiteralPath $RealStore) { (Get-FileHash -LiteralPath $RealStore).Hash } else { 'absent' }

    $Package = & (Join-Path $RepoRoot 'tools/New-ModulePackage.ps1') -IfStale

    $Sandbox = New-PwshSandbox
    $Repository = Join-Path $Sandbox 'repository'
    $SavePath = Join-Path $Sandbox 'saved'
    $null = New-Item -ItemType Directory -Path $Repository, $SavePath
    Copy-Item -LiteralPath $Package.FullName -Destination $Repository
    $RepositoryName = 'IbpsPackageTest'

    $Installation = Invoke-SandboxedPwsh -Sandbox $Sandbox -ArgumentList $Repository, $SavePath, $RepositoryName -ScriptBlock {
        param($Repository, $SavePath, $RepositoryName)
        $ErrorActionPreference = 'Stop'
        Register-PSResourceRepository -Name $RepositoryName -Uri $Repository -Trusted
        try {
            $found = Find-PSResource -Name ImageBuilder.PS -Repository $RepositoryName
            Save-PSResource -Name ImageBuilder.PS -Repository $RepositoryName -Path $SavePath -TrustRepository
            Install-PSResource -Name ImageBuilder.PS -Repository $RepositoryName -Scope CurrentUser -TrustRepository
            $installed = @(Get-InstalledPSResource -Name ImageBuilder.PS -Scope CurrentUser)
            $store = Get-ChildItem -Path (Join-Path $HOME '*/PSResourceGet/PSResourceRepository.xml'), (Join-Path $HOME '*/*/PSResourceGet/PSResourceRepository.xml') -Force -ErrorAction Ignore
        }
        finally {
            Unregister-PSResourceRepository -Name $RepositoryName
        }
        [ordered]@{
            Found         = [ordered]@{
                Name         = $found.Name
                Version      = "$($found.Version)"
                Type         = "$($found.Type)"
                Cmdlets      = @($found.Includes.Cmdlet)
                Author       = $found.Author
                Description  = $found.Description
                Tags         = @($found.Tags)
                ProjectUri   = "$($found.ProjectUri)"
                LicenseUri   = "$($found.LicenseUri)"
                ReleaseNotes = $found.ReleaseNotes
            }
            Installed     = @($installed | ForEach-Object { [ordered]@{ Version = "$($_.Version)"; InstalledLocation = $_.InstalledLocation } })
            StorePaths    = @($store.FullName)
            Repositories  = @((Get-PSResourceRepository).Name)
        } | ConvertTo-Json -Depth 5
    } | ConvertFrom-Json

    # A new session, nothing imported: the installed module is found on the user's module path by name.
    $FirstUse = Invoke-SandboxedPwsh -Sandbox $Sandbox -ScriptBlock {
        $ErrorActionPreference = 'Stop'
        $loadedBefore = @(Get-Module ImageBuilder.PS).Count
        $document = @'
name: HelloWorld
description: Says hello.
schemaVersion: 1.0
phases:
  - name: build
    steps:
      - name: SayHello
        action: ExecuteBash
        inputs:
          commands:
            - echo hello
'@
        $valid = Test-IbComponentDocument -Data $document -Quiet
        $module = Get-Module ImageBuilder.PS
        $findings = @(Test-IbComponentDocument -Data ($document -replace 'ExecuteBash', 'ExecuteBashScript'))
        $command = Get-Command Get-IbImage
        $help = Get-Help Get-IbImage -Full
        [ordered]@{
            LoadedBefore  = $loadedBefore
            Valid         = $valid
            ModuleName    = $module.Name
            ModuleVersion = "$($module.Version)"
            ModuleBase    = $module.ModuleBase
            Findings      = @($findings | ForEach-Object { [ordered]@{ Line = $_.Line; Severity = "$($_.Severity)"; Message = $_.Message } })
            CommandModule = $command.Module.Name
            HelpSynopsis  = $help.Synopsis
            HelpText      = ($help.description | Out-String).Trim()
            HelpExamples  = @($help.examples.example).Count
            ModulePath    = $env:PSModulePath -split [IO.Path]::PathSeparator
        } | ConvertTo-Json -Depth 5
    } | ConvertFrom-Json

    # The emulator from the installed package, in a fresh pwsh started in an empty folder with no repository in
    # sight and no AWS settings: a build followed to AVAILABLE, then the example runbook tests (examples/tests, copied
    # beside their runbook as a user would) under Pester. The emulator runs from the package's lib/net8.0 (asserted
    # below through the module's base), so nothing of the repository or the SDK is involved.
    $Work = Join-Path $Sandbox 'work'
    $null = New-Item -ItemType Directory -Path (Join-Path $Work 'empty'), (Join-Path $Work 'examples/tests')
    Copy-Item -LiteralPath (Join-Path $RepoRoot 'examples/nightly-rebuild.ps1') -Destination (Join-Path $Work 'examples')
    Copy-Item -LiteralPath (Join-Path $RepoRoot 'examples/tests/nightly-rebuild.Tests.ps1') -Destination (Join-Path $Work 'examples/tests')
    $noAws = @{ AWS_ACCESS_KEY_ID = $null; AWS_SECRET_ACCESS_KEY = $null; AWS_REGION = $null; AWS_DEFAULT_REGION = $null; AWS_ENDPOINT_URL = $null
        AWS_SHARED_CREDENTIALS_FILE = $null; AWS_CONFIG_FILE = $null; AWS_EC2_METADATA_DISABLED = 'true'; IBPS_EMULATOR_URL = $null; IBPS_MODULE_PATH = $null }
    # Pester as a user has it: installed where PowerShell finds modules by name (the example's #Requires looks there).
    $pester = Get-Module Pester
    $PesterModule = Join-Path $Work "modules/Pester/$($pester.Version)"
    $null = New-Item -ItemType Directory -Path $PesterModule
    Copy-Item -Path (Join-Path $pester.ModuleBase '*') -Destination $PesterModule -Recurse
    $null = Invoke-SandboxedPwsh -Sandbox $Sandbox -Environment $noAws -ArgumentList $Work, $PesterModule -ScriptBlock {
        param($Work, $PesterModule)
        $ErrorActionPreference = 'Stop'
        Set-Location -LiteralPath (Join-Path $Work 'empty')
        $awsBefore = @(Get-ChildItem env: | Where-Object Name -like 'AWS_*' | ForEach-Object { "$($_.Name)=$($_.Value)" })
        $emulator = Start-IbEmulator -Clock Stepped
        $document = "name: hello`nschemaVersion: 1.0`nphases:`n  - name: build`n    steps:`n      - name: Hello`n        action: ExecuteBash`n        inputs:`n          commands:`n            - echo hello`n"
        $component = New-IbComponent -Name hello -SemanticVersion 1.0.0 -Platform Linux -Data $document
        $parent = Get-IbImage -Owner Amazon -Platform Linux | Select-Object -First 1
        $infra = New-IbInfrastructureConfiguration -Name hello-infra -InstanceProfileName ImageBuilderInstanceRole
        $build = New-IbRecipe -Name hello -SemanticVersion 1.0.0 -ParentImage $parent.Arn -Component $component |
            New-IbPipeline -Name hello-nightly -InfrastructureConfigurationArn $infra.Arn | Start-IbPipeline
        $build | Set-IbEmulatorClock -Until AVAILABLE
        $status = (Get-IbImage -Arn $build.Arn).State.Status
        $module = (Get-Module ImageBuilder.PS).ModuleBase
        $emulatorAssembly = ([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'ImageBuilder.PS.Emulator' }).Location
        $port = ([uri] $emulator.Url).Port
        Stop-IbEmulator
        $listening = $true
        try { [Net.Sockets.TcpClient]::new('127.0.0.1', $port).Dispose() } catch { $listening = $false }
        $awsAfter = @(Get-ChildItem env: | Where-Object Name -like 'AWS_*' | ForEach-Object { "$($_.Name)=$($_.Value)" })
        $left = @(Compare-Object $awsBefore $awsAfter | ForEach-Object { "$($_.SideIndicator) $($_.InputObject)" })
        $env:PSModulePath = (Split-Path (Split-Path $PesterModule)) + [IO.Path]::PathSeparator + $env:PSModulePath
        Import-Module Pester
        $tests = Invoke-Pester -Path (Join-Path $Work 'examples/tests/nightly-rebuild.Tests.ps1') -PassThru -Output None
        [ordered]@{
            Status = $status; ModuleBase = $module; EmulatorAssembly = $emulatorAssembly; ListeningAfter = $listening; Left = $left
            Passed = $tests.PassedCount; Failed = $tests.FailedCount + $tests.FailedBlocksCount + $tests.FailedContainersCount
            Failures = @($tests.Failed | ForEach-Object { "$($_.ExpandedPath): $($_.ErrorRecord)" }) + @($tests.FailedBlocks + $tests.FailedContainers | ForEach-Object { "$($_.ExpandedPath)$($_.Item): $($_.ErrorRecord)" }); LeftAfterTests = @(Get-ChildItem env: | Where-Object Name -like 'AWS_ENDPOINT*').Name
        } | ConvertTo-Json -Depth 4 | Set-Content -LiteralPath (Join-Path $Work 'emulated.json')
    }
    # A file, not standard output: -WhatIf's lines in the example tests go straight to the host.
    $Emulated = Get-Content -Raw -LiteralPath (Join-Path $Work 'emulated.json') | ConvertFrom-Json

    $SandboxHome = (Resolve-Path -LiteralPath (Join-Path $Sandbox 'home')).ProviderPath
}

AfterAll {
    if ($Sandbox) { Remove-Item -LiteralPath $Sandbox -Recurse -Force -ErrorAction Ignore }
}

Describe 'output/ImageBuilder.PS.<version>.nupkg' {
    It 'is named for the manifest''s version and is newer than the module folder' {
        $Package.Name | Should -Be "ImageBuilder.PS.$Version.nupkg"
        $Package.DirectoryName | Should -Be (Resolve-Path -LiteralPath (Join-Path $RepoRoot 'output')).ProviderPath
        $newest = Get-ChildItem -LiteralPath $ModuleFolder -Recurse -File -Force | Sort-Object LastWriteTimeUtc | Select-Object -Last 1
        $Package.LastWriteTimeUtc | Should -BeGreaterOrEqual $newest.LastWriteTimeUtc
    }

    It 'holds the module folder at its root, every file of it and nothing else but the package''s own parts' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($Package.FullName)
        try { $entries = @($zip.Entries | ForEach-Object { [Uri]::UnescapeDataString($_.FullName) }) }
        finally { $zip.Dispose() }
        $ownParts = $entries | Where-Object { $_ -match '^(_rels/|package/|\[Content_Types\]\.xml$|ImageBuilder\.PS\.nuspec$)' }
        @($entries | Where-Object { $_ -notin $ownParts } | Sort-Object) | Should -Be @(Get-RelativeFile $ModuleFolder)
        $entries | Should -Contain 'ImageBuilder.PS.nuspec'
    }

    It 'has the nuspec Publish-PSResource writes from the manifest' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($Package.FullName)
        try {
            $reader = [IO.StreamReader]::new($zip.GetEntry('ImageBuilder.PS.nuspec').Open())
            [xml] $nuspec = $reader.ReadToEnd()
            $reader.Dispose()
        }
        finally { $zip.Dispose() }
        $metadata = $nuspec.package.metadata
        $metadata.id | Should -Be 'ImageBuilder.PS'
        $metadata.version | Should -Be $Version
        $metadata.authors | Should -Be $ManifestData.Author
        $metadata.description | Should -Be $ManifestData.Description
        $metadata.projectUrl | Should -Be $ManifestData.PrivateData.PSData.ProjectUri
        $metadata.licenseUrl | Should -Be $ManifestData.PrivateData.PSData.LicenseUri
        $metadata.releaseNotes | Should -Be $ManifestData.PrivateData.PSData.ReleaseNotes
        $tags = $metadata.tags -split ' '
        $tags | Should -Contain 'PSModule'
        foreach ($tag in $ManifestData.PrivateData.PSData.Tags) { $tags | Should -Contain $tag }
    }
}

Describe 'The manifest a gallery shows' {
    It 'names the project, the licence and the release notes, and the licence file ships' {
        $data = $ManifestData.PrivateData.PSData
        $data.ProjectUri | Should -Match '^https://github\.com/ImageBuilder-PS/ImageBuilder\.PS$'
        $data.LicenseUri | Should -Match '^https://'
        $data.ReleaseNotes | Should -Match 'CHANGELOG\.md'
        $data.Tags | Should -Contain 'PSEdition_Core'
        $data.Tags | Should -Contain 'PSEdition_Desktop'
        Join-Path $ModuleFolder 'LICENSE' | Should -Exist
        Get-Content -LiteralPath (Join-Path $RepoRoot 'CHANGELOG.md') -Raw | Should -Match "(?m)^## \[$([regex]::Escape($Version))\]"
    }
}

Describe 'From a local folder repository' {
    It 'Find-PSResource reads the package''s version, metadata and cmdlets' {
        $Installation.Found.Name | Should -Be 'ImageBuilder.PS'
        $Installation.Found.Version | Should -Be $Version
        $Installation.Found.ProjectUri | Should -Be $ManifestData.PrivateData.PSData.ProjectUri
        # The package's PSModule tag becomes the resource's type.
        $Installation.Found.Type | Should -Be 'Module'
        $Installation.Found.Tags | Should -Contain 'EC2ImageBuilder'
        # What a gallery search by command name (-CommandName) finds the module by.
        @($Installation.Found.Cmdlets | Sort-Object) | Should -Be @($ManifestData.CmdletsToExport | Sort-Object)
    }

    It 'Save-PSResource writes the module as it was laid out, under its name and version' {
        $saved = Join-Path $SavePath "ImageBuilder.PS/$Version"
        Join-Path $saved 'ImageBuilder.PS.psd1' | Should -Exist
        # PSGetModuleInfo.xml is PSResourceGet's record of where the module came from.
        @(Get-RelativeFile $saved | Where-Object { $_ -ne 'PSGetModuleInfo.xml' }) | Should -Be @(Get-RelativeFile $ModuleFolder)
        $manifest = Test-ModuleManifest -Path (Join-Path $saved 'ImageBuilder.PS.psd1')
        $manifest.Version | Should -Be $Version
        $manifest.ExportedCmdlets.Keys | Should -Contain 'Get-IbImage'
    }

    It 'Install-PSResource -Scope CurrentUser installs into the (temporary) user''s module folder' {
        $Installation.Installed.Count | Should -Be 1
        $Installation.Installed[0].Version | Should -Be $Version
        $Installation.Installed[0].InstalledLocation | Should -BeLike "$SandboxHome*"
        Join-Path $Installation.Installed[0].InstalledLocation "ImageBuilder.PS/$Version/ImageBuilder.PS.dll" | Should -Exist
    }

    It 'keeps the repository registration in the temporary home, removes it afterwards and leaves the user''s store alone' {
        $Installation.StorePaths | Should -Not -BeNullOrEmpty
        foreach ($path in $Installation.StorePaths) { $path | Should -BeLike "$SandboxHome*" }
        $Installation.Repositories | Should -Not -Contain $RepositoryName
        $after = if (Test-Path -LiteralPath $RealStore) { (Get-FileHash -LiteralPath $RealStore).Hash } else { 'absent' }
        $after | Should -Be $RealStoreBefore
    }
}

Describe 'In a fresh pwsh after Install-PSResource' {
    It 'the first cmdlet used loads the module by name, without Import-Module' {
        $FirstUse.LoadedBefore | Should -Be 0
        $FirstUse.Valid | Should -BeTrue
        $FirstUse.ModuleName | Should -Be 'ImageBuilder.PS'
        $FirstUse.ModuleVersion | Should -Be $Version
        $FirstUse.ModuleBase | Should -BeLike "$SandboxHome*"
    }

    It 'checks documents offline with the module''s own YAML reader' {
        $FirstUse.Findings.Count | Should -BeGreaterThan 0
        $FirstUse.Findings[0].Severity | Should -Be 'Error'
        $FirstUse.Findings[0].Message | Should -Match 'ExecuteBashScript'
    }

    It 'Get-Command finds the cmdlets in ImageBuilder.PS' {
        $FirstUse.CommandModule | Should -Be 'ImageBuilder.PS'
    }

    It 'Get-Help shows the cmdlet''s written help' {
        $FirstUse.HelpSynopsis | Should -Be 'Lists EC2 Image Builder images, or gets one image with all its details.'
        $FirstUse.HelpText | Should -Match 'image versions'
        $FirstUse.HelpExamples | Should -BeGreaterThan 0
    }
}

Describe 'The emulator from the installed package, in a fresh pwsh in an empty folder' {
    It 'runs from the package: Start-IbEmulator, a pipeline''s build moved to AVAILABLE by Set-IbEmulatorClock' {
        $Emulated.ModuleBase | Should -BeLike "$SandboxHome*"
        $Emulated.EmulatorAssembly | Should -Be (Join-Path $Emulated.ModuleBase 'lib/net8.0/ImageBuilder.PS.Emulator.dll')
        $Emulated.Status | Should -Be 'AVAILABLE'
    }

    It 'Stop-IbEmulator leaves no listener and no environment variable behind' {
        $Emulated.ListeningAfter | Should -BeFalse
        $Emulated.Left | Should -BeNullOrEmpty
    }

    It 'passes the example runbook tests (examples/tests/nightly-rebuild.Tests.ps1)' {
        $Emulated.Failures | Should -BeNullOrEmpty
        $Emulated.Failed | Should -Be 0
        $Emulated.Passed | Should -Be 3
        $Emulated.LeftAfterTests | Should -BeNullOrEmpty
    }
}
