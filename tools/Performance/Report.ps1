# Dot-sourced by tools/Measure-Performance.ps1: statistics, the machine's description, and the printed report
# (markdown tables, so that a run can be pasted into docs/Performance.md as it is).

$script:Invariant = [cultureinfo]::InvariantCulture

function Get-Median([double[]] $Values) {
    if ($null -eq $Values -or $Values.Count -eq 0) { return [double]::NaN }
    $sorted = [double[]] $Values.Clone()
    [Array]::Sort($sorted)
    $middle = [Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

function Format-Number([double] $Value, [string] $Format = 'N0') { $Value.ToString($Format, $script:Invariant) }

function Format-Duration([double] $Ms) {
    if ([double]::IsNaN($Ms)) { return 'n/a' }
    if ([Math]::Abs($Ms) -lt 10) { return (Format-Number $Ms 'F2') + ' ms' }
    if ([Math]::Abs($Ms) -lt 1000) { return (Format-Number $Ms 'F0') + ' ms' }
    (Format-Number ($Ms / 1000) 'F2') + ' s'
}

function Format-Ratio([double] $Ratio) { (Format-Number $Ratio $(if ($Ratio -lt 10) { 'F2' } else { 'F1' })) + '×' }

function Get-MachineLoad {
    # What uptime prints (the load averages over 1, 5 and 15 minutes), or /proc/loadavg where uptime is missing.
    $uptime = Get-Command uptime -CommandType Application -ErrorAction Ignore | Select-Object -First 1
    if ($uptime) { return (& $uptime.Source).Trim() }
    if (Test-Path /proc/loadavg) { return 'load average: ' + ((Get-Content /proc/loadavg).Split(' ')[0..2] -join ', ') }
    'load unknown'
}

function Get-BuildConfiguration([string] $Path) {
    # Debug or Release, from the assembly's DebuggableAttribute (a Debug build turns the JIT's optimizations off).
    $stream = [IO.File]::OpenRead($Path)
    try {
        $pe = [Reflection.PortableExecutable.PEReader]::new($stream)
        $metadata = [Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
        foreach ($handle in $metadata.GetAssemblyDefinition().GetCustomAttributes()) {
            $attribute = $metadata.GetCustomAttribute($handle)
            if ($attribute.Constructor.Kind -ne [Reflection.Metadata.HandleKind]::MemberReference) { continue }
            $constructor = $metadata.GetMemberReference([Reflection.Metadata.MemberReferenceHandle] $attribute.Constructor)
            if ($constructor.Parent.Kind -ne [Reflection.Metadata.HandleKind]::TypeReference) { continue }
            $type = $metadata.GetTypeReference([Reflection.Metadata.TypeReferenceHandle] $constructor.Parent)
            if ($metadata.GetString($type.Name) -ne 'DebuggableAttribute') { continue }
            $modes = [BitConverter]::ToInt32($metadata.GetBlobBytes($attribute.Value), 2)
            return $(if ($modes -band 0x100) { 'Debug build: JIT optimizations off' } else { 'Release build' })
        }
        'Release build'
    }
    finally {
        $stream.Dispose()
    }
}

function Format-MarkdownTable([string[]] $Header, [object[][]] $Rows) {
    # A pipe inside a cell (`a | b`) would end the cell: it is escaped.
    $Header = @($Header | ForEach-Object { $_.Replace('|', '\|') })
    $Rows = @(foreach ($row in $Rows) { , @($row | ForEach-Object { ([string] $_).Replace('|', '\|') }) })
    $widths = for ($c = 0; $c -lt $Header.Count; $c++) {
        ($(@($Header[$c].Length) + @($Rows | ForEach-Object { ([string] $_[$c]).Length })) | Measure-Object -Maximum).Maximum
    }
    $line = { param($cells) '| ' + ((0..($Header.Count - 1) | ForEach-Object { ([string] $cells[$_]).PadRight($widths[$_]) }) -join ' | ') + ' |' }
    & $line $Header
    '|' + ((0..($Header.Count - 1) | ForEach-Object { '-' * ($widths[$_] + 2) }) -join '|') + '|'
    foreach ($row in $Rows) { & $line $row }
}

function Get-Verdict([double] $Value, [double] $Limit) { if ($Value -le $Limit) { 'yes' } else { 'no' } }

function Get-Figures($Results) {
    # The table's figures from the raw measurements: medians, and what the goals compare.
    $processes = $Results.processes
    $bareMemory = (Get-Median $Results.bareMemoryKiB) / 1024
    [ordered]@{
        early        = @{ module = Get-Median $Results.warmEarly.module; boto3 = Get-Median $Results.warmEarly.boto3; raw = Get-Median $Results.warmEarly.raw }
        late         = @{ module = Get-Median $Results.warmLate.module; boto3 = Get-Median $Results.warmLate.boto3; raw = Get-Median $Results.warmLate.raw }
        streamModule = (Get-Median @($Results.streams.module | ForEach-Object seconds)) * 1000
        streamBoto3  = (Get-Median @($Results.streams.boto3 | ForEach-Object seconds)) * 1000
        streamRaw    = (Get-Median @($Results.streams.raw | ForEach-Object seconds)) * 1000
        bare         = Get-Median $processes.bare
        moduleExtra  = (Get-Median $processes.module) - (Get-Median $processes.bare)
        boto3Process = Get-Median $processes.boto3
        bareMiB      = $bareMemory
        moduleMiB    = (Get-Median @($Results.streams.module | ForEach-Object peakKiB)) / 1024 - $bareMemory
        boto3MiB     = (Get-Median @($Results.streams.boto3 | ForEach-Object peakKiB)) / 1024
        help         = Get-Median @($Results.helps | ForEach-Object firstMs)
    }
}

function Write-Report($Results, $Context, $Plan) {
    $f = Get-Figures $Results
    $calls = $Plan.Chunks * $Plan.ChunkSize
    $from, $to = ($Results.warmup + 1), ($Results.warmup + $calls)
    $rate = { param($ms) (Format-Number ($Context.findings / ($ms / 1000)) 'N0') + '/s' }
    $rows = @(
        , @("warm ``Get-IbImage -Arn``, median per call (calls $(Format-Number $from)–$(Format-Number $to) of a session)", (Format-Duration $f.early.module), (Format-Duration $f.early.boto3), (Format-Duration $f.early.raw),
            ((Format-Ratio ($f.early.module / $f.early.boto3)) + ' boto3'), '≤ 0.5× boto3', (Get-Verdict ($f.early.module / $f.early.boto3) 0.5))
        , @('', '', '', '', ((Format-Ratio ($f.early.module / $f.early.raw)) + ' raw'), '≤ 2.5× raw', (Get-Verdict ($f.early.module / $f.early.raw) 2.5))
        , @("warm, once the JIT has settled (after $(Format-Number $Results.settledAfter) calls)", (Format-Duration $f.late.module), (Format-Duration $f.late.boto3), (Format-Duration $f.late.raw),
            ((Format-Ratio ($f.late.module / $f.late.boto3)) + ' boto3'), '≤ 0.5× boto3', (Get-Verdict ($f.late.module / $f.late.boto3) 0.5))
        , @('', '', '', '', ((Format-Ratio ($f.late.module / $f.late.raw)) + ' raw'), '≤ 2.5× raw', (Get-Verdict ($f.late.module / $f.late.raw) 2.5))
        , @("$(Format-Number $Context.findings) scan findings streamed", "$(Format-Duration $f.streamModule) ($(& $rate $f.streamModule))", "$(Format-Duration $f.streamBoto3) ($(& $rate $f.streamBoto3))", "$(Format-Duration $f.streamRaw) ($(& $rate $f.streamRaw))",
            (Format-Ratio ($f.streamModule / $f.streamBoto3)), '≤ 0.15×', (Get-Verdict ($f.streamModule / $f.streamBoto3) 0.15))
        , @("a new process: import + first call, beyond bare pwsh ($(Format-Duration $f.bare))", ('+' + (Format-Duration $f.moduleExtra)), "$(Format-Duration $f.boto3Process) whole", '',
            (Format-Ratio ($f.moduleExtra / $f.boto3Process)), '≤ 0.5×', (Get-Verdict ($f.moduleExtra / $f.boto3Process) 0.5))
        , @("peak memory streaming $(Format-Number $Context.findings) findings, beyond bare pwsh ($(Format-Number $f.bareMiB 'F0') MiB)", "+$(Format-Number $f.moduleMiB 'F0') MiB", "$(Format-Number $f.boto3MiB 'F0') MiB whole", '',
            (Format-Ratio ($f.moduleMiB / $f.boto3MiB)), '≤ 40 MiB', (Get-Verdict $f.moduleMiB 40))
        , @('`Get-Help Get-IbImage -Full`, first call in a session', (Format-Duration $f.help), '', '', '', '≤ 0.15 s', (Get-Verdict $f.help 150))
    )
    $quick = if ($Context.quick) { ' (-Quick)' } else { '' }
    "## ImageBuilder.PS performance$quick, $($Context.started.ToString('yyyy-MM-dd HH:mm', $script:Invariant)), $(Format-Number $Context.seconds 'F0') s"
    ''
    "- machine: $($Context.cpus) CPUs; before: $($Context.loadBefore); after: $($Context.loadAfter)"
    "- pwsh $($Context.pwsh), Python $($Context.python), boto3 $($Context.boto3)"
    "- module: $($Context.module)"
    "- emulator: $($Context.emulator)"
    "- medians of: $(Format-Number $calls) warm calls per session and phase (chunks of $($Plan.ChunkSize), taking turns, after $($Results.warmup) calls); " +
        "$($Plan.Streams) module and raw, $($Plan.BotoStreams) boto3 listing(s); $($Plan.Processes) new processes of each kind (after a warm-up round); $($Plan.Helps) Get-Help session(s)"
    "- raw keep-alive HTTP: python http.client on one connection, a well-formed SigV4 header (the emulator does not verify it); for the listing, json.loads of each page and nothing else"
    ''
    Format-MarkdownTable @('', 'ImageBuilder.PS', 'boto3', 'raw keep-alive HTTP', 'ratio', 'goal', 'holds') $rows
    if ($Results.breakdown) {
        ''
        Write-Breakdown -Breakdown $Results.breakdown -Figures $f -Findings $Context.findings -BareMiB $f.bareMiB
    }
}
