# Dot-sourced by tools/Measure-Performance.ps1: the child processes it runs (pwsh, python, the emulator), each
# with the sandbox's environment and no inherited AWS_* variable, each tracked so that Stop-AllChildren ends
# whatever is left when the run stops (an error, Ctrl+C). Waits poll, so that Ctrl+C is seen within 200 ms. (A
# SIGTERM or SIGKILL of the script's own process runs no finally block: then the emulator is left running.)

$script:Children = [Collections.Generic.List[Diagnostics.Process]]::new()

function New-ChildStartInfo([string] $FilePath, [string[]] $ArgumentList, [hashtable] $Environment, [string] $WorkingDirectory) {
    $start = [Diagnostics.ProcessStartInfo]::new($FilePath)
    foreach ($argument in $ArgumentList) { $start.ArgumentList.Add($argument) }
    $start.UseShellExecute = $false
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.WorkingDirectory = $WorkingDirectory
    foreach ($name in @($start.Environment.Keys)) {
        if ($name -like 'AWS_*') { $null = $start.Environment.Remove($name) }
    }
    Set-StartInfoEnvironment -StartInfo $start -Variables $Environment
    $start
}

function Start-Child([Diagnostics.ProcessStartInfo] $StartInfo) {
    $process = [Diagnostics.Process]::Start($StartInfo)
    $script:Children.Add($process)
    $process
}

function Wait-Task([Threading.Tasks.Task] $Task, [int] $TimeoutSeconds, [string] $What) {
    $deadline = [datetime]::UtcNow.AddSeconds($TimeoutSeconds)
    while (-not $Task.Wait(200)) {
        if ([datetime]::UtcNow -gt $deadline) { throw "$What did not finish within $TimeoutSeconds s." }
    }
}

function Stop-Child([Diagnostics.Process] $Process) {
    try {
        if (-not $Process.HasExited) { $Process.Kill($true); $null = $Process.WaitForExit(5000) }
    }
    catch [InvalidOperationException] {
        # It ended meanwhile.
    }
    $null = $script:Children.Remove($Process)
    $Process.Dispose()
}

function Stop-AllChildren {
    foreach ($process in @($script:Children)) { Stop-Child $process }
}

function Invoke-Child {
    <#
    .SYNOPSIS
        Runs a program to its end with standard input closed; gives Ms (wall time from start to exit), StdOut and
        StdErr. Throws with its error output when it exits non-zero.
    #>
    param(
        [Parameter(Mandatory)] [string] $FilePath,
        [string[]] $ArgumentList = @(),
        [Parameter(Mandatory)] [hashtable] $Environment,
        [string] $WorkingDirectory = [IO.Path]::GetTempPath(),
        [int] $TimeoutSeconds = 600
    )
    $start = New-ChildStartInfo $FilePath $ArgumentList $Environment $WorkingDirectory
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $process = Start-Child $start
    try {
        $process.StandardInput.Close()
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        Wait-Task $process.WaitForExitAsync() $TimeoutSeconds "$FilePath $($ArgumentList -join ' ')"
        $ms = $clock.Elapsed.TotalMilliseconds
        $process.WaitForExit()
        if ($process.ExitCode -ne 0) {
            throw "$FilePath $($ArgumentList -join ' ') exited with $($process.ExitCode):`n$($stderr.GetAwaiter().GetResult())`n$($stdout.GetAwaiter().GetResult())"
        }
        [pscustomobject]@{ Ms = $ms; StdOut = $stdout.GetAwaiter().GetResult(); StdErr = $stderr.GetAwaiter().GetResult() }
    }
    finally {
        Stop-Child $process
    }
}

function Start-ChunkSession {
    # A child that speaks the chunk protocol of WarmCalls.ps1 and peers.py; Receive-ChildLine waits for its "ready".
    param(
        [Parameter(Mandatory)] [string] $FilePath,
        [string[]] $ArgumentList = @(),
        [Parameter(Mandatory)] [hashtable] $Environment,
        [string] $WorkingDirectory = [IO.Path]::GetTempPath()
    )
    $process = Start-Child (New-ChildStartInfo $FilePath $ArgumentList $Environment $WorkingDirectory)
    [pscustomobject]@{ Process = $process; Errors = $process.StandardError.ReadToEndAsync(); What = "$FilePath $($ArgumentList -join ' ')" }
}

function Receive-ChildLine($Session, [int] $TimeoutSeconds = 300) {
    $read = $Session.Process.StandardOutput.ReadLineAsync()
    Wait-Task $read $TimeoutSeconds $Session.What
    $line = $read.GetAwaiter().GetResult()
    if ($null -eq $line) {
        $null = $Session.Process.WaitForExit(5000)
        throw "$($Session.What) ended early:`n$(if ($Session.Errors.IsCompleted) { $Session.Errors.Result })"
    }
    $line
}

function Send-ChunkCommand($Session, [string] $Line) {
    $Session.Process.StandardInput.WriteLine($Line)
    $Session.Process.StandardInput.Flush()
    Receive-ChildLine $Session
}

function Measure-ChunkSessions {
    # Chunks of ChunkSize calls from each session in turn, the order turning each chunk; gives each session's call times (ms).
    param([Parameter(Mandatory)] [System.Collections.IDictionary] $Sessions, [int] $Chunks, [int] $ChunkSize)
    $names = @($Sessions.Keys)
    $times = @{}
    foreach ($name in $names) { $times[$name] = [Collections.Generic.List[double]]::new() }
    for ($chunk = 0; $chunk -lt $Chunks; $chunk++) {
        for ($k = 0; $k -lt $names.Count; $k++) {
            $name = $names[($chunk + $k) % $names.Count]
            $line = Send-ChunkCommand $Sessions[$name] ([string] $ChunkSize)
            $times[$name].AddRange([double[]] @($line.Split(' ') | ForEach-Object { [double]::Parse($_, [cultureinfo]::InvariantCulture) }))
        }
    }
    $result = @{}
    foreach ($name in $names) { $result[$name] = $times[$name].ToArray() }
    $result
}

function Stop-ChunkSession($Session) {
    try {
        if (-not $Session.Process.HasExited) {
            $Session.Process.StandardInput.WriteLine('exit')
            $Session.Process.StandardInput.Close()
            $null = $Session.Process.WaitForExit(10000)
        }
    }
    catch [IO.IOException] {
        # Its input is already closed: it is ending anyway.
    }
    Stop-Child $Session.Process
}

function Start-Emulator([string] $Path, [hashtable] $Environment, [string] $WorkingDirectory) {
    # The standalone emulator on a free loopback port; its first line says where it listens. Stop-AllChildren ends it.
    $dotnet = (Get-Command dotnet -CommandType Application | Select-Object -First 1).Source
    $process = Start-Child (New-ChildStartInfo $dotnet @($Path, '--urls', 'http://127.0.0.1:0', '--clock', 'stepped') $Environment $WorkingDirectory)
    $session = [pscustomobject]@{ Process = $process; Errors = $process.StandardError.ReadToEndAsync(); What = "the emulator ($Path)"; Url = $null; Output = $null }
    $line = Receive-ChildLine $session 120
    if ($line -notmatch 'listening on (http://127\.0\.0\.1:\d+)') { throw "The emulator said '$line' instead of where it listens." }
    $session.Url = $Matches[1]
    # What else it prints is read to the end, so that it never blocks on a full pipe.
    $session.Output = $process.StandardOutput.ReadToEndAsync()
    $session
}

function Invoke-PwshScript {
    # One of tools/Performance's scripts in a fresh pwsh -NoProfile -NonInteractive -File; gives its JSON line, parsed.
    param([Parameter(Mandatory)] $Run, [Parameter(Mandatory)] [string] $Script, [string[]] $ArgumentList = @(), [hashtable] $Environment = $Run.Environment)
    $arguments = @($Run.Pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $Run.Scripts $Script)) + $ArgumentList
    (Invoke-Child -FilePath $Run.Pwsh[0] -ArgumentList $arguments -Environment $Environment -WorkingDirectory $Run.Sandbox).StdOut | ConvertFrom-Json
}

function Invoke-Peer {
    # A mode of peers.py that runs to its end (stream-boto3, stream-raw); gives its JSON line, parsed.
    param([Parameter(Mandatory)] $Run, [Parameter(Mandatory)] [string] $Mode, [Parameter(Mandatory)] [string] $Arn)
    $arguments = @((Join-Path $Run.Scripts 'peers.py'), $Mode, '--endpoint', $Run.Url, '--arn', $Arn)
    (Invoke-Child -FilePath $Run.Python -ArgumentList $arguments -Environment $Run.Environment -WorkingDirectory $Run.Sandbox).StdOut | ConvertFrom-Json
}
