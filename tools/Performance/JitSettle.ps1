# Dot-sourced by WarmCalls.ps1 and Breakdown.ps1.

function Wait-JitSettled {
    <#
    .SYNOPSIS
        Runs Call in blocks until three blocks in a row leave the JIT nearly idle; returns how many times it ran.
    .DESCRIPTION
        Tiered compilation first runs a method unoptimized, then (after 30 calls and a quiet spell of 100 ms)
        instrumented, then optimized, on a background thread. On a busy machine that thread waits for a CPU, so a
        session's calls get faster for thousands of calls. Blocks of BlockSize calls that compile fewer than
        QuietMethods methods each, three in a row (one alone can fall inside the tiering delay), mark the end of
        that; MaxBlocks bounds the wait.
    #>
    param([Parameter(Mandatory)] [scriptblock] $Call, [int] $BlockSize = 250, [int] $MaxBlocks = 40, [int] $QuietMethods = 10)
    $calls = 0
    $quiet = 0
    for ($block = 0; $block -lt $MaxBlocks -and $quiet -lt 3; $block++) {
        $methods = [System.Runtime.JitInfo]::GetCompiledMethodCount()
        for ($i = 0; $i -lt $BlockSize; $i++) { . $Call }
        $calls += $BlockSize
        $quiet = if ([System.Runtime.JitInfo]::GetCompiledMethodCount() - $methods -lt $QuietMethods) { $quiet + 1 } else { 0 }
    }
    $calls
}
