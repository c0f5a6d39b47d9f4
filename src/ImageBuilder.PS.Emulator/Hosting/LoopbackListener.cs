using System.Net;
using System.Net.Sockets;

namespace ImageBuilder.PS.Emulator.Hosting;

/// <summary>
/// The emulator's HTTP server: <see cref="HttpListener"/> on one loopback port. It is part of every .NET from 8 on,
/// so the same code serves the standalone program and an emulator started inside PowerShell 7 (whose runtime has
/// no ASP.NET Core). Each request is handed to the dispatcher on the thread pool; one that fails cannot stop the
/// listener.
/// </summary>
internal sealed class LoopbackListener : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<HttpListenerContext, CancellationToken, Task> _handle;
    private readonly Action<string> _log;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _acceptLoop;
    private int _inFlight;

    private LoopbackListener(HttpListener listener, string url, Func<HttpListenerContext, CancellationToken, Task> handle, Action<string> log)
    {
        _listener = listener;
        _handle = handle;
        _log = log;
        Url = url;
        _acceptLoop = Task.Run(AcceptAsync);
    }

    /// <summary>The base URL, without a trailing slash.</summary>
    public string Url { get; }

    /// <summary>
    /// Listens on <paramref name="url"/> (http, a loopback host, a port; port 0 picks a free one). HttpListener
    /// cannot be given port 0, so a free port is found by binding a socket to port 0 first; another process can take
    /// it in between, so a few ports are tried.
    /// </summary>
    public static LoopbackListener Start(string url, Func<HttpListenerContext, CancellationToken, Task> handle, Action<string> log)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/")
        {
            throw new ArgumentException($"The emulator listens on an http URL with a host and a port only, such as http://127.0.0.1:5000 (not '{url}').", nameof(url));
        }
        var host = uri.Host;
        if (!IsLoopback(host))
        {
            throw new ArgumentException($"The emulator listens on loopback only (127.0.0.1, localhost or [::1]), not on '{host}': it accepts any credentials.", nameof(url));
        }
        // On Windows, HttpListener runs on http.sys, which lets users without administrator rights register
        // "localhost" prefixes only; requests must then name localhost too, so the URL given out says localhost.
        if (OperatingSystem.IsWindows() && host == "127.0.0.1")
        {
            host = "localhost";
        }
        bool pick = uri.Port == 0;
        for (int attempt = 0; ; attempt++)
        {
            var port = pick ? FreePort(host) : uri.Port;
            var listener = new HttpListener { IgnoreWriteExceptions = true };
            var authority = $"{(host.Contains(':') ? "[" + host.Trim('[', ']') + "]" : host)}:{port}";
            listener.Prefixes.Add($"http://{authority}/");
            try
            {
                listener.Start();
                return new LoopbackListener(listener, $"http://{authority}", handle, log);
            }
            catch (HttpListenerException e) when (pick && attempt < 5)
            {
                log($"Port {port} was taken before the emulator could listen on it ({e.Message}); trying another.");
                listener.Close();
            }
            catch (HttpListenerException e)
            {
                listener.Close();
                throw new IOException($"The emulator cannot listen on http://{authority}: {e.Message}", e);
            }
        }
    }

    private static bool IsLoopback(string host) =>
        host is "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static int FreePort(string host)
    {
        var address = host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(host.Trim('[', ']'));
        var socket = new TcpListener(address, 0);
        socket.Start();
        try
        {
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
        finally
        {
            socket.Stop();
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                if (_stopping.IsCancellationRequested)
                {
                    return;
                }
                _log($"The emulator's listener failed to accept a request: {e.Message}");
                continue;
            }
            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            await _handle(context, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away, or the emulator is stopping: nobody is left to answer.
            Abort(context);
        }
        catch (Exception e)
        {
            _log($"Unexpected failure answering {context.Request.HttpMethod} {context.Request.RawUrl}: {e}");
            Abort(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static void Abort(HttpListenerContext context)
    {
        try
        {
            context.Response.Abort();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Stops accepting, gives the requests in flight a moment to finish, and closes the port.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }
        _stopping.Cancel();
        var deadline = DateTime.UtcNow.AddSeconds(2);
        while (Volatile.Read(ref _inFlight) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10).ConfigureAwait(false);
        }
        _listener.Stop();
        _listener.Close();
        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
        }
        _stopping.Dispose();
    }
}
