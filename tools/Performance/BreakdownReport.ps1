# Dot-sourced by tools/Measure-Performance.ps1: the breakdown's tables (Profiling.ps1 measures them), printed
# after the main table by Write-Report. Each stage of a call is the difference of two probes' medians, so on a
# busy machine a small stage can come out a little below zero.

function Write-Breakdown($Breakdown, $Figures, [int] $Findings, [double] $BareMiB) {
    $us = { param($ms) if ($null -eq $ms -or [double]::IsNaN($ms)) { 'n/a' } else { Format-Number ($ms * 1000) 'N0' } }
    $m = { param($medians, $name) [double] $medians.$name }
    $stages = @(
        @('the timing loop itself (subtracted below)', { param($d) & $m $d 'loop' }),
        @('PowerShell calling a compiled cmdlet: Write-Output -InputObject', { param($d) (& $m $d 'write-output') - (& $m $d 'loop') }),
        @('binding -Arn on the module''s base (IbCmdlet), nothing done', { param($d) (& $m $d 'probe-binding') - (& $m $d 'loop') }),
        @('+ the module''s checks of the request', { param($d) (& $m $d 'probe-checks') - (& $m $d 'probe-binding') }),
        @('+ the connection settled again, the cached client found', { param($d) (& $m $d 'probe-client') - (& $m $d 'probe-checks') }),
        @('    of which ConnectionResolver.Resolve', { param($d) & $m $d 'resolve-connection' }),
        @('+ the call', { param($d) (& $m $d 'probe-call') - (& $m $d 'probe-client') }),
        @('    ServiceClient.CallAsync alone, on the calling thread', { param($d) & $m $d 'call-async' }),
        @('        of which the same GET with .NET HttpClient', { param($d) & $m $d 'http-dotnet' }),
        @('        of which SigV4 signing (AWS4Signer.SignRequest)', { param($d) & $m $d 'sign' }),
        @('        of which JSON to objects (protocol engine)', { param($d) & $m $d 'deserialize' }),
        @('        of which request layout, endpoint rules, local dates', { param($d) (& $m $d 'serialize') + (& $m $d 'endpoint') + (& $m $d 'local-dates') }),
        @('        the rest: AWSSDK.Core''s handler pipeline', { param($d) (& $m $d 'call-async') - (& $m $d 'http-dotnet') - (& $m $d 'sign') - (& $m $d 'deserialize') - (& $m $d 'serialize') - (& $m $d 'endpoint') - (& $m $d 'local-dates') }),
        @('    credentials, then the call, one hop to the pool (PendingCall)', { param($d) (& $m $d 'call-on-pool') - (& $m $d 'call-async') }),
        @('    the rest of the cmdlet''s call path', { param($d) (& $m $d 'probe-call') - (& $m $d 'probe-client') - (& $m $d 'call-on-pool') }),
        @('+ writing the image to the pipeline', { param($d) (& $m $d 'get-ibimage') - (& $m $d 'probe-call') }),
        @('= `$null = Get-IbImage -Arn`, measured', { param($d) (& $m $d 'get-ibimage') - (& $m $d 'loop') }),
        @('shown: `Get-IbImage -Arn | Out-String`, beyond the call', { param($d) (& $m $d 'out-string') - (& $m $d 'get-ibimage') }),
        @('    Out-String of the image (its table view''s scripts)', { param($d) (& $m $d 'format-only') - (& $m $d 'loop') }),
        @('    Out-String of a 4-property object (no view)', { param($d) (& $m $d 'format-floor') - (& $m $d 'loop') }),
        @('with 10 profiles in ~/.aws/config and credentials: Get-IbImage -Arn', { param($d) (& $m $d 'get-ibimage-profiles') - (& $m $d 'loop') }),
        @('    ConnectionResolver.Resolve with those files', { param($d) & $m $d 'resolve-connection-profiles' })
    )
    $tiers = { param($stages) foreach ($stage in $stages) { , @($stage[0], (& $us (& $stage[1] $Breakdown.warm.unoptimized.medians)), (& $us (& $stage[1] $Breakdown.warm.settled.medians))) } }
    $rows = & $tiers $stages
    '### Warm `Get-IbImage -Arn`, stage by stage (µs per call, medians; a stage is the difference of two probes)'
    ''
    Format-MarkdownTable @('stage', 'unoptimized JIT (calls never tier up)', "after the JIT settled ($(Format-Number $Breakdown.warm.settled.settledAfterCalls) calls)") $rows
    ''
    $page = @(
        @('`$null = Get-IbImageScanFinding -First 25`: one page through the cmdlet', { param($d) (& $m $d 'page-cmdlet') - (& $m $d 'loop') }),
        @('    ServiceClient.CallAsync of that page', { param($d) & $m $d 'page-call-async' }),
        @('        of which the same POST with .NET HttpClient', { param($d) & $m $d 'page-http' }),
        @('        of which JSON to 25 findings (protocol engine)', { param($d) & $m $d 'page-deserialize' }),
        @('        the rest: AWSSDK.Core''s pipeline, signing, local dates', { param($d) (& $m $d 'page-call-async') - (& $m $d 'page-http') - (& $m $d 'page-deserialize') }),
        @('    the cmdlet around it: binding, checks, hand-offs, 25 writes', { param($d) (& $m $d 'page-cmdlet') - (& $m $d 'loop') - (& $m $d 'page-call-async') })
    )
    "### One page of scan findings, stage by stage (µs per page of 25, $(Format-Number ($Breakdown.warm.settled.pageBytes / 1KB) 'N0') KiB of JSON)"
    ''
    Format-MarkdownTable @('stage', 'unoptimized JIT', 'after the JIT settled') (& $tiers $page)
    ''
    $bytes = $Breakdown.warm.settled.bytesPerCall
    "Allocated per call (all threads): Get-IbImage -Arn $(Format-Number $bytes.'get-ibimage') B, ServiceClient.CallAsync $(Format-Number $bytes.'call-async') B, .NET HttpClient GET $(Format-Number $bytes.'http-dotnet') B (the GetImage answer is $(Format-Number $Breakdown.warm.settled.responseBytes) B); one page of findings through the cmdlet $(Format-Number ($bytes.'page-cmdlet' / 1KB) 'N0') KiB."
    ''
    "### Listing $(Format-Number $Findings) scan findings (pages of 25), and the memory it takes"
    ''
    $memory = $Breakdown.memory
    $pages = [Math]::Ceiling($Findings / 25)
    $listings = @(
        @('ImageBuilder.PS in a new session, `| Measure-Object` (the row above)', $Figures.streamModule),
        @('ImageBuilder.PS warm (after 1,000 findings), `| Measure-Object`', ($memory.stages.seconds * 1000)),
        @('ImageBuilder.PS warm, `$null =` (no cmdlet downstream)', ($memory.stages.nullSeconds * 1000)),
        @('boto3 paginator', $Figures.streamBoto3),
        @('raw: http.client and json.loads, one page after the other', $Figures.streamRaw)
    )
    Format-MarkdownTable @('listing', 'time', 'ms per page') @(foreach ($listing in $listings) { , @($listing[0], (Format-Duration $listing[1]), (Format-Number ($listing[1] / $pages) 'F2')) })
    ''
    $mib = { param($kib) Format-Number ($kib / 1024) 'F0' }
    $beyond = { param($kib) '+' + (Format-Number ($kib / 1024 - $BareMiB) 'F0') }
    Format-MarkdownTable @('peak resident memory (VmHWM)', 'MiB', 'beyond bare pwsh') @(
        , @('bare pwsh (`-c` reading its own status)', (Format-Number $BareMiB 'F0'), '')
        , @('pwsh `-File`, at the script''s first line', (& $mib $memory.stages.startKiB), (& $beyond $memory.stages.startKiB))
        , @('after Import-Module', (& $mib $memory.stages.importKiB), (& $beyond $memory.stages.importKiB))
        , @('after a first listing of 1,000 findings', (& $mib $memory.stages.firstThousandKiB), (& $beyond $memory.stages.firstThousandKiB))
        , @("after all $(Format-Number $Findings)", (& $mib $memory.stages.peakKiB), (& $beyond $memory.stages.peakKiB))
        , @("a new session listing $(Format-Number $Findings) with DOTNET_GCgen0size=16 MiB", (& $mib $memory.smallGen0.peakKiB), (& $beyond $memory.smallGen0.peakKiB))
        , @("pwsh alone (no module): $(Format-Number (3 * $Findings)) objects through Measure-Object", (& $mib $memory.control.peakKiB), (& $beyond $memory.control.peakKiB))
    )
    ''
    "The listing allocates $(Format-Number $memory.stages.allocatedMiB 'N0') MiB in all (about $(Format-Number ($memory.stages.allocatedMiB * 1024 / (2 * $Findings + 1000)) 'F1') KiB a finding) over $(Format-Number $memory.stages.gen0) gen0 collections; " +
        "pwsh alone allocating $(Format-Number $memory.control.allocatedMiB 'N0') MiB ($(Format-Number $memory.control.gen0) gen0 collections) rises as far: the peak is mostly the collector's gen0 budget, which .NET sizes from the CPU cache ($($memory.cache))."
    ''
    '### A new process: import and first call (ms, medians of fresh pwsh processes)'
    ''
    $titles = @('*as a runbook: Import-Module, then calls*', '*split: the assembly, then its types and formats, then a call the checks refuse*')
    $coldRows = for ($v = 0; $v -lt @($Breakdown.cold).Count; $v++) {
        $variant = @($Breakdown.cold)[$v]
        , @($titles[$v], '', '', '', '')
        , @('pwsh start to the script''s first line', (Format-Number $variant.startupMs 'N0'), (Format-Number $variant.atStart.jitMs 'N0'), (Format-Number $variant.atStart.jitMethods 'N0'), (Format-Number $variant.atStart.assemblies 'N0'))
        foreach ($phase in $variant.phases) {
            , @($phase.name, (Format-Number $phase.ms 'N0'), (Format-Number $phase.jitMs 'N0'), (Format-Number $phase.jitMethods 'N0'), (Format-Number $phase.assemblies 'N0'))
        }
    }
    Format-MarkdownTable @('phase', 'ms', 'of which JIT ms', 'methods compiled', 'assemblies loaded') $coldRows
    ''
    '### `Get-Help Get-IbImage -Full | Out-String` (ms, medians of fresh sessions)'
    ''
    $help = $Breakdown.help
    Format-MarkdownTable @('help file', 'first call', 'of which JIT', 'second call') @(
        , @("the module's ($(Format-Number ($help.full.mamlBytes / 1MB) 'F1') MB, $($help.full.commands) cmdlets)", (Format-Number $help.full.firstMs 'N0'), (Format-Number $help.full.firstJitMs 'N0'), (Format-Number $help.full.secondMs 'N0'))
        , @("only Get-IbImage's entry ($(Format-Number ($help.one.mamlBytes / 1KB) 'N0') KB)", (Format-Number $help.one.firstMs 'N0'), (Format-Number $help.one.firstJitMs 'N0'), (Format-Number $help.one.secondMs 'N0'))
        , @('none (PowerShell''s syntax-only help)', (Format-Number $help.none.firstMs 'N0'), (Format-Number $help.none.firstJitMs 'N0'), (Format-Number $help.none.secondMs 'N0'))
    )
    ''
    "Reading the module's whole help file as XML alone takes $(Format-Number $help.full.xmlParseMs 'N0') ms (warm, after the first Get-Help)."
}
