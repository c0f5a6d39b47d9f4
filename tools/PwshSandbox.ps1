<#
.SYNOPSIS
    Runs a script in a child pwsh whose home folders live in a temporary folder.
.DESCRIPTION
    Dot-source this file. PSResourceGet keeps its repository store (PSResourceRepository.xml) and its CurrentUser
    install scope under the user's local application data, which on Linux and macOS comes from HOME and the XDG
    variables. Pointing those at a sandbox folder lets packaging and the package tests register a temporary
    repository and install into a temporary scope without touching the real user's files.

    On Windows the local application data folder is a known folder that environment variables do not move, so
    there the child still uses the real store; callers register a uniquely named repository and always unregister
    it again, which leaves the store as it was apart from PSResourceGet creating it if it never existed.

    tools/Measure-Performance.ps1 starts its children (pwsh, python, the emulator) with the same environment
    (Get-SandboxEnvironment, Set-StartInfoEnvironment).

    The child is the same PowerShell as the caller: the pwsh executable, or, when pwsh runs as a .NET tool
    (`dotnet pwsh`), dotnet with the pwsh.dll in $PSHOME. It is found before HOME changes, because a .NET tool
    resolved through a local tool manifest needs the caller's NuGet cache.
#>

function Get-PwshCommandLine {
    # The program and leading arguments that start another pwsh like the current one.
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        return , @($process, (Join-Path $PSHOME 'pwsh.dll'))
    }
    return , @($process)
}

function New-PwshSandbox {
    # A fresh temporary folder with an empty home in it; returns its path.
    $root = Join-Path ([IO.Path]::GetTempPath()) ('ibps-sandbox-' + [guid]::NewGuid().ToString('n'))
    $null = New-Item -ItemType Directory -Path (Join-Path $root 'home') -Force
    return $root
}

function Get-SandboxEnvironment {
    <#
    .SYNOPSIS
        The environment variables that put a child's home folders inside Sandbox (HOME, the XDG, APPDATA and
        LOCALAPPDATA folders, made if missing), for any child process; a $null value means "remove the variable".
    #>
    param([Parameter(Mandatory)] [string] $Sandbox)
    $sandboxHome = Join-Path $Sandbox 'home'
    $variables = @{
        HOME                        = $sandboxHome
        USERPROFILE                 = $sandboxHome
        XDG_DATA_HOME               = Join-Path $sandboxHome '.local/share'
        XDG_CONFIG_HOME             = Join-Path $sandboxHome '.config'
        XDG_CACHE_HOME              = Join-Path $sandboxHome '.cache'
        APPDATA                     = Join-Path $sandboxHome 'AppData/Roaming'
        LOCALAPPDATA                = Join-Path $sandboxHome 'AppData/Local'
        # Recomputed by the child from its own HOME: the user module path, the shared one and $PSHOME/Modules.
        PSModulePath                = $null
        POWERSHELL_TELEMETRY_OPTOUT = '1'
        POWERSHELL_UPDATECHECK      = 'Off'
    }
    # .NET reports a special folder that does not exist as '', and PSResourceGet then writes relative to the
    # working directory: make every folder first.
    foreach ($name in 'HOME', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'APPDATA', 'LOCALAPPDATA') {
        $null = New-Item -ItemType Directory -Path $variables[$name] -Force
    }
    $variables
}

function Set-StartInfoEnvironment {
    # Applies Variables to a ProcessStartInfo's environment: a $null value removes the variable.
    param([Parameter(Mandatory)] [Diagnostics.ProcessStartInfo] $StartInfo, [Parameter(Mandatory)] [hashtable] $Variables)
    foreach ($name in $Variables.Keys) {
        if ($null -eq $Variables[$name]) { $null = $StartInfo.Environment.Remove($name) }
        else { $StartInfo.Environment[$name] = [string] $Variables[$name] }
    }
}

function Invoke-SandboxedPwsh {
    <#
    .SYNOPSIS
        Runs ScriptBlock in a new pwsh with HOME (and the XDG, APPDATA and LOCALAPPDATA folders) inside Sandbox.
        Returns the child's standard output as one string; throws with its error output when it exits non-zero.
    #>
    param(
        [Parameter(Mandatory)] [string] $Sandbox,
        [Parameter(Mandatory)] [scriptblock] $ScriptBlock,
        # Passed to the script's param() block, in order.
        [string[]] $ArgumentList = @(),
        # Extra environment variables for the child; a $null value removes the variable.
        [hashtable] $Environment = @{}
    )
    $script = Join-Path $Sandbox ('script-' + [guid]::NewGuid().ToString('n') + '.ps1')
    Set-Content -LiteralPath $script -Value $ScriptBlock.ToString() -Encoding utf8

    $commandLine = Get-PwshCommandLine
    $start = [Diagnostics.ProcessStartInfo]::new($commandLine[0])
    foreach ($argument in @($commandLine | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $script) + $ArgumentList) {
        $start.ArgumentList.Add($argument)
    }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.WorkingDirectory = $Sandbox

    $variables = Get-SandboxEnvironment -Sandbox $Sandbox
    foreach ($name in $Environment.Keys) { $variables[$name] = $Environment[$name] }
    Set-StartInfoEnvironment -StartInfo $start -Variables $variables

    $child = [Diagnostics.Process]::Start($start)
    try {
        $stdout = $child.StandardOutput.ReadToEndAsync()
        $stderr = $child.StandardError.ReadToEndAsync()
        $child.WaitForExit()
        if ($child.ExitCode -ne 0) {
            throw "The sandboxed pwsh exited with $($child.ExitCode).`n$($stderr.Result)`n$($stdout.Result)"
        }
        return $stdout.Result
    }
    finally {
        $child.Dispose()
        Remove-Item -LiteralPath $script -Force -ErrorAction Ignore
    }
}
