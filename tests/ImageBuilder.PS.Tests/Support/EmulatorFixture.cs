using ImageBuilder.PS.Emulator;

namespace ImageBuilder.PS.Tests.Support;

/// <summary>
/// The emulator, in this process on a free port, with a stepped clock, and a PowerShell session whose module
/// cmdlets all talk to it ($PSDefaultParameterValues), so scripts run exactly as a user would write them.
/// </summary>
public sealed class EmulatorFixture : IDisposable
{
    public EmulatorFixture()
    {
        Emulator = ImageBuilderEmulator.Start(new EmulatorOptions { ClockMode = ClockMode.Stepped });
        Session = new PowerShellSession();
        var setup = Session.Run("$PSDefaultParameterValues['*-Ib*:EndpointUrl'] = $Url", new Dictionary<string, object?> { ["Url"] = Emulator.Url });
        setup.AssertSuccess();
    }

    public ImageBuilderEmulator Emulator { get; }
    public PowerShellSession Session { get; }

    public RunResult Run(string script, IDictionary<string, object?>? variables = null) => Session.Run(script, variables);

    /// <summary>Moves the emulator's clock on by whole build stages.</summary>
    public void AdvanceStages(int stages)
    {
        for (int i = 0; i < stages; i++)
        {
            Emulator.AdvanceClock(Emulator.StageDuration);
        }
    }

    public void Dispose()
    {
        Session.Dispose();
        Emulator.Dispose();
    }
}
