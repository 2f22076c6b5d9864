using Kanban.Server;
using Kanban.Server.Auth;
using Kanban.Server.Boards;
using Kanban.Server.Data;
using Kanban.Server.GraphQL;
using Kanban.Server.Realtime;
using Kanban.Server.Telemetry;

var builder = WebApplication.CreateBuilder(Hosting.Options(args));
var options = builder.AddKanbanOptions();
builder.AddKanbanHosting(options);
builder.Services.AddKanbanDatabase(options);
builder.Services.AddKanbanAuth();
builder.Services.AddBoards();
builder.Services.AddKanbanGraphQL();
builder.Services.AddRealtime(options);
builder.Services.AddKanbanTelemetry(options);
builder.Services.AddKanbanHealth();

var app = builder.Build();
await app.MigrateKanbanDatabaseAsync();

app.UseForwardedHeaders();
app.UseNodeName();
app.UseKanbanMetrics();
app.UseExceptionHandler();
app.UseSecurityHeaders();
app.UseWebClient();
app.UseCors();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapKanbanAuth();
app.MapGraphQL();
app.MapRealtime();
app.MapKanbanHealth();

app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
