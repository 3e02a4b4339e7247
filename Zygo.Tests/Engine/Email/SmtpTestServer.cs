using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Zygo.Tests.Engine.Email;

/// <summary>
/// A small real SMTP server on 127.0.0.1 for tests: EHLO/HELO, optional AUTH PLAIN/LOGIN, MAIL FROM, RCPT TO
/// (refusing chosen addresses), DATA with dot-unstuffing, RSET, NOOP, QUIT. No TLS. It records what it received.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentBag<Task> _sessions = [];
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly Task _acceptLoop;

    public SmtpTestServer(SmtpTestServerOptions? options = null)
    {
        Options = options ?? new SmtpTestServerOptions();
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public SmtpTestServerOptions Options { get; }
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public IReadOnlyList<ReceivedMail> Received => [.. _received];

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _sessions.Add(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        try
        {
            if (Options.Silent)
            {
                // Never greets: the client's timeout must end the conversation.
                await Task.Delay(Timeout.Infinite, _stopping.Token);
            }

            await new SmtpTestSession(Options, reader, writer, _received.Enqueue).RunAsync(_stopping.Token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server is stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        await Task.WhenAll(_sessions);
        _stopping.Dispose();
    }
}
