using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Matchmaker.Tests.Features.Webhooks;

/// <summary>One POST as the receiver got it: which hook it was sent to, the Standard Webhooks headers and the raw body.</summary>
public sealed record ReceivedHook(string Hook, string Id, string Timestamp, string Signature, string Body, IHeaderDictionary Headers, int Answered)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    public string Type => Json["type"]!.GetValue<string>();

    public string? Data(string field) => Json["data"]![field]?.ToString();
}

/// <summary>
/// A real HTTP server on a loopback port that takes webhook posts at <c>/hooks/{name}</c>, keeps each, and
/// answers 200 or, for a hook told to, the next of a list of failure statuses.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedHook> received = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> answers = new();
    private WebApplication? app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<ReceivedHook> Received => [.. received];

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/hooks/{name}", async (string name, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = new HeaderDictionary();
            foreach (var (key, value) in request.Headers)
                headers[key] = value;
            var status = answers.TryGetValue(name, out var queue) && queue.TryDequeue(out var failure) ? failure : 200;
            received.Enqueue(new ReceivedHook(name, request.Headers["webhook-id"].ToString(), request.Headers["webhook-timestamp"].ToString(),
                request.Headers["webhook-signature"].ToString(), body, headers, status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        BaseUrl = app.Urls.Single().TrimEnd('/');
    }

    public string UrlOf(string hook) => $"{BaseUrl}/hooks/{hook}";

    /// <summary>The next posts to <paramref name="hook"/> are answered with these statuses, in turn; later ones 200.</summary>
    public void Answer(string hook, params int[] statuses)
    {
        var queue = answers.GetOrAdd(hook, _ => new ConcurrentQueue<int>());
        foreach (var status in statuses)
            queue.Enqueue(status);
    }

    public IReadOnlyList<ReceivedHook> Of(string hook) => [.. received.Where(r => r.Hook == hook)];

    /// <summary>Waits until what <paramref name="hook"/> received satisfies <paramref name="done"/>; fails after <paramref name="seconds"/>.</summary>
    public async Task<IReadOnlyList<ReceivedHook>> WaitForAsync(string hook, Func<IReadOnlyList<ReceivedHook>, bool> done, double seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var got = Of(hook);
            if (done(got))
                return got;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Hook '{hook}' received {got.Count} post(s) ({string.Join(", ", got.Select(g => g.Type))}) and not what was awaited within {seconds} s.");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
            await app.DisposeAsync();
    }
}
