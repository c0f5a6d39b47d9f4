using System;

namespace ImageBuilder.PS.Aws.Emulation
{
    /// <summary>What Start-IbEmulator asks for.</summary>
    public sealed class EmulatorLaunchOptions
    {
        /// <summary>The loopback port; 0 picks a free one.</summary>
        public int Port { get; set; }
        public string? StateFile { get; set; }
        public bool SteppedClock { get; set; }
        public string AccountId { get; set; } = "123456789012";
        public string Region { get; set; } = "us-east-1";
        public TimeSpan StageDuration { get; set; } = TimeSpan.FromSeconds(2);
    }

    /// <summary>An emulator running inside this process; disposing it stops it (saving its state file first).</summary>
    public interface IRunningEmulator : IDisposable
    {
        string Url { get; }
        string AccountId { get; }
        string Region { get; }
        string? StateFile { get; }
    }

    /// <summary>
    /// Starts the emulator inside the PowerShell process. It is the standalone emulator's own assembly
    /// (ImageBuilder.PS.Emulator, net8.0, serving with HttpListener), shipped in lib/net8.0 and loaded into the module's
    /// load context only when an emulator is first started. Windows PowerShell 5.1 runs on .NET Framework, which
    /// cannot load it: there the cmdlets connect to an emulator started elsewhere.
    /// </summary>
    public static class SessionEmulator
    {
#if NET8_0_OR_GREATER
        public static bool Supported => true;

        public static IRunningEmulator Start(EmulatorLaunchOptions launch)
        {
            var emulator = ImageBuilder.PS.Emulator.ImageBuilderEmulator.Start(new ImageBuilder.PS.Emulator.EmulatorOptions
            {
                Url = "http://127.0.0.1:" + launch.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                AccountId = launch.AccountId,
                Region = launch.Region,
                StateFile = launch.StateFile,
                ClockMode = launch.SteppedClock ? ImageBuilder.PS.Emulator.ClockMode.Stepped : ImageBuilder.PS.Emulator.ClockMode.Real,
                StageDuration = launch.StageDuration,
            });
            return new Running(emulator, launch.StateFile);
        }

        private sealed class Running : IRunningEmulator
        {
            private readonly ImageBuilder.PS.Emulator.ImageBuilderEmulator _emulator;

            public Running(ImageBuilder.PS.Emulator.ImageBuilderEmulator emulator, string? stateFile)
            {
                _emulator = emulator;
                StateFile = stateFile;
            }

            public string Url => _emulator.Url;
            public string AccountId => _emulator.AccountId;
            public string Region => _emulator.Region;
            public string? StateFile { get; }

            public void Dispose() => _emulator.Dispose();
        }
#else
        public static bool Supported => false;

        public static IRunningEmulator Start(EmulatorLaunchOptions launch) =>
            throw new PlatformNotSupportedException("The emulator runs on .NET 8 or later, which Windows PowerShell 5.1 is not.");
#endif
    }
}
