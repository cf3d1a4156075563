using FastEndpoints;
using FastEndpoints.Swagger;
using Matchmaker.Api.Infrastructure;
using Matchmaker.Api.Infrastructure.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddMatchmaker();

var app = builder.Build();
await DatabaseInitializer.InitializeAsync(app.Services);
app.UseMatchmaker();
await app.RunAsync();

public partial class Program;
