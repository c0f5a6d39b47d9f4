# The module beside other versions of its own libraries, as users' sessions hold them: AWS Tools v4 and
# AWSPowerShell.NetCore load AWSSDK.Core 3.x; powershell-yaml, Az.Aks and older platyPS load older YamlDotNet.
# Each case runs in a fresh pwsh, since what a session has loaded cannot be unloaded.

BeforeAll {
    . $PSScriptRoot/common.ps1

    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $script:OldYaml = Join-Path $packages 'yamldotnet/11.2.1/lib/netstandard2.1/YamlDotNet.dll'
    $script:OldCore = Join-Path $packages 'awssdk.core/3.7.402/lib/net8.0/AWSSDK.Core.dll'
    $script:ModulePath = if ($env:IBPS_MODULE_PATH) { $env:IBPS_MODULE_PATH } else { Join-Path $PSScriptRoot '../../output/ImageBuilder.PS' }

    # A prologue every child script starts with: paths, the emulator, and two functions that use the older libraries
    # the way their own modules would (a YAML read; credentials of AWSSDK.Core 3.x).
    $script:Prologue = @"
`$ErrorActionPreference = 'Stop'
`$oldYaml = '$OldYaml'; `$oldCore = '$OldCore'; `$modulePath = '$ModulePath'; `$url = '$env:IBPS_EMULATOR_URL'
function Use-OldLibraries {
    Add-Type -Path `$oldYaml
    Add-Type -Path `$oldCore
    `$read = [YamlDotNet.Serialization.DeserializerBuilder]::new().Build().Deserialize[object]('answer: 42')
    `$keys = [Amazon.Runtime.BasicAWSCredentials]::new('AKIDOLDLIBRARY', 'old-secret').GetCredentials()
    "old:yaml=`$([YamlDotNet.Serialization.Deserializer].Assembly.GetName().Version.Major) core=`$([Amazon.Runtime.AWSCredentials].Assembly.GetName().Version.Major) answer=`$(`$read['answer']) key=`$(`$keys.AccessKey)"
}
`$componentYaml = "name: hello`nschemaVersion: 1.0`nphases:`n  - name: build`n    steps:`n      - name: Say`n        action: ExecuteBash`n        inputs:`n          commands: [echo hello]"
function Use-Module {
    `$name = 'coexist-' + [guid]::NewGuid().ToString('n').Substring(0, 8)
    `$created = New-IbComponent -EndpointUrl `$url -Name `$name -SemanticVersion 1.0.0 -Platform Linux -Data `$componentYaml
    `$read = Get-IbComponent -EndpointUrl `$url -Arn `$created.Arn
    `$findings = @(Test-IbComponentDocument -Data "name: hello")
    "module:created=`$(`$read.Arn -eq `$created.Arn) findings=`$(`$findings.Count) typed=`$(`$findings[0] -is [ImageBuilder.PS.Documents.DocumentFinding])"
}
function Get-LoadedCopies {
    [AppDomain]::CurrentDomain.GetAssemblies() |
        Where-Object { `$_.GetName().Name -in 'AWSSDK.Core', 'YamlDotNet' } |
        ForEach-Object { 'copy:{0}={1}@{2}' -f `$_.GetName().Name, `$_.GetName().Version.Major, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name } |
        Sort-Object
}
"@
    function Invoke-Case([string] $Body) {
        $result = Invoke-TestPwsh -Script ($script:Prologue + "`n" + $Body)
        $result.StdErr | Should -BeNullOrEmpty
        $result.ExitCode | Should -Be 0
        $result.StdOut -split "`r?`n" | Where-Object { $_ }
    }
}

Describe 'ImageBuilder.PS beside older AWSSDK.Core and YamlDotNet' {
    It 'works when the older libraries were loaded first, and they keep working' {
        $lines = Invoke-Case @'
Use-OldLibraries
Import-Module $modulePath
Use-Module
Use-OldLibraries
Get-LoadedCopies
'@
        $lines | Should -Contain 'old:yaml=11 core=3 answer=42 key=AKIDOLDLIBRARY'
        $lines | Should -Contain 'module:created=True findings=2 typed=True'
        # Theirs in the session's context, ours in the module's own.
        $lines | Should -Contain 'copy:AWSSDK.Core=3@Default'
        $lines | Should -Contain 'copy:YamlDotNet=11@Default'
        $lines | Should -Contain 'copy:AWSSDK.Core=4@ImageBuilder.PS'
        $lines | Should -Contain 'copy:YamlDotNet=18@ImageBuilder.PS'
    }

    It 'runs Start-IbEmulator beside the older libraries, its emulator in the module''s own context' {
        $lines = Invoke-Case @'
Use-OldLibraries
Import-Module $modulePath
$emulator = Start-IbEmulator -Clock Stepped -SetEnvironment $false
$url = $emulator.Url
Use-Module
Use-OldLibraries
$engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'ImageBuilder.PS.Emulator' }
"emulator:context=$([System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine).Name)"
Stop-IbEmulator
Get-LoadedCopies
'@
        $lines | Should -Contain 'old:yaml=11 core=3 answer=42 key=AKIDOLDLIBRARY'
        $lines | Should -Contain 'module:created=True findings=2 typed=True'
        $lines | Should -Contain 'emulator:context=ImageBuilder.PS'
        $lines | Should -Contain 'copy:YamlDotNet=11@Default'
        $lines | Should -Contain 'copy:YamlDotNet=18@ImageBuilder.PS'
    }

    It 'leaves room for the older libraries when the module was imported and used first' {
        $lines = Invoke-Case @'
Import-Module $modulePath
Use-Module
Use-OldLibraries
Use-Module
Get-LoadedCopies
'@
        ($lines -eq 'module:created=True findings=2 typed=True').Count | Should -Be 2
        $lines | Should -Contain 'old:yaml=11 core=3 answer=42 key=AKIDOLDLIBRARY'
        $lines | Should -Not -Contain 'copy:AWSSDK.Core=4@Default'
        $lines | Should -Not -Contain 'copy:YamlDotNet=18@Default'
    }

    It 'never puts its own copies in the session''s context' {
        $lines = Invoke-Case @'
Import-Module $modulePath
Use-Module
Get-LoadedCopies
'@
        $lines | Should -Contain 'copy:AWSSDK.Core=4@ImageBuilder.PS'
        $lines | Should -Contain 'copy:YamlDotNet=18@ImageBuilder.PS'
        $lines | Where-Object { $_ -like 'copy:*@Default' } | Should -BeNullOrEmpty
    }

    It 'keeps working after Remove-Module and a second import' {
        $lines = Invoke-Case @'
Import-Module $modulePath
Use-Module
Remove-Module ImageBuilder.PS
Use-OldLibraries
Import-Module $modulePath -Force
Use-Module
'@
        ($lines -eq 'module:created=True findings=2 typed=True').Count | Should -Be 2
    }

    It 'honours $StoredAWSCredentials holding AWS Tools v4 credentials (AWSSDK.Core 3.x)' {
        # The shape of AWS Tools' Set-AWSCredential result: an AWSPSCredentials whose Credentials property is an SDK
        # credentials object; this one counts how often it is asked for keys.
        $lines = Invoke-Case @'
Add-Type -Path $oldCore
Add-Type -IgnoreWarnings -WarningAction SilentlyContinue -ReferencedAssemblies $oldCore -TypeDefinition @"
namespace Amazon.PowerShell.Common {
    public class CountingCredentials : Amazon.Runtime.AWSCredentials {
        public static int Asked;
        public override Amazon.Runtime.ImmutableCredentials GetCredentials() { Asked++; return new Amazon.Runtime.ImmutableCredentials("AKIDSTOREDV4", "stored-secret", "stored-token"); }
    }
    public class AWSPSCredentials {
        public AWSPSCredentials(Amazon.Runtime.AWSCredentials credentials) { Credentials = credentials; }
        public Amazon.Runtime.AWSCredentials Credentials { get; private set; }
    }
}
"@
$global:StoredAWSCredentials = [Amazon.PowerShell.Common.AWSPSCredentials]::new([Amazon.PowerShell.Common.CountingCredentials]::new())
Remove-Item env:AWS_ACCESS_KEY_ID, env:AWS_SECRET_ACCESS_KEY -ErrorAction SilentlyContinue
Import-Module $modulePath
$verbose = Get-IbComponent -EndpointUrl $url -Owner Amazon -First 1 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
'source=' + [bool]($verbose.Message -match 'credentials from \$StoredAWSCredentials')
'asked=' + ([Amazon.PowerShell.Common.CountingCredentials]::Asked -gt 0)
'@
        $lines | Should -Contain 'source=True'
        $lines | Should -Contain 'asked=True'
    }
}

Describe 'The types users see' {
    It 'are all resolvable by PowerShell: every parameter and output type of the module''s own' {
        # They live in the session's default context; a type that had slipped into the module's load context would not
        # resolve by name ([ImageBuilder.PS...] casts and -is tests in scripts would fail).
        $unresolvable = foreach ($command in Get-Command -Module ImageBuilder.PS) {
            foreach ($type in @($command.OutputType.Type) + @($command.Parameters.Values.ParameterType)) {
                $element = $type
                while ($element -and $element.HasElementType) { $element = $element.GetElementType() }
                if ($element -and $element.IsGenericType) { $element = $element.GetGenericArguments()[0] }
                if ($element -and $element.Assembly.GetName().Name -like 'ImageBuilder*' -and -not ($element.FullName -as [type])) {
                    "$($command.Name): $($element.FullName)"
                }
            }
        }
        @(Get-Command -Module ImageBuilder.PS).Count | Should -BeGreaterThan 70
        $unresolvable | Should -BeNullOrEmpty
    }
}
