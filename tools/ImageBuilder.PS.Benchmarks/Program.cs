using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using ImageBuilder.PS.Emulator;

// dotnet run -c Release --project tools/ImageBuilder.PS.Benchmarks [-- --calls 300 --findings 100000]
// Prints one line per measurement. Everything runs on loopback against the in-process emulator.
int calls = Option("--calls", 300);
int findings = Option("--findings", 100_000);
var manifest = Path.Combine(RepoRoot(), "output", "ImageBuilder.PS", "ImageBuilder.PS.psd1");

Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDBENCHMARK000000");
Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "benchmark-secret");
Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(Path.GetTempPath(), "ibps-bench-none"));
Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", Path.Combine(Path.GetTempPath(), "ibps-bench-none"));

await using var emulator = await ImageBuilderEmulator.StartAsync(new EmulatorOptions { ClockMode = ClockMode.Stepped });
Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", emulator.Url);

// 1. Import-Module, in a fresh runspace (the first one in the process pays for loading the assemblies).
using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
runspace.Open();
var clock = Stopwatch.StartNew();
Run(runspace, $"Import-Module '{manifest}'");
var firstImport = clock.Elapsed;
clock.Restart();
Run(runspace, "$null = Get-Command -Module ImageBuilder.PS; $null = Get-Help Get-IbImage");
Report("import", $"Import-Module {firstImport.TotalMilliseconds:F0} ms (cold, with assembly loading); commands and help ready {clock.Elapsed.TotalMilliseconds:F0} ms later");

// 2. Per call: Get-IbImage -Arn through the module, against a raw signed-less GET of the same URL.
var arn = emulator.SeedImages(1, "bench-image")[0];
// Warm up both sides first: the client is made once per session, and the JIT compiles on first use.
Run(runspace, $"for ($i = 0; $i -lt 50; $i++) {{ $null = Get-IbImage -Arn '{arn}' }}");
clock.Restart();
Run(runspace, $"for ($i = 0; $i -lt {calls}; $i++) {{ $null = Get-IbImage -Arn '{arn}' }}");
var perCmdlet = clock.Elapsed.TotalMilliseconds / calls;
using var http = new HttpClient();
var url = emulator.Url + "/GetImage?imageBuildVersionArn=" + Uri.EscapeDataString(arn);
HttpRequestMessage Raw()
{
    // The emulator checks that a signature is present and well formed, not that it verifies.
    var request = new HttpRequestMessage(HttpMethod.Get, url);
    request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDBENCHMARK000000/20260101/us-east-1/imagebuilder/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + new string('0', 64));
    request.Headers.TryAddWithoutValidation("X-Amz-Date", "20260101T000000Z");
    return request;
}
for (int i = 0; i < 50; i++)
{
    using var warm = await http.SendAsync(Raw());
    warm.EnsureSuccessStatusCode();
}
clock.Restart();
for (int i = 0; i < calls; i++)
{
    using var response = await http.SendAsync(Raw());
    await response.Content.ReadAsByteArrayAsync();
}
var perRaw = clock.Elapsed.TotalMilliseconds / calls;
Report("per-call", $"Get-IbImage -Arn {perCmdlet:F2} ms a call, raw HTTP GET {perRaw:F2} ms: the module adds {perCmdlet - perRaw:F2} ms (signing, checks, the pipeline, objects)");

// 3. Memory while 100,000 findings stream through the pipeline (25 a page).
emulator.SeedScanFindings(arn, findings);
GC.Collect();
var before = GC.GetTotalMemory(forceFullCollection: true);
long peak = before;
using var sampler = new Timer(_ => { var now = GC.GetTotalMemory(false); if (now > Interlocked.Read(ref peak)) Interlocked.Exchange(ref peak, now); }, null, 0, 20);
clock.Restart();
var count = Run(runspace, $"(Get-IbImageScanFinding -ImageArn '{arn}' | Measure-Object).Count").Single();
var elapsed = clock.Elapsed;
Report("streaming", $"{count} findings in {elapsed.TotalSeconds:F1} s ({int.Parse(count.ToString()!) / elapsed.TotalSeconds:F0}/s); managed heap peak {(Interlocked.Read(ref peak) - before) / 1048576.0:F1} MiB above the start, process working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB at peak (emulator included)");
return 0;

static List<PSObject> Run(Runspace runspace, string script)
{
    using var ps = PowerShell.Create();
    ps.Runspace = runspace;
    var output = ps.AddScript(script).Invoke().ToList();
    if (ps.HadErrors) throw new InvalidOperationException(string.Join("; ", ps.Streams.Error.Select(e => e.ToString())));
    return output;
}

static void Report(string what, string text) => Console.WriteLine($"{what,-10} {text}");

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
}

static string RepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ImageBuilder.PS.sln"))) return dir.FullName;
    }
    throw new InvalidOperationException("Run from inside the repository.");
}
