using OrderHub.Api;
using OrderHub.BuildingBlocks.Persistence;

var builder = WebApplication.CreateBuilder(DemoSeeding.ReadSwitch(args, out var seedDemo));
builder.AddOrderHubHost();

var app = builder.Build();
await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
await app.SeedDemoWhenAskedAsync(seedDemo);
app.UseOrderHubHost();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host the application.</summary>
public partial class Program;
