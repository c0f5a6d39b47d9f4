namespace ImageBuilder.PS.Emulator.Hosting;

/// <summary>
/// A host lifetime that leaves the process's signals alone: an emulator started inside a test process must not
/// take over Ctrl+C or SIGTERM. The standalone program handles those itself.
/// </summary>
internal sealed class QuietLifetime : Microsoft.Extensions.Hosting.IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
