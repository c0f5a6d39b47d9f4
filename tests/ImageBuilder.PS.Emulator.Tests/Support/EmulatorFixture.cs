namespace ImageBuilder.PS.Emulator.Tests.Support;

/// <summary>One in-process emulator per test class, reset by the tests that need a clean one.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private ImageBuilderEmulator? _emulator;

    public ImageBuilderEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    public async Task InitializeAsync() => _emulator = await ImageBuilderEmulator.StartAsync();

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
