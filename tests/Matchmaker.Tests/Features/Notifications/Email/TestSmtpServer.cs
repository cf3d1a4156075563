using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Matchmaker.Tests.Features.Notifications.Email;

/// <summary>A real SMTP server in the test process (the SmtpServer package) that keeps what it accepts; it can be stopped to play an outage.</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> received = new();
    private CancellationTokenSource? running;
    private Task? serving;

    public int Port { get; } = FreePort();

    public IReadOnlyList<MimeMessage> Received => [.. received];

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(received));
        running = new CancellationTokenSource();
        serving = new SmtpServer.SmtpServer(options, services).StartAsync(running.Token);
    }

    public async Task StopAsync()
    {
        if (running is null)
            return;
        await running.CancelAsync();
        try
        {
            await serving!;
        }
        catch (OperationCanceledException)
        {
        }

        running.Dispose();
        running = null;
    }

    /// <summary>Waits until the server holds at least <paramref name="count"/> messages that <paramref name="match"/> accepts, and returns them.</summary>
    public async Task<List<MimeMessage>> WaitForAsync(Func<MimeMessage, bool> match, int count = 1)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(45);
        while (true)
        {
            var found = Received.Where(match).ToList();
            if (found.Count >= count)
                return found;
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"Expected {count} matching e-mail(s), got {found.Count}; subjects received: {string.Join(" | ", Received.Select(m => m.Subject))}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, ct));
            return SmtpResponse.Ok;
        }
    }
}
