# Dot-sourced by tools/Measure-Performance.ps1: the breakdown, where the time and the memory go. Its children are
# ColdStart.ps1, Breakdown.ps1 (with Probes.cs), Stream.ps1 -Stages, AllocationControl.ps1 and Help.ps1.

function Get-FieldMedians([object[]] $Runs) {
    # One object whose numeric properties are the medians of the runs' properties of the same name.
    $medians = [ordered]@{}
    foreach ($property in $Runs[0].PSObject.Properties) {
        if ($property.Value -is [ValueType]) { $medians[$property.Name] = Get-Median @($Runs | ForEach-Object { [double] $_.($property.Name) }) }
    }
    [pscustomobject] $medians
}

function Get-PhaseMedians([object[]] $Runs) {
    # ColdStart.ps1's runs folded into one, each figure the median of the runs' (their phases come in the same order).
    [pscustomobject]@{
        startupMs = Get-Median @($Runs | ForEach-Object startupMs)
        atStart   = Get-FieldMedians @($Runs | ForEach-Object atStart)
        phases    = @(for ($i = 0; $i -lt @($Runs[0].phases).Count; $i++) {
            Get-FieldMedians @($Runs | ForEach-Object { @($_.phases)[$i] }) | Add-Member -NotePropertyName name -NotePropertyValue @($Runs[0].phases)[$i].name -PassThru
        })
    }
}

function Copy-ModuleWithHelp([string] $ModulePath, [string] $Destination, [string] $Keep) {
    # A copy of the module whose help file holds only the cmdlet Keep, or that has no help file when Keep is empty.
    $null = New-Item -ItemType Directory -Path $Destination -Force
    Copy-Item -LiteralPath $ModulePath -Destination $Destination -Recurse
    $copy = Join-Path $Destination (Split-Path $ModulePath -Leaf)
    $maml = Get-ChildItem -Path (Join-Path $copy 'en-US') -Filter '*-Help.xml' | Select-Object -First 1 -ExpandProperty FullName
    if (-not $Keep) {
        Remove-Item -LiteralPath $maml
        return $copy
    }
    $document = [xml]::new()
    $document.PreserveWhitespace = $true
    $document.Load($maml)
    $namespaces = [Xml.XmlNamespaceManager]::new($document.NameTable)
    $namespaces.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
    foreach ($command in @($document.SelectNodes('//command:command', $namespaces))) {
        if ($command.SelectSingleNode('command:details/command:name', $namespaces).InnerText.Trim() -ne $Keep) { $null = $command.ParentNode.RemoveChild($command) }
    }
    $document.Save($maml)
    $copy
}

function Get-CacheSize {
    # The last-level cache .NET sizes the gen0 budget from (a VM may report a very large one), in words.
    $level3 = '/sys/devices/system/cpu/cpu0/cache/index3/size'
    if (Test-Path $level3) { return "L3 $((Get-Content $level3).Trim())" }
    'cache size unknown'
}

function Measure-Breakdown($Run, [object[]] $Helps) {
    # Where the time and the memory go: a new process phase by phase, the warm call stage by stage, the listing
    # and its memory, and Get-Help by the size of its help file.
    $plan = $Run.Plan
    $module = @('-ModulePath', $Run.ModulePath)
    Write-Progress -Activity 'Measure-Performance' -Status 'breakdown: a new process'
    $asRunbook = @(); $split = @()
    for ($i = 0; $i -lt $plan.ColdBreakdowns; $i++) {
        $asRunbook += Invoke-PwshScript -Run $Run -Script 'ColdStart.ps1' -ArgumentList ($module + @('-Arn', $Run.CallArn))
        $split += Invoke-PwshScript -Run $Run -Script 'ColdStart.ps1' -ArgumentList ($module + @('-Arn', $Run.CallArn, '-Split'))
    }

    Write-Progress -Activity 'Measure-Performance' -Status 'breakdown: the warm call'
    $probes = $module + @('-Arn', $Run.CallArn, '-FindingsArn', $Run.FindingsArn, '-Rounds', $plan.Rounds, '-CallsPerRound', $plan.RoundCalls)
    # With call counting off no method leaves its first tier: what a session's first calls run, held still.
    $unoptimized = $Run.Environment.Clone()
    $unoptimized['DOTNET_TC_CallCounting'] = '0'
    $warm = [pscustomobject]@{
        unoptimized = Invoke-PwshScript -Run $Run -Script 'Breakdown.ps1' -ArgumentList $probes -Environment $unoptimized
        settled     = Invoke-PwshScript -Run $Run -Script 'Breakdown.ps1' -ArgumentList ($probes + '-Settle')
    }

    Write-Progress -Activity 'Measure-Performance' -Status 'breakdown: the listing and its memory'
    # A 16 MiB gen0 budget (DOTNET_GCgen0size, a host setting) shows how much of the peak is the collector's budget.
    $smallGen0 = $Run.Environment.Clone()
    $smallGen0['DOTNET_GCgen0size'] = '0x1000000'
    $stream = @('-ModulePath', $Run.ModulePath, '-Arn', $Run.FindingsArn)
    $memory = [pscustomobject]@{
        stages    = Invoke-PwshScript -Run $Run -Script 'Stream.ps1' -ArgumentList ($stream + '-Stages')
        smallGen0 = Invoke-PwshScript -Run $Run -Script 'Stream.ps1' -ArgumentList $stream -Environment $smallGen0
        control   = Invoke-PwshScript -Run $Run -Script 'AllocationControl.ps1' -ArgumentList @('-Objects', (3 * $Run.Findings))
        cache     = Get-CacheSize
    }

    Write-Progress -Activity 'Measure-Performance' -Status 'breakdown: Get-Help'
    $help = [ordered]@{ full = Get-FieldMedians $Helps }
    foreach ($variant in @(@('one', 'Get-IbImage'), @('none', ''))) {
        $copy = Copy-ModuleWithHelp $Run.ModulePath (Join-Path $Run.Sandbox "help-$($variant[0])") $variant[1]
        $help[$variant[0]] = Get-FieldMedians @(for ($i = 0; $i -lt $plan.HelpVariants; $i++) {
            Invoke-PwshScript -Run $Run -Script 'Help.ps1' -ArgumentList @('-ModulePath', $copy)
        })
    }
    [pscustomobject]@{ cold = @((Get-PhaseMedians $asRunbook), (Get-PhaseMedians $split)); warm = $warm; memory = $memory; help = [pscustomobject] $help }
}
