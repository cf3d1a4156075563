using Matchmaker.Api.Features;
using Matchmaker.Api.Features.Dashboard;
using Matchmaker.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddMatchmaker(FeatureServices.DescribeFields);
builder.Services.AddFeatures(builder.Configuration, builder.Environment);

var app = builder.Build();
app.UseMatchmaker();
app.MapDashboard();
await app.RunAsync();

public partial class Program;
