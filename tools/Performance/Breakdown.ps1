<#
.SYNOPSIS
    Where a warm Get-IbImage -Arn, and a page of scan findings, spend their time: run by
    tools/Measure-Performance.ps1 in a child pwsh.
.DESCRIPTION
    Imports the module, compiles Probes.cs (cmdlets on the module's base that stop after one stage each, and the
    layers underneath as C# actions), then times them call by call in turn, so that noise from other work on the
    machine falls on all of them alike. Writes one JSON line: the median ms per call of every probe, and the bytes
    allocated per call. The connection is settled from environment variables (AWS_ACCESS_KEY_ID, AWS_REGION,
    AWS_ENDPOINT_URL), as the caller sets them; the -profiles probes add a shared config and a credentials file of
    ten profiles each.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Arn,
    # An image build with at least 25 scan findings, for the page probes.
    [Parameter(Mandatory)] [string] $FindingsArn,
    [int] $Rounds = 5,
    [int] $CallsPerRound = 200,
    # First run every probe once and Get-IbImage until the JIT is quiet (Wait-JitSettled): the steady state of a
    # long session. Without it the probes run on whatever tier the code has reached after a few hundred calls.
    [switch] $Settle
)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'JitSettle.ps1')
Import-Module $ModulePath
for ($i = 0; $i -lt 200; $i++) { $null = Get-IbImage -Arn $Arn }

$lib = Join-Path $ModulePath 'lib/net8.0'
$references = @(
    (Join-Path $ModulePath 'ImageBuilder.PS.dll'), (Join-Path $ModulePath 'ImageBuilder.PS.Model.dll'),
    (Join-Path $lib 'ImageBuilder.PS.Aws.dll'), (Join-Path $lib 'AWSSDK.Core.dll'), [psobject].Assembly.Location,
    'netstandard', 'System.Collections', 'System.Memory', 'System.Net.Http', 'System.Net.Primitives', 'System.Runtime'
)
$probes = Add-Type -Path (Join-Path $PSScriptRoot 'Probes.cs') -ReferencedAssemblies $references -PassThru -IgnoreWarnings -WarningAction SilentlyContinue
Import-Module -Assembly $probes[0].Assembly
$loop = [ImageBuilderPerformance.Loop]

# The module's engine types live in its own load context: reached by reflection from the cmdlets' session state.
function Get-LoadedAssembly([string] $Name) { [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq $Name } | Select-Object -First 1 }
$any = [Reflection.BindingFlags]'Instance,Static,Public,NonPublic'
$state = (Get-LoadedAssembly 'ImageBuilder.PS').GetType('ImageBuilder.PS.Base.ModuleState').GetProperty('Current', $any).GetValue($null)
$clients = $state.Clients.GetType().GetField('_clients', $any).GetValue($state.Clients)
$client = @($clients.Values)[0].Value
$aws = Get-LoadedAssembly 'ImageBuilder.PS.Aws'
$sdk = Get-LoadedAssembly 'AWSSDK.Core'
$binding = $aws.GetType('ImageBuilder.PS.Aws.ServiceBinding').GetField('ImageBuilder').GetValue($null)
$callAsync = $client.GetType().GetMethod('CallAsync')
$resolveCredentials = $client.GetType().GetMethod('ResolveCredentialsAsync')

$operations = [ImageBuilder.PS.Model.Ib.IbOperations]
$protocol = [ImageBuilder.PS.Protocol.ClientProtocol]::For($operations::Service)
$endpoint = $env:AWS_ENDPOINT_URL.TrimEnd('/')
$request = [ImageBuilder.PS.Model.Ib.GetImageRequest]@{ ImageBuildVersionArn = $Arn }
$url = $endpoint + '/GetImage?imageBuildVersionArn=' + [uri]::EscapeDataString($Arn)
$body = $loop::Fetch($url, $null)
$response = $protocol.DeserializeResponse($operations::GetImage, 200, [ImageBuilder.PS.Protocol.DictionaryHeaderSource]::From([Collections.Generic.Dictionary[string, string]]::new()), $body)

# One page of scan findings (25, the service's largest page).
$pageRequest = [ImageBuilder.PS.Model.Ib.ListImageScanFindingsRequest]::new()
$pageRequest.Filters = [Collections.Generic.List[ImageBuilder.PS.Model.Ib.ImageScanFindingsFilter]]::new()
$pageRequest.Filters.Add([ImageBuilder.PS.Model.Ib.ImageScanFindingsFilter]@{ Name = 'imageBuildVersionArn'; Values = [Collections.Generic.List[string]]@($FindingsArn) })
$pageJson = @{ filters = @(@{ name = 'imageBuildVersionArn'; values = @($FindingsArn) }) } | ConvertTo-Json -Compress -Depth 4
$pageBody = $loop::Fetch("$endpoint/ListImageScanFindings", $pageJson)

# SigV4 as the SDK's signer does it, on the request the module's marshaller makes.
$marshaller = $client.GetType().GetField('_marshaller', $any).GetValue($client)
$sdkRequest = $marshaller.GetType().GetMethod('Marshall').Invoke($marshaller, @($aws.GetType('ImageBuilder.PS.Aws.OperationRequest')::new($operations::GetImage, $request)))
$sdkRequest.GetType().GetProperty('Endpoint').SetValue($sdkRequest, [uri] $endpoint)
$signer = [Activator]::CreateInstance($sdk.GetType('Amazon.Runtime.Internal.Auth.AWS4Signer'))
$metrics = [Activator]::CreateInstance($sdk.GetType('Amazon.Runtime.Internal.Util.RequestMetrics'))
$sign = $signer.GetType().GetMethods() | Where-Object { $_.Name -eq 'SignRequest' -and $_.GetParameters().Count -eq 5 }

$resolveEndpoint = $binding.ResolveEndpoint
$resolve = $aws.GetType('ImageBuilder.PS.Aws.ConnectionResolver').GetMethod('Resolve')
$toLocal = $aws.GetType('ImageBuilder.PS.Aws.TimestampKinds').GetMethod('ToLocal', $any)
$none = [Threading.CancellationToken]::None

# Ten profiles in each shared file, as a user with a few accounts and roles has: the connection is settled again
# for every call, so what the shared files cost there is paid every time (the -profiles probes set them around each call).
$awsFolder = Join-Path ([IO.Path]::GetTempPath()) ('ibps-bench-aws-' + [guid]::NewGuid().ToString('n'))
$null = New-Item -ItemType Directory -Path $awsFolder
$configFile = Join-Path $awsFolder 'config'
$credentialsFile = Join-Path $awsFolder 'credentials'
Set-Content -LiteralPath $configFile -Value @(foreach ($n in 1..10) { "[profile team$n]", 'region = us-west-2', "role_arn = arn:aws:iam::12345678901${n}:role/Admin", 'source_profile = default', '' })
Set-Content -LiteralPath $credentialsFile -Value (@('[default]', 'aws_access_key_id = AKIDDEFAULT', 'aws_secret_access_key = secret', '') + @(foreach ($n in 1..9) { "[key$n]", "aws_access_key_id = AKID$n", 'aws_secret_access_key = secret', '' }))
$profileVariables = [string[]] @('AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE')

$image = Get-IbImage -Arn $Arn
# What Out-String costs for a table of one row without a view's scripts (four properties: PowerShell's own table).
$plain = [pscustomobject]@{ Status = 'AVAILABLE'; Name = $image.Name; Version = $image.Version; Created = $image.DateCreated }

$powershell = [ordered]@{
    'loop'          = { }
    'write-output'  = { $null = Write-Output -InputObject $Arn }
    'probe-binding' = { $null = Measure-IbProbeBinding -Arn $Arn }
    'probe-checks'  = { $null = Measure-IbProbeChecks -Arn $Arn }
    'probe-client'  = { $null = Measure-IbProbeClient -Arn $Arn }
    'probe-call'    = { $null = Measure-IbProbeCall -Arn $Arn }
    'get-ibimage'   = { $null = Get-IbImage -Arn $Arn }
    'out-string'    = { $null = Get-IbImage -Arn $Arn | Out-String }
    'format-only'   = { $null = $image | Out-String }
    'format-floor'  = { $null = $plain | Out-String }
    'page-cmdlet'   = { $null = Get-IbImageScanFinding -ImageArn $FindingsArn -First 25 }
    'get-ibimage-profiles' = {
        $env:AWS_CONFIG_FILE, $env:AWS_SHARED_CREDENTIALS_FILE = $configFile, $credentialsFile
        $null = Get-IbImage -Arn $Arn
        $env:AWS_CONFIG_FILE, $env:AWS_SHARED_CREDENTIALS_FILE = $null, $null
    }
}
$dotnet = [ordered]@{
    'call-async'         = $loop::Invoking($callAsync, $client, @($operations::GetImage, $request, $none, $null))
    'call-on-pool'       = $loop::OnPool($resolveCredentials, $callAsync, $client, @($operations::GetImage, $request, $none, $null))
    'http-dotnet'        = $loop::Sending($url, $null)
    'sign'               = $loop::Invoking($sign, $signer, @($sdkRequest, $client.Config, $metrics, 'AKIDBENCHMARK', 'benchmark-secret'))
    'endpoint'           = $loop::Invoking($resolveEndpoint.GetType().GetMethod('Invoke'), $resolveEndpoint, @('us-east-1', $false, $false, $endpoint))
    'serialize'          = $loop::Serializing($protocol, $operations::GetImage, $request)
    'deserialize'        = $loop::Deserializing($protocol, $operations::GetImage, $body)
    'local-dates'        = $loop::Invoking($toLocal, $null, @(, $response))
    'validate'           = $loop::Validating($request)
    'resolve-connection' = $loop::Invoking($resolve, $null, @($aws.GetType('ImageBuilder.PS.Aws.ConnectionOptions')::new(), $binding))
    'page-call-async'    = $loop::Invoking($callAsync, $client, @($operations::ListImageScanFindings, $pageRequest, $none, $null))
    'page-http'          = $loop::Sending("$endpoint/ListImageScanFindings", $pageJson)
    'page-deserialize'   = $loop::Deserializing($protocol, $operations::ListImageScanFindings, $pageBody)
}
$dotnet['resolve-connection-profiles'] = $loop::WithEnvironment($dotnet['resolve-connection'], $profileVariables, [string[]] @($configFile, $credentialsFile))
$ticksPerMs = [Diagnostics.Stopwatch]::Frequency / 1000.0

function Measure-Probes([System.Collections.IDictionary] $PowerShellProbes, [System.Collections.IDictionary] $DotNetProbes, [int] $RoundCount = $Rounds) {
    # Rounds of CallsPerRound calls, each call of every PowerShell probe in turn, then the C# ones likewise; medians in ms.
    $names = @($PowerShellProbes.Keys)
    $blocks = @($PowerShellProbes.Values)
    $samples = @{}
    foreach ($name in $names + @($DotNetProbes.Keys)) { $samples[$name] = [Collections.Generic.List[double]]::new() }
    for ($round = 0; $round -lt $RoundCount; $round++) {
        for ($i = 0; $i -lt $CallsPerRound; $i++) {
            for ($k = 0; $k -lt $blocks.Count; $k++) {
                $start = [Diagnostics.Stopwatch]::GetTimestamp()
                . $blocks[$k]
                $samples[$names[$k]].Add(([Diagnostics.Stopwatch]::GetTimestamp() - $start) / $ticksPerMs)
            }
        }
        if ($DotNetProbes.Count) {
            $times = $loop::Interleave([Action[]] @($DotNetProbes.Values), $CallsPerRound)
            $k = 0
            foreach ($name in $DotNetProbes.Keys) { $samples[$name].AddRange($times[$k++]) }
        }
    }
    $medians = [ordered]@{}
    foreach ($name in $samples.Keys) { $medians[$name] = $loop::Median($samples[$name].ToArray()) }
    $medians
}

function Measure-Allocation([scriptblock] $Probe, [int] $Count = 500) {
    # Bytes allocated on every thread per repetition (the SDK works on the thread pool).
    [GC]::Collect()
    $before = [GC]::GetTotalAllocatedBytes($true)
    for ($i = 0; $i -lt $Count; $i++) { . $Probe }
    ([GC]::GetTotalAllocatedBytes($true) - $before) / $Count
}

$settledAfter = 0
try {
    if ($Settle) {
        $null = Measure-Probes $powershell $dotnet -RoundCount 1
        $settledAfter = Wait-JitSettled { $null = Get-IbImage -Arn $Arn }
    }
    $medians = Measure-Probes $powershell $dotnet
}
finally {
    Remove-Item -LiteralPath $awsFolder -Recurse -Force -ErrorAction Ignore
}
$allocations = [ordered]@{
    'get-ibimage' = Measure-Allocation { $null = Get-IbImage -Arn $Arn }
    'loop'        = Measure-Allocation { }
    'call-async'  = Measure-Allocation { $dotnet['call-async'].Invoke() }
    'http-dotnet' = Measure-Allocation { $dotnet['http-dotnet'].Invoke() }
    'page-cmdlet' = Measure-Allocation { $null = Get-IbImageScanFinding -ImageArn $FindingsArn -First 25 } 100
}


[pscustomobject]@{
    medians = $medians; bytesPerCall = $allocations; responseBytes = $body.Length; pageBytes = $pageBody.Length; settledAfterCalls = $settledAfter
} | ConvertTo-Json -Compress -Depth 4
