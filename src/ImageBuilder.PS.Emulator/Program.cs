using System.Globalization;
using ImageBuilder.PS.Emulator;

// The standalone emulator: dotnet run --project src/ImageBuilder.PS.Emulator -- --urls http://127.0.0.1:5000
// Options: --urls URL, --account-id ID, --region REGION, --state-file PATH, --clock real|stepped|scaled:N, --stage-seconds N.

var options = ParseArguments(args);
if (options is null)
{
    return 2;
}
await using var emulator = await ImageBuilderEmulator.StartAsync(options);
Console.WriteLine($"ImageBuilder.PS emulator (EC2 Image Builder, AppStream and WorkSpaces image import, CloudWatch Logs) listening on {emulator.Url}");
Console.WriteLine($"  Account id: {emulator.AccountId}   Region in ARNs: {emulator.Region}   Build stage: {emulator.StageDuration.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s   Clock: {emulator.ClockMode}");
if (options.StateFile is not null)
{
    Console.WriteLine($"  State file: {Path.GetFullPath(options.StateFile)}");
}
Console.WriteLine("Point the module at it:");
Console.WriteLine($"  Get-IbImage -EndpointUrl {emulator.Url} -Region {emulator.Region}     # or: $env:AWS_ENDPOINT_URL = '{emulator.Url}'");
Console.WriteLine("Point the AWS CLI at it (any credentials work):");
Console.WriteLine($"  aws imagebuilder list-images --owner Amazon --endpoint-url {emulator.Url} --region {emulator.Region}");
Console.WriteLine($"Control endpoints: {emulator.Url}/_emulator/state, /_emulator/reset, /_emulator/clock, /_emulator/faults, ... (see README.md)");
Console.WriteLine("Press Ctrl+C to stop.");

using var stop = new CancellationTokenSource();
using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Stop);
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Stop);
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // Stopped by a signal: falling out of here disposes the emulator.
}
return 0;

// Ctrl+C or SIGTERM: stop waiting; disposing the emulator then saves the state file, if any.
void Stop(System.Runtime.InteropServices.PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

static EmulatorOptions? ParseArguments(string[] args)
{
    string url = "http://127.0.0.1:5000", account = "123456789012", region = "us-east-1";
    string? stateFile = null;
    var clock = ClockMode.Real;
    double scale = 1, stageSeconds = 2;
    for (int i = 0; i < args.Length; i++)
    {
        string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
        try
        {
            switch (args[i])
            {
                case "--urls": url = Next().Split(';')[0]; break;
                case "--account-id": account = Next(); break;
                case "--region": region = Next(); break;
                case "--state-file": stateFile = Next(); break;
                case "--stage-seconds": stageSeconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--clock":
                    var text = Next();
                    if (text.StartsWith("scaled:", StringComparison.OrdinalIgnoreCase))
                    {
                        clock = ClockMode.Scaled;
                        scale = double.Parse(text.Substring("scaled:".Length), CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        clock = Enum.Parse<ClockMode>(text, ignoreCase: true);
                    }
                    break;
                case "--help" or "-h":
                    Console.WriteLine("Usage: ImageBuilder.PS.Emulator [--urls http://127.0.0.1:PORT] [--account-id 123456789012] [--region us-east-1]");
                    Console.WriteLine("                                [--state-file PATH] [--clock real|stepped|scaled:N] [--stage-seconds N]");
                    return null;
                default:
                    throw new ArgumentException($"Unknown option {args[i]} (try --help).");
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            return null;
        }
    }
    if (!System.Text.RegularExpressions.Regex.IsMatch(account, "^[0-9]{12}$"))
    {
        Console.Error.WriteLine("--account-id must be 12 digits.");
        return null;
    }
    return new EmulatorOptions
    {
        Url = url,
        AccountId = account,
        Region = region,
        StateFile = stateFile,
        ClockMode = clock,
        ClockScale = scale,
        StageDuration = TimeSpan.FromSeconds(stageSeconds),
    };
}
