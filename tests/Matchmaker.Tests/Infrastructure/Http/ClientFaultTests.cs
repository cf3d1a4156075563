using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Matchmaker.Tests.Infrastructure.Http;

/// <summary>
/// A client's fault is the client's business: it is answered, not logged as the server's error with a
/// stack trace (log flooding), and a refused token is not told why.
/// </summary>
public sealed class ClientFaultTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task An_oversized_chunked_body_is_413_and_logs_no_error_and_no_stack_trace()
    {
        var logs = new CapturedLogs();
        await using var app = api.App.WithWebHostBuilder(b => b
            .UseSetting("Logging:LogLevel:Default", "Debug")
            .ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        var sme = await api.UserAsync("sme");
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sme.Token);
        var body = Bodies.Sme();
        body["description"] = new string('x', 300 * 1024);
        var content = new ChunkedContent(Encoding.UTF8.GetBytes(body.ToJsonString()));
        logs.Clear();

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/smes") { Content = content, Headers = { TransferEncodingChunked = true } });

        await Expect.ProblemAsync(response, 413);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(logs.Entries, e => e.Exception is not null);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("tampered")]
    [InlineData("expired")]
    [InlineData("foreign")]
    public async Task A_refused_token_is_401_without_saying_why(string kind)
    {
        var sme = await api.UserAsync("sme");
        var token = kind switch
        {
            "garbage" => "not-a-token",
            "tampered" => sme.Token[..^2] + (sme.Token[^2] == 'A' ? "BB" : "AA"),
            "expired" => Token(sme.UserId, ApiFixture.SigningKey, DateTime.UtcNow.AddHours(-1)),
            _ => Token(sme.UserId, "another-signing-key-that-is-long-enough-for-hmac", DateTime.UtcNow.AddHours(1)),
        };

        var response = await api.CreateClient(token).GetAsync("/api/v1/auth/me");

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("(?i)signature|expired|lifetime|invalid_token|IDX", text);
    }

    private static string Token(Guid subject, string key, DateTime expires) => new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "matchmaker",
        Audience = "matchmaker-api",
        IssuedAt = expires.AddHours(-2),
        NotBefore = expires.AddHours(-2),
        Expires = expires,
        Claims = new Dictionary<string, object> { ["sub"] = subject.ToString(), ["role"] = "sme" },
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
    });

    /// <summary>A body whose length is not said up front, as a chunked upload sends it.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] bytes;

        public ChunkedContent(byte[] bytes)
        {
            this.bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<(string Category, LogLevel Level, Exception? Exception, string Message)> entries = new();

        public IReadOnlyCollection<(string Category, LogLevel Level, Exception? Exception, string Message)> Entries => entries.ToArray();

        public void Clear() => entries.Clear();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, Exception?, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((category, logLevel, exception, formatter(state, exception)));
        }
    }
}
